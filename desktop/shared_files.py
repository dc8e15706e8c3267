"""Files the secretary saves to hand on — printed documents, exported workbooks — get the mode
her other files get, while everything in the data folder stays hers alone.

At start the process narrows its umask to 077 (``private_new_files`` in desktop/store/
datadir.py), so that the database, backups, logs and settings are readable by her only. A PDF
she saves in 文档 to print or to send is not part of the data folder: it gets 0666 less the
umask she started with (0644 under the usual 022), as a file saved by any other program would.
POSIX only: on Windows a file's mode is nothing but its read-only flag.
"""

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_UMASK = 0o077
_user_umask: int | None = None


def note_user_umask(previous: int) -> None:
    """Remember the umask the process had before it was made private (``os.umask``'s answer).

    A second narrowing answers PRIVATE_UMASK, which is ours: the first answer is kept.
    """
    global _user_umask
    if _user_umask is None or previous != PRIVATE_UMASK:
        _user_umask = previous


def user_umask() -> int:
    if _user_umask is not None:
        return _user_umask
    current = os.umask(PRIVATE_UMASK)  # the only way to read it; narrower, never wider
    os.umask(current)
    return current


def shared_mode() -> int:
    """The mode of a new file the user saves: 0644 under the usual umask 022."""
    return 0o666 & ~user_umask()


def share(path: Path | str) -> None:
    """Give a file written for the user to hand on the mode her other files get (POSIX).

    Best effort: a USB stick's file system may keep no modes, and the file is saved all the same.
    """
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, shared_mode())


def write_shared(data: bytes, path: Path | str) -> None:
    """Write ``data`` to ``path`` whole or not at all, with the user's usual file mode.

    A half-written file never replaces a good one (a viewer may have it open).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        share(tmp)  # mkstemp makes it 0600 whatever the umask
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
