"""The indicators on the app's database or on a data file: this module only opens the
connection; the queries are in desktop/indicators/ (shared with the street office)."""

from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.indicators import Period
from desktop.indicators import IndicatorRecord, Indicators, compute, records
from desktop.indicators import trend as quarterly
from desktop.store import sqlite
from desktop.store.schema import connect_readonly

if TYPE_CHECKING:  # `shuren indicators` reads a file without loading SQLAlchemy
    from desktop.store.database import Database


@contextmanager
def _connection(db: "Database") -> Iterator[sqlite.Connection]:
    """One of the database's own connections (its pragmas, its write hold), back to the pool
    after: it reads what the window committed, WAL or not."""
    pooled = db.engine.raw_connection()
    try:
        connection = pooled.driver_connection
        assert isinstance(connection, sqlite.Connection)
        yield connection
    finally:
        pooled.close()


def compute_indicators(
    db: "Database", period: Period, baseline: Period | None = None
) -> Indicators:
    """Every figure for ``period``; property disputes are compared with ``baseline``
    (default: the period before)."""
    with _connection(db) as connection:
        return compute(connection, period, baseline)


def compute_indicators_file(
    path: Path, period: Period, baseline: Period | None = None
) -> Indicators:
    """The same figures from a database FILE, opened read-only: never migrated or written.

    A copy made by an older revision of the app counts what its tables allow; a figure whose
    table or column it lacks is 0 and named in ``not_counted``. sqlite.DatabaseError for a
    file that is not a database; FileNotFoundError when there is none.
    """
    if not Path(path).is_file():
        raise FileNotFoundError(path)
    # Read-only: SQLite itself refuses any write; nothing is migrated or repaired. Works on a
    # read-only copy or a full disk too.
    with closing(connect_readonly(Path(path))) as connection:
        return compute(connection, period, baseline)


def trend(db: "Database", year: int) -> dict[str, list[int]]:
    """The count figures of each quarter of ``year`` (Q1–Q4), for the charts."""
    with _connection(db) as connection:
        return quarterly(connection, year)


def indicator_records(
    db: "Database",
    key: str,
    period: Period,
    baseline: Period | None = None,
    *,
    group: str | None = None,
) -> list[IndicatorRecord]:
    """The records a figure counts, by date (see desktop.indicators.records)."""
    with _connection(db) as connection:
        return records(connection, key, period, baseline, group=group)
