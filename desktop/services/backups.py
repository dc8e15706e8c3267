"""Copies of the database kept in the data dir's backups/ folder."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.store.backup import backup_database, list_backups
from desktop.store.database import Database
from desktop.store.datadir import backups_dir
from desktop.store.schema import HEAD

DAILY = timedelta(hours=24)


def last_backup_time(data_dir: Path) -> datetime | None:
    """When the newest backup was made (naive UTC, like every stored time), or None."""
    backups = list_backups(backups_dir(data_dir))
    if not backups:
        return None
    return datetime.fromtimestamp(backups[-1].stat().st_mtime, UTC).replace(tzinfo=None)


def back_up_now(db: Database, data_dir: Path) -> Path:
    return backup_database(db.path, backups_dir(data_dir), label=HEAD)


def back_up_if_due(db: Database, data_dir: Path) -> Path | None:
    """One copy a day, made at start-up, so a bad day's work can be undone."""
    last = last_backup_time(data_dir)
    if last is not None and datetime.now(UTC).replace(tzinfo=None) - last < DAILY:
        return None
    return back_up_now(db, data_dir)
