"""Headless subcommands (docs/architecture.md, "Command line"). Messages are Chinese, one line.

Exit codes: 0 success; 1 the command ran and found a problem; 2 bad usage or bad input.

One module per group of commands, each with its ``add_arguments`` and its handlers;
common.py holds what they share (the data file opened for a command, the JSON it writes, the
errors that end it), failures.py what a disk or data-file error says.
"""

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.cli import audit, datafile, documents, indicators, ledger, lists, sync
from desktop.cli.common import ChineseArgumentParser, Refused, UsageError, read_password_file, say
from desktop.cli.documents import branch_name
from desktop.cli.failures import stdout_closed, storage_message
from desktop.store.cipher import PasswordNeeded, WrongPassword
from desktop.store.datadir import DataDirError, default_data_dir, ensure_writable, private_new_files
from desktop.store.errors import EXIT_CODES, StorageProblem, storage_problem
from desktop.store.password import unlock
from desktop.store.schema import DatabaseTooNewError, DatabaseTooOldError

__all__ = [
    "COMMANDS",
    "ChineseArgumentParser",
    "UsageError",
    "branch_name",
    "build_parser",
    "main",
    "storage_message",
]

HANDLERS = {
    "demo": datafile.cmd_demo,
    "check": datafile.cmd_check,
    "list": lists.cmd_list,
    "ledger": ledger.cmd_ledger,
    "print": documents.cmd_print,
    "sync": sync.cmd_sync,
    "restore": sync.cmd_restore,
    "indicators": indicators.cmd_indicators,
    "audit": audit.cmd_audit,
}
COMMANDS = tuple(HANDLERS)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="shuren", description="熟人小区命令行工具")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ChineseArgumentParser)
    for group in (datafile, lists, ledger, documents, sync, indicators, audit):
        group.add_arguments(sub)
    return parser


def main(argv: Sequence[str]) -> int:
    private_new_files()
    # The one line on stderr is the whole report: no warnings of the layers below there.
    logging.getLogger().addHandler(logging.NullHandler())
    data_dir: Path | None = None
    try:
        args = build_parser().parse_args(list(argv))
        data_dir = args.data_dir or default_data_dir()
        if _writes(args):
            ensure_writable(data_dir)
        if "password_file" in vars(args):  # a command that opens the data (common.add_data_dir)
            unlock(data_dir, read_password_file(args.password_file))
        code = HANDLERS[args.command](args, data_dir)
        sys.stdout.flush()  # a reader gone early (`| head`) shows here at the latest
        return code
    except BrokenPipeError:
        return stdout_closed()
    except Refused as exc:
        say(exc.message)
        return exc.code
    except UsageError as exc:
        say(str(exc))
        return 2
    except DataDirError as exc:
        full = exc.error is not None and storage_problem(exc.error) is StorageProblem.FULL
        advice = exc.advice or ("请腾出磁盘空间后再试" if full else "请换一个可以写入的文件夹")
        say(f"无法使用数据目录 {exc.path}（{exc.reason}），{advice}。")
        return 2
    except (PasswordNeeded, WrongPassword) as exc:
        say(
            exc.message
            + ("请用 --password-file 指定密码文件。" if isinstance(exc, PasswordNeeded) else "")
        )
        return 2
    except DatabaseTooNewError as exc:
        say(f"数据文件由更新版本的熟人小区写入（版本 {exc.revision}），请先升级本软件。")
        return 1
    except DatabaseTooOldError as exc:
        say(
            f"数据文件是旧版本（版本 {exc.revision or '无'}），要先升级才能读取，但数据目录 "
            f"{data_dir} 无法写入。请把它复制到可以写入的文件夹后再试。"
        )
        return 2
    except Exception as exc:
        # The disk or the data file (full, read-only, I/O error, damaged), whether raised by
        # sqlite3, by SQLAlchemy around it or by the file system: one line, never a traceback
        # (SQLAlchemy's would show the statement's parameters: residents' data).
        problem = storage_problem(exc)
        if problem is None:
            raise
        say(storage_message(problem, exc, data_dir))
        return EXIT_CODES[problem]


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command writes into the data dir. The others also run on a read-only copy
    or a full disk (see common.open_data_file)."""
    if args.command == "ledger":
        return args.action == "import"
    return args.command in ("demo", "sync", "restore")
