"""The trash (回收站): records moved out of the lists, restorable until purged."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.kinds import RecordKind
from desktop.services import organizations, people
from desktop.store.database import Database
from desktop.store.models import OrganizationRecord, PersonRecord


@dataclass
class TrashItem:
    kind: RecordKind
    id: int
    title: str
    deleted_at: datetime


def list_trash(db: Database, limit: int = 5000) -> list[TrashItem]:
    """Newest first, across kinds."""
    items: list[TrashItem] = []
    with db.session() as s:
        for kind, model in (
            (RecordKind.PERSON, PersonRecord),
            (RecordKind.ORGANIZATION, OrganizationRecord),
        ):
            rows = s.execute(
                select(model.id, model.name, model.deleted_at)
                .where(model.deleted_at.is_not(None))
                .order_by(model.deleted_at.desc())
                .limit(limit)
            )
            items += [TrashItem(kind, r[0], r[1], r[2]) for r in rows]
    items.sort(key=lambda i: i.deleted_at, reverse=True)
    return items[:limit]


_RESTORE = {
    RecordKind.PERSON: people.restore_people,
    RecordKind.ORGANIZATION: organizations.restore_organizations,
}
_PURGE = {
    RecordKind.PERSON: people.purge_people,
    RecordKind.ORGANIZATION: organizations.purge_organizations,
}


def restore(db: Database, items: list[TrashItem]) -> int:
    return sum(_RESTORE[k](db, [i.id for i in items if i.kind is k]) for k in _kinds(items))


def purge(db: Database, items: list[TrashItem]) -> int:
    return sum(_PURGE[k](db, [i.id for i in items if i.kind is k]) for k in _kinds(items))


def _kinds(items: list[TrashItem]) -> list[RecordKind]:
    return sorted({i.kind for i in items}, key=lambda k: k.value)
