"""Reading the database for a ledger: every live record of a list as a dict keyed by the
domain's field names, in registration order, streamed in chunks."""

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.ledger import LEDGERS, LedgerKind
from desktop.domain.money import from_fen
from desktop.domain.needs import Need
from desktop.domain.projects import PartyRole, ProjectKind, ProjectStage
from desktop.domain.resources import Resource
from desktop.services import ledger as package  # its CHUNK, read when called
from desktop.services.mapping import from_stored, shared_fields
from desktop.store.database import Database
from desktop.store.models import (
    NeedCategoryRecord,
    NeedRecord,
    ProjectNeedRecord,
    ProjectPartyRecord,
    ProjectRecord,
    ProjectResourceRecord,
    ResourceRecord,
)


def _stored_fields(kind: LedgerKind, cls: type, record_class: type) -> list[str]:
    """The fields the ledger's columns show that the table stores under the same name."""
    stored = set(shared_fields(cls, record_class))
    return [c.field for c in LEDGERS[kind].columns if c.field in stored]


def _plain_records(
    s: Session,
    kind: LedgerKind,
    cls: type,
    record_class: Any,
    also: tuple[Any, ...] = (),
    join: tuple[Any, Any] | None = None,
) -> Iterator[dict[str, Any]]:
    """The list's live records with the fields of its ledger (and ``also``, read through
    ``join``: a table and its ON condition), as the domain holds them: so a column added to
    the ledger is read without a list to keep here."""
    names = ["id", *_stored_fields(kind, cls, record_class)]
    stmt = (
        select(*(getattr(record_class, name) for name in names), *also)
        .where(record_class.deleted_at.is_(None))
        .order_by(record_class.registered_on, record_class.id)
    )
    if join is not None:
        stmt = stmt.join(*join)
    for row in s.execute(stmt.execution_options(yield_per=package.CHUNK)):
        record = dict(row._mapping)
        for name in names:
            record[name] = from_stored(cls, name, record[name])
        yield record


def _need_records(s: Session) -> Iterator[dict[str, Any]]:
    # The status's reason and who handles it are not columns of the sheet; the command
    # line's list shows them.
    also = (
        NeedCategoryRecord.name.label("category"),
        NeedRecord.status_reason,
        NeedRecord.handled_by,
    )
    category = (NeedCategoryRecord, NeedCategoryRecord.id == NeedRecord.category_id)
    return _plain_records(s, LedgerKind.NEEDS, Need, NeedRecord, also, category)


def _resource_records(s: Session) -> Iterator[dict[str, Any]]:
    return _plain_records(s, LedgerKind.RESOURCES, Resource, ResourceRecord)


def _project_records(s: Session) -> Iterator[dict[str, Any]]:
    stmt = (
        select(
            ProjectRecord.id,
            ProjectRecord.uuid,
            ProjectRecord.title,
            ProjectRecord.kind,
            ProjectRecord.stage,
            ProjectRecord.stop_reason,
            ProjectRecord.description,
            ProjectRecord.budget_fen,
            ProjectRecord.spent_fen,
            ProjectRecord.registered_on,
            ProjectRecord.start_on,
            ProjectRecord.end_on,
            ProjectRecord.accepted_on,
            ProjectRecord.acceptance_note,
            ProjectRecord.rating_count,
            ProjectRecord.rating_average_centi,
            ProjectRecord.evaluation,
        )
        .where(ProjectRecord.deleted_at.is_(None))
        .order_by(ProjectRecord.registered_on, ProjectRecord.id)
    )
    rows = [dict(r._mapping) for r in s.execute(stmt)]
    chunk_size = package.CHUNK
    for start in range(0, len(rows), chunk_size):
        yield from _project_chunk(s, rows[start : start + chunk_size])


def _project_chunk(s: Session, chunk: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """A chunk of projects with their parties and links, looked up for the chunk at once."""
    ids = [r["id"] for r in chunk]
    parties: dict[int, dict[str, str]] = {}
    for project_id, role, name in s.execute(
        select(ProjectPartyRecord.project_id, ProjectPartyRecord.role, ProjectPartyRecord.name)
        .where(ProjectPartyRecord.project_id.in_(ids))
        .order_by(ProjectPartyRecord.id)
    ):
        parties.setdefault(project_id, {}).setdefault(role, name)
    # Only links to live records: the trash is not exported (and is kept on re-import).
    need_links = _links(s, ProjectNeedRecord, NeedRecord, "need_id", ids)
    resource_links = _links(s, ProjectResourceRecord, ResourceRecord, "resource_id", ids)
    for r in chunk:
        named = parties.get(r["id"], {})
        average = r.pop("rating_average_centi")
        yield {
            **r,
            "kind": ProjectKind(r["kind"]),
            "stage": ProjectStage(r["stage"]),
            "budget": from_fen(r.pop("budget_fen")),
            "spent": from_fen(r.pop("spent_fen")),
            "rating_average": from_fen(average) if average is not None else None,
            "initiator": named.get(PartyRole.INITIATOR.value, ""),
            "organizer": named.get(PartyRole.ORGANIZER.value, ""),
            "implementer": named.get(PartyRole.IMPLEMENTER.value, ""),
            "need_uuids": need_links.get(r["id"], []),
            "resource_uuids": resource_links.get(r["id"], []),
        }


def _links(s: Session, link, model, column: str, project_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for project_id, uuid in s.execute(
        select(link.project_id, model.uuid)
        .join(model, model.id == getattr(link, column))
        .where(link.project_id.in_(project_ids), model.deleted_at.is_(None))
        .order_by(model.registered_on, model.id)
    ):
        found.setdefault(project_id, []).append(uuid)
    return found


_RECORDS = {
    LedgerKind.NEEDS: (_need_records, NeedRecord),
    LedgerKind.RESOURCES: (_resource_records, ResourceRecord),
    LedgerKind.PROJECTS: (_project_records, ProjectRecord),
}


def read_records(s: Session, kind: LedgerKind) -> Iterator[dict[str, Any]]:
    """The list's live records, read in ``s`` (see :func:`iter_records`)."""
    return _RECORDS[kind][0](s)


def count_live(s: Session, kind: LedgerKind) -> int:
    """How many records :func:`read_records` yields, counted in ``s``."""
    model = _RECORDS[kind][1]
    return s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0


@contextlib.contextmanager
def iter_records(db: Database, kind: LedgerKind | str) -> Iterator[Iterator[dict[str, Any]]]:
    """Every live record of a list, as exported: a dict keyed by the domain's field names
    (plus ``id``, ``category`` by name, parties by role, linked ``need_uuids`` and
    ``resource_uuids``), in registration order. Streams: one read transaction throughout."""
    with db.session() as s:
        yield read_records(s, LedgerKind(kind))
