"""One sync (or restore, or merge) per data folder at a time, across processes.

The window's automatic sync and a `shuren sync` started by hand would otherwise share the
snapshot and the pending upload. The lock is the operating system's lock on
``sync/sync.lock``: it goes with the process, so a killed sync never leaves a stale lock.
"""

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.sync.config import sync_dir
from desktop.sync.errors import SyncBusy

WAIT_SECONDS = 2.0  # a second sync waits this long for the first, then says 正在同步
_POLL = 0.05

# The OS lock is per process on POSIX (a second lock in the same process would succeed), so
# threads of one process also take a plain lock per folder.
_thread_locks: dict[Path, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


@contextmanager
def sync_lock(data_dir: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the data folder's sync lock; SyncBusy if another sync keeps it past ``wait``."""
    folder = sync_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    key = folder.resolve()
    with _thread_locks_guard:
        thread_lock = _thread_locks.setdefault(key, threading.Lock())
    if not thread_lock.acquire(timeout=wait):
        raise SyncBusy()
    try:
        fd = os.open(folder / "sync.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + wait
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise SyncBusy()
                time.sleep(_POLL)
            try:
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)
    finally:
        thread_lock.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
