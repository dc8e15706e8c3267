"""The needs list: categories, needs with their status history, paging and filters in SQL."""

from datetime import date
from functools import partial

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop.domain.needs import (
    OPEN_STATUSES,
    Need,
    NeedCategory,
    NeedQuery,
    NeedRow,
    NeedStatus,
    StatusChange,
    can_move,
    clean_need,
    is_overdue,
    validate_need,
)
from desktop.domain.text import clean_text
from desktop.services.common import (
    Hint,
    ListSpec,
    Problems,
    count_where,
    get_live,
    list_functions,
    save_checked,
)
from desktop.services.links import match_person
from desktop.services.mapping import from_row, to_row
from desktop.store.database import Database
from desktop.store.keyset import dated
from desktop.store.models import (
    NeedCategoryRecord,
    NeedRecord,
    NeedStatusChangeRecord,
    utcnow,
)
from desktop.store.trash import move_to_trash, record_to_save


# The category as a subquery rather than a join: with the join, SQLite walks the needs category
# by category through ix_need_category_id for every order (measured 130–210 ms instead of
# 50 ms for an unindexed order at 100,000 needs).
def _of_category(column):
    return (
        select(column)
        .where(NeedCategoryRecord.id == NeedRecord.category_id)
        .correlate(NeedRecord)
        .scalar_subquery()
    )


SORT_COLUMNS = {
    "registered": NeedRecord.registered_on,
    "due": dated(NeedRecord.due_on),  # no due date sorts last ascending
    "title": NeedRecord.title,
    "category": _of_category(NeedCategoryRecord.position),
    "status": NeedRecord.status,
    "urgency": NeedRecord.urgency,
    "building": NeedRecord.building,
    "raised_by": NeedRecord.raised_by_key,  # pinyin order
}


OTHER_CATEGORY = "其他"


class CategoryInUseError(DomainError):
    def __init__(self, name: str, needs: int) -> None:
        super().__init__(f"{name}: {needs}")
        self.name = name
        self.needs = needs


# -- categories (an editable list) ---------------------------------------------------------
def list_categories(db: Database) -> list[NeedCategory]:
    with db.session() as s:
        rows = s.scalars(
            select(NeedCategoryRecord).order_by(NeedCategoryRecord.position, NeedCategoryRecord.id)
        )
        return [NeedCategory(name=r.name, id=r.id) for r in rows]


def save_category(db: Database, category: NeedCategory) -> NeedCategory:
    name = clean_text(category.name, single_line=True)
    if not name:
        raise ValidationError({"name": Problem.REQUIRED})
    if len(name) > 20:
        raise ValidationError({"name": Problem.TOO_LONG})
    with db.session() as s:
        clash = s.scalar(select(NeedCategoryRecord.id).where(NeedCategoryRecord.name == name))
        if clash is not None and clash != category.id:
            raise ValidationError({"name": Problem.DUPLICATE_NAME})
        if category.id is None:
            last = s.scalar(select(func.max(NeedCategoryRecord.position))) or 0
            rec = NeedCategoryRecord(position=last + 1)
            s.add(rec)
        else:
            rec = s.get(NeedCategoryRecord, category.id)
            if rec is None:
                raise NotFoundError(f"category {category.id}")
        rec.name = name
        s.flush()
        return NeedCategory(name=rec.name, id=rec.id)


def other_category_id(db: Database) -> int:
    """The category a record turned into a need falls back to: 其他, else the last one."""
    categories = list_categories(db)
    other = next((c for c in categories if c.name == OTHER_CATEGORY), categories[-1])
    assert other.id is not None
    return other.id


def title_from(text: str) -> str:
    """A need's title from the words of what it came from: their first line, cut short."""
    return text.splitlines()[0][:60]


def delete_category(db: Database, category_id: int) -> None:
    """Refused while needs (trash included) use it: their category must not vanish."""
    with db.session() as s:
        rec = s.get(NeedCategoryRecord, category_id)
        if rec is None:
            raise NotFoundError(f"category {category_id}")
        used = count_where(s, NeedRecord, NeedRecord.category_id == category_id)
        if used:
            raise CategoryInUseError(rec.name, used)
        s.delete(rec)


# -- the list ------------------------------------------------------------------------------
def _narrow(stmt: Select, query: NeedQuery, hint: Hint, today: date) -> Select:
    open_values = [s.value for s in OPEN_STATUSES]
    if query.status is not None:
        stmt = stmt.where(hint(NeedRecord.status == query.status.value))
    if query.open_only:
        stmt = stmt.where(hint(NeedRecord.status.in_(open_values)))
    if query.overdue_only:
        # One hint per term: SQLite looks through a hint around an AND.
        stmt = stmt.where(hint(NeedRecord.status.in_(open_values)), hint(NeedRecord.due_on < today))
    if query.category_id is not None:
        stmt = stmt.where(hint(NeedRecord.category_id == query.category_id))
    if query.building:
        stmt = stmt.where(hint(NeedRecord.building == query.building))
    if query.disputes_only:
        stmt = stmt.where(hint(NeedRecord.is_dispute.is_(True)))
    if query.registered_from:
        stmt = stmt.where(NeedRecord.registered_on >= query.registered_from)
    if query.registered_to:
        stmt = stmt.where(NeedRecord.registered_on <= query.registered_to)
    return stmt


def _overdue(db: Database, values: list[dict], today: date) -> None:
    for v in values:
        v["overdue"] = is_overdue(v["status"], v["due_on"], today)


NEED_LIST = ListSpec(
    model=NeedRecord,
    row=NeedRow,
    same="id title raised_by building urgency status registered_on due_on",
    read={"category": _of_category(NeedCategoryRecord.name)},
    narrow=_narrow,
    sorts=SORT_COLUMNS,
    ids_first=True,
    finish=_overdue,
)


count_needs, list_needs = list_functions(NEED_LIST)


def needs_buildings(db: Database) -> list[str]:
    """The buildings needs were raised in (for the filter), in the roster's order first."""
    with db.session() as s:
        names = s.scalars(
            select(NeedRecord.building)
            .where(NeedRecord.deleted_at.is_(None), NeedRecord.building != "")
            .distinct()
        )
        return sorted(names)


# -- one need ------------------------------------------------------------------------------
def need_from_record(rec: NeedRecord) -> Need:
    """The stored need as the domain object (category by id, the person linked by id)."""
    return from_row(Need, rec)


def get_need(db: Database, need_id: int) -> Need:
    return get_live(db, NeedRecord, need_id, "need", need_from_record)


def save_need(db: Database, need: Need, note: str = "") -> Need:
    """Create or update; a change of status is checked against the flow and kept in the
    history with ``note``."""
    return save_checked(db, need, clean_need, validate_need, partial(_save, note=note), _check)


def _check(s: Session, need: Need, problems: Problems) -> None:
    """The category's own rules and the status flow, from what is stored."""
    category = None if need.category_id is None else s.get(NeedCategoryRecord, need.category_id)
    if need.category_id is not None and category is None:
        problems["category"] = Problem.REQUIRED
    if category is not None:
        problems.update(validate_need(need, category.name))
    if need.id is not None:
        previous = NeedStatus(record_to_save(s, NeedRecord, need.id, None, "need").status)
        if not can_move(previous, need.status):
            problems["status"] = Problem.STATUS_FLOW


def _save(s: Session, need: Need, note: str) -> Need:
    rec = record_to_save(s, NeedRecord, need.id, need.uuid, "need", add=False)
    previous = None if need.id is None else NeedStatus(rec.status)
    if need.person_id is None or need.raised_by != rec.raised_by:
        need.person_id = match_person(s, need.raised_by, need.building)
    to_row(rec, need)
    s.add(rec)
    s.flush()
    if previous != need.status:
        s.add(
            NeedStatusChangeRecord(
                need_id=rec.id,
                from_status=previous and previous.value,
                to_status=need.status.value,
                note=clean_text(note),
                changed_at=utcnow(),
            )
        )
    return need_from_record(rec)


def change_status(
    db: Database, need_id: int, status: NeedStatus, note: str = "", reason: str = ""
) -> Need:
    need = get_need(db, need_id)
    need.status = status
    if reason:
        need.status_reason = reason
    return save_need(db, need, note)


def status_history(db: Database, need_id: int) -> list[StatusChange]:
    with db.session() as s:
        rows = s.scalars(
            select(NeedStatusChangeRecord)
            .where(NeedStatusChangeRecord.need_id == need_id)
            .order_by(NeedStatusChangeRecord.changed_at, NeedStatusChangeRecord.id)
        )
        return [
            StatusChange(
                NeedStatus(r.from_status) if r.from_status else None,
                NeedStatus(r.to_status),
                r.note,
                r.changed_at,
            )
            for r in rows
        ]


def delete_needs(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, NeedRecord, ids)
