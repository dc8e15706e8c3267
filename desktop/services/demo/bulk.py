"""Writing the demo's hundreds of thousands of rows quickly: one transaction on a connection of
its own, rows inserted straight through the driver, ids in the order records were registered."""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from operator import itemgetter

from sqlalchemy import Date, DateTime, event
from sqlalchemy.orm import Session

from desktop.domain.name_order import name_key
from desktop.services.demo.dice import random_uuid
from desktop.store.database import Database, make_engine
from desktop.store.models import NAME_KEYS, Base


def renumber(rows: list[tuple], day: int, first_id: int) -> tuple[list[tuple], list[int]]:
    """Ids in the order records were registered, as in real use; the lists' date indexes then
    grow at their end instead of taking 100,000 random inserts. Returns the rows in that order
    and each generated row's id (by its place in ``rows``)."""
    order = sorted(range(len(rows)), key=lambda i: rows[i][day])
    ids = [0] * len(rows)
    for rank, i in enumerate(order):
        ids[i] = first_id + rank
    return [(ids[i], *rows[i][1:]) for i in order], ids


def relink(rows: list[tuple], ids: list[int]) -> list[tuple]:
    """Rows pointing at generated records (first value), pointed at their ids, in id order."""
    return sorted([(ids[r[0]], *r[1:]) for r in rows], key=itemgetter(0))


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime_text(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ", "microseconds")


def insert(s: Session, model: type[Base], columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One executemany straight on the driver: at 100,000 rows several times faster than
    SQLAlchemy's per-row parameter handling. Values are stored as the ORM stores them: each
    goes through its column type's bind processor, or, for dates and times (a million of
    them), through isoformat, checked here to give the processor's very text."""
    if not rows:
        return
    table = model.__table__
    if table.name in NAME_KEYS and NAME_KEYS[table.name][1] not in columns:
        # The pinyin sort key the models add on every other insert.
        source = columns.index(NAME_KEYS[table.name][0])
        columns = (*columns, NAME_KEYS[table.name][1])
        rows = [(*row, name_key(row[source] or "")) for row in rows]
    if "uuid" in table.c and "uuid" not in columns:
        # Child rows get theirs here; seeded from the rows themselves, so a seed still gives
        # the same demo.
        rng = random.Random(f"{table.name}:{len(rows)}:{rows[0]!r}")
        columns = (*columns, "uuid")
        rows = [(*row, random_uuid(rng)) for row in rows]
    dialect = s.get_bind().dialect
    processors = []
    for i, name in enumerate(columns):
        column_type = table.c[name].type
        processor = column_type.dialect_impl(dialect).bind_processor(dialect)
        if processor is None:
            continue
        quick = {DateTime: _datetime_text, Date: _date_text}.get(type(column_type))
        sample = next((row[i] for row in rows if row[i] is not None), None)
        if quick is not None and (sample is None or quick(sample) == processor(sample)):
            processor = quick
        processors.append((i, processor))
    if processors:
        converted = []
        for row in rows:
            values = list(row)
            for i, p in processors:
                values[i] = p(values[i])
            converted.append(tuple(values))
        rows = converted
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    s.connection().exec_driver_sql(sql, rows)


@contextmanager
def bulk_session(db: Database) -> Iterator[Session]:
    """A transaction on a connection of its own, for writing a million rows quickly.

    - Without the search index's triggers, which update the index row by row: rebuilding it
      once afterwards is several times faster (at 100,000 needs: 20 s through the triggers,
      6 s + 2 s around them).
    - With foreign keys checked once at the end, as the migrations do, instead of one lookup
      per parent per row (a third of the time of the link tables).
    - With a 64 MiB page cache: the uuid and person indexes take random inserts, which thrash
      the default 2 MiB (100,000 needs: 7.8 s → 5.0 s).
    """
    engine = make_engine(db.path)
    event.listen(engine, "connect", _bulk_pragmas)  # after the house pragmas
    try:
        with Session(engine) as s, s.begin():
            yield s
            broken = s.connection().exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise RuntimeError(f"demo data breaks a foreign key: {tuple(broken)}")
    finally:
        engine.dispose()
    if db.search_index is not None:
        db.search_index.open(db.engine)  # finds the lists out of step and rebuilds them


def _bulk_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")
    dbapi_connection.execute("PRAGMA cache_size=-65536")
