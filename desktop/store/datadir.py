"""The data directory: where the database, backups, logs and the instance lock live."""

import os
import tempfile
from pathlib import Path

APP_NAME = "ShurenXiaoqu"
DB_FILENAME = "shuren.sqlite3"


class DataDirError(Exception):
    """The data directory cannot be created or written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def default_data_dir() -> Path:
    """Per-user data dir: %LOCALAPPDATA%\\ShurenXiaoqu on Windows, ~/.local/share on Linux."""
    import platformdirs  # only needed when no --data-dir is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    return default_data_dir().parent / f"{APP_NAME}-demo"


def ensure_writable(path: Path) -> Path:
    """Create ``path`` if needed and prove that a file can be written there."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=path)
        try:
            os.write(fd, b"ok")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise DataDirError(path, exc.strerror or str(exc)) from exc
    return path


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


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
