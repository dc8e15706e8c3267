"""The one way the window changes data (in the spirit of Anki's CollectionOp).

``change`` runs a service call and then:

- tells every page what changed (``AppEvents.data_changed``), with the kinds read from what the
  call wrote (``desktop.store.changes``), so no caller names them and none is forgotten;
- says what went wrong in Chinese: a record moved to the trash meanwhile, a full or failing
  disk, anything else — unless ``on_failure`` takes the error (a form shows its problems);
- runs on the task runner instead of the GUI thread when ``background=True``.

What may run on the GUI thread is written in docs/architecture.md ("The GUI thread"): a call
that touches a bounded number of rows by key — one record, or the rows she selected. Anything
that reads a whole list, writes files or goes to the network goes to the background.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import NotFoundError
from desktop.store.changes import track_changes
from desktop.store.errors import log_storage_error, storage_problem
from desktop.ui import tasks
from desktop.ui.events import AppEvents
from desktop.ui.i18n import translate
from desktop.ui.messages import unexpected_error_text

log = logging.getLogger(__name__)

T = TypeVar("T")


def record_gone_text() -> str:
    return translate(
        "Operations",
        "This record was moved to the trash or deleted meanwhile (perhaps in another window), "
        "so this was not done. Restore it from the trash if it is still needed.",
    )


def error_text(error: BaseException) -> str:
    """The Chinese sentence for an error a change met."""
    if isinstance(error, NotFoundError):
        return record_gone_text()
    return unexpected_error_text(error)


def _log(error: BaseException) -> None:
    """An error said to her; the log keeps the details."""
    if isinstance(error, NotFoundError):
        return
    if storage_problem(error) is None:
        log.error("a change failed", exc_info=error)
    else:  # without the text, which in SQLAlchemy's case carries residents' data
        log_storage_error(log, "a change failed", error)


def _tracked(fn: Callable[[], T]) -> Callable[[], tuple[T, list]]:
    def run() -> tuple[T, list]:
        with track_changes() as changes:
            result = fn()
        return result, changes.kinds

    return run


def change_with_progress(
    events: AppEvents,
    parent: QWidget,
    fn: Callable[[tasks.Progress], T],
    *,
    on_done: Callable[[T], None] | None = None,
    on_failure: Callable[[Exception], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tasks.Progress:
    """Long work on the task runner that reports how far it got; the Progress cancels it."""

    def run(progress: tasks.Progress) -> tuple[T, list]:
        return _tracked(lambda: fn(progress))()

    succeeded, failed = _reporters(events, parent, on_done, on_failure, logged=True)
    return tasks.run_with_progress(run, succeeded, failed, on_progress)


def _reporters(
    events: AppEvents,
    parent: QWidget,
    on_done: Callable[[T], None] | None,
    on_failure: Callable[[Exception], bool] | None,
    *,
    logged: bool = False,
) -> tuple[Callable[[tuple[T, list]], None], Callable[[Exception], None]]:
    """``logged``: the task runner has logged the error already."""

    def succeeded(outcome: tuple[T, list]) -> None:
        result, kinds = outcome
        events.changed(*kinds)
        if on_done is not None:
            on_done(result)

    def failed(error: Exception) -> None:
        if on_failure is None or not on_failure(error):
            if not logged:
                _log(error)
            QMessageBox.warning(parent, parent.window().windowTitle(), error_text(error))

    return succeeded, failed


def change(
    events: AppEvents,
    parent: QWidget,
    fn: Callable[[], T],
    *,
    on_done: Callable[[T], None] | None = None,
    on_failure: Callable[[Exception], bool] | None = None,
    background: bool = False,
) -> bool:
    """Run ``fn``; report what it changed, or its error. ``on_failure`` returns True when it
    dealt with the error itself. On the GUI thread the answer is whether it succeeded; in the
    background it is True once started, and ``on_done`` says when it finished."""
    succeeded, failed = _reporters(events, parent, on_done, on_failure, logged=background)
    if background:
        tasks.run_task(_tracked(fn), on_done=succeeded, on_error=failed)
        return True
    try:
        outcome = _tracked(fn)()
    except Exception as error:  # said to her in Chinese; the log keeps the details
        failed(error)
        return False
    succeeded(outcome)
    return True
