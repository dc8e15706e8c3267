"""The secretary's password at start: set on the first start, asked at every start after.

The data file is encrypted under it (store/cipher.py). A lost password cannot be recovered:
the dialog that sets it says so, and how the data can still be got back (the street
office's copy).
"""

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.cipher import WrongPassword
from desktop.store.password import strength_hint, unlock
from desktop.ui.i18n import translate

WAIT_AFTER = 5  # wrong passwords in a row before a wait
WAIT_SECONDS = 30


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
        self.first = _password_field(translate("Password", "Password"))
        self.second = _password_field(translate("Password", "The same password again"))
        self.hint = QLabel()
        self.hint.setObjectName("fieldError")
        self.hint.setWordWrap(True)
        for widget in (self.first, self.second, self.hint):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.first.textChanged.connect(self._check)
        self.second.textChanged.connect(self._check)
        self._check()

    @property
    def password(self) -> str:
        return self.first.text()

    def _problem(self) -> str | None:
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
        self.failures = 0
        self._left = 0
        self.setWindowTitle(translate("Password", "Shuren Xiaoqu — password"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Password", "The data is encrypted. Password:")))
        self.field = _password_field(translate("Password", "Password"))
        layout.addWidget(self.field)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def _try(self) -> None:
        try:
            unlock(self.data_dir, self.field.text())
        except WrongPassword:
            self.failures += 1
            self.field.clear()
            if self.failures % WAIT_AFTER == 0:
                self._left = WAIT_SECONDS
                self._set_waiting(True)
                self.timer.start()
                self._tick_text()
            else:
                self.message.setText(translate("Password", "Wrong password. Please try again."))
            return
        self.accept()

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.timer.stop()
            self._set_waiting(False)
            self.message.setText("")
            return
        self._tick_text()

    def _tick_text(self) -> None:
        self.message.setText(
            translate(
                "Password", "{count} wrong passwords in a row. Try again in {seconds} s."
            ).format(count=WAIT_AFTER, seconds=self._left)
        )

    def _set_waiting(self, waiting: bool) -> None:
        self.field.setEnabled(not waiting)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not waiting)


def _password_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field
