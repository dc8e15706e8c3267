"""The audit log's own file, ``audit.sqlite3`` beside the data file.

The log is kept apart from the data file on purpose: the data file is what sync uploads page by
page, what a backup or the street office's copy replaces and what a merge combines. An entry
written there would make a second PC look "diverged" instead of "behind", a restore would roll
the log back and a merge would have to merge two chains. Here the log only ever grows, whatever
happens to the data file.

- ``connect`` is the one place that opens the file (a password-protected connection can take
  its place there); its schema is made on first use, ``PRAGMA user_version`` says its format.
- Triggers refuse UPDATE and DELETE: an entry, once written, stays (no pruning; kept for the
  life of the file, far longer than the 180 days asked of it).
- ``append`` reads the last entry and adds the next inside one ``BEGIN IMMEDIATE`` transaction,
  so two writers (the window and a command) wait for each other (busy timeout) and never fork
  the chain.
- A rollback journal rather than WAL: entries are few and small, and a read-only copy of the
  data folder can then be read without the ``-shm`` file WAL needs beside it.
"""

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from desktop.domain.audit import GENESIS, entry_hash

AUDIT_FILENAME = "audit.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 10.0

_SCHEMA = (
    """CREATE TABLE audit_entry (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        os_user TEXT NOT NULL,
        event TEXT NOT NULL,
        outcome TEXT NOT NULL,
        concerning TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX ix_audit_entry_at ON audit_entry (at)",
    """CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END""",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END""",
)
COLUMNS = "id, at, os_user, event, outcome, concerning, prev_hash, hash"


class AuditLogTooNew(Exception):
    """The file was written by a newer app: read it, never add to it."""


def audit_path(data_dir: Path) -> Path:
    return data_dir / AUDIT_FILENAME


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """The audit file at ``path``: the ONLY function that opens it.

    Writable: made with its schema when missing. ``readonly``: never created nor changed
    (sqlite3.OperationalError when it is missing). Transactions are explicit (autocommit
    otherwise)."""
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    else:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        if not readonly:
            con.execute("PRAGMA synchronous=FULL")
            _ensure_schema(con)
    except BaseException:
        con.close()
        raise
    return con


def _ensure_schema(con: sqlite3.Connection) -> None:
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise AuditLogTooNew(version)
    con.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have made it while this one waited for the lock.
        if con.execute("PRAGMA user_version").fetchone()[0] == 0:
            for statement in _SCHEMA:
                con.execute(statement)
            con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def stored_time(at: datetime) -> str:
    """How a time is stored and hashed: naive UTC, ISO, to the microsecond."""
    return at.isoformat(timespec="microseconds")


def append(
    con: sqlite3.Connection,
    at: datetime,
    os_user: str,
    event: str,
    outcome: str,
    concerning_json: str,
) -> tuple[int, str, str]:
    """Add the next entry of the chain: (its id, the previous hash, its hash)."""
    con.execute("BEGIN IMMEDIATE")  # the write lock before the last entry is read
    try:
        last = con.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
        entry_id, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
        digest = entry_hash(entry_id, at, os_user, event, outcome, concerning_json, prev_hash)
        con.execute(
            f"INSERT INTO audit_entry ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry_id,
                stored_time(at),
                os_user,
                event,
                outcome,
                concerning_json,
                prev_hash,
                digest,
            ),
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return entry_id, prev_hash, digest


def rows(
    con: sqlite3.Connection,
    since: datetime | None = None,
    until: datetime | None = None,
    events: Iterable[str] | None = None,
) -> Iterator[tuple]:
    """The entries in order (columns as ``COLUMNS``), since ≤ at < until (naive UTC), of the
    given events."""
    where, params = [], []
    if since is not None:
        where.append("at >= ?")
        params.append(stored_time(since))
    if until is not None:
        where.append("at < ?")
        params.append(stored_time(until))
    if events is not None:
        chosen = list(events)
        where.append(f"event IN ({', '.join('?' * len(chosen))})" if chosen else "0")
        params.extend(chosen)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    yield from con.execute(f"SELECT {COLUMNS} FROM audit_entry{clause} ORDER BY id", params)
