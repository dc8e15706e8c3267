"""The one way to run work off the GUI thread (after Picard's run_task and Anki's QueryOp).

``fn`` runs on a pool thread and opens its own database session through the services;
``on_done`` / ``on_error`` run on the main thread.
"""

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_pool = QThreadPool()
_pool.setMaxThreadCount(2)  # SQLite has one writer anyway; keep a core for the GUI
_live: set["_Task"] = set()  # keeps tasks (and their signal bridges) alive until they report


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.bridge = _Bridge()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported on the main thread; never lost
            log.exception("background task failed")
            self.bridge.failed.emit(exc)
        else:
            self.bridge.done.emit(result)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    task = _Task(fn)
    _live.add(task)

    def finished(result: Any) -> None:
        _live.discard(task)
        if on_done is not None:
            on_done(result)

    def failed(exc: Exception) -> None:
        _live.discard(task)
        if on_error is not None:
            on_error(exc)

    # The bridge lives on the main thread, so these slots are queued back to it.
    task.bridge.done.connect(finished)
    task.bridge.failed.connect(failed)
    _pool.start(task)


def wait_for_tasks(msecs: int = 30_000) -> bool:
    """Used at shutdown (and by tests): let running work finish."""
    return _pool.waitForDone(msecs)


def pending_tasks() -> int:
    return len(_live)
