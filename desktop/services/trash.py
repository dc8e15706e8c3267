"""The trash (回收站): records moved out of the lists, restorable until purged."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.audit import AuditEvent
from desktop.domain.kinds import RecordKind
from desktop.services import audit
from desktop.store.database import Database
from desktop.store.models import (
    CompactRecord,
    EvaluationRecord,
    MeetingRecord,
    NeedRecord,
    OrganizationActivityRecord,
    OrganizationRecord,
    PartnerActivityRecord,
    PartnerAgreementRecord,
    PatrolRecord,
    PersonRecord,
    ProjectRecord,
    ResourceRecord,
    VisitRecord,
)
from desktop.store.trash import purge_from_trash, restore_from_trash

# Each kind that can be trashed: its table and the column that names a record.
TRASHABLE = {
    RecordKind.PERSON: (PersonRecord, PersonRecord.name),
    RecordKind.ORGANIZATION: (OrganizationRecord, OrganizationRecord.name),
    RecordKind.NEED: (NeedRecord, NeedRecord.title),
    RecordKind.RESOURCE: (ResourceRecord, ResourceRecord.title),
    RecordKind.PROJECT: (ProjectRecord, ProjectRecord.title),
    RecordKind.VISIT: (VisitRecord, VisitRecord.resident),
    RecordKind.MEETING: (MeetingRecord, MeetingRecord.title),
    RecordKind.COMPACT: (CompactRecord, CompactRecord.title),
    RecordKind.PATROL: (PatrolRecord, PatrolRecord.route),
    RecordKind.ORGANIZATION_ACTIVITY: (OrganizationActivityRecord, OrganizationActivityRecord.kind),
    RecordKind.PARTNER_AGREEMENT: (PartnerAgreementRecord, PartnerAgreementRecord.content),
    RecordKind.PARTNER_ACTIVITY: (PartnerActivityRecord, PartnerActivityRecord.description),
    RecordKind.EVALUATION: (EvaluationRecord, EvaluationRecord.period),  # 2026Q3
}


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
        for kind, (model, title) in TRASHABLE.items():
            rows = s.execute(
                select(model.id, title, model.deleted_at)
                .where(model.deleted_at.is_not(None))
                .order_by(model.deleted_at.desc())
                .limit(limit)
            )
            items += [TrashItem(kind, r[0], r[1], r[2]) for r in rows]
    items.sort(key=lambda i: i.deleted_at, reverse=True)
    return items[:limit]


def restore(db: Database, items: list[TrashItem]) -> int:
    return sum(
        restore_from_trash(db, TRASHABLE[k][0], [i.id for i in items if i.kind is k])
        for k in _kinds(items)
    )


def purge(db: Database, items: list[TrashItem]) -> int:
    """Delete ``items`` for good; the audit log notes each kind's ids and how many went."""
    purged = 0
    for k in _kinds(items):
        ids = [i.id for i in items if i.kind is k]
        gone = purge_from_trash(db, TRASHABLE[k][0], ids)
        audit.record(db.path.parent, AuditEvent.EMPTY_TRASH, kind=k.value, ids=ids, count=gone)
        purged += gone
    return purged


def _kinds(items: list[TrashItem]) -> list[RecordKind]:
    return sorted({i.kind for i in items}, key=lambda k: k.value)
