"""The secretary's password at start: set on the first start, asked at every start after.

The data file is encrypted under it (store/cipher.py). A lost password cannot be recovered:
the dialog that sets it says so, and how the data can still be got back (the street
office's copy).
"""

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.audit import AuditEvent, Outcome
from desktop.services import audit
from desktop.store import sqlite
from desktop.store.backup import backup_database, list_backups, remove_backup
from desktop.store.cipher import WrongPassword, header, is_encrypted, session_key
from desktop.store.datadir import backups_dir, db_path
from desktop.store.errors import log_storage_error
from desktop.store.password import (
    change_password,
    encrypt_data_file,
    expects_password,
    shred,
    strength_hint,
    unlock,
)
from desktop.sync.errors import SyncBusy
from desktop.sync.lock import sync_lock
from desktop.ui.i18n import translate
from desktop.ui.lock import ATTEMPTS_BEFORE_WAIT, TICK_MS, WrongPasswords

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


log = logging.getLogger(__name__)


class NewPasswordDialog(QDialog):
    """Asks for a new password twice, with a hint on its strength."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Password", "Set a password"))
        layout = QVBoxLayout(self)
        note = QLabel(
            translate(
                "Password",
                "The residents' data on this computer is encrypted with a password you set "
                "now. Keep it safe: a lost password cannot be recovered. The data can then "
                "only be got back from the street office's copy (after a sync).",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.current = _password_field(translate("Password", "Current password"))
        form.addRow(translate("Password", "Current password:"), self.current)
        form.setRowVisible(self.current, False)  # asked only when a password is changed
        self.first = _password_field(translate("Password", "Password"))
        form.addRow(translate("Password", "New password:"), self.first)
        self.second = _password_field(translate("Password", "The same password again"))
        form.addRow(translate("Password", "Once more:"), self.second)
        layout.addLayout(form)
        self.hint = _message_label()
        layout.addWidget(self.hint)
        self.buttons = _ok_cancel(self, layout, self.accept)
        self.first.textChanged.connect(self._check)
        self.second.textChanged.connect(self._check)
        self._check()

    asks_current = False

    @property
    def password(self) -> str:
        return self.first.text()

    def ask_current(self) -> None:
        """For a change: the current password first."""
        self.asks_current = True
        self.findChild(QFormLayout).setRowVisible(self.current, True)
        self.current.textChanged.connect(self._check)
        self._check()

    def _problem(self) -> str | None:
        if self.asks_current and not self.current.text():
            return translate("Password", "Please type the current password.")
        hint = strength_hint(self.first.text())
        if hint is not None:
            return hint
        if self.second.text() != self.first.text():
            return translate("Password", "The two passwords are not the same.")
        return None

    def _check(self) -> None:
        problem = self._problem()
        self.hint.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)


class PasswordDialog(QDialog):
    """Asks for the password of an encrypted data folder and unlocks it; five wrong ones in a
    row make it wait 30 seconds."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.wrong = WrongPasswords()  # as the window's lock counts them
        self.setWindowTitle(translate("Password", "Shuren Xiaoqu — password"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Password", "The data is encrypted. Password:")))
        self.field = _password_field(translate("Password", "Password"))
        layout.addWidget(self.field)
        self.message = _message_label()
        layout.addWidget(self.message)
        self.buttons = _ok_cancel(self, layout, self._try)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _try(self) -> None:
        try:
            unlock(self.data_dir, self.field.text())
        except WrongPassword:
            waits = self.wrong.note()
            audit.record(
                self.data_dir, AuditEvent.UNLOCK_FAILED, Outcome.FAILED, count=self.wrong.count
            )
            self.field.clear()
            if waits:
                self._set_waiting(True)
                self.timer.start()
                self._tick_text()
            else:
                self.message.setText(translate("Password", "Wrong password. Please try again."))
            return
        audit.record(self.data_dir, AuditEvent.UNLOCK)
        self.accept()

    def _tick(self) -> None:
        if not self.wrong.seconds_to_wait():
            self.timer.stop()
            self._set_waiting(False)
            self.message.setText("")
            return
        self._tick_text()

    def _tick_text(self) -> None:
        self.message.setText(
            translate(
                "Password", "{count} wrong passwords in a row. Try again in {seconds} s."
            ).format(count=ATTEMPTS_BEFORE_WAIT, seconds=self.wrong.seconds_to_wait())
        )

    def _set_waiting(self, waiting: bool) -> None:
        self.field.setEnabled(not waiting)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not waiting)


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    # Shown before the main window (whose style sheet colours ``fieldError``) exists.
    label.setStyleSheet("color: #b00020;")
    # Room for two lines from the start: a dialog does not grow when the text arrives.
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 4)
    return label


def _ok_cancel(dialog: QDialog, layout: QVBoxLayout, ok: Callable[[], None]) -> QDialogButtonBox:
    """确定 and 取消 at the foot of ``dialog``; the dialog made wide enough for its messages
    (about 26 characters of the text size: a message wraps in two lines at most)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(ok)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("密") * 26)
    return buttons


def _password_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


# -- at start ---------------------------------------------------------------------------------


def unlock_at_start(data_dir: Path) -> bool:
    """An encrypted data folder: ask its password until it opens; False when she gives up.
    A plain folder needs nothing."""
    db = db_path(data_dir)
    if not expects_password(data_dir) or header(db) == getattr(session_key(), "salt", None):
        return True  # plain (or damaged: opening it says so), or its key already given
    dialog = PasswordDialog(data_dir)
    opened = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return opened


def ask_new_password(parent: QWidget | None = None) -> str | None:
    dialog = NewPasswordDialog(parent)
    chosen = dialog.password if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return chosen


def set_up_encryption(data_dir: Path) -> bool:
    """Before a new data file exists: the password it will be encrypted with (False: she
    chose not to go on)."""
    chosen = ask_new_password()
    if chosen is None:
        return False
    unlock(data_dir, chosen)
    return True


def offer_encryption(data_dir: Path) -> None:
    """A plain data file (made before encryption, or just restored from the street office):
    encrypt it, after a backup, if she sets a password now; then offer to remove the plain
    backups for good. Declined, the data stays as it was (asked again next start)."""
    chosen = ask_new_password()
    if chosen is None:
        return
    db = db_path(data_dir)
    try:
        backup_database(db, backups_dir(data_dir), label="plain")
        encrypt_data_file(data_dir, chosen)
    except (OSError, sqlite.Error) as exc:  # another program has it open, a full disk…
        log_storage_error(log, "data file not encrypted", exc)
        QMessageBox.warning(
            None,
            translate("Password", "Shuren Xiaoqu"),
            translate(
                "Password",
                "The data could not be encrypted now (another program may have it open, or "
                "the disk is full). It stays as it was; you are asked again at the next start.",
            ),
        )
        return
    plain = [p for p in list_backups(backups_dir(data_dir)) if not is_encrypted(p)]
    if not plain:
        return
    answer = QMessageBox.question(
        None,
        translate("Password", "Shuren Xiaoqu"),
        translate(
            "Password",
            "The data is now encrypted. {count} older backups are not encrypted and can be "
            "read by anyone who copies them. Remove them for good now? (The encrypted data "
            "and its new backups are kept.)",
        ).format(count=len(plain)),
    )
    if answer == QMessageBox.StandardButton.Yes:
        for path in plain:
            shred(path)
            remove_backup(path)


# -- in 设置 -----------------------------------------------------------------------------------


def has_password() -> bool:
    """Whether this session's data is encrypted (a demo's is not)."""
    return session_key() is not None


def change_password_dialog(ctx: "AppContext", parent: QWidget) -> None:
    """修改密码: the current one, the new one twice; the data file and its backups are then
    encrypted under the new one (the window's connections renewed, the index rebuilt)."""
    dialog = NewPasswordDialog(parent)
    dialog.setWindowTitle(translate("Password", "Change password"))
    dialog.ask_current()
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            problem = _change(ctx, dialog.current.text(), dialog.password)
            if problem is None:
                QMessageBox.information(
                    parent,
                    translate("Password", "Shuren Xiaoqu"),
                    translate(
                        "Password",
                        "The password was changed. The data and its backups are now encrypted "
                        "with the new one.",
                    ),
                )
                return
            dialog.current.clear()
            dialog.hint.setText(problem)
    finally:
        dialog.deleteLater()


def _change(ctx: "AppContext", old: str, new: str) -> str | None:
    """Change the password; None when done, else why not (nothing was changed then)."""
    held = ctx.db.writes_held
    ctx.db.hold_writes()
    ctx.db.release_connections()
    try:
        with sync_lock(ctx.data_dir, wait=0):  # a sync reads the file under the key meanwhile
            change_password(ctx.data_dir, old, new)
    except WrongPassword:
        audit.record(ctx.data_dir, AuditEvent.PASSWORD_CHANGE, Outcome.REFUSED)
        return translate("Password", "The current password is wrong.")
    except SyncBusy:
        return translate("Password", "A sync is running. Please change the password when it ends.")
    except (OSError, sqlite.Error) as exc:
        log_storage_error(log, "password not changed", exc)
        return translate(
            "Password", "The data file could not be written; the password was not changed."
        )
    finally:
        ctx.db.reopen_after_restore()
        if not held:
            ctx.db.allow_writes()
    audit.record(ctx.data_dir, AuditEvent.PASSWORD_CHANGE)
    return None
