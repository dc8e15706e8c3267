"""Consistent copies of the database with the SQLite backup API."""

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 10


def backup_database(source: Path, folder: Path, *, label: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy ``source`` into ``folder`` (even while it is open elsewhere); keep the newest."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"shuren-{stamp}-r{label}.sqlite3"
    target.touch(mode=0o600)  # a copy of residents' data: the user's alone (POSIX)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    prune_backups(folder, keep)
    return target


def list_backups(folder: Path) -> list[Path]:
    """Newest last; names sort by time because the stamp leads."""
    return sorted(folder.glob("shuren-*.sqlite3")) if folder.exists() else []


def prune_backups(folder: Path, keep: int) -> None:
    for old in list_backups(folder)[:-keep]:
        old.unlink()
