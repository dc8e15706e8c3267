"""Folders and files of the street office's data dir that only the receiver's own user may read.

The branch copies hold residents' names, rooms and phone numbers, the registry the tokens'
hashes. On a machine with several accounts another user must not read them, and under the usual
umask (022) a new file would be 0644 and a new folder 0755. So each folder is made 0700 and each
file 0600 when it is created, and ``tighten`` puts right a data dir written before.

POSIX only: on Windows ``os.chmod`` can only set the read-only flag; there the ACLs of the
folder the data dir lives in (inherited by what is created in it) keep other users out.
"""

import os
from contextlib import suppress
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def _chmod(path: Path, mode: int) -> None:
    with suppress(FileNotFoundError):  # removed meanwhile: nothing to protect
        if POSIX and path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)


def private_dirs(path: Path) -> Path:
    """``path`` and any missing parents, each folder created here 0700 (mkdir -p)."""
    missing: list[Path] = []
    folder = path
    while not folder.is_dir() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)  # the umask could only take more away
        except FileExistsError:
            continue  # another thread made it a moment ago
    return path


def private_file(path: Path) -> Path:
    """``path``, created empty if missing, readable and writable by its owner only.

    Open it afterwards as usual: truncating or rewriting a file keeps its mode.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        if POSIX:
            os.fchmod(fd, FILE_MODE)  # a file left by an older version may be 0644
    finally:
        os.close(fd)
    return path


def tighten(data_dir: Path) -> None:
    """Make what an older version wrote private too: the registry (and its -wal, -shm) 0600,
    everything under ``branches/`` 0700 for folders and 0600 for files."""
    if not POSIX:
        return
    for name in ("street.sqlite3", "street.sqlite3-wal", "street.sqlite3-shm"):
        path = data_dir / name
        if path.is_file():
            _chmod(path, FILE_MODE)
    branches = data_dir / "branches"
    if not branches.is_dir():
        return
    _chmod(branches, FOLDER_MODE)
    for root, folders, files in os.walk(branches):
        for name in folders:
            _chmod(Path(root, name), FOLDER_MODE)
        for name in files:
            _chmod(Path(root, name), FILE_MODE)
