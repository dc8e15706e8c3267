"""Visits: reception-day and door-knocking records; a visit can become a need."""

from datetime import date, timedelta
from functools import partial

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, Problem, ValidationError
from desktop.domain.needs import Need, NeedSource, Satisfaction
from desktop.domain.visits import (
    Visit,
    VisitKind,
    VisitQuery,
    VisitRow,
    clean_visit,
    validate_visit,
)
from desktop.services.common import (
    Hint,
    ListSpec,
    get_live,
    list_functions,
    save_checked,
)
from desktop.services.links import match_person
from desktop.services.mapping import from_row, to_row
from desktop.services.needs import other_category_id, save_need, title_from
from desktop.store.database import Database
from desktop.store.keyset import dated
from desktop.store.models import VisitRecord
from desktop.store.trash import move_to_trash, record_to_save

SORT_COLUMNS = {
    "visited": VisitRecord.visited_on,
    "resident": VisitRecord.resident_key,  # pinyin order
    "building": VisitRecord.building,
    "follow_up": dated(VisitRecord.follow_up_on),
}


class AlreadyANeedError(DomainError):
    """The visit has already been turned into a need."""


def _narrow(stmt: Select, query: VisitQuery, hint: Hint, today: date) -> Select:
    if query.kind is not None:
        stmt = stmt.where(VisitRecord.kind == query.kind.value)
    if query.follow_up_from is not None:
        stmt = stmt.where(VisitRecord.follow_up_on >= query.follow_up_from)
    if query.follow_up_to is not None:
        stmt = stmt.where(VisitRecord.follow_up_on <= query.follow_up_to)
    if query.follow_up_open:
        stmt = stmt.where(VisitRecord.follow_up_on.is_not(None), _no_outcome())
    return stmt


def _no_outcome():
    """No result recorded: the outcome is empty (save_visit strips it, so blanks count too)."""
    return func.trim(VisitRecord.outcome) == ""


VISIT_LIST = ListSpec(
    model=VisitRecord,
    row=VisitRow,
    same="id kind visited_on resident building issue follow_up_on need_id",
    read={"followed_up": ~_no_outcome()},
    narrow=_narrow,
    sorts=SORT_COLUMNS,
)


count_visits, list_visits = list_functions(VISIT_LIST)


def get_visit(db: Database, visit_id: int) -> Visit:
    return get_live(db, VisitRecord, visit_id, "visit", partial(from_row, Visit))


def save_visit(db: Database, visit: Visit) -> Visit:
    return save_checked(db, visit, clean_visit, validate_visit, _save)


def _save(s: Session, v: Visit) -> Visit:
    rec = record_to_save(s, VisitRecord, v.id, v.uuid, "visit", add=False)
    if v.person_id is None or v.resident != rec.resident:
        v.person_id = match_person(s, v.resident, v.building)
    to_row(rec, v)
    s.add(rec)
    s.flush()
    return from_row(Visit, rec)


def visit_to_need(db: Database, visit_id: int) -> Need:
    """One action: the visit becomes a need (待受理) and the two stay linked."""
    visit = get_visit(db, visit_id)
    if visit.need_id is not None:
        raise AlreadyANeedError(str(visit.need_id))
    category = visit.category_id or other_category_id(db)
    source = (
        NeedSource.RECEPTION_DAY
        if visit.kind is VisitKind.RECEPTION_DAY
        else NeedSource.DOOR_KNOCKING
    )
    title = title_from(visit.issue) if visit.issue else visit.resident
    with db.transaction(), db.session() as s:
        need = save_need(
            db,
            Need(
                title=title,
                category_id=category,
                description=visit.issue,
                raised_by=visit.resident,
                person_id=visit.person_id,
                phone=visit.phone,
                building=visit.building,
                unit=visit.unit,
                room=visit.room,
                source=source,
                registered_on=visit.visited_on,
                due_on=visit.follow_up_on,
            ),
        )
        rec = s.get(VisitRecord, visit_id)
        assert rec is not None
        if rec.need_id is not None:  # converted meanwhile: keep the first, undo this one
            raise AlreadyANeedError(str(rec.need_id))
        rec.need_id = need.id
    return need


def visits_of_need(db: Database, need_id: int) -> list[VisitRow]:
    """The visits a need came from (the link the other way)."""
    with db.session() as s:
        ids = list(
            s.scalars(
                select(VisitRecord.id).where(
                    VisitRecord.need_id == need_id, VisitRecord.deleted_at.is_(None)
                )
            )
        )
    rows = [get_visit(db, i) for i in ids]
    return [
        VisitRow(
            v.id or 0,
            v.kind,
            v.visited_on,
            v.resident,
            v.building,
            v.issue,
            v.follow_up_on,
            v.need_id,
            v.followed_up,
        )
        for v in rows
    ]


def follow_ups_between(db: Database, first: date, last: date) -> list[VisitRow]:
    return list_visits(
        db,
        VisitQuery(follow_up_from=first, follow_up_to=last, sort="follow_up", descending=False),
        limit=500,
    )


def open_follow_ups_query(last: date) -> VisitQuery:
    """Follow-ups due by ``last`` (overdue ones included) whose result is not recorded yet,
    the longest overdue first."""
    return VisitQuery(follow_up_to=last, follow_up_open=True, sort="follow_up", descending=False)


def open_follow_ups(db: Database, last: date, limit: int = 50) -> list[VisitRow]:
    return list_visits(db, open_follow_ups_query(last), limit=limit)


def count_open_follow_ups(db: Database, last: date, *, before: date | None = None) -> int:
    """How many follow-ups are due by ``last`` and not done; with ``before``, only those
    whose day is earlier (the overdue ones, when ``before`` is today)."""
    query = open_follow_ups_query(last)
    if before is not None:
        query.follow_up_to = min(last, before - timedelta(days=1))
    return count_visits(db, query)


def record_follow_up(
    db: Database, visit_id: int, outcome: str, satisfaction: Satisfaction | None
) -> Visit:
    """The follow-up is done: its result (and the resident's satisfaction) kept on the visit."""
    visit = get_visit(db, visit_id)
    visit.outcome = outcome
    visit.satisfaction = satisfaction
    visit = clean_visit(visit)
    if not visit.outcome:
        raise ValidationError({"outcome": Problem.REQUIRED})
    return save_visit(db, visit)


def delete_visits(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, VisitRecord, ids)
