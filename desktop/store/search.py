"""Text search over a list's stored ``search_text`` column.

Every word typed must appear ("张伟 1203"), as a literal substring. instr() on the base table
decides (it takes the text literally, so %, _ and quotes need no escaping, and it handles 1–2
Chinese characters, which a trigram index cannot). Words of 3 characters or more also go to the
FTS5 trigram index when the database has one: it narrows the rows to a handful of candidates
that instr() then confirms, so a stale index can never add a wrong row.
"""

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import ColumnElement, TextClause, bindparam, func, text
from sqlalchemy import exc as sqlalchemy_exc

from desktop.store.database import Database
from desktop.store.search_index import MIN_INDEXED_LENGTH, SCHEMA, fts_phrase, fts_table

# Above this many rows proposed by the index, a page is found faster by walking the list's
# order (about sqrt(200 × 100,000) at the scale of the benchmark; measured: 16,000 proposed
# rows cost 46 ms driven by the index, 9 ms probed).
DRIVING_HITS = 2_000

P = ParamSpec("P")
T = TypeVar("T")


def indexed_words(typed: str) -> list[str]:
    """The words of ``typed`` the trigram index can look up."""
    return [w for w in typed.split() if len(w) >= MIN_INDEXED_LENGTH and "\x00" not in w]


def search_filter(
    db: Database, model: Any, typed: str, *, page: bool = False
) -> list[ColumnElement[bool] | TextClause]:
    """WHERE conditions for ``typed`` on ``model`` (a list's record class).

    For a count the index's rows drive the query. For a ``page`` of the list they drive it
    only when there are few of them: when the index
    proposes thousands of rows, walking the list's own order and stopping at the first page of
    matches is quicker than fetching and sorting them all, so the index is then only probed.
    """
    conditions: list[ColumnElement[bool] | TextClause] = [
        func.instr(model.search_text, word) > 0 for word in typed.split()
    ]
    long_words = indexed_words(typed)
    index = db.search_index
    if long_words and index is not None and index.ready:
        fts, phrase = fts_table(model.__tablename__), fts_phrase(long_words)
        match = f"SELECT rowid FROM {SCHEMA}.{fts} WHERE {fts} MATCH :phrase"
        probe_only = False
        if page:
            with db.session() as s:
                hits = s.execute(
                    text(f"SELECT count(*) FROM {SCHEMA}.{fts} WHERE {fts} MATCH :phrase"),
                    {"phrase": phrase},
                ).scalar_one()
            probe_only = hits > DRIVING_HITS
        # A unary + keeps SQLite from driving the query with the IN list.
        column_name = f"{'+' if probe_only else ''}{model.__tablename__}.id"
        conditions.insert(
            0,
            text(f"{column_name} IN ({match})").bindparams(
                bindparam("phrase", phrase, unique=True)
            ),
        )
    return conditions


def index_fallback(fn: Callable[P, T]) -> Callable[P, T]:
    """Run a list query again without the index when it fails through it (a damaged index
    file must cost speed, never the list). Arguments: the database, then the list's query."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        db = args[0]
        assert isinstance(db, Database)
        query = args[1] if len(args) > 1 else kwargs.get("query")
        index = db.search_index
        typed = getattr(query, "text", "")
        using = index is not None and index.ready and bool(indexed_words(typed))
        try:
            return fn(*args, **kwargs)
        except sqlalchemy_exc.DatabaseError:
            if not using or index is None:
                raise
            index.disable(db.engine)
            return fn(*args, **kwargs)

    return wrapper
