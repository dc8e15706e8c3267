"""从街道办恢复: on the first start of an empty data folder and from 设置, against a real
`shuren-street serve`; the data arrives, is checked, and sync goes on from that version."""

import argparse
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.domain.needs import Need
from desktop.services import needs
from desktop.store.database import open_database
from desktop.sync.client import sync_once
from desktop.sync.config import SyncConfig, load_config, load_token, save_config, save_token
from desktop.sync.status import load_status
from desktop.ui import first_start
from desktop.ui.dialogs.street_restore import StreetRestoreDialog
from tests.sync.conftest import StreetServer, add_branch

REAL_ASK = first_start.ask_first_start


@pytest.fixture
def synced_branch(tmp_path: Path):
    """A street office holding a branch's data (one need named below), and its token."""
    street = StreetServer(tmp_path / "street", tmp_path / "street-logs").start()
    _branch, token = add_branch(street, "翠竹苑小区党支部")
    office = tmp_path / "office"
    office.mkdir()
    db = open_database(office)
    category = needs.list_categories(db)[0].id
    need = Need(
        title="办公室电脑上的需求",
        category_id=category,
        raised_by="住户",
        registered_on=date.today(),
    )
    needs.save_need(db, need)
    db.close()
    save_config(office, SyncConfig(server=street.url))
    save_token(office, token)
    sync_once(office)
    yield street, token
    street.stop()


def restore_once_the_dialog_shows(url: str, token: str) -> None:
    """Fill in and press 恢复 in the restore dialog as soon as it is on screen (it runs its
    own event loop, so this waits on a timer)."""

    def attempt() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, StreetRestoreDialog) and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(50, attempt)
            return
        dialog.server_edit.setText(url)
        dialog.token_edit.setText(token)
        dialog.restore_button.click()

    QTimer.singleShot(50, attempt)


def test_first_start_on_an_empty_folder_restores_from_the_street_office(
    qtbot, tmp_path, synced_branch, monkeypatch
):
    street, token = synced_branch
    new_pc = tmp_path / "新电脑"
    new_pc.mkdir()
    asked = []

    def choose_restore(welcome):
        asked.append(welcome.findChild(QLabel).text())
        welcome.restore_button.click()
        return welcome.result()

    monkeypatch.setattr(first_start.WelcomeDialog, "exec", choose_restore)
    monkeypatch.setattr(first_start, "ask_first_start", REAL_ASK)
    restore_once_the_dialog_shows(street.url, token)
    from desktop.ui.session import start_session

    session = start_session(argparse.Namespace(data_dir=new_pc, demo=False, lang="zh_CN"))
    try:
        assert "这个数据文件夹里还没有数据" in asked[0]
        titles = {n.title for n in needs.list_needs(session.ctx.db, needs.NeedQuery())}
        assert "办公室电脑上的需求" in titles
        assert load_config(new_pc).server == street.url and load_token(new_pc) == token
        assert load_status(new_pc).acknowledged.version == 1  # sync goes on from there
    finally:
        session.shutdown()


def test_first_start_can_begin_with_empty_lists(qtbot, tmp_path, monkeypatch):
    def choose_fresh(welcome):
        assert welcome.new_button.isDefault()  # Enter
        welcome.new_button.click()
        return welcome.result()

    monkeypatch.setattr(first_start.WelcomeDialog, "exec", choose_fresh)
    assert REAL_ASK(tmp_path) is first_start.FirstStart.NEW
    assert not (tmp_path / "shuren.sqlite3").exists()


def test_restore_from_settings_replaces_the_data_and_keeps_it(
    qtbot, ctx, synced_branch, monkeypatch
):
    street, token = synced_branch
    category = needs.list_categories(ctx.db)[0].id
    mine = Need(
        title="只在本机的需求", category_id=category, raised_by="住户", registered_on=date.today()
    )
    needs.save_need(ctx.db, mine)
    from desktop.ui.pages.settings import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    changed = []
    ctx.events.data_changed.connect(changed.append)
    answers = []

    def answer(box):
        answers.append(box.text())
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: answers.append(a[2]))

    restore_once_the_dialog_shows(street.url, token)
    page.street_restore_button.click()
    qtbot.waitUntil(lambda: "needs" in changed, timeout=30_000)
    titles = {n.title for n in needs.list_needs(ctx.db, needs.NeedQuery())}
    assert "办公室电脑上的需求" in titles and "只在本机的需求" not in titles
    assert any("已从街道办恢复第 1 版数据" in text for text in answers)
    kept = sorted((ctx.data_dir / "backups").glob("shuren-*.sqlite3"))[-1]
    uri = f"{kept.as_uri()}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        kept_titles = {row[0] for row in conn.execute("SELECT title FROM need")}
    assert "只在本机的需求" in kept_titles  # what was here is kept
