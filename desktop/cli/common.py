"""What every command shares: its errors, the one line on stderr, the data file opened for it
and the JSON it writes."""

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.datadir import DataDirError, db_path, ensure_writable

if TYPE_CHECKING:
    from desktop.store.database import Database


class UsageError(Exception):
    """Bad usage or bad input: exit 2 with this one-line message."""


class Refused(Exception):
    """The command cannot go on: exit with ``code`` after the Chinese ``message``."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"命令行参数有误（{message}），请运行 shuren --help 查看用法。")


def say(message: str) -> None:
    """One line on stderr: a problem, a warning, the advice that goes with it."""
    print(message, file=sys.stderr)


def add_data_dir(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """``--data-dir`` and, for an encrypted folder, ``--password-file`` (a file whose first
    line is the password: a password on the command line would show in the process list)."""
    parser.add_argument("--data-dir", type=Path, required=required)
    parser.add_argument("--password-file", type=Path)


def read_password_file(path: Path | None) -> str | None:
    """The first line of ``path`` (None without one); UsageError when it cannot be read."""
    if path is None:
        return None
    try:
        with path.open(encoding="utf-8-sig") as f:
            line = f.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取密码文件 {path}（{type(exc).__name__}）。") from exc
    if not line:
        raise UsageError(f"密码文件 {path} 的第一行是空的。")
    return line


def require_data_file(data_dir: Path) -> Path:
    """The data file of ``data_dir``; bad input (exit 2) when there is none."""
    path = db_path(data_dir)
    if not path.exists():
        raise UsageError(f"数据目录 {data_dir} 中没有数据文件。")
    return path


@contextmanager
def open_data_file(data_dir: Path, *, create: bool = False) -> Iterator["Database"]:
    """The database of ``data_dir``, closed on leaving the block.

    For a command that only reads (the default), the file must be there (else exit 2), and is
    opened as usual in a writable data dir (an older file is upgraded first), read-only where
    nothing can be written (a read-only copy, a full disk), so that listing and printing still
    work there. With ``create`` (a command that writes, its data dir already checked writable)
    it is opened for writing, and made when missing.
    """
    from desktop.store.database import open_database, open_database_readonly

    if create:
        db = open_database(data_dir)
    else:
        require_data_file(data_dir)
        try:
            ensure_writable(data_dir)
        except DataDirError:
            db = open_database_readonly(data_dir)
        else:
            db = open_database(data_dir)
    try:
        yield db
    finally:
        db.close()


def write_json(doc: object) -> None:
    """``doc`` on stdout as the JSON a script reads: Chinese as is, one space of indent,
    domain objects (dataclasses) as objects, enums by value, dates ISO, times to the minute,
    money as exact strings ("1234.50", never a float)."""
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1, default=_json_value)
    sys.stdout.write("\n")


def write_list(kind: str, items: list) -> None:
    """A list's JSON document: its kind, how many items, the items (see write_json)."""
    write_json({"kind": kind, "count": len(items), "items": items})


def _json_value(value: object) -> object:
    from dataclasses import asdict, is_dataclass
    from datetime import date, datetime
    from decimal import Decimal
    from enum import Enum

    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
