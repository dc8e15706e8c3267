"""A consistent copy of the branch database to upload, taken with SQLite's backup API.

The backup API copies pages as they are, so a page the secretary did not touch is
byte-identical between two snapshots, and only the touched pages need to travel. The app
runs with ``secure_delete=ON``, so free pages in the copy hold no deleted personal data.
"""

import os
import sqlite3
from contextlib import closing
from pathlib import Path


def take_snapshot(database: Path, out: Path) -> Path:
    """Copy ``database`` (which may be open and in WAL mode elsewhere) to ``out``, atomically."""
    if not database.is_file():
        raise FileNotFoundError(database)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(tmp)) as copy:
            source.execute("PRAGMA busy_timeout = 10000")
            source.backup(copy)  # one step: a single read transaction, so the copy is consistent
            # A single file the receiver can open read-only: no -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)  # a full disk must not keep what little is left
        raise
    return out
