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

from sqlalchemy import ColumnElement, Integer, bindparam, column, func, text
from sqlalchemy import exc as sqlalchemy_exc

from desktop.store.database import Database
from desktop.store.search_index import MIN_INDEXED_LENGTH, SCHEMA, fts_phrase, fts_table

P = ParamSpec("P")
T = TypeVar("T")


def indexed_words(typed: str) -> list[str]:
    """The words of ``typed`` the trigram index can look up."""
    return [w for w in typed.split() if len(w) >= MIN_INDEXED_LENGTH and "\x00" not in w]


def search_filter(db: Database, model: Any, typed: str) -> list[ColumnElement[bool]]:
    """WHERE conditions for ``typed`` on ``model`` (a list's record class)."""
    conditions: list[ColumnElement[bool]] = [
        func.instr(model.search_text, word) > 0 for word in typed.split()
    ]
    long_words = indexed_words(typed)
    index = db.search_index
    if long_words and index is not None and index.ready:
        fts = fts_table(model.__tablename__)
        candidates = (
            text(f"SELECT rowid FROM {SCHEMA}.{fts} WHERE {fts} MATCH :phrase")
            .bindparams(bindparam("phrase", fts_phrase(long_words), unique=True))
            .columns(column("rowid", Integer))
        )
        conditions.insert(0, model.id.in_(candidates))
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
        using = index is not None and index.ready and bool(indexed_words(query.text))
        try:
            return fn(*args, **kwargs)
        except sqlalchemy_exc.DatabaseError:
            if not using or index is None:
                raise
            index.disable(db.engine)
            return fn(*args, **kwargs)

    return wrapper
