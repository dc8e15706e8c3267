"""Copies of the database kept in the data dir's backups/ folder, the check of the data file,
and putting a backup back in place."""

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path

from sqlalchemy import text

from desktop.domain.audit import AuditEvent, Outcome
from desktop.services import audit
from desktop.store import health
from desktop.store.backup import (
    backup_database,
    list_backups,
    put_in_place,
    restore_into,
    set_aside,
    verify_backup,
)
from desktop.store.database import Database
from desktop.store.datadir import backups_dir, damaged_files_dir, db_path
from desktop.store.health import DamagedDatabaseError, Health
from desktop.store.schema import HEAD, REVISIONS, read_revision
from desktop.store.search_index import index_path

log = logging.getLogger(__name__)

DAILY = timedelta(hours=24)

Progress = Callable[[int, int], None]


def last_backup_time(data_dir: Path) -> datetime | None:
    """When the newest backup was made (naive UTC, like every stored time), or None."""
    backups = list_backups(backups_dir(data_dir))
    if not backups:
        return None
    return _made_at(backups[-1])


def _made_at(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)


def back_up_now(db: Database, data_dir: Path) -> Path:
    """Raises DamagedDatabaseError (and keeps every backup) when the copy fails its check."""
    try:
        return backup_database(db.path, backups_dir(data_dir), label=HEAD)
    except DamagedDatabaseError as exc:
        health.record_health(data_dir, Health(ok=False, problems=exc.problems))
        raise


def back_up_if_due(db: Database, data_dir: Path) -> Path | None:
    """One copy a day, made at start-up (once the file passed its check), so a bad day's work
    can be undone."""
    last = last_backup_time(data_dir)
    if last is not None and datetime.now(UTC).replace(tzinfo=None) - last < DAILY:
        return None
    return back_up_now(db, data_dir)


# -- the data file's health ----------------------------------------------------------------


def check_data_file(data_dir: Path) -> Health:
    """quick_check on the data file (~0.4 s for 100,000 records in each list, more from a
    cold disk); a failure is noted in the data dir until a check passes."""
    return health.check_data_file(data_dir)


def last_check_failed(data_dir: Path) -> bool:
    return health.last_check_failed(data_dir)


def damage_report(data_dir: Path) -> Health | None:
    """The failed check the data dir remembers, or None."""
    return health.damage_report(data_dir)


# -- the list of backups -------------------------------------------------------------------


def data_file_revision(db: Database) -> str | None:
    """The schema revision of the open data file (as ``shuren check`` reports it), or None
    for a file with no schema."""
    with db.session() as s:
        exists = s.scalar(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        )
        return s.scalar(text("SELECT version_num FROM alembic_version")) if exists else None


class Revision(Enum):
    CURRENT = "current"
    OLDER = "older"  # upgraded after it is restored
    NEWER = "newer"  # made by a newer version of the app: cannot be restored
    UNKNOWN = "unknown"  # no schema (a damaged copy, or not the app's file)


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime  # naive UTC
    sound: bool  # passed integrity_check
    revision: str | None
    counts: Mapping[str, int]  # live records per list (table name → count)

    @property
    def revision_state(self) -> Revision:
        if self.revision is None:
            return Revision.UNKNOWN
        if self.revision == HEAD:
            return Revision.CURRENT
        return Revision.OLDER if self.revision in REVISIONS else Revision.NEWER

    @property
    def restorable(self) -> bool:
        return self.sound and self.revision_state in (Revision.CURRENT, Revision.OLDER)


def describe_backup(path: Path) -> Backup:
    """A backup with its check (integrity_check the first time; then from its note)."""
    check = verify_backup(path)
    return Backup(
        path=path,
        made_at=_made_at(path),
        sound=check.sound,
        revision=check.revision,
        counts=dict(check.counts),
    )


def backups_with_checks(data_dir: Path, progress: Progress | None = None) -> list[Backup]:
    """Every backup, newest first, checked (seconds each for a big file never checked
    before: run it in the background)."""
    paths = list(reversed(list_backups(backups_dir(data_dir))))
    described = []
    for number, path in enumerate(paths):
        if progress is not None:
            progress(number, len(paths))
        try:
            described.append(describe_backup(path))
        except FileNotFoundError:
            continue  # removed meanwhile (the daily backup's rotation)
    return described


def newest_sound_backup(data_dir: Path) -> Backup | None:
    """The newest backup that passes integrity_check and this version can restore."""
    for path in reversed(list_backups(backups_dir(data_dir))):
        try:
            backup = describe_backup(path)
        except FileNotFoundError:
            continue
        if backup.restorable:
            return backup
    return None


# -- restoring -----------------------------------------------------------------------------


class RestoreRefusedError(Exception):
    """The backup cannot be restored; nothing was changed."""

    def __init__(self, reason: Revision | None) -> None:
        super().__init__(reason.value if reason else "damaged")
        self.reason = reason  # None: the backup itself failed its check


@dataclass(frozen=True)
class Restored:
    backup: Backup
    kept: Path | None  # where the data that was replaced now is (None: there was none)
    kept_damaged: bool  # ``kept`` is a damaged file set aside (not one of the backups)
    upgraded_from: str | None  # the backup's revision when it had to be upgraded
    health: Health  # the check of the data file after the restore


def restore_backup(
    data_dir: Path,
    backup: Path,
    db: Database | None = None,
    progress: Progress | None = None,
) -> Restored:
    """Put ``backup`` in place of the data dir's database; the current data is kept first.

    ``db``: the app's open database: the backup is copied INTO it with the backup API (one
    write transaction, atomic under SQLite's journal), then its connections and search index
    are renewed. Without ``db`` nothing may have the data dir open (hold its instance lock).

    The current data goes into backups/ like any backup when it copies soundly; a damaged
    file is set aside in damaged-files/, where nothing is ever deleted. A backup made by a
    newer version, or one that fails integrity_check, is refused (RestoreRefusedError) with
    nothing changed; an older one is upgraded after it is restored.
    """
    chosen = describe_backup(backup)
    if not chosen.sound or not chosen.restorable:
        audit.record(data_dir, AuditEvent.RESTORE, Outcome.REFUSED, source="backup")
        raise RestoreRefusedError(None if not chosen.sound else chosen.revision_state)
    live = db_path(data_dir)
    if db is not None:
        db.hold_writes()
        db.release_connections()
    kept, kept_damaged = keep_current(data_dir, live, moving=db is None)
    log.info("restoring %s (current data kept as %s)", backup.name, kept and kept.name)
    if live.exists():
        restore_into(live, backup, progress)
    else:
        put_in_place(live, backup, progress)
    if db is None:
        # Nothing has it open: the index (a cache) is simply built anew at the next open.
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{index_path(data_dir)}{suffix}").unlink(missing_ok=True)
    upgraded_from = None
    if chosen.revision_state is Revision.OLDER:
        from desktop.store import migrate

        migrate.upgrade_to_head(live)
        upgraded_from = chosen.revision
    after = health.check_data_file(data_dir)
    if db is not None and after.ok:
        db.allow_writes()
        db.reopen_after_restore()
    outcome = Outcome.OK if after.ok else Outcome.FAILED
    audit.record(data_dir, AuditEvent.RESTORE, outcome, source="backup")
    return Restored(chosen, kept, kept_damaged, upgraded_from, after)


def keep_current(data_dir: Path, live: Path, *, moving: bool) -> tuple[Path | None, bool]:
    """The current data, before something replaces it: a backup like any other when it copies
    soundly, else set aside in damaged-files/. (kept, whether it was set aside as damaged)"""
    if not live.exists():
        return None, False
    if health.check_health(live).ok:
        try:
            revision = read_revision(live) or "none"
            return backup_database(live, backups_dir(data_dir), label=revision, keep=None), False
        except DamagedDatabaseError:
            pass  # damage only integrity_check sees
    return set_aside(live, damaged_files_dir(data_dir), move=moving), True
