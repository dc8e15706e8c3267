"""What the list services share: a list's own conditions, its count and its page (declared
once per list in a ListSpec), one live record, an input cleaned and checked, and fields copied
between a record and its dataclass."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.services.mapping import from_stored
from desktop.store.database import Database
from desktop.store.keyset import likely, ordered_page
from desktop.store.search import index_fallback, search_filter

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


def get_loaded(
    db: Database, model: type[T], record_id: int, what: str, load: Callable[[Session, T], R]
) -> R:
    """One live record as its domain object, ``load`` reading its parts in the same session."""
    with db.session() as s:
        return load(s, live_record(s, model, record_id, what))


def count_where(s: Session, model: Any, *conditions: Any) -> int:
    """How many of ``model``'s records (the trash included) meet ``conditions``."""
    return s.scalar(select(func.count()).select_from(model).where(*conditions)) or 0


def checked(obj: T, clean: Callable[[T], T], validate: Callable[[T], dict]) -> T:
    """``obj`` cleaned; ValidationError with its problems if it is still not acceptable."""
    obj = clean(obj)
    if problems := validate(obj):
        raise ValidationError(problems)
    return obj


Problems = dict[str, Problem]


def save_checked(
    db: Database,
    obj: T,
    clean: Callable[[T], T],
    validate: Callable[[T], Problems],
    save: Callable[[Session, T], R],
    check: Callable[[Session, T, Problems], None] | None = None,
) -> R:
    """``obj`` cleaned and checked, then stored by ``save`` in one session.

    ``check(s, obj, problems)`` adds, in that session, the problems only the stored data shows
    (a building gone meanwhile, a stage skipped); every problem is reported at once, in one
    ValidationError, before anything is written."""
    obj = clean(obj)
    problems = validate(obj)
    with db.session() as s:
        if check is not None:
            check(s, obj, problems)
        if problems:
            raise ValidationError(problems)
        return save(s, obj)


def newest_first(
    db: Database, model: Any, *conditions: Any, newest: Any, convert: Callable[[Any], R]
) -> list[R]:
    """``model``'s records meeting ``conditions``, newest first (by ``newest``, then the later
    id first), each through ``convert``."""
    with db.session() as s:
        rows = s.scalars(select(model).where(*conditions).order_by(newest.desc(), model.id.desc()))
        return [convert(r) for r in rows]


# -- a paged list, declared ----------------------------------------------------------------
Hint = Callable[[ColumnElement[bool]], ColumnElement[bool]]


@dataclass(frozen=True)
class ListSpec:
    """What tells one paged list from another; ``count_rows`` and ``list_rows`` do the rest.

    ``same``: the row's fields read from the record's column of the same name (in the row's
    own words, space-separated); ``read``: the other fields and the SQL each is read from;
    ``convert``: how a field's stored value becomes the row's when its type does not say
    (money in fen, local time); an enum or bool field is read by its type (mapping.py).
    ``narrow(stmt, query, hint, today)``: the query's own conditions, each filter wrapped in
    ``hint``. ``sorts``/``default_sort``: the orders by name and the one used otherwise.
    ``ids_first``: the page is found on the ids alone (see ordered_page) and its filters tell
    SQLite to walk the default order's index (see filter_hint). ``join``: what the rows and
    the sort read besides the record (``source`` of ordered_page, by table). ``finish(db,
    values, today)``: the fields read another way (counted, derived), set on each row's values.
    """

    model: Any
    row: Callable[..., Any]
    same: str
    narrow: Callable[[Select, Any, Hint, date], Select]
    sorts: Mapping[str, Any]
    read: Mapping[str, Any] = field(default_factory=dict)
    convert: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    ids_first: bool = False
    join: tuple[Any, Any] | None = None  # (record class, ON condition) of an outer join
    finish: Callable[[Database, list[dict[str, Any]], date], None] | None = None

    @property
    def default_sort(self) -> Any:
        return next(iter(self.sorts.values()))

    def sort(self, query: Any) -> Any:
        return self.sorts.get(query.sort, self.default_sort)

    def columns(self) -> dict[str, Any]:
        same = {name: getattr(self.model, name) for name in self.same.split()}
        return {**same, **self.read}

    def filtered(
        self, db: Database, stmt: Select, query: Any, deleted: bool, today: date, page: bool
    ) -> Select:
        """``stmt`` with the list's conditions; ``page``: for a page (see search_filter)."""
        stmt = in_list(db, stmt, self.model, query.text, deleted, page=page)
        walk = page and not deleted and self.sort(query) is self.default_sort
        return self.narrow(stmt, query, filter_hint(walk), today)


def count_rows(
    db: Database, spec: ListSpec, query: Any, *, deleted: bool = False, today: date | None = None
) -> int:
    """How many rows the list shows for ``query`` (its trash: ``deleted``)."""
    stmt = select(func.count()).select_from(spec.model)
    return count_of(db, spec.filtered(db, stmt, query, deleted, today or date.today(), False))


def list_rows(
    db: Database,
    spec: ListSpec,
    query: Any,
    offset: int = 0,
    limit: int = 200,
    *,
    after: Any = None,
    deleted: bool = False,
    today: date | None = None,
    ids: list[int] | None = None,
) -> list:
    """One page in the query's order: the rows after ``after`` (the last row already shown;
    None for the first page), skipping ``offset`` more; ``ids``: among these records only."""
    today = today or date.today()
    columns = spec.columns()
    rows = select(*columns.values())
    source = None
    if spec.join is not None:
        joined, on = spec.join
        rows = rows.outerjoin(joined, on)
        source = spec.model.__table__.outerjoin(joined.__table__, on)
    if spec.ids_first:
        page_ids = rows.with_only_columns(spec.model.id)
        page_ids = spec.filtered(db, page_ids, query, deleted, today, page=True)
    else:
        page_ids, rows = None, spec.filtered(db, rows, query, deleted, today, page=False)
    if ids is not None:
        if page_ids is not None:
            page_ids = page_ids.where(spec.model.id.in_(ids))
        else:
            rows = rows.where(spec.model.id.in_(ids))
    with db.transaction():  # the page and what finishes its rows read together
        found = page_of(
            db,
            rows,
            page_ids,
            sort=spec.sort(query),
            key=spec.model.id,
            descending=query.descending,
            after=after,
            offset=offset,
            limit=limit,
            source=source,
        )
        values = [_converted(spec, columns, r) for r in found]
        if spec.finish is not None:
            spec.finish(db, values, today)
    return [spec.row(**v) for v in values]


def _converted(spec: ListSpec, columns: Mapping[str, Any], row: Row) -> dict[str, Any]:
    return {
        name: spec.convert[name](value)
        if name in spec.convert
        else from_stored(spec.row, name, value)
        for name, value in zip(columns, row, strict=True)
    }


def list_functions(spec: ListSpec) -> tuple[Callable[..., int], Callable[..., list]]:
    """A list's public ``count_X(db, query, *, deleted, today)`` and ``list_X(db, query,
    offset, limit, *, after, deleted, today, ids)``, both run again without the search index
    when it fails (see index_fallback)."""

    @index_fallback
    def count(db: Database, query: Any, **kwargs: Any) -> int:
        return count_rows(db, spec, query, **kwargs)

    @index_fallback
    def page(db: Database, query: Any, offset: int = 0, limit: int = 200, **kwargs: Any) -> list:
        return list_rows(db, spec, query, offset, limit, **kwargs)

    return count, page
