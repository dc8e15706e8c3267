"""The projects list: needs answered with resources, their parties, stages and evaluation."""

from datetime import date

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem
from desktop.domain.money import from_fen, to_fen
from desktop.domain.needs import OPEN_STATUSES, NeedStatus
from desktop.domain.projects import (
    Party,
    PartyRole,
    Project,
    ProjectQuery,
    ProjectRow,
    ProjectStage,
    can_move,
    clean_project,
    validate_project,
)
from desktop.services.common import (
    Hint,
    ListSpec,
    Problems,
    get_loaded,
    list_functions,
    save_checked,
)
from desktop.services.links import match_organization, match_person
from desktop.services.mapping import from_row, to_row
from desktop.services.needs import change_status
from desktop.store.database import Database
from desktop.store.models import (
    NeedRecord,
    ProjectNeedRecord,
    ProjectPartyRecord,
    ProjectRecord,
    ProjectResourceRecord,
)
from desktop.store.trash import move_to_trash, record_to_save

SORT_COLUMNS = {
    "registered": ProjectRecord.registered_on,
    "title": ProjectRecord.title,
    "kind": ProjectRecord.kind,
    "stage": ProjectRecord.stage,
    "budget": ProjectRecord.budget_fen,
    "spent": ProjectRecord.spent_fen,
}


def _narrow(stmt: Select, query: ProjectQuery, hint: Hint, today: date) -> Select:
    if query.kind is not None:
        stmt = stmt.where(hint(ProjectRecord.kind == query.kind.value))
    if query.stage is not None:
        stmt = stmt.where(hint(ProjectRecord.stage == query.stage.value))
    if query.registered_from:
        stmt = stmt.where(ProjectRecord.registered_on >= query.registered_from)
    if query.registered_to:
        stmt = stmt.where(ProjectRecord.registered_on <= query.registered_to)
    return stmt


def _link_count(link, column):
    return (
        select(func.count())
        .select_from(link)
        .where(column == ProjectRecord.id)
        .correlate(ProjectRecord)
        .scalar_subquery()
    )


PROJECT_LIST = ListSpec(
    model=ProjectRecord,
    row=ProjectRow,
    same="id title kind stage registered_on",
    read={
        "budget": ProjectRecord.budget_fen,
        "spent": ProjectRecord.spent_fen,
        "need_count": _link_count(ProjectNeedRecord, ProjectNeedRecord.project_id),
        "resource_count": _link_count(ProjectResourceRecord, ProjectResourceRecord.project_id),
    },
    convert={"budget": from_fen, "spent": from_fen},
    narrow=_narrow,
    sorts=SORT_COLUMNS,
    ids_first=True,
)


count_projects, list_projects = list_functions(PROJECT_LIST)


def project_from_record(s: Session, rec: ProjectRecord) -> Project:
    """The stored project as the domain object, with its parties and the ids of every linked
    need and resource (those in the trash included); reads them in ``s``."""
    parties = s.scalars(
        select(ProjectPartyRecord)
        .where(ProjectPartyRecord.project_id == rec.id)
        .order_by(ProjectPartyRecord.id)
    )
    need_ids = s.scalars(
        select(ProjectNeedRecord.need_id).where(ProjectNeedRecord.project_id == rec.id)
    )
    resource_ids = s.scalars(
        select(ProjectResourceRecord.resource_id).where(ProjectResourceRecord.project_id == rec.id)
    )
    average = rec.rating_average_centi
    return from_row(
        Project,
        rec,
        # Amounts are stored in fen; parties and links in their own tables.
        budget=from_fen(rec.budget_fen),
        spent=from_fen(rec.spent_fen),
        rating_average=from_fen(average) if average is not None else None,
        parties=[Party(PartyRole(p.role), p.name, p.person_id, p.organization_id) for p in parties],
        need_ids=sorted(need_ids),
        resource_ids=sorted(resource_ids),
    )


def get_project(db: Database, project_id: int) -> Project:
    return get_loaded(db, ProjectRecord, project_id, "project", project_from_record)


def save_project(db: Database, project: Project) -> Project:
    """Create or update with its parties and links; the stage moves one step at a time."""
    return save_checked(db, project, clean_project, validate_project, _save, _check)


def _check(s: Session, p: Project, problems: Problems) -> None:
    """The stage moves one step from the stored one."""
    if p.id is not None:
        stored = ProjectStage(record_to_save(s, ProjectRecord, p.id, None, "project").stage)
        if not can_move(stored, p.stage):
            problems["stage"] = Problem.STATUS_FLOW


def _save(s: Session, p: Project) -> Project:
    rec = record_to_save(s, ProjectRecord, p.id, p.uuid, "project", add=False)
    to_row(rec, p)
    rec.budget_fen, rec.spent_fen = to_fen(p.budget), to_fen(p.spent)
    rec.rating_average_centi = to_fen(p.rating_average) if p.rating_average is not None else None
    s.add(rec)
    s.flush()
    s.execute(delete(ProjectPartyRecord).where(ProjectPartyRecord.project_id == rec.id))
    for party in p.parties:
        if party.person_id is None and party.organization_id is None:
            party.organization_id = match_organization(s, party.name)
            if party.organization_id is None:
                party.person_id = match_person(s, party.name)
        s.add(
            ProjectPartyRecord(
                project_id=rec.id,
                role=party.role.value,
                name=party.name,
                person_id=party.person_id,
                organization_id=party.organization_id,
            )
        )
    _set_links(s, ProjectNeedRecord, "need_id", rec.id, p.need_ids)
    _set_links(s, ProjectResourceRecord, "resource_id", rec.id, p.resource_ids)
    s.flush()
    return project_from_record(s, rec)


def _set_links(s: Session, link, column: str, project_id: int, ids: list[int]) -> None:
    s.execute(delete(link).where(link.project_id == project_id))
    for other in sorted(set(ids)):
        s.add(link(project_id=project_id, **{column: other}))


def link_need(db: Database, project_id: int, need_id: int) -> None:
    """From a need: attach it to a project (idempotent)."""
    with db.session() as s:
        if s.get(ProjectNeedRecord, (project_id, need_id)) is None:
            s.add(ProjectNeedRecord(project_id=project_id, need_id=need_id))


def projects_of_need(db: Database, need_id: int) -> list[ProjectRow]:
    with db.session() as s:
        ids = list(
            s.scalars(
                select(ProjectNeedRecord.project_id).where(ProjectNeedRecord.need_id == need_id)
            )
        )
    return list_projects(db, ProjectQuery(), 0, 1000, ids=ids) if ids else []


def projects_of_resource(db: Database, resource_id: int) -> list[ProjectRow]:
    with db.session() as s:
        ids = list(
            s.scalars(
                select(ProjectResourceRecord.project_id).where(
                    ProjectResourceRecord.resource_id == resource_id
                )
            )
        )
    return list_projects(db, ProjectQuery(), 0, 1000, ids=ids) if ids else []


def open_needs_of_project(db: Database, project_id: int) -> list[int]:
    """Needs still open that the project answers: offered for resolution on completion."""
    with db.session() as s:
        return list(
            s.scalars(
                select(NeedRecord.id)
                .join(ProjectNeedRecord, ProjectNeedRecord.need_id == NeedRecord.id)
                .where(
                    ProjectNeedRecord.project_id == project_id,
                    NeedRecord.deleted_at.is_(None),
                    NeedRecord.status.in_([st.value for st in OPEN_STATUSES]),
                )
                .order_by(NeedRecord.id)
            )
        )


def resolve_needs(db: Database, need_ids: list[int], note: str) -> int:
    """Mark needs 已解决 (each change kept in its history with ``note``)."""
    for need_id in need_ids:
        change_status(db, need_id, NeedStatus.RESOLVED, note)
    return len(need_ids)


def live_titles(db: Database, model, ids: list[int]) -> dict[int, str]:
    """Titles of linked needs or resources (for the details pane)."""
    with db.session() as s:
        rows = s.execute(
            select(model.id, model.title).where(model.id.in_(ids), model.deleted_at.is_(None))
        )
        return dict(rows.all())


def need_titles(db: Database, ids: list[int]) -> dict[int, str]:
    return live_titles(db, NeedRecord, ids)


def resource_titles(db: Database, ids: list[int]) -> dict[int, str]:
    from desktop.store.models import ResourceRecord

    return live_titles(db, ResourceRecord, ids)


def delete_projects(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, ProjectRecord, ids)
