"""What the list services share: a list's own conditions, its count and its page, one live
record, an input cleaned and checked, and fields copied between a record and its dataclass."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.store.database import Database
from desktop.store.keyset import likely, ordered_page
from desktop.store.search import search_filter

T = TypeVar("T")
R = TypeVar("R")


def in_list(
    db: Database, stmt: Select, model: Any, typed: str, deleted: bool, *, page: bool = False
) -> Select:
    """``stmt`` narrowed to the list (or its trash, ``deleted``) and to the words ``typed``;
    ``page``: for a page rather than a count (see search_filter)."""
    stmt = stmt.where(model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None))
    return stmt.where(*search_filter(db, model, typed, page=page))


def _as_is(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return condition


def filter_hint(walk: bool) -> Callable[[ColumnElement[bool]], ColumnElement[bool]]:
    """``likely`` for the filters of a page that walks an indexed order, else no hint."""
    return likely if walk else _as_is


def count_of(db: Database, stmt: Select) -> int:
    """The one number a ``select(func.count())`` statement reads."""
    with db.session() as s:
        return s.scalar(stmt) or 0


def page_of(
    db: Database,
    rows: Select,
    ids: Select | None = None,
    *,
    sort: Any,
    key: Any,
    descending: bool,
    after: Any,
    offset: int,
    limit: int,
    source: Any = None,
) -> Sequence[Row]:
    """One page of ``rows`` (see ordered_page); ``after``: the last row shown (its ``id``)."""
    stmt = ordered_page(
        rows,
        ids,
        sort=sort,
        key=key,
        descending=descending,
        after=None if after is None else after.id,
        offset=offset,
        limit=limit,
        source=source,
    )
    with db.session() as s:
        return s.execute(stmt).all()


def live_record(s: Session, model: type[T], record_id: int, what: str) -> T:
    """The record, not in the trash; NotFoundError (``what`` and the id) otherwise."""
    rec = s.get(model, record_id)
    if rec is None or rec.deleted_at is not None:  # type: ignore[attr-defined]
        raise NotFoundError(f"{what} {record_id}")
    return rec


def get_live(
    db: Database, model: type[T], record_id: int, what: str, convert: Callable[[T], R]
) -> R:
    """One live record as its domain object (``convert``)."""
    with db.session() as s:
        return convert(live_record(s, model, record_id, what))


def checked(obj: T, clean: Callable[[T], T], validate: Callable[[T], dict]) -> T:
    """``obj`` cleaned; ValidationError with its problems if it is still not acceptable."""
    obj = clean(obj)
    if problems := validate(obj):
        raise ValidationError(problems)
    return obj


def copy_fields(target: object, source: object, names: Iterable[str]) -> None:
    """The attributes ``names`` of ``source`` set on ``target`` (record ↔ dataclass)."""
    for name in names:
        setattr(target, name, getattr(source, name))
