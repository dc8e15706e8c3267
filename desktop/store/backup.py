"""Consistent copies of the database with the SQLite backup API, checked before they count.

Every copy is checked with ``PRAGMA integrity_check`` before it gets a backup's name; a copy
of a damaged file is discarded (``DamagedDatabaseError``), so a damaged file is never backed
up and never pushes a good backup out of the rotation. The check's result, the copy's schema
revision and its record counts are kept beside it in a small JSON file, so the list of
backups is not recomputed at every start. Backups are only ever read with ``immutable=1``:
reading one never creates -wal/-shm files beside it.
"""

import json
import logging
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.store import sqlite
from desktop.store.cipher import key_of, session_key
from desktop.store.encrypt import copy_under_key, under_key
from desktop.store.health import DamagedDatabaseError, check_health, connect_unchanging

log = logging.getLogger(__name__)

KEEP_BACKUPS = 10
SIDECAR_SUFFIX = ".json"
SIDECAR_FORMAT = 1
# Lists whose live records a backup's description counts.
COUNTED_TABLES = (
    "need",
    "resource",
    "project",
    "person",
    "organization",
    "visit",
    "meeting",
    "compact",
)
RESTORE_STEP_PAGES = 1024  # 4 MiB at a time: progress for a big file, few steps for a small one
BUSY_TIMEOUT_S = 10.0

Progress = Callable[[int, int], None]  # (pages done, pages in all)


@dataclass(frozen=True)
class BackupCheck:
    """What ``integrity_check`` found in a copy, with its schema revision and record counts."""

    sound: bool
    revision: str | None = None
    counts: Mapping[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        """Sound and made by the app (an empty or foreign file passes the check too)."""
        return self.sound and self.revision is not None


def backup_database(
    source: Path, folder: Path, *, label: str, keep: int | None = KEEP_BACKUPS
) -> Path:
    """Copy ``source`` into ``folder`` (even while it is open elsewhere); keep the newest.

    The copy is checked before it is named as a backup: a damaged source raises
    DamagedDatabaseError and leaves the folder as it was. ``keep=None``: prune nothing.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"shuren-{stamp}-r{label}.sqlite3"
    partial = folder / f".{target.name}.partial"  # never listed, never restored
    partial.touch(mode=0o600)  # a copy of residents' data: the user's alone (POSIX)
    try:
        copy_database(source, partial)
        check = inspect_file(partial)
        if not check.sound:
            raise DamagedDatabaseError(check.problems)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _write_sidecar(target, check)
    if keep is not None:
        prune_backups(folder, keep)
    return target


def copy_database(
    source: Path, target: Path, *, unchanging: bool = False, progress: Progress | None = None
) -> None:
    """A consistent copy with the backup API (the source's WAL included).

    Without ``progress`` it is one step: a source that other connections write to would make
    a copy in steps start over after every write.
    """
    src = connect_unchanging(source) if unchanging else sqlite.connect(source)
    try:
        # Under the source's key: SQLCipher copies pages only between files under one key.
        dst = sqlite.connect(target, key=key_of(source))
        try:
            pages = -1 if progress is None else RESTORE_STEP_PAGES
            src.backup(dst, pages=pages, progress=_pages(progress))
        finally:
            dst.close()
    finally:
        src.close()


def list_backups(folder: Path) -> list[Path]:
    """Newest last; names sort by time because the stamp leads."""
    return sorted(folder.glob("shuren-*.sqlite3")) if folder.exists() else []


def prune_backups(folder: Path, keep: int) -> None:
    """Keep the newest ``keep`` backups plus the newest usable one older than them.

    So the last good backup is never deleted, even when every recent one is damaged (made by
    an older version of the app, or spoiled on disk since).
    """
    older = list_backups(folder)[:-keep]
    spare = next((p for p in reversed(older) if verify_backup(p).usable), None)
    for old in older:
        if old != spare:
            remove_backup(old)


def remove_backup(path: Path) -> None:
    path.unlink(missing_ok=True)
    sidecar_path(path).unlink(missing_ok=True)


# -- checking a copy ---------------------------------------------------------------------------


def sidecar_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SIDECAR_SUFFIX)


def verify_backup(path: Path) -> BackupCheck:
    """The check of a backup, from its sidecar when that still fits the file, else run now
    (integrity_check: seconds on a big file) and noted in a new sidecar."""
    cached = _read_sidecar(path)
    if cached is not None:
        return cached
    check = inspect_file(path)
    _write_sidecar(path, check)
    return check


def inspect_file(path: Path) -> BackupCheck:
    """integrity_check, schema revision and live record counts of a file nothing writes to."""
    health = check_health(path, full=True, unchanging=True)
    if not health.ok:
        return BackupCheck(sound=False, problems=health.problems)
    try:
        con = connect_unchanging(path)
        try:
            con.execute("PRAGMA trusted_schema=OFF")
            return BackupCheck(sound=True, revision=_revision(con), counts=_counts(con))
        finally:
            con.close()
    except sqlite.DatabaseError as exc:
        return BackupCheck(sound=False, problems=(str(exc),))


def _revision(con: sqlite.Connection) -> str | None:
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _counts(con: sqlite.Connection) -> dict[str, int]:
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    counts: dict[str, int] = {}
    for table in COUNTED_TABLES:
        if table not in tables:
            continue  # an older revision without this list
        columns = {row[1] for row in con.execute(f'PRAGMA table_info("{table}")')}
        live = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
        counts[table] = int(con.execute(f'SELECT count(*) FROM "{table}"{live}').fetchone()[0])
    return counts


def _read_sidecar(path: Path) -> BackupCheck | None:
    try:
        data = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
        if data.get("format") != SIDECAR_FORMAT or data.get("file") != _file_stamp(path):
            return None  # another format, or the file was changed since it was checked
        return BackupCheck(
            sound=bool(data["sound"]),
            revision=data.get("revision"),
            counts={str(k): int(v) for k, v in data.get("counts", {}).items()},
            problems=tuple(str(p) for p in data.get("problems", ())),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _file_stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _write_sidecar(path: Path, check: BackupCheck) -> None:
    data = {
        "format": SIDECAR_FORMAT,
        "file": _file_stamp(path),
        "checked_at": datetime.now(UTC).replace(tzinfo=None).isoformat(),
        "sound": check.sound,
        "revision": check.revision,
        "counts": dict(check.counts),
        "problems": list(check.problems),
    }
    sidecar = sidecar_path(path)
    partial = sidecar.with_name(sidecar.name + ".partial")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, sidecar)
    except OSError:
        # A read-only backups folder: the check is simply run again next time.
        log.info("could not note the check of %s", path.name, exc_info=True)


# -- restoring ---------------------------------------------------------------------------------


def restore_into(live: Path, backup: Path, progress: Progress | None = None) -> None:
    """Copy ``backup`` INTO the database file ``live`` with the backup API.

    SQLite holds one write transaction on ``live`` for the whole copy: every other
    connection sees either the old data or the restored data, and a crash half-way leaves
    the old data. Works while the app has the file open, and over a damaged file as long as
    SQLite can open it.
    """
    scratch = live.with_name(live.name + ".restoring")
    with under_key(backup, key_of(live), scratch) as source:
        src = connect_unchanging(source)
        try:
            dst = sqlite.connect(live, timeout=BUSY_TIMEOUT_S)
            try:
                src.backup(dst, pages=RESTORE_STEP_PAGES, progress=_pages(progress))
            finally:
                dst.close()
        finally:
            src.close()


def set_aside(live: Path, folder: Path, *, move: bool) -> Path:
    """Keep the data file (and its WAL) in ``folder`` under a name that says what it is.

    ``move``: rename the files (nothing may have them open); otherwise copy them — with the
    backup API when SQLite can still read the file, byte for byte when it cannot. The app
    never deletes anything in ``folder``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"shuren-damaged-{stamp}.sqlite3"
    number = 1
    while target.exists():  # twice in one second: never overwrite a file kept aside
        number += 1
        target = folder / f"shuren-damaged-{stamp}-{number}.sqlite3"
    suffixes = ("", "-wal", "-shm") if move else ("", "-wal")
    if not move:
        try:
            copy_database(live, target)
            return target
        except sqlite.DatabaseError:
            log.info("backup API cannot read the damaged file; copying it byte for byte")
            target.unlink(missing_ok=True)
    for suffix in suffixes:
        part = Path(f"{live}{suffix}")
        if part.exists():
            if move:
                os.replace(part, f"{target}{suffix}")
            else:
                shutil.copy2(part, f"{target}{suffix}")
    return target


def put_in_place(live: Path, backup: Path, progress: Progress | None = None) -> None:
    """Make a copy of ``backup`` the database file ``live``, which does not exist (it was set
    aside): copied beside it, then renamed over, so no half-copied file is ever ``live``."""
    partial = live.with_name(live.name + ".restoring")
    try:
        key = session_key()
        if key_of(backup) == key:
            copy_database(backup, partial, unchanging=True, progress=progress)
        else:  # a backup made before the folder was encrypted: no plain copy beside it
            copy_under_key(backup, partial, key)
        os.replace(partial, live)
    finally:
        partial.unlink(missing_ok=True)


def _pages(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)
