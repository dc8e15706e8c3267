"""Ordering and paging of the lists: ORDER BY (sort key, id), pages by keyset or offset.

A list page asks for the rows after the last one it shows (``after``, an id) rather than for
row number N: SQLite then starts from that row in the index instead of stepping over N rows,
so the last page of 100,000 costs what the first does. The sort value of the ``after`` row is
read in the same statement (a scalar subquery by primary key), so the caller only needs the
id and the page is consistent with the database at that moment.
"""

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    String,
    and_,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)

# Dates are stored as 'YYYY-MM-DD' text; a missing date sorts as the farthest future (no due
# date, valid without limit), so ascending lists show the dated rows first.
NO_DATE = "9999-12-31"


def dated(column: ColumnElement) -> ColumnElement:
    """A nullable date column as a sort key: never NULL, so keyset comparisons hold."""
    return type_coerce(func.coalesce(column, literal_column(f"'{NO_DATE}'")), String)


def or_empty(column: ColumnElement) -> ColumnElement:
    """A nullable text column (an outer join's) as a sort key: NULL sorts as ''."""
    return func.coalesce(column, literal_column("''"))


def likely(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """A filter of a page in an indexed order (e.g. needs by registration date): tells SQLite
    the condition holds for most rows, so that it walks the order's index and stops after a
    page, instead of fetching every match through the filter's own index and sorting them
    (measured at 100,000 needs: 65 ms → 2–5 ms for “待处理”; a rare value costs at most a
    walk through the whole index, what an unindexed order costs anyway)."""
    return func.likelihood(condition, literal_column("0.9"))  # a literal: SQLite's rule


def ordered_page(
    rows: Select,
    ids: Select | None = None,
    *,
    sort: ColumnElement,
    key: ColumnElement,
    descending: bool,
    after: int | None,
    offset: int,
    limit: int,
    source: FromClause | None = None,
) -> Select:
    """One page of ``rows`` ordered by (``sort``, ``key``).

    ``rows`` selects what a page shows (its joins, no conditions); ``ids`` selects ``key``
    with the list's conditions (e.g. ``rows.with_only_columns(key)`` filtered). The page is
    found on the ids alone, then its rows are read: sorting narrow (key, id) records instead of
    whole rows keeps an unindexed order cheap, above all a descending one over many equal
    values (measured at 100,000 resources by validity: 153 ms → 54 ms). Without ``ids``,
    ``rows`` carries the conditions and is cut to the page directly (fine for short lists).

    ``after``: the ``key`` (id) of the last row already shown; the page holds the rows that
    follow it in this order (then ``offset`` more are skipped, normally 0). ``source`` is what
    ``sort`` is read from when it needs a join (e.g. person ⟕ building); by default the key's
    table. ``sort`` must never be NULL (see ``dated`` / ``or_empty``): a NULL compares as
    unknown and would end the list early.
    """
    order = (sort.desc(), key.desc()) if descending else (sort.asc(), key.asc())
    narrow = ids is not None
    ids = (ids if ids is not None else rows).order_by(*order)
    if after is not None:
        value = (
            select(sort)
            .select_from(source if source is not None else key.table)  # type: ignore[attr-defined]
            .where(key == after)
            .correlate(None)  # its own FROM, not the outer query's rows
            .scalar_subquery()
        )
        # The first inequality alone bounds an index range; the OR breaks ties by id.
        if descending:
            ids = ids.where(and_(sort <= value, or_(sort < value, key < after)))
        else:
            ids = ids.where(and_(sort >= value, or_(sort > value, key > after)))
    # Written into the SQL, not bound: with a bound LIMIT SQLite 3.40 sorts every matching row
    # in full for an unindexed order (measured: 280 ms instead of 30 ms at 100,000 rows).
    ids = ids.limit(literal_column(str(int(limit)))).offset(literal_column(str(int(offset))))
    return rows.where(key.in_(ids)).order_by(*order) if narrow else ids
