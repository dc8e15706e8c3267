"""The one way to run work off the GUI thread (after Picard's run_task and Anki's QueryOp).

``fn`` runs on a pool thread and opens its own database session through the services;
``on_done`` / ``on_error`` run on the main thread. Long work takes a ``Progress`` to report
how far it got and to notice a cancel (``run_with_progress``).

While work runs, Python's cyclic garbage collector runs only on the main thread (see
``_MainThreadCollector``).
"""

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop.store.errors import log_storage_error, storage_problem

log = logging.getLogger(__name__)

_pool = QThreadPool()
_pool.setMaxThreadCount(2)  # SQLite has one writer anyway; keep a core for the GUI
_live: set["_Task"] = set()  # keeps tasks (and their signal bridges) alive until they report


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _MainThreadCollector:
    """Collects reference cycles on the main thread while work runs on the pool.

    The automatic collector runs in whichever thread happens to cross its threshold. A document
    built on the pool allocates a lot, so it was there that cycles left by closed pages and
    dialogs were freed: their Qt objects (a QSettings, signal hubs, widgets) were destroyed off
    the GUI thread while the GUI thread used Qt, and the app crashed now and then (a
    segmentation fault in the middle of printing). So from the first task started until the
    last one reports, automatic collection is off and a timer on the main thread collects
    whatever generation is due.
    """

    INTERVAL_MS = 200

    def __init__(self) -> None:
        self._timer: QTimer | None = None
        self._was_enabled = False

    def work_started(self) -> None:
        if self._timer is not None and self._timer.isActive():
            return
        if self._timer is None:
            self._timer = QTimer(interval=self.INTERVAL_MS)
            self._timer.timeout.connect(self.collect_due)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def work_ended(self) -> None:
        if self._timer is None or not self._timer.isActive():
            return
        self._timer.stop()
        self.collect_due()
        if self._was_enabled:
            gc.enable()

    @staticmethod
    def collect_due() -> None:
        """The oldest generation whose count passed its threshold, as the automatic one would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


_collector = _MainThreadCollector()


class Progress:
    """Given to long work: ``report(done, total)`` from the worker; ``cancelled()`` to stop."""

    def __init__(self, bridge: _Bridge) -> None:
        self._bridge = bridge
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._bridge.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.with_progress = with_progress
        self.bridge = _Bridge()
        self.progress = Progress(self.bridge)

    def run(self) -> None:
        try:
            result = self.fn(self.progress) if self.with_progress else self.fn()
        except Exception as exc:  # reported on the main thread; never lost
            if storage_problem(exc) is None:
                log.exception("background task failed")
            else:  # without the text, which in SQLAlchemy's case carries residents' data
                log_storage_error(log, "background task failed", exc)
            self.bridge.failed.emit(exc)
        else:
            self.bridge.done.emit(result)


def _start(
    task: _Task,
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[Exception], None] | None,
    on_progress: Callable[[int, int], None] | None,
) -> Progress:
    _live.add(task)
    _collector.work_started()

    def finished(result: Any) -> None:
        _reported(task)
        if on_done is not None:
            on_done(result)

    def failed(exc: Exception) -> None:
        _reported(task)
        if on_error is not None:
            on_error(exc)

    # The bridge lives on the main thread, so these slots are queued back to it.
    task.bridge.done.connect(finished)
    task.bridge.failed.connect(failed)
    if on_progress is not None:
        task.bridge.progressed.connect(on_progress)
    _pool.start(task)
    return task.progress


def _reported(task: _Task) -> None:
    _live.discard(task)
    if not _live:
        _collector.work_ended()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    _start(_Task(fn, with_progress=False), on_done, on_error, None)


def run_with_progress(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Progress:
    """Run ``fn(progress)``; the returned Progress is the one to cancel."""
    return _start(_Task(fn, with_progress=True), on_done, on_error, on_progress)


def wait_for_tasks(msecs: int = 30_000) -> bool:
    """Used at shutdown (and by tests): let running work finish."""
    return _pool.waitForDone(msecs)


def pending_tasks() -> int:
    return len(_live)
