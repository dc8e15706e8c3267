"""保存期限: the phone numbers and rooms of needs and visits closed long ago are cleared.

A need is closed when its status is no longer open (已解决, 已转办, 不予受理); it closed when
it last moved to that status (its status history), or, with no history (an old import), when
it was last changed — the later date, so nothing is cleared early. A visit is closed when it
happened, or at its follow-up date if it has one. Records in the 回收站 count too: they still
hold the numbers. The database runs with ``secure_delete``, so the old values do not linger in
the file's free space."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import ColumnElement, DateTime, func, or_, select, type_coerce, update

from desktop.domain.needs import OPEN_STATUSES
from desktop.store.database import Database
from desktop.store.models import NeedRecord, NeedStatusChangeRecord, VisitRecord

log = logging.getLogger(__name__)

DEFAULT_YEARS = 3
MAX_YEARS = 10
TITLE_LENGTH = 40  # of a visit's issue, shown in the preview as its title


@dataclass(frozen=True)
class ClearedRecord:
    """One record whose phone and room would be cleared: what identifies it, no phone."""

    id: int
    title: str
    closed_on: date


@dataclass(frozen=True)
class RetentionPreview:
    cutoff: date  # records closed before this day
    needs: list[ClearedRecord]
    visits: list[ClearedRecord]

    @property
    def total(self) -> int:
        return len(self.needs) + len(self.visits)


@dataclass(frozen=True)
class RetentionResult:
    needs: int
    visits: int

    @property
    def total(self) -> int:
        return self.needs + self.visits


def cutoff_date(years: int, today: date) -> date:
    """Closed before this day means closed more than ``years`` years ago."""
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be 1–{MAX_YEARS}, not {years}")
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _need_closed_at() -> ColumnElement[datetime]:
    last_move = (
        select(func.max(NeedStatusChangeRecord.changed_at))
        .where(
            NeedStatusChangeRecord.need_id == NeedRecord.id,
            NeedStatusChangeRecord.to_status == NeedRecord.status,
        )
        .scalar_subquery()
    )
    return type_coerce(func.coalesce(last_move, NeedRecord.updated_at), DateTime)


def _holds_contact(model: type[NeedRecord] | type[VisitRecord]) -> ColumnElement[bool]:
    return or_(model.phone != "", model.room != "")


def _old_needs(cutoff: date) -> list[ColumnElement[bool]]:
    return [
        NeedRecord.status.not_in([s.value for s in OPEN_STATUSES]),
        _need_closed_at() < datetime.combine(cutoff, time()),
        _holds_contact(NeedRecord),
    ]


def _old_visits(cutoff: date) -> list[ColumnElement[bool]]:
    return [
        VisitRecord.visited_on < cutoff,
        or_(VisitRecord.follow_up_on.is_(None), VisitRecord.follow_up_on < cutoff),
        _holds_contact(VisitRecord),
    ]


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"


def preview(db: Database, years: int, today: date) -> RetentionPreview:
    """What ``apply`` would clear: each list's records, oldest first."""
    cutoff = cutoff_date(years, today)
    closed_at = _need_closed_at().label("closed_at")
    with db.session() as s:
        need_rows = s.execute(
            select(NeedRecord.id, NeedRecord.title, closed_at)
            .where(*_old_needs(cutoff))
            .order_by(closed_at, NeedRecord.id)
        ).all()
        visit_rows = s.execute(
            select(
                VisitRecord.id,
                VisitRecord.issue,
                VisitRecord.visited_on,
                VisitRecord.follow_up_on,
            )
            .where(*_old_visits(cutoff))
            .order_by(VisitRecord.visited_on, VisitRecord.id)
        ).all()
    return RetentionPreview(
        cutoff=cutoff,
        needs=[ClearedRecord(r.id, r.title, r.closed_at.date()) for r in need_rows],
        visits=[
            ClearedRecord(r.id, _short(r.issue), max(r.visited_on, r.follow_up_on or r.visited_on))
            for r in visit_rows
        ],
    )


def apply(db: Database, years: int, today: date) -> RetentionResult:
    """Clear the phone and room of every record ``preview`` lists, in one transaction."""
    cutoff = cutoff_date(years, today)
    with db.transaction(), db.session() as s:
        needs = s.execute(
            update(NeedRecord).where(*_old_needs(cutoff)).values(phone="", room="")
        ).rowcount
        visits = s.execute(
            update(VisitRecord).where(*_old_visits(cutoff)).values(phone="", room="")
        ).rowcount
    log.info(
        "retention: %d need(s) and %d visit(s) older than %d years cleared", needs, visits, years
    )
    return RetentionResult(needs=needs, visits=visits)
