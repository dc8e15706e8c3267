"""Whether a database file is sound: SQLite's own checks, and a marker left in the data dir
while the data file is known to be damaged.

A damaged file must never be backed up (its copy would push a good backup out of the
rotation) nor uploaded (it would replace the street office's good copy). The window checks
the file at every start (``check_data_file``); the sync client checks its snapshot before
sending it (``check_before_upload``); the marker tells every part of the app, and the next
start, that the last check failed.
"""

import json
import logging
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.store import sqlite
from desktop.store.cipher import PasswordNeeded
from desktop.store.datadir import db_path

log = logging.getLogger(__name__)

MARKER_FILENAME = "damaged.json"
MAX_PROBLEMS = 10  # SQLite stops listing after this many; the first few tell the story


class DamagedDatabaseError(Exception):
    """A database file failed SQLite's check; ``problems`` are SQLite's own words."""

    message = (
        "数据文件检查未通过（文件已损坏），为免把损坏的文件交给街道办，这次没有上传。"
        "请打开熟人小区，按提示从备份恢复后再同步。"
    )

    def __init__(self, problems: tuple[str, ...] = ()) -> None:
        super().__init__("; ".join(problems) or "damaged")
        self.problems = problems


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Health:
    ok: bool
    problems: tuple[str, ...] = ()  # SQLite's report, one line each; empty when ok
    checked_at: datetime = field(default_factory=_utcnow)  # naive UTC
    seconds: float = 0.0  # how long the check took


def connect_unchanging(path: Path) -> sqlite.Connection:
    """Read a file nothing else writes (a backup, a snapshot): ``immutable=1`` never creates
    the -wal/-shm files that opening a WAL-mode file ``mode=ro`` can leave beside it."""
    return sqlite.connect(path, "immutable=1")


def check_health(path: Path, *, full: bool = False, unchanging: bool = False) -> Health:
    """``PRAGMA quick_check`` (or ``integrity_check`` with ``full``) on a read-only connection.

    ``unchanging``: the file is a copy nothing writes to (see ``connect_unchanging``); the
    live database is opened ``mode=ro`` instead so that its WAL is read too.
    """
    started = time.perf_counter()
    pragma = "integrity_check" if full else "quick_check"
    try:
        con = connect_unchanging(path) if unchanging else sqlite.connect(path, "mode=ro")
        try:
            con.execute("PRAGMA trusted_schema=OFF")
            rows = [str(row[0]) for row in con.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})")]
        finally:
            con.close()
    except sqlite.DatabaseError as exc:  # not a database, unreadable pages, a wrong key
        rows = [str(exc)]
    except PasswordNeeded:  # its first bytes are no SQLite header nor a known key's salt
        rows = ["file is not a database"]
    seconds = time.perf_counter() - started
    if rows == ["ok"]:
        return Health(ok=True, seconds=seconds)
    # SQLite's report can span lines ("*** in database main ***\nPage 33: …").
    lines = [line.strip() for row in rows for line in row.splitlines()]
    problems = tuple(line for line in lines if line and not line.startswith("***"))
    return Health(ok=False, problems=problems[:MAX_PROBLEMS] or ("damaged",), seconds=seconds)


# -- the marker --------------------------------------------------------------------------------


def marker_path(data_dir: Path) -> Path:
    return data_dir / MARKER_FILENAME


def record_health(data_dir: Path, health: Health) -> None:
    """Leave the marker after a failed check of the data file; remove it after a passed one."""
    marker = marker_path(data_dir)
    if health.ok:
        marker.unlink(missing_ok=True)
        return
    text = json.dumps(
        {"checked_at": health.checked_at.isoformat(), "problems": list(health.problems)},
        ensure_ascii=False,
    )
    partial = marker.with_name(marker.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, marker)


def last_check_failed(data_dir: Path) -> bool:
    """Whether the last check of the data file failed (and no check has passed since)."""
    return marker_path(data_dir).exists()


def damage_report(data_dir: Path) -> Health | None:
    """The failed check the marker records, or None when there is no marker."""
    marker = marker_path(data_dir)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        return Health(
            ok=False,
            problems=tuple(str(p) for p in data.get("problems", ())),
            checked_at=datetime.fromisoformat(data["checked_at"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Health(ok=False, problems=("marker unreadable",))  # still: it says "damaged"


def check_data_file(data_dir: Path) -> Health:
    """The check at start-up and after a restore: quick_check on the data file, recorded."""
    health = check_health(db_path(data_dir))
    if health.ok:
        log.info("data file check passed in %.2f s", health.seconds)
    else:
        log.error("data file check FAILED in %.2f s: %s", health.seconds, health.problems)
    record_health(data_dir, health)
    return health


def check_before_upload(data_dir: Path, snapshot: Path) -> None:
    """For the sync client, before it sends anything: raises DamagedDatabaseError while the
    data file is known to be damaged, or when ``snapshot`` (the copy about to be uploaded,
    which nothing else writes) fails quick_check — which is then recorded like a failed
    start-up check, so automatic syncs stop and the window tells the secretary."""
    report = damage_report(data_dir)
    if report is not None:
        raise DamagedDatabaseError(report.problems)
    health = check_health(snapshot, unchanging=True)
    if not health.ok:
        log.error("snapshot failed its check before upload: %s", health.problems)
        record_health(data_dir, health)
        raise DamagedDatabaseError(health.problems)
