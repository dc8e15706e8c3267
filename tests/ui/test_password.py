"""The password at start: set for a new folder, asked for an encrypted one (five wrong ones
wait), offered for a plain one; the window's lock checks the same password."""

import argparse
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop.store import cipher
from desktop.store.backup import backup_database, list_backups
from desktop.store.database import open_database
from desktop.store.datadir import backups_dir, db_path
from desktop.ui import password
from desktop.ui.password import NewPasswordDialog, PasswordDialog
from desktop.ui.session import EXIT_OK, Session, start_session

PASSWORD = "Test-pass-2026"
REAL_SET_UP = password.set_up_encryption
REAL_OFFER = password.offer_encryption


def ok_button(dialog) -> object:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def start(data_dir: Path) -> Session | int:
    return start_session(argparse.Namespace(data_dir=data_dir, demo=False, lang="zh_CN"))


@pytest.fixture
def encrypted_folder(data_dir: Path) -> Path:
    password.unlock(data_dir, PASSWORD)
    open_database(data_dir).close()
    cipher.forget_keys()  # as at a new start of the app
    return data_dir


def test_a_new_password_must_be_strong_and_typed_twice(qtbot, font_families) -> None:
    dialog = NewPasswordDialog()
    qtbot.addWidget(dialog)
    assert "无法找回" in dialog.findChildren(type(dialog.hint))[0].text()
    for first, second, usable in (
        ("abc", "abc", False),
        ("aaaaaaaa", "aaaaaaaa", False),
        (PASSWORD, PASSWORD + "x", False),
        (PASSWORD, PASSWORD, True),
    ):
        dialog.first.setText(first)
        dialog.second.setText(second)
        assert ok_button(dialog).isEnabled() is usable, (first, second)
        assert bool(dialog.hint.text()) is not usable


def test_the_password_dialog_unlocks_and_waits_after_five_wrong(
    qtbot, encrypted_folder: Path, font_families
) -> None:
    dialog = PasswordDialog(encrypted_folder)
    qtbot.addWidget(dialog)
    now = [1000.0]
    dialog.wrong.clock = lambda: now[0]
    for attempt in range(1, 6):
        dialog.field.setText(f"wrong-{attempt}-pass")
        ok_button(dialog).click()
        assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.wrong.count == 5
    assert not dialog.field.isEnabled() and not ok_button(dialog).isEnabled()
    assert "30 秒" in dialog.message.text()
    now[0] += 29  # the 30 seconds, without waiting them
    dialog._tick()
    assert not dialog.field.isEnabled() and "1 秒" in dialog.message.text()
    now[0] += 1
    dialog._tick()
    assert dialog.field.isEnabled()
    dialog.field.setText(PASSWORD)
    ok_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert cipher.key_of(db_path(encrypted_folder)) is not None
    from desktop.services import audit

    events = [(e.event.value, e.outcome.value) for e in audit.entries(encrypted_folder)]
    assert events == [("unlock_failed", "failed")] * 5 + [("unlock", "ok")]


def test_an_encrypted_folder_asks_and_the_window_locks_with_that_password(
    qtbot, encrypted_folder: Path, monkeypatch
) -> None:
    asked = []

    def answer(dialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.field.setText(PASSWORD)
        dialog._try()
        return dialog.result()

    monkeypatch.setattr(PasswordDialog, "exec", answer)
    session = start(encrypted_folder)
    assert isinstance(session, Session)
    try:
        qtbot.addWidget(session.window)
        assert asked == ["熟人小区——输入密码"]
        check = session.window.idle_lock.check_password
        assert check(PASSWORD) and not check("wrong-pass-1")
    finally:
        session.shutdown()


def test_giving_up_at_the_password_leaves_the_folder_alone(
    qtbot, encrypted_folder: Path, monkeypatch
) -> None:
    before = db_path(encrypted_folder).read_bytes()
    monkeypatch.setattr(PasswordDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert start(encrypted_folder) == EXIT_OK
    assert db_path(encrypted_folder).read_bytes() == before


def test_a_new_folder_is_encrypted_with_the_password_set(qtbot, data_dir: Path, monkeypatch):
    monkeypatch.setattr(password, "set_up_encryption", REAL_SET_UP)
    monkeypatch.setattr(password, "ask_new_password", lambda *_args: PASSWORD)
    session = start(data_dir)
    assert isinstance(session, Session)
    try:
        qtbot.addWidget(session.window)
        assert cipher.is_encrypted(db_path(data_dir))
        assert password.expects_password(data_dir)
    finally:
        session.shutdown()


def test_no_password_set_for_a_new_folder_quits(qtbot, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(password, "set_up_encryption", REAL_SET_UP)
    monkeypatch.setattr(password, "ask_new_password", lambda *_args: None)
    assert start(data_dir) == EXIT_OK
    assert not db_path(data_dir).exists()


def test_a_plain_folder_is_encrypted_after_a_backup_and_plain_backups_go_with_consent(
    qtbot, data_dir: Path, monkeypatch, font_families
) -> None:
    open_database(data_dir).close()
    backup_database(db_path(data_dir), backups_dir(data_dir), label="old")
    monkeypatch.setattr(password, "ask_new_password", lambda *_args: PASSWORD)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *_args: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    REAL_OFFER(data_dir)
    assert cipher.is_encrypted(db_path(data_dir))
    assert "2 个未加密的备份" in asked[0]  # the old one, and the one made just before
    assert list_backups(backups_dir(data_dir)) == []
    open_database(data_dir).close()  # opens under the key just given


def test_declining_the_offer_keeps_the_plain_folder(qtbot, data_dir: Path, monkeypatch):
    open_database(data_dir).close()
    before = db_path(data_dir).read_bytes()
    monkeypatch.setattr(password, "ask_new_password", lambda *_args: None)
    REAL_OFFER(data_dir)
    assert db_path(data_dir).read_bytes() == before
    assert list_backups(backups_dir(data_dir)) == []


def test_the_password_is_changed_in_settings_and_the_window_goes_on(
    qtbot, encrypted_folder: Path, monkeypatch
) -> None:
    from desktop.services import audit
    from desktop.ui.password import NewPasswordDialog

    def answer(dialog) -> int:
        dialog.field.setText(PASSWORD)
        dialog._try()
        return dialog.result()

    monkeypatch.setattr(PasswordDialog, "exec", answer)
    typed = iter([("Wrong-pass-1", True), (PASSWORD, True), (None, False)])
    hints = []

    def change(dialog) -> int:
        hints.append(dialog.hint.text())
        current, accepted = next(typed)
        if not accepted:
            return QDialog.DialogCode.Rejected
        dialog.current.setText(current)
        dialog.first.setText("New-pass-2027")
        dialog.second.setText("New-pass-2027")
        assert ok_button(dialog).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewPasswordDialog, "exec", change)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    session = start(encrypted_folder)
    assert isinstance(session, Session)
    try:
        qtbot.addWidget(session.window)
        settings = session.window.settings_page
        assert settings.password_button.isVisibleTo(settings)
        settings.password_button.click()
        assert hints[1] == "当前密码不对。"  # after the wrong one, asked again
        assert told and "已修改" in told[0]
        assert session.window.idle_lock.check_password("New-pass-2027")
        assert not session.window.idle_lock.check_password(PASSWORD)
        events = [e.event.value for e in audit.entries(encrypted_folder)]
        assert events.count("password_change") == 2  # refused, then done
        from desktop.services.needs import NeedQuery, list_needs

        list_needs(session.ctx.db, NeedQuery(), limit=5)  # the window reads under the new key
    finally:
        session.shutdown()
    cipher.forget_keys()
    with pytest.raises(cipher.WrongPassword):
        password.unlock(encrypted_folder, PASSWORD)
    password.unlock(encrypted_folder, "New-pass-2027")


def test_a_demo_folder_is_marked_and_never_offered_encryption(qtbot, data_dir: Path, monkeypatch):
    from desktop.services.demo import create_demo

    create_demo(data_dir, scale=5)
    offered = []
    monkeypatch.setattr(password, "offer_encryption", offered.append)
    session = start(data_dir)
    assert isinstance(session, Session)
    try:
        qtbot.addWidget(session.window)
        assert offered == []
        assert session.window.windowTitle() == "熟人小区 — 演示小区（虚构数据）"
    finally:
        session.shutdown()
    plain = data_dir.parent / "plain"
    shutil.copytree(data_dir, plain)
    (plain / "demo.txt").unlink()  # her own folder, made before encryption
    session = start(plain)
    assert isinstance(session, Session)
    try:
        qtbot.addWidget(session.window)
        assert offered == [plain]
    finally:
        session.shutdown()
