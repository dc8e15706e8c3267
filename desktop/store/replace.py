"""Put another copy's content into the data folder's database: a restore or a merged copy.

The new content goes in with SQLite's backup API, written into the live file as one
transaction: a crash or a kill leaves the old content or the new, never a mix, and the window
may keep the file open meanwhile. What was there is first copied into ``backups/``.
"""

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from desktop.store.backup import backup_database
from desktop.store.schema import DatabaseTooNewError, SchemaState, schema_state

log = logging.getLogger(__name__)


class ChangedMeanwhile(Exception):
    """The database was written by someone else between reading it and replacing it."""


class LiveDatabase:
    """One connection to the data folder's database, kept open from the first read to the
    replacement, so that a write by the window in between is noticed (``data_version``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
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
            with closing(sqlite3.connect(tmp)) as copy:
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
        uri = f"{source.resolve().as_uri()}?mode=ro&immutable=1"
        with closing(sqlite3.connect(uri, uri=True)) as src:
            src.backup(self._conn)


@contextmanager
def live_database(db_file: Path) -> Iterator[LiveDatabase]:
    conn = sqlite3.connect(db_file, timeout=10)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        yield LiveDatabase(conn)
    finally:
        conn.close()


def upgraded_copy(source: Path, out: Path) -> Path:
    """``source`` copied to ``out`` and brought to this app's schema (DatabaseTooNewError for a
    file written by a newer app). The source is left as it is."""
    state, revision = schema_state(source)
    if state is SchemaState.NEWER:
        raise DatabaseTooNewError(revision or "?")
    shutil.copyfile(source, out)
    if state is not SchemaState.CURRENT:
        from desktop.store import migrate  # Alembic only when there is work for it

        migrate.upgrade_to_head(out)
        with closing(sqlite3.connect(out)) as conn:  # one file again, as a backup expects
            conn.execute("PRAGMA journal_mode = DELETE")
    return out


def replace_database(
    db_file: Path,
    source: Path,
    backups: Path,
    *,
    label: str,
    live: LiveDatabase | None = None,
) -> Path | None:
    """Make ``source`` (a sound file at this app's schema) the content of ``db_file``, after a
    copy of what was there into ``backups`` (returned; None when there was no database).

    ``live``: the connection the caller read the database through (``copy_to``); a write by
    anyone else since then raises ChangedMeanwhile and nothing is replaced.
    """
    if not db_file.exists():
        _put_file(source, db_file)
        return None
    backup: Path | None = None
    try:
        if live is not None:
            backup = backup_database(db_file, backups, label=label)
            live.replace_with(source)
        else:
            with live_database(db_file) as own:
                own.note()
                backup = backup_database(db_file, backups, label=label)
                own.replace_with(source)
    except sqlite3.DatabaseError:
        # A damaged file SQLite cannot read or write through: keep its files as they are and
        # put the new one in their place (nothing else may have it open at this point).
        log.warning("the database could not be read or replaced in place; its files set aside")
        if backup is None:
            backup = _copy_damaged(db_file, backups)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        _put_file(source, db_file)
    return backup


def _put_file(source: Path, db_file: Path) -> None:
    tmp = db_file.with_name(db_file.name + ".restore")
    shutil.copyfile(source, tmp)
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, db_file)


def _copy_damaged(db_file: Path, backups: Path) -> Path:
    """The files of a database that SQLite cannot read, copied aside as they are."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"damaged-{stamp}.sqlite3"
    shutil.copyfile(db_file, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{db_file}{suffix}")
        if extra.exists():
            shutil.copyfile(extra, Path(f"{target}{suffix}"))
    return target
