"""Test settings shared by the whole suite.

Every test runs as on a bare office PC: Qt offscreen, and a fontconfig that offers no Chinese
font, so only the app's bundled fonts can draw Chinese.
"""

import os
import tempfile
from pathlib import Path

import pytest

LATIN_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")


def _fontconfig_without_cjk() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="shuren-fontconfig-"))
    dirs = "".join(f"<dir>{d}</dir>" for d in LATIN_FONT_DIRS if Path(d).is_dir())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"{dirs}<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


# Must be set before Qt is imported by pytest-qt.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["FONTCONFIG_FILE"] = str(_fontconfig_without_cjk())
os.environ.setdefault("QT_SCALE_FACTOR", "1")


@pytest.fixture(autouse=True)
def _no_keys_left():
    """A key given in one test (a password) must not encrypt the next test's new files."""
    yield
    from desktop.store.cipher import forget_keys

    forget_keys()


@pytest.fixture(autouse=True)
def _same_umask():
    """Start-up sets the process's umask (077, POSIX): every test starts with the same one."""
    umask = os.umask(0o022)
    os.umask(umask)
    yield
    os.umask(umask)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data dir for each test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def db(data_dir: Path):
    """An empty database at the newest schema."""
    from desktop.store.database import open_database

    database = open_database(data_dir)
    yield database
    database.close()
