"""Work on the pool never frees the window's objects: reference cycles are collected on the
main thread only.

A document built on the pool allocates a lot, and Python's automatic collector runs in the
thread that allocates; the cycles left by closed pages were freed there, their Qt objects
destroyed off the GUI thread, and printing crashed now and then (a segmentation fault).
"""

import gc
import threading

from PySide6.QtCore import QObject

from desktop.ui.tasks import run_task, wait_for_tasks


class _Tracked(QObject):
    """Notes the thread that freed it."""

    def __init__(self, freed_on: list[str]) -> None:
        super().__init__()
        self.freed_on = freed_on
        self.me = self  # a cycle: only the collector frees it

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def _allocate() -> int:
    # Far more new containers than the youngest generation's threshold (700).
    return len([[] for _ in range(20_000)])


def _leave_a_cycle(freed_on: list[str]) -> None:
    _Tracked(freed_on)


def test_cycles_are_not_freed_on_a_pool_thread(qtbot):
    freed_on: list[str] = []
    results: list[int] = []
    gc.collect()
    _leave_a_cycle(freed_on)
    run_task(_allocate, results.append)
    assert wait_for_tasks()  # the main thread runs no Python meanwhile
    qtbot.waitUntil(lambda: results == [20_000])
    gc.collect()
    assert freed_on == [threading.main_thread().name]
    assert gc.isenabled()  # the automatic collector is back once no work runs


def test_the_main_thread_collects_while_work_runs(qtbot):
    release = threading.Event()
    run_task(lambda: release.wait(10))
    try:
        freed_on: list[str] = []
        _leave_a_cycle(freed_on)
        kept = [[] for _ in range(2_000)]  # the youngest generation is due
        qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
        assert freed_on == [threading.main_thread().name] and len(kept) == 2_000
    finally:
        release.set()
        assert wait_for_tasks()
