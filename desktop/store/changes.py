"""Which kinds of record a piece of work wrote, read from the writes themselves.

The window refreshes the pages that show what changed. Rather than each caller naming the
kinds (and forgetting one when a service starts writing another table), ``track_changes``
notes every table a session writes inside it — rows added, changed or deleted through the ORM,
and INSERT/UPDATE/DELETE statements run through a session — and maps them to record kinds.
Tracking is per thread (a context variable), so work on the task runner tracks its own writes.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Delete, Insert, Update, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from desktop.domain.kinds import RecordKind

# A table's rows belong to the kind of record a page lists; detail and link tables belong to
# the record that owns them. Tables that no page lists (drafts, merge conflicts) are absent.
KIND_OF_TABLE: dict[str, RecordKind] = {
    "neighborhood": RecordKind.NEIGHBORHOOD,
    "grid": RecordKind.GRID,
    "building": RecordKind.BUILDING,
    "person": RecordKind.PERSON,
    "person_role": RecordKind.PERSON,
    "organization": RecordKind.ORGANIZATION,
    "organization_member": RecordKind.ORGANIZATION,
    "need": RecordKind.NEED,
    "need_status_change": RecordKind.NEED,
    "need_category": RecordKind.NEED_CATEGORY,
    "resource": RecordKind.RESOURCE,
    "project": RecordKind.PROJECT,
    "project_need": RecordKind.PROJECT,
    "project_party": RecordKind.PROJECT,
    "project_resource": RecordKind.PROJECT,
    "visit": RecordKind.VISIT,
    "meeting": RecordKind.MEETING,
    "meeting_amendment": RecordKind.MEETING,
    "meeting_participant": RecordKind.MEETING,
    "meeting_topic": RecordKind.MEETING,
    "meeting_topic_need": RecordKind.MEETING,
    "meeting_action": RecordKind.ACTION,
    "compact": RecordKind.COMPACT,
    "compact_version": RecordKind.COMPACT,
    "patrol": RecordKind.PATROL,
    "patrol_finding": RecordKind.PATROL,
    "organization_activity": RecordKind.ORGANIZATION_ACTIVITY,
    "station_service": RecordKind.STATION_SERVICE,
    "talent_cultivation": RecordKind.TALENT,
    "talent_right_use": RecordKind.TALENT,
    "committee_term": RecordKind.COMMITTEE_TERM,
    "committee_member": RecordKind.COMMITTEE_TERM,
    "cross_appointment": RecordKind.CROSS_APPOINTMENT,
    "evaluation": RecordKind.EVALUATION,
    "evaluation_score": RecordKind.EVALUATION,
    "partner_agreement": RecordKind.PARTNER_AGREEMENT,
    "partner_activity": RecordKind.PARTNER_ACTIVITY,
    "partner_activity_need": RecordKind.PARTNER_ACTIVITY,
    "partner_activity_project": RecordKind.PARTNER_ACTIVITY,
}

_written: ContextVar[set[str] | None] = ContextVar("written_tables", default=None)


class Changes:
    """What the work inside ``track_changes`` wrote."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    @property
    def kinds(self) -> list[RecordKind]:
        """The kinds of record written, in RecordKind's order (a stable signal order)."""
        found = {KIND_OF_TABLE[t] for t in self.tables if t in KIND_OF_TABLE}
        return [kind for kind in RecordKind if kind in found]


@contextmanager
def track_changes() -> Iterator[Changes]:
    outer = _written.get()
    changes = Changes()
    token = _written.set(changes.tables)
    try:
        yield changes
    finally:
        _written.reset(token)
    # Nested (a service's own transaction inside a tracked change): what it wrote counts for
    # the outer one too — but only when it succeeded; a failed block was rolled back.
    if outer is not None:
        outer.update(changes.tables)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context: object) -> None:
    tables = _written.get()
    if tables is None:
        return
    # after_flush still shows the flush's new, changed and deleted objects; an object merely
    # touched (dirty, but no value differs) wrote nothing.
    dirty = (obj for obj in session.dirty if session.is_modified(obj))
    for obj in (*session.new, *dirty, *session.deleted):
        tables.update(table.name for table in inspect(obj).mapper.tables)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    tables = _written.get()
    if tables is None:
        return
    statement = state.statement
    if isinstance(statement, Insert | Update | Delete):
        tables.add(statement.table.name)  # type: ignore[attr-defined]
