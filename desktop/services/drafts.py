"""Autosaved drafts of the meeting and visit forms, offered back after a crash.

A form saves its state here every 30 s while open; saving or discarding the form deletes the
draft. What is left at start-up is what a crash interrupted.
"""

import json
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import delete, select

from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Amendment,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
)
from desktop.domain.needs import Satisfaction
from desktop.domain.visits import ReferralTarget, Visit, VisitKind
from desktop.store.database import Database
from desktop.store.models import DraftRecord, utcnow

MEETING, VISIT = "meeting", "visit"


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
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(record: Meeting | Visit) -> str:
    assert is_dataclass(record)
    return json.dumps(_plain(asdict(record)), ensure_ascii=False)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def meeting_from_json(data: dict[str, Any]) -> Meeting:
    return Meeting(
        title=data["title"],
        kind=MeetingKind(data["kind"]),
        starts_at=_time(data["starts_at"]) or datetime.now(),
        place=data["place"],
        host=data["host"],
        recorder=data["recorder"],
        participants=[
            Participant(
                ParticipantRole(p["role"]),
                p["name"],
                p["organization"],
                p["person_id"],
                p["phone"],
                Attendance(p["attendance"]),
                # Drafts kept before a participant could hold several roles have none.
                tuple(ParticipantRole(r) for r in p.get("more_roles", ())),
            )
            for p in data["participants"]
        ],
        topics=[Topic(**t) for t in data["topics"]],
        actions=[
            ActionItem(
                a["what"],
                a["owner"],
                _day(a["due_on"]),
                ActionStatus(a["status"]),
                a["project_id"],
                a["id"],
            )
            for a in data["actions"]
        ],
        amendments=[
            Amendment(a["text"], _day(a["made_on"]) or date.today(), _time(a["made_at"]))
            for a in data["amendments"]
        ],
        finalized_at=_time(data["finalized_at"]),
        id=data["id"],
        uuid=data["uuid"],
    )


def visit_from_json(data: dict[str, Any]) -> Visit:
    values = {f.name: data[f.name] for f in fields(Visit)}
    values["kind"] = VisitKind(values["kind"])
    values["visited_on"] = _day(values["visited_on"]) or date.today()
    values["follow_up_on"] = _day(values["follow_up_on"])
    values["referred_to"] = ReferralTarget(values["referred_to"]) if values["referred_to"] else None
    values["satisfaction"] = (
        Satisfaction(values["satisfaction"]) if values["satisfaction"] else None
    )
    return Visit(**values)


_READERS = {MEETING: meeting_from_json, VISIT: visit_from_json}


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
            reader = _READERS.get(r.kind)
            try:
                record = reader(json.loads(r.payload)) if reader else None
            except (ValueError, KeyError, TypeError):
                record = None
            if record is not None:
                drafts.append(Draft(r.id, r.kind, r.record_id, record, r.saved_at))
        return drafts
