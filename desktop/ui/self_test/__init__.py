"""`shuren self-test`: the installed app checks itself, one Chinese line per check.

The street office's IT runs it after installing, and CI runs it from the bundle: it opens the
window off-screen on a demo neighborhood made in a temporary folder (never the user's data),
visits every page, opens and closes every kind of record form, prints each document, and checks
the fonts, the translation, the default data folder and the database. Exit 0 when every check
passed, 1 when one failed; a failed check never stops the others.
"""

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
PASSED, FAILED = "通过", "失败"


class CheckFailed(Exception):
    """A check's plain reason, in Chinese, for the 失败 line."""


@dataclass(frozen=True)
class Outcome:
    name: str  # 字体, 翻译…: what the line is about
    passed: bool
    detail: str

    def line(self) -> str:
        return f"{PASSED if self.passed else FAILED}  {self.name}：{self.detail}"


# A check: its name on the line, and the function that returns what it found (or raises
# CheckFailed). Checks run in this order and share what they set up through the ``Run``.
Check = tuple[str, Callable[["Run"], str]]


class Run:
    """What the checks share: the temporary folder, and what earlier checks set up (the font
    families, the demo database, the window's context). Each later check that needs something
    an earlier one failed to set up says so rather than failing obscurely."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data_dir = folder / "demo"
        self.documents_dir = folder / "documents"
        self.families: list[str] = []
        self.db = None  # the demo's Database, once the database check opened it
        self.ctx = None  # the window's AppContext, once the window check made it
        self.window = None  # the MainWindow, off-screen, until close_all
        self.guard = None  # window.Guard: errors and unexpected boxes while the window is up

    def need(self, thing: object, what: str) -> None:
        if thing is None or thing == []:
            raise CheckFailed(f"{what}未能准备好（见上面失败的检查），无法检查")


def run_checks(checks: Sequence[Check], run: Run, out=None) -> list[Outcome]:
    """Every check in order, each line printed as soon as it is known."""
    outcomes = []
    for name, check in checks:
        outcome = _run_one(name, check, run)
        outcomes.append(outcome)
        print(outcome.line(), file=out or sys.stdout, flush=True)
    return outcomes


def _run_one(name: str, check: Callable[[Run], str], run: Run) -> Outcome:
    try:
        return Outcome(name, True, check(run))
    except CheckFailed as exc:
        return Outcome(name, False, str(exc))
    except Exception as exc:  # the line says what broke; the details go to the log
        log.exception("self-test check %s failed", name)
        return Outcome(name, False, f"意外错误（{type(exc).__name__}：{str(exc)[:200]}）")


def summary(outcomes: Sequence[Outcome], seconds: float) -> str:
    failed = sum(not o.passed for o in outcomes)
    if failed:
        return f"{len(outcomes)} 项检查中有 {failed} 项失败，用时 {seconds:.1f} 秒"
    return f"全部 {len(outcomes)} 项检查通过，用时 {seconds:.1f} 秒"


def all_checks() -> list[Check]:
    from desktop.ui.self_test import environment, printing, window

    return [*environment.CHECKS, *window.CHECKS, *printing.CHECKS]


def main(argv: Sequence[str] = ()) -> int:
    from desktop.cli import ChineseArgumentParser, UsageError

    parser = ChineseArgumentParser(
        prog="shuren self-test",
        description="自检：在临时文件夹里用演示数据打开窗口、各页面和表单，打印各种文件，"
        "并检查字体、翻译、数据文件夹和数据库。全部通过时退出码为 0。",
    )
    try:
        parser.parse_args(list(argv))
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    # No screen is needed (CI, a remote session): off-screen unless the caller chose a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("ShurenXiaoqu")
    with _logged() as log_path:
        outcomes = _run_in_temporary_folder()
        passed = all(o.passed for o in outcomes)
        print(summary(outcomes, time.perf_counter() - started), flush=True)
        if not passed:
            print(f"详情已记在 {log_path}", flush=True)
    if passed:
        log_path.unlink(missing_ok=True)
    return EXIT_OK if passed else EXIT_PROBLEM


def _run_in_temporary_folder() -> list[Outcome]:
    from desktop.ui.self_test.window import close_all

    # Removed afterwards whatever happened; on Windows a file still open must not end the run.
    with tempfile.TemporaryDirectory(prefix="shuren-self-test-", ignore_cleanup_errors=True) as tmp:
        run = Run(Path(tmp))
        try:
            return run_checks(all_checks(), run)
        finally:
            close_all(run)


@contextmanager
def _logged() -> Iterator[Path]:
    """What went wrong in detail (tracebacks, Qt's own warnings) goes to a log file of its own
    in the system's temporary folder, not on screen; the summary names it when a check failed.
    The user's data folder and its log are never touched."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    with tempfile.NamedTemporaryFile(
        prefix="shuren-self-test-", suffix=".log", delete=False
    ) as file:
        path = Path(file.name)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    qt_log = logging.getLogger("qt")
    quiet = (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)

    def from_qt(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(logging.INFO if kind in quiet else logging.WARNING, "%s", message)

    previous = qInstallMessageHandler(from_qt)
    try:
        yield path
    finally:
        qInstallMessageHandler(previous)
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()


__all__ = ["CheckFailed", "Outcome", "Run", "main", "run_checks", "summary"]
