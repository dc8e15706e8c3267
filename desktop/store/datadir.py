"""The data directory: where the database, backups, logs and the instance lock live."""

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from desktop.shared_files import PRIVATE_UMASK, note_user_umask
from desktop.store.errors import os_reason

APP_NAME = "ShurenXiaoqu"
DB_FILENAME = "shuren.sqlite3"


class DataDirError(Exception):
    """The data directory cannot be created or written; ``reason`` is said in Chinese."""

    def __init__(
        self, path: Path, reason: str, error: OSError | None = None, advice: str | None = None
    ) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.error = error
        self.advice = advice  # what to do instead, when it is not "choose a writable folder"


def default_data_dir() -> Path:
    """Per-user data dir: %LOCALAPPDATA%\\ShurenXiaoqu on Windows, ~/.local/share on Linux."""
    import platformdirs  # only needed when no --data-dir is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    return default_data_dir().parent / f"{APP_NAME}-demo"


# SQLite's unix VFS opens paths of at most 512 bytes (SQLITE_MAX_PATHNAME); a deeper folder
# would fail later with "unable to open database file", which reads as a permission problem.
SQLITE_MAX_PATH_BYTES = 512


def ensure_writable(path: Path) -> Path:
    """Create ``path`` if needed, keep it private and prove that a file can be written there."""
    if os.name == "posix" and len(os.fsencode(db_path(path.absolute()))) > SQLITE_MAX_PATH_BYTES:
        raise DataDirError(
            path,
            f"路径太长：数据文件的完整路径超过 {SQLITE_MAX_PATH_BYTES} 字节",
            advice="请换一个层级浅一些、名字短一些的文件夹",
        )
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=path)
        try:
            os.write(fd, b"ok")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
        keep_private(path)
    except OSError as exc:
        raise DataDirError(path, os_reason(exc), exc) from exc
    return path


def private_new_files() -> None:
    """Everything this process creates from now on is readable by the user only: SQLite's
    files (-wal and -shm take the database's mode), backups, logs, settings, the search
    index, the sync folder. Documents and workbooks she saves elsewhere get her usual mode
    instead (desktop/shared_files.py, which keeps the umask she started with).

    POSIX only (umask 077). On Windows the per-user data folder (%LOCALAPPDATA%) already keeps
    other users out, and a umask there would only touch the read-only flag.
    """
    if os.name == "posix":
        note_user_umask(os.umask(PRIVATE_UMASK))


def keep_private(data_dir: Path) -> None:
    """Take group and others' access away from the data dir and everything in it (POSIX).

    Data dirs made by earlier versions were readable by everyone (0644 files). A folder that
    holds other things and no database (a --data-dir chosen carelessly, such as a home folder)
    is left as it is: what the app writes there is private through ``private_new_files``.
    """
    if os.name != "posix":
        return  # chmod on Windows sets nothing but the read-only flag
    if any(data_dir.iterdir()) and not db_path(data_dir).exists():
        return
    _make_private(data_dir)
    for root, dirs, files in os.walk(data_dir):
        for name in dirs + files:
            _make_private(Path(root, name))


def _make_private(path: Path) -> None:
    with contextlib.suppress(OSError):  # another user's file, a read-only disk: leave it
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode) and mode & 0o077:
            path.chmod(stat.S_IMODE(mode) & 0o700)


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def demo_marker(data_dir: Path) -> Path:
    """Present in a folder the demo filled (演示数据): made-up residents, never offered
    encryption, and named so in the window's title."""
    return data_dir / "demo.txt"


def is_demo_folder(data_dir: Path) -> bool:
    return demo_marker(data_dir).is_file()


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def damaged_files_dir(data_dir: Path) -> Path:
    """Where a damaged data file is set aside when a backup replaces it; never emptied."""
    return data_dir / "damaged-files"


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def looks_like_network_drive(path: Path) -> bool:
    """SQLite's WAL locking breaks on network drives; warn when the data dir is on one."""
    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True
    if os.name == "nt":
        import ctypes

        drive = text[:3]
        drive_remote = 4  # DRIVE_REMOTE from GetDriveTypeW
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote)
    return False
