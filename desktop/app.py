"""Start-up: arguments, data dir, single-instance lock, migrations, then the window.

Heavy modules (Alembic, the pages) are imported only when needed: cold start matters on an
old office PC.
"""

import argparse
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger("desktop")

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def parse_window_args(argv: Sequence[str]) -> argparse.Namespace:
    from desktop.cli import ChineseArgumentParser

    parser = ChineseArgumentParser(
        prog="shuren",
        description="熟人小区：小区党支部工作台（子命令见 shuren 子命令 --help；"
        "安装后自检：shuren self-test）。",
    )
    parser.add_argument("--data-dir", type=Path, help="数据目录（默认为本机用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开演示小区（没有时自动生成）")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="界面语言")
    return parser.parse_args(list(argv))


def setup_logging(data_dir: Path) -> None:
    from desktop.store.datadir import logs_dir

    folder = logs_dir(data_dir)
    folder.mkdir(exist_ok=True)
    handler = RotatingFileHandler(
        folder / "shuren.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "self-test":  # needs the window, so not among the headless commands
        from desktop.ui.self_test import main as self_test

        return self_test(argv[1:])
    from desktop.cli import COMMANDS

    if argv and argv[0] in COMMANDS:
        from desktop.cli import main as cli_main

        return cli_main(argv)
    from desktop.cli import UsageError

    try:
        args = parse_window_args(argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    try:
        started = start(args)
    except Exception as exc:  # a disk error while the window was being built: said, not shown
        from desktop.ui.session import refuse_start

        return refuse_start(exc)
    if isinstance(started, int):
        return started
    code = app.exec()
    started.shutdown()
    return code


def start(args: argparse.Namespace):
    """Everything up to the window on screen; returns the running session or an exit code."""
    from desktop.ui.session import start_session

    return start_session(args)
