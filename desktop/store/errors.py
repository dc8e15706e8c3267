"""Disk and data-file errors, told apart so that each can be said in one plain sentence.

``sqlite3.OperationalError`` (disk full, I/O error, read-only) is a subclass of
``sqlite3.DatabaseError``, SQLAlchemy wraps both (the original in ``.orig``) and the file system
raises ``OSError``: ``storage_problem`` looks through the wrappers to the cause. What goes to a
log is ``storage_detail``: the error's class and SQLite's (or the OS's) own message, never the
statement's parameters, which hold residents' names, phones and rooms.
"""

import errno
import logging
import sqlite3
import traceback
from enum import Enum
from types import TracebackType

from desktop.store import sqlite
from desktop.store.cipher import PasswordNeeded

# The app's files are opened with SQLCipher's driver (store/sqlite.py), the street office's
# with the standard library's: the same errors, in two families.
_DATABASE_ERRORS = (sqlite3.DatabaseError, sqlite.DatabaseError)
# Exactly these (not their subclasses IntegrityError, ProgrammingError…) are storage trouble.
_STORAGE_ERROR_TYPES = (sqlite3.OperationalError, sqlite.OperationalError, *_DATABASE_ERRORS)


class StorageProblem(Enum):
    FULL = "full"  # no space left on the disk (or over quota)
    NO_ACCESS = "no_access"  # read-only disk or folder, no permission, a path that cannot be used
    IO = "io"  # the disk failed a read or a write (a USB stick pulled out, a bad sector)
    BUSY = "busy"  # another program holds the file locked
    DAMAGED = "damaged"  # not a database, or a damaged one
    OTHER = "other"  # any other error of SQLite


# Exit codes of the command line: a problem met while running is 1; a data folder (or a file
# named on the command line) that cannot be read or written at all is 2, like bad input.
EXIT_CODES = {problem: 1 for problem in StorageProblem} | {StorageProblem.NO_ACCESS: 2}

_SQLITE_CODES = {
    sqlite3.SQLITE_FULL: StorageProblem.FULL,
    sqlite3.SQLITE_READONLY: StorageProblem.NO_ACCESS,
    sqlite3.SQLITE_CANTOPEN: StorageProblem.NO_ACCESS,
    sqlite3.SQLITE_PERM: StorageProblem.NO_ACCESS,
    sqlite3.SQLITE_AUTH: StorageProblem.NO_ACCESS,
    sqlite3.SQLITE_IOERR: StorageProblem.IO,
    sqlite3.SQLITE_BUSY: StorageProblem.BUSY,
    sqlite3.SQLITE_LOCKED: StorageProblem.BUSY,
    sqlite3.SQLITE_CORRUPT: StorageProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: StorageProblem.DAMAGED,
}
# An error made without a code (by hand, or by an old driver) is known by SQLite's message.
_SQLITE_MESSAGES = (
    ("disk is full", StorageProblem.FULL),
    ("readonly database", StorageProblem.NO_ACCESS),
    ("unable to open", StorageProblem.NO_ACCESS),
    ("disk i/o error", StorageProblem.IO),
    ("locked", StorageProblem.BUSY),
    ("malformed", StorageProblem.DAMAGED),
    ("not a database", StorageProblem.DAMAGED),
)
_OS_ERRNOS = {
    errno.ENOSPC: StorageProblem.FULL,
    errno.EDQUOT: StorageProblem.FULL,
    errno.EIO: StorageProblem.IO,
}
# The OS's reason in Chinese, for the messages that name one.
OS_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "磁盘是只读的",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EIO: "磁盘读写出错",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EEXIST: "已有同名的文件",
}


def root_error(error: BaseException) -> BaseException | None:
    """The sqlite3 error, OSError or PasswordNeeded behind ``error`` (through SQLAlchemy's
    ``.orig`` and the chain of causes), or None when there is none."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, (OSError, PasswordNeeded, *_DATABASE_ERRORS)):
            return current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [current.__cause__, current.__context__]
    return None


def storage_problem(error: BaseException) -> StorageProblem | None:
    """What kind of disk or data-file trouble ``error`` is; None for anything else (a bug)."""
    cause = root_error(error)
    if isinstance(cause, PasswordNeeded):
        # Its first bytes are neither SQLite's header nor the salt of a key given: a file
        # damaged there, or not this folder's.
        return StorageProblem.DAMAGED
    if isinstance(cause, OSError):
        return _OS_ERRNOS.get(cause.errno or 0, StorageProblem.NO_ACCESS)
    # IntegrityError, ProgrammingError, InterfaceError… are the code's own mistakes.
    if type(cause) not in _STORAGE_ERROR_TYPES:
        return None
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    text = str(cause).lower()
    return next((p for words, p in _SQLITE_MESSAGES if words in text), StorageProblem.OTHER)


def os_reason(error: OSError) -> str:
    """The OS's reason for ``error``, in Chinese when it is a common one."""
    return OS_REASONS.get(error.errno or 0) or error.strerror or type(error).__name__


def storage_detail(error: BaseException) -> str:
    """For the log: the class and SQLite's (or the OS's) own message, no parameters."""
    cause = root_error(error) or error
    if isinstance(cause, OSError):
        # The file name is a path in the data folder or one the secretary chose, not a record.
        where = f" ({cause.filename})" if cause.filename else ""
        return f"{type(cause).__name__}: [errno {cause.errno}] {cause.strerror}{where}"
    if isinstance(cause, sqlite3.Error | sqlite.Error):
        name = getattr(cause, "sqlite_errorname", None)
        return f"{type(cause).__name__}: {cause}" + (f" ({name})" if name else "")
    return type(cause).__name__  # not ours to read: its text may carry anything


def log_storage_error(
    logger: logging.Logger,
    what: str,
    error: BaseException,
    tb: TracebackType | None = None,
) -> None:
    """Log a disk or data-file error: where in the code, and ``storage_detail``. The
    exception's own text is left out on purpose (SQLAlchemy's carries the parameters)."""
    frames = "".join(traceback.format_list(traceback.extract_tb(tb or error.__traceback__)))
    logger.error("%s: %s\n%s", what, storage_detail(error), frames.rstrip())
