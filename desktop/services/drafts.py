"""Autosaved drafts of the meeting and visit forms, offered back after a crash.

A form saves its state here every 30 s while open; saving or discarding the form deletes the
draft. What is left at start-up is what a crash interrupted.
"""

import json
import types
import typing
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import delete, select

from desktop.domain.meetings import Meeting
from desktop.domain.visits import Visit
from desktop.store.database import Database
from desktop.store.models import DraftRecord, utcnow

MEETING, VISIT = "meeting", "visit"

T = TypeVar("T")


@dataclass
class Draft:
    id: int
    kind: str
    record_id: int | None
    record: Meeting | Visit
    saved_at: datetime


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(record: Meeting | Visit) -> str:
    assert is_dataclass(record)
    return json.dumps(_plain(asdict(record)), ensure_ascii=False)


def _typed(hint: Any, value: Any) -> Any:
    """``value`` as read from JSON, turned back into the type the dataclass field holds."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        return _typed(next(a for a in args if a is not type(None)), value)
    if origin is list:
        return [_typed(args[0], v) for v in value]
    if origin is tuple:  # only tuple[X, ...] is used in the records
        return tuple(_typed(args[0], v) for v in value)
    if is_dataclass(hint):
        return from_plain(hint, value)
    if hint is datetime:  # before date: a datetime is a date too
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum | Decimal):
        return hint(value)
    return value


# Fields added after drafts were first kept: an older draft lacks them and gets the default.
# Any other missing field means a damaged draft (KeyError), which is skipped.
ADDED_LATER = frozenset({"more_roles"})


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """The dataclass ``to_json`` wrote, read field by field from its type hints."""
    hints = typing.get_type_hints(cls)
    values = {
        f.name: _typed(hints[f.name], data[f.name])
        for f in fields(cls)
        if f.name in data or f.name not in ADDED_LATER
    }
    return cls(**values)


_KINDS: dict[str, type[Meeting] | type[Visit]] = {MEETING: Meeting, VISIT: Visit}


def save_draft(db: Database, kind: str, record: Meeting | Visit, draft_id: int | None) -> int:
    """Write (or overwrite) the draft; returns its id for the next autosave."""
    with db.session() as s:
        rec = s.get(DraftRecord, draft_id) if draft_id is not None else None
        if rec is None:
            rec = DraftRecord(kind=kind)
            s.add(rec)
        rec.record_id = record.id
        rec.payload = to_json(record)
        rec.saved_at = utcnow()
        s.flush()
        return rec.id


def discard_draft(db: Database, draft_id: int | None) -> None:
    if draft_id is None:
        return
    with db.session() as s:
        s.execute(delete(DraftRecord).where(DraftRecord.id == draft_id))


def pending_drafts(db: Database) -> list[Draft]:
    """Drafts a crash left behind, newest first; unreadable ones are skipped (and kept)."""
    with db.session() as s:
        rows = s.scalars(select(DraftRecord).order_by(DraftRecord.saved_at.desc())).all()
        drafts = []
        for r in rows:
            cls = _KINDS.get(r.kind)
            try:
                record = from_plain(cls, json.loads(r.payload)) if cls else None
            except (ValueError, KeyError, TypeError):
                record = None
            if record is not None:
                drafts.append(Draft(r.id, r.kind, r.record_id, record, r.saved_at))
        return drafts
