"""Schema revisions, read without importing Alembic (it costs ~150 ms at start-up)."""

import sqlite3
from enum import Enum
from pathlib import Path

# Every Alembic revision of desktop/store/migrations/versions, oldest first.
# tests/store/test_migrations.py checks this list against Alembic's own history.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
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


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open without any chance of writing to the file."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


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
