"""Fixtures for driving real widgets: an AppContext on a fresh data dir, Chinese installed."""

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

from desktop.store.database import Database

if TYPE_CHECKING:
    from tests.sync.conftest import StreetServer


@pytest.fixture(scope="session")
def font_families(qapp: QApplication) -> list[str]:
    from desktop.ui.fonts import apply_fonts
    from desktop.ui.i18n import install_language

    assert install_language(qapp, "zh_CN"), "shuren_zh_CN.qm missing: run build/dev.sh setup"
    return apply_fonts(qapp)


@pytest.fixture(scope="session")
def shared_street(tmp_path_factory: pytest.TempPathFactory) -> Iterator["StreetServer"]:
    """One real `shuren-street serve` for the run; a test registers its own branch on it
    (tests/ui/street_office.py). Never stop it in a test."""
    from tests.sync.conftest import StreetServer

    root = tmp_path_factory.mktemp("ui-street")
    server = StreetServer(root / "street", root / "logs").start()
    yield server
    server.stop()


@pytest.fixture
def ctx(db: Database, data_dir: Path, font_families: list[str]):
    from desktop.ui.context import AppContext, open_settings
    from desktop.ui.events import AppEvents
    from desktop.ui.tasks import wait_for_tasks

    context = AppContext(
        db=db,
        events=AppEvents(),
        data_dir=data_dir,
        settings=open_settings(data_dir),
        font_families=font_families,
        lang="zh_CN",
    )
    yield context
    wait_for_tasks()


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch):
    """A real modal box would hang the run: fail instead. Tests that expect one patch it."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture(autouse=True)
def empty_folders_start_with_empty_lists(monkeypatch):
    """A window started on an empty data folder asks how to begin, and then opens the
    first-start guide; the tests that do not test those answer 建立我的小区 and skip the guide."""
    from desktop.ui import first_start

    monkeypatch.setattr(first_start, "ask_first_start", lambda *_args: first_start.FirstStart.NEW)
    monkeypatch.setattr(first_start, "open_guide_at_start", lambda _window: None)


@pytest.fixture(autouse=True)
def folders_stay_plain(monkeypatch):
    """A window started on an empty data folder asks for a password, and one on a plain
    folder offers to encrypt it; the tests that do not test those go on with a plain folder
    (tests/ui/test_password.py tests them)."""
    from desktop.ui import password

    monkeypatch.setattr(password, "set_up_encryption", lambda _data_dir: True)
    monkeypatch.setattr(password, "offer_encryption", lambda _data_dir: None)
