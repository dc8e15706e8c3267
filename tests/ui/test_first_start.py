"""首次使用: the welcome on an empty data folder (before any database exists), the guide
that follows in the window (neighborhood, buildings, then ledgers / street office / demo),
and the demo opened in a window of its own so her data folder stays hers."""

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from desktop.app import parse_window_args
from desktop.domain.ledger import LedgerKind
from desktop.services import neighborhood
from desktop.store.datadir import db_path
from desktop.ui import first_start
from desktop.ui.first_start import FirstStart, FirstStartGuide, WelcomeDialog
from desktop.ui.ledger_actions import LedgerActions
from desktop.ui.main_window import MainWindow
from desktop.ui.session import EXIT_OK, Session, start_session
from tests.ui.keyboard import type_text

REAL_ASK = first_start.ask_first_start
REAL_GUIDE_AT_START = first_start.open_guide_at_start


def args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, demo=False, lang="zh_CN")


@pytest.fixture
def launched(monkeypatch):
    """The demo's process, recorded instead of started."""
    calls: list[tuple[str, list[str]]] = []

    def record(program: str, arguments: list[str]) -> bool:
        calls.append((program, arguments))
        return True

    monkeypatch.setattr(first_start, "start_detached", record)
    return calls


def answer_welcome(monkeypatch, button: str) -> list[WelcomeDialog]:
    shown: list[WelcomeDialog] = []

    def click(dialog: WelcomeDialog) -> int:
        shown.append(dialog)
        getattr(dialog, button).click()
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", click)
    monkeypatch.setattr(first_start, "ask_first_start", REAL_ASK)
    return shown


def open_guide(qtbot) -> FirstStartGuide:
    """The guide on screen (a window of the main window's)."""
    found: list[FirstStartGuide] = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.allWidgets() if isinstance(w, FirstStartGuide) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=5000)
    return found[0]


def test_the_welcome_offers_three_ways_and_writes_nothing(
    qtbot, tmp_path, monkeypatch, font_families
):
    shown = answer_welcome(monkeypatch, "new_button")
    assert first_start.ask_first_start(tmp_path) is FirstStart.NEW
    welcome = shown[0]
    assert welcome.windowTitle() == "欢迎使用熟人小区"
    assert [
        b.text()
        for b in (
            welcome.new_button,
            welcome.restore_button,
            welcome.demo_button,
            welcome.quit_button,
        )
    ] == [
        "建立我的小区",
        "从街道办恢复…",
        "先看演示数据",
        "退出",
    ]
    assert welcome.new_button.isDefault()  # Enter
    assert "虚构" in welcome.demo_button.accessibleDescription()
    assert not db_path(tmp_path).exists()


def test_quitting_the_welcome_creates_nothing(qtbot, tmp_path, monkeypatch):
    answer_welcome(monkeypatch, "quit_button")
    assert start_session(args(tmp_path)) == EXIT_OK
    assert not db_path(tmp_path).exists()


def test_the_demo_opens_apart_and_her_folder_stays_empty(qtbot, tmp_path, monkeypatch, launched):
    answer_welcome(monkeypatch, "demo_button")
    assert start_session(args(tmp_path)) == EXIT_OK
    assert not db_path(tmp_path).exists()  # no demo record in her data folder
    lock = QLockFile(str(tmp_path / "shuren.lock"))
    assert lock.tryLock(0)  # and it is free for her next start
    lock.unlock()
    [(_program, arguments)] = launched
    window_args = arguments[arguments.index("--demo") :]
    assert "--data-dir" not in arguments
    parsed = parse_window_args(window_args)
    assert parsed.demo and parsed.data_dir is None and parsed.lang == "zh_CN"


def test_a_new_data_folder_is_guided_to_its_first_ledger(qtbot, tmp_path, monkeypatch):
    answer_welcome(monkeypatch, "new_button")
    monkeypatch.setattr(first_start, "open_guide_at_start", REAL_GUIDE_AT_START)
    imports: list[LedgerKind] = []
    monkeypatch.setattr(LedgerActions, "choose_import", lambda self: imports.append(self.kind))
    session = start_session(args(tmp_path))
    assert isinstance(session, Session)
    try:
        window = session.window
        qtbot.addWidget(window)
        guide = open_guide(qtbot)
        assert guide.windowTitle() == "首次使用向导"
        step = guide.neighborhood_step
        assert not guide.button(guide.WizardButton.NextButton).isEnabled()
        for key, text in (("name", "翠竹苑"), ("community", "翠竹社区"), ("street", "南园街道")):
            type_text(step.fields[key][0], text)
        assert guide.button(guide.WizardButton.NextButton).isEnabled()
        guide.next()
        hood = neighborhood.get_neighborhood(session.ctx.db)
        assert (hood.name, hood.community, hood.street) == ("翠竹苑", "翠竹社区", "南园街道")
        assert window.neighborhood_label.text() == "南园街道 · 翠竹社区 · 翠竹苑"

        buildings = guide.buildings_step
        buildings.first.setValue(1)
        buildings.last.setValue(12)
        buildings.add_run_button.click()
        type_text(buildings.name, "A座")
        buildings.add_named_button.click()
        buildings.last.setValue(3)
        buildings.add_run_button.click()  # 1栋–3栋 again: kept as they are
        assert "3 栋原来就有" in buildings.message.text()
        names = [b.name for b in neighborhood.list_buildings(session.ctx.db)]
        assert names == [f"{n}栋" for n in range(1, 13)] + ["A座"]
        assert "✓ 2. 已添加 13 栋楼。" in window.home.set_up_box.steps.text()
        guide.next()

        guide.next_step.import_buttons[LedgerKind.NEEDS].click()
        qtbot.waitUntil(lambda: imports == [LedgerKind.NEEDS], timeout=5000)
        assert not isValid(guide)  # closed and gone
        assert window.pages.currentWidget() is window.needs
    finally:
        session.shutdown()


def test_the_guide_reopens_from_help_and_from_the_home_page(ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.neighborhood_label.text() == "尚未填写小区信息：请打开“帮助 → 首次使用向导”"
    help_menu = window.menuBar().actions()[-1].menu()  # 帮助 is the last menu
    [entry] = [a for a in help_menu.actions() if a.text() == "首次使用向导…"]
    entry.trigger()
    guide = open_guide(qtbot)
    guide.reject()  # 以后再说
    qtbot.waitUntil(lambda: not isValid(guide), timeout=5000)
    window.home.set_up_box.guide_button.click()
    open_guide(qtbot).reject()


def test_the_guide_opens_the_demo_apart(ctx, qtbot, launched):
    ctx.settings.setValue("text_scale", "large")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    guide = first_start.open_guide(window)
    guide.next_step.demo_button.click()
    [(_program, arguments)] = launched
    assert "--demo" in arguments and "--data-dir" not in arguments
    assert "关闭它即可" in guide.next_step.message.text()
    guide.reject()
