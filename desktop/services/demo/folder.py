"""A demo data dir, all or nothing: built in a folder of its own inside the data dir and moved
into place when complete."""

import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

from desktop.services.demo.driver import (
    DEFAULT_SCALE,
    MAX_SCALE,
    DemoExistsError,
    has_records,
    make_demo,
)
from desktop.store import sqlite
from desktop.store.database import open_database
from desktop.store.datadir import db_path, demo_marker
from desktop.store.search_index import index_path

DEMO_FOLDER_PREFIX = ".demo-"  # where create_demo builds, inside the data dir


def create_demo(
    data_dir: Path,
    scale: int = DEFAULT_SCALE,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> int:
    """A demo neighborhood in ``data_dir`` (``make_demo``), all or nothing.

    It is built in a temporary folder inside the data dir and moved into place when complete,
    so a demo killed midway leaves no database that could pass ``check`` or stop the next
    demo; the next one removes the folder left behind. DemoExistsError when the data dir
    holds records; a database without any is filled in one step through SQLite's backup API.
    """
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be 1..{MAX_SCALE}")
    target = db_path(data_dir)
    if target.exists():
        existing = open_database(data_dir)
        try:
            with existing.session() as s:
                if has_records(s):
                    raise DemoExistsError("data dir is not empty")
        finally:
            existing.close()
    for leftover in data_dir.glob(f"{DEMO_FOLDER_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a demo killed midway
    scratch = Path(tempfile.mkdtemp(prefix=DEMO_FOLDER_PREFIX, dir=data_dir))
    try:
        db = open_database(scratch)
        try:
            make_demo(db, scale, seed, progress, today)
        finally:
            db.close()
        if target.exists():
            _copy_into(db_path(scratch), target)
        else:
            _move_into_place(scratch, data_dir)
        demo_marker(data_dir).write_text("演示数据：虚构的居民和记录。\n", encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return scale


def _move_into_place(scratch: Path, data_dir: Path) -> None:
    """The finished files into the data dir, the database last: its arrival is the commit."""
    target, index = db_path(data_dir), index_path(data_dir)
    # Leftovers of a database that is gone would be read as part of the new one.
    for stale in (*_companions(target), index, *_companions(index)):
        stale.unlink(missing_ok=True)
    if index_path(scratch).exists():  # in step with the database: no rebuild at first open
        _settle(index_path(scratch))
        os.replace(index_path(scratch), index)
    _settle(db_path(scratch))
    if target.exists():  # made meanwhile (a window started on this folder): never replaced
        raise DemoExistsError("data dir is not empty")
    os.replace(db_path(scratch), target)
    if os.name == "posix":  # the renames themselves survive a power cut once the folder is synced
        folder = os.open(data_dir, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _settle(path: Path) -> None:
    """Everything in ``path``'s write-ahead log into the file itself, which alone is moved."""
    with closing(sqlite.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = _companions(path)[0]
    if wal.exists() and wal.stat().st_size:
        raise RuntimeError(f"{path.name}: write-ahead log left after closing")


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _copy_into(source: Path, target: Path) -> None:
    """Replace an empty database's content with ``source``'s in one transaction."""
    with closing(sqlite.connect(source)) as src, closing(sqlite.connect(target)) as dst:
        src.backup(dst)
