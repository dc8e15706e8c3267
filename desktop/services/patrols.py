"""The building-leader federation: leaders by grid and building, joint patrols and their
findings; one action registers a finding as a need."""

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, NotFoundError
from desktop.domain.federation import (
    BuildingLeaders,
    Finding,
    GridLeaders,
    Leader,
    Patrol,
    PatrolRow,
    clean_patrol,
    validate_patrol,
)
from desktop.domain.meetings import MeetingKind, MeetingQuery, MeetingRow
from desktop.domain.needs import Need, NeedSource
from desktop.domain.roster import PersonRole
from desktop.services import meetings
from desktop.services.common import checked, live_record
from desktop.services.needs import OTHER_CATEGORY as OTHER_CATEGORY  # the page names it
from desktop.services.needs import other_category_id, save_need, title_from
from desktop.services.neighborhood import building_sort_key
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    GridRecord,
    NeedCategoryRecord,
    PatrolFindingRecord,
    PatrolRecord,
    PersonRecord,
    PersonRoleRecord,
)
from desktop.store.trash import move_to_trash, record_to_save


class AlreadyANeedError(DomainError):
    """The finding has already been registered as a need."""


# -- leaders -------------------------------------------------------------------------------
def leaders_by_grid(db: Database) -> list[GridLeaders]:
    """Every building, grouped by grid (in the order grids were made; buildings with no
    grid last), each with its live building leaders — an empty list shows the gap."""
    with db.session() as s:
        grids = s.execute(select(GridRecord.id, GridRecord.name).order_by(GridRecord.id)).all()
        buildings = s.execute(
            select(BuildingRecord.id, BuildingRecord.name, BuildingRecord.grid_id)
        ).all()
        leaders = s.execute(
            select(PersonRecord.id, PersonRecord.name, PersonRecord.phone, PersonRecord.building_id)
            .join(PersonRoleRecord, PersonRoleRecord.person_id == PersonRecord.id)
            .where(
                PersonRoleRecord.role == PersonRole.BUILDING_LEADER.value,
                PersonRecord.deleted_at.is_(None),
                PersonRecord.building_id.is_not(None),
            )
            .order_by(PersonRecord.name_key, PersonRecord.id)
        ).all()
    by_building: dict[int, list[Leader]] = {}
    for person_id, name, phone, building_id in leaders:
        by_building.setdefault(building_id, []).append(Leader(person_id, name, phone))
    groups = [GridLeaders(grid_id, name) for grid_id, name in grids]
    loose = GridLeaders(None, "")
    index = {g.grid_id: g for g in groups}
    for building_id, name, grid_id in sorted(buildings, key=lambda b: building_sort_key(b[1])):
        group = index.get(grid_id, loose)
        group.buildings.append(BuildingLeaders(building_id, name, by_building.get(building_id, [])))
    return [g for g in groups if g.buildings] + ([loose] if loose.buildings else [])


def leader_meetings(db: Database, limit: int = 6) -> list[MeetingRow]:
    """The latest monthly building-leader meetings (a kind of meeting), newest first."""
    return meetings.list_meetings(db, MeetingQuery(kind=MeetingKind.BUILDING_LEADERS), limit=limit)


def leader_names(db: Database) -> list[str]:
    """The live building leaders' names, to invite to a new leaders' meeting."""
    return [
        leader.name
        for group in leaders_by_grid(db)
        for b in group.buildings
        for leader in b.leaders
    ]


# -- patrols -------------------------------------------------------------------------------
def _patrol_rows(*conditions) -> Select:
    """Live patrols, newest first, with how many findings and how many became needs."""
    found = (
        select(func.count())
        .where(PatrolFindingRecord.patrol_id == PatrolRecord.id)
        .correlate(PatrolRecord)
        .scalar_subquery()
    )
    registered = (
        select(func.count(case((PatrolFindingRecord.need_id.is_not(None), 1))))
        .where(PatrolFindingRecord.patrol_id == PatrolRecord.id)
        .correlate(PatrolRecord)
        .scalar_subquery()
    )
    return (
        select(
            PatrolRecord.id,
            PatrolRecord.held_on,
            PatrolRecord.route,
            PatrolRecord.participants,
            found,
            registered,
        )
        .where(PatrolRecord.deleted_at.is_(None), *conditions)
        .order_by(PatrolRecord.held_on.desc(), PatrolRecord.id.desc())
    )


def list_patrols(db: Database, limit: int = 500) -> list[PatrolRow]:
    with db.session() as s:
        return [PatrolRow(*r) for r in s.execute(_patrol_rows().limit(limit)).all()]


def _findings(s: Session, patrol_id: int) -> list[Finding]:
    rows = s.scalars(
        select(PatrolFindingRecord)
        .where(PatrolFindingRecord.patrol_id == patrol_id)
        .order_by(PatrolFindingRecord.position, PatrolFindingRecord.id)
    )
    return [Finding(r.description, r.building, r.need_id, r.id) for r in rows]


def _live(s: Session, patrol_id: int) -> PatrolRecord:
    return live_record(s, PatrolRecord, patrol_id, "patrol")


def _patrol(s: Session, rec: PatrolRecord) -> Patrol:
    """The stored patrol with its findings (read in ``s``)."""
    return Patrol(
        rec.held_on, rec.route, rec.participants, rec.note, _findings(s, rec.id), rec.id, rec.uuid
    )


def get_patrol(db: Database, patrol_id: int) -> Patrol:
    with db.session() as s:
        rec = _live(s, patrol_id)
        return _patrol(s, rec)


def save_patrol(db: Database, patrol: Patrol) -> Patrol:
    """Create or update a patrol with its findings. A finding already registered as a need
    keeps its link (the form carries the finding's id)."""
    patrol = checked(patrol, clean_patrol, validate_patrol)
    with db.session() as s:
        rec = record_to_save(s, PatrolRecord, patrol.id, patrol.uuid, "patrol")
        rec.held_on, rec.route = patrol.held_on, patrol.route
        rec.participants, rec.note = patrol.participants, patrol.note
        s.flush()
        stored = select(PatrolFindingRecord).where(PatrolFindingRecord.patrol_id == rec.id)
        old = {f.id: f for f in s.scalars(stored)}
        kept = set()
        for position, f in enumerate(patrol.findings):
            row = old.get(f.id) if f.id is not None else None
            if row is None:
                row = PatrolFindingRecord(patrol_id=rec.id, need_id=f.need_id)
                s.add(row)
            kept.add(row.id)
            row.description, row.building, row.position = f.description, f.building, position
        for finding_id, row in old.items():
            if finding_id not in kept:
                s.delete(row)
        s.flush()
        return _patrol(s, rec)


def finding_to_need(db: Database, finding_id: int, category_id: int | None = None) -> Need:
    """One action: the finding becomes a need (待受理, source 楼栋巡查, registered on the
    patrol's date, in the finding's building) and the two stay linked."""
    with db.transaction(), db.session() as s:
        row = s.get(PatrolFindingRecord, finding_id)
        if row is None:
            raise NotFoundError(f"patrol finding {finding_id}")
        patrol = _live(s, row.patrol_id)
        if row.need_id is not None:
            raise AlreadyANeedError(str(row.need_id))
        if category_id is None or s.get(NeedCategoryRecord, category_id) is None:
            category_id = other_category_id(db)
        need = save_need(
            db,
            Need(
                title=title_from(row.description),
                category_id=category_id,
                description=row.description,
                building=row.building,
                source=NeedSource.BUILDING_PATROL,
                registered_on=patrol.held_on,
            ),
        )
        row.need_id = need.id
    return need


def patrol_of_need(db: Database, need_id: int) -> PatrolRow | None:
    """The live patrol whose finding a need came from (the link the other way)."""
    rows = _patrol_rows(
        PatrolRecord.id.in_(
            select(PatrolFindingRecord.patrol_id).where(PatrolFindingRecord.need_id == need_id)
        )
    )
    with db.session() as s:
        found = s.execute(rows.limit(1)).first()
    return PatrolRow(*found) if found else None


def finding_of_need(db: Database, need_id: int) -> tuple[PatrolRow, str] | None:
    """The live patrol a need came from and the words of the finding it was registered from."""
    patrol = patrol_of_need(db, need_id)
    if patrol is None:
        return None
    with db.session() as s:
        text = s.scalar(
            select(PatrolFindingRecord.description)
            .where(
                PatrolFindingRecord.need_id == need_id, PatrolFindingRecord.patrol_id == patrol.id
            )
            .limit(1)
        )
    return patrol, text or ""


def delete_patrols(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, PatrolRecord, ids)
