"""street.sqlite3: one row per branch, its token as SHA-256 and what its uploads cost.

The registry never decides which version is current (the versions folder does); it keeps the
number the last upload made, so a finish repeated after a crash can tell whether to record it.
"""

import logging
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.sync import protocol
from desktop.sync.receiver.private import private_file
from desktop.sync.receiver.storage.records import (
    BranchRecord,
    NewBranch,
    NoRegistryError,
    VersionInfo,
    iso,
)

log = logging.getLogger("shuren.street")

REGISTRY = "street.sqlite3"
MAX_NAME = 100
# Compared against when the branch is unknown, so that case costs the same as a wrong token.
_DUMMY_HASH = protocol.token_hash("000000000000." + "0" * 43)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS branch (
    branch_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_upload_at TEXT,
    bytes_last INTEGER NOT NULL DEFAULT 0,
    bytes_total INTEGER NOT NULL DEFAULT 0,
    version INTEGER
)
"""


def check_name(name: str) -> None:
    """ValueError (Chinese) for a name that cannot be shown on one line; markup is fine."""
    if not name.strip():
        raise ValueError("支部名称不能为空。")
    if len(name) > MAX_NAME:
        raise ValueError(f"支部名称太长（最多 {MAX_NAME} 个字）。")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ValueError("支部名称里不能有换行或其他控制字符。")


class Registry:
    """The branches' registry in ``data_dir``; NoRegistryError if missing and not ``create``."""

    def __init__(self, path: Path, clock: Callable[[], datetime], *, create: bool) -> None:
        self.path = path
        self._clock = clock
        if not create and not path.is_file():
            raise NoRegistryError(path)

    def prepare(self) -> None:
        """The file (0600) and its table; WAL, so readers never wait for an upload's record."""
        if not self.path.exists():
            private_file(self.path)  # SQLite gives -wal and -shm the same mode
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            with conn:
                conn.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA synchronous = FULL")
            with conn:
                yield conn
        finally:
            conn.close()

    def add_branch(self, name: str) -> NewBranch:
        """Register a branch; ValueError (Chinese) for an unusable name."""
        check_name(name)
        while True:
            branch_id = secrets.token_hex(6)
            token = f"{branch_id}.{secrets.token_urlsafe(32)}"
            try:
                with self._connect() as conn:
                    conn.execute(
                        "INSERT INTO branch (branch_id, name, token_sha256, created_at)"
                        " VALUES (?, ?, ?, ?)",
                        (branch_id, name, protocol.token_hash(token), iso(self._clock())),
                    )
            except sqlite3.IntegrityError:  # 1 in 2**48 per branch: draw again
                continue
            log.info("branch %s added", branch_id)
            return NewBranch(branch_id, name, token)

    def branches(self, current_version: Callable[[str], int | None]) -> list[BranchRecord]:
        """Every branch, in the order they were added, with the version its folder holds."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT branch_id, name, created_at, last_upload_at, bytes_last, bytes_total"
                " FROM branch ORDER BY created_at, rowid"
            ).fetchall()
        return [
            BranchRecord(b, name, created, last, current_version(b), b_last, b_total)
            for b, name, created, last, b_last, b_total in rows
        ]

    def _field(self, branch_id: str, column: str) -> Any:
        """One column of the branch's row (None for an unknown branch)."""
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {column} FROM branch WHERE branch_id = ?", (branch_id,)
            ).fetchone()
        return None if row is None else row[0]

    def name(self, branch_id: str) -> str | None:
        return self._field(branch_id, "name")

    def check_token(self, branch_id: str, token: str) -> bool:
        """True if ``token`` is this branch's. Unknown and malformed ids cost the same work."""
        stored = self._field(branch_id, "token_sha256")
        if not protocol.BRANCH_ID.match(branch_id):
            stored = None
        matches = secrets.compare_digest(protocol.token_hash(token), stored or _DUMMY_HASH)
        return matches and stored is not None

    def record_upload(self, branch_id: str, info: VersionInfo, wire_bytes: int) -> None:
        with self._connect() as conn:
            conn.execute(
                "UPDATE branch SET last_upload_at = ?, bytes_last = ?,"
                " bytes_total = bytes_total + ?, version = ? WHERE branch_id = ?",
                (info.uploaded_at, wire_bytes, wire_bytes, info.version, branch_id),
            )

    def version(self, branch_id: str) -> int | None:
        """The version the last recorded upload made (None before the first)."""
        return self._field(branch_id, "version")
