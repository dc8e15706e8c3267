"""Put another copy's content into the data folder's database (the street office's copy, a
merged copy) without losing a write made meanwhile.

The new content goes in with SQLite's backup API, written into the live file as one
transaction: a crash or a kill leaves the old content or the new, never a mix, and the window
may keep the file open meanwhile. One connection is kept from the first read to the
replacement, so a write by anyone else in between is noticed and nothing is replaced.
"""

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from desktop.store import sqlite
from desktop.store.cipher import Key, key_of
from desktop.store.encrypt import put_under_key
from desktop.store.schema import DatabaseTooNewError, SchemaState, schema_state

log = logging.getLogger(__name__)


class ChangedMeanwhile(Exception):
    """The database was written by someone else between reading it and replacing it."""


class LiveDatabase:
    """One connection to the data folder's database, kept open from the first read to the
    replacement, so that a write by the window in between is noticed (``data_version``)."""

    def __init__(self, conn: sqlite.Connection, key: Key | None) -> None:
        self._conn = conn
        self.key = key  # the database's: its copies are made, and replacements come, under it
        self._seen: int | None = None

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def note(self) -> None:
        """From now on, a write by another connection makes ``replace_with`` refuse."""
        self._seen = self._data_version()

    def copy_to(self, out: Path) -> Path:
        """A consistent copy (one file, rollback journal) at ``out``; notes what was seen."""
        tmp = out.with_name(out.name + ".tmp")
        tmp.unlink(missing_ok=True)
        try:
            with closing(sqlite.connect(tmp, key=self.key)) as copy:
                self.note()
                self._conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return out

    def replace_with(self, source: Path) -> None:
        """The content of ``source`` in one transaction; ChangedMeanwhile if the database was
        written since ``copy_to`` (nothing is replaced then)."""
        if self._seen is not None and self._data_version() != self._seen:
            raise ChangedMeanwhile()
        with closing(sqlite.connect(source, "mode=ro&immutable=1")) as src:
            src.backup(self._conn)


@contextmanager
def live_database(db_file: Path) -> Iterator[LiveDatabase]:
    conn = sqlite.connect(db_file, timeout=10)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        yield LiveDatabase(conn, key_of(db_file))
    finally:
        conn.close()


def upgraded_copy(source: Path, out: Path, key: Key | None = None) -> Path:
    """``source`` copied to ``out``, brought to this app's schema (DatabaseTooNewError for a
    file written by a newer app) and put under ``key``. The source is left as it is."""
    state, revision = schema_state(source)
    if state is SchemaState.NEWER:
        raise DatabaseTooNewError(revision or "?")
    shutil.copyfile(source, out)
    if state is not SchemaState.CURRENT:
        from desktop.store import migrate  # Alembic only when there is work for it

        migrate.upgrade_to_head(out)
        with closing(sqlite.connect(out)) as conn:  # one file again, as a backup expects
            conn.execute("PRAGMA journal_mode = DELETE")
    put_under_key(out, key)
    return out
