"""Schema revisions, read without importing Alembic (it costs ~150 ms at start-up)."""

from enum import Enum
from pathlib import Path
from typing import Any

from desktop.store import sqlite
from desktop.store.errors import StorageProblem, storage_problem

# Every Alembic revision, oldest first, from the migrations' file names (NNNN_what.py: the
# revision id is the number), so a new migration is one file.
# tests/store/test_migrations.py checks this list against Alembic's own history.
_VERSIONS = Path(__file__).parent / "migrations" / "versions"
REVISIONS: tuple[str, ...] = tuple(
    sorted(path.name[:4] for path in _VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))
)
HEAD = REVISIONS[-1]


class SchemaState(Enum):
    MISSING = "missing"  # no database file yet
    CURRENT = "current"
    OLDER = "older"  # needs an upgrade
    NEWER = "newer"  # written by a newer version of the app: refuse


class DatabaseTooNewError(Exception):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class DatabaseTooOldError(Exception):
    """An older file, which only a writable data dir can upgrade, opened for reading only."""

    def __init__(self, revision: str | None) -> None:
        super().__init__(revision)
        self.revision = revision


def connect_readonly(path: Path, **options: Any) -> sqlite.Connection:
    """Open without any chance of writing to the file.

    SQLite reads a WAL-mode file through its ``-shm`` index, which it creates beside the file
    even for reading. Where that cannot be done (a read-only copy of the data dir, a full
    disk), and no write-ahead log holds data, the file alone is the whole database: it is
    read as immutable. A writer cannot work in such a folder either, and one would first
    have to fill a log before changing the file.
    """
    try:
        con = sqlite.connect(path, "mode=ro", **options)
    except sqlite.OperationalError as exc:
        _check_immutable_fallback(path, exc)
    else:
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the -shm
            return con
        except sqlite.OperationalError as exc:
            con.close()
            _check_immutable_fallback(path, exc)
    return sqlite.connect(path, "immutable=1", **options)


def _check_immutable_fallback(path: Path, error: sqlite.OperationalError) -> None:
    """Re-raise ``error`` unless the file may be read as immutable (see connect_readonly)."""
    unwritable = (StorageProblem.NO_ACCESS, StorageProblem.FULL, StorageProblem.IO)
    wal = path.with_name(path.name + "-wal")
    if not path.is_file() or storage_problem(error) not in unwritable:
        raise error
    if wal.exists() and wal.stat().st_size > 0:
        raise error  # committed records wait in the log: the file alone would miss them


def read_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, or None for a file with no schema."""
    con = connect_readonly(path)
    try:
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def schema_state(path: Path) -> tuple[SchemaState, str | None]:
    if not path.exists():
        return SchemaState.MISSING, None
    revision = read_revision(path)
    if revision is None:
        return SchemaState.OLDER, None
    if revision == HEAD:
        return SchemaState.CURRENT, revision
    if revision in REVISIONS:
        return SchemaState.OLDER, revision
    return SchemaState.NEWER, revision
