"""从街道办恢复: the street office's address and the branch's token, then the branch's copy
fetched (with progress, cancellable), checked and put in place of this PC's data, which is
backed up first. Used from 设置 and on the first start of an empty data folder."""

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.access import name_unnamed
from desktop.ui.i18n import translate
from desktop.ui.tasks import Progress, run_with_progress
from desktop.ui.widgets import FieldError

BAD = "color: #a31515;"


def _with_error(edit: QWidget, error: FieldError) -> QVBoxLayout:
    """The input with the line that says what is wrong with it beneath."""
    column = QVBoxLayout()
    column.addWidget(edit)
    column.addWidget(error)
    return column


log = logging.getLogger(__name__)


class StreetRestoreDialog(QDialog):
    """``exec()`` is accepted once the copy is in place; ``restored`` is resolve.Restored."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.restored: Any = None
        self._progress: Progress | None = None
        self._ca_file: Path | None = None
        self.setWindowTitle(translate("StreetRestore", "Restore from the street office"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "StreetRestore",
                "The street office keeps a copy of this branch's data from its last sync. It "
                "is fetched and checked, then takes the place of the data on this PC; what is "
                "here now is first saved as a backup.",
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(
            translate("StreetRestore", "for example https://street.example.cn:8765")
        )
        self.server_error = FieldError()
        form.addRow(
            translate("StreetRestore", "Server address"),
            _with_error(self.server_edit, self.server_error),
        )
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(
            translate("StreetRestore", "the token the street office gave you")
        )
        self.token_error = FieldError()
        form.addRow(
            translate("StreetRestore", "Token"), _with_error(self.token_edit, self.token_error)
        )
        self.ca_edit = QLineEdit(readOnly=True)
        self.ca_edit.setPlaceholderText(translate("StreetRestore", "none (usually left empty)"))
        ca_button = QPushButton(translate("StreetRestore", "Choose…"))
        ca_button.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(ca_button)
        form.addRow(translate("StreetRestore", "Certificate file"), ca_row)
        layout.addLayout(form)

        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)
        self.message = QLabel(wordWrap=True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            translate("StreetRestore", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            translate("StreetRestore", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)
        name_unnamed(self, self.windowTitle())
        self._load_saved()

    def _load_saved(self) -> None:
        """What 同步 already knows is filled in (a restore over existing data)."""
        from desktop.sync import config

        settings = config.load_config(self.data_dir)
        self.server_edit.setText(settings.server)
        self.token_edit.setText(config.load_token(self.data_dir) or "")
        self._set_ca(settings.ca_file)

    def _choose_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("StreetRestore", "Certificate file from the street office"),
            str(Path.home()),
            translate("StreetRestore", "Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self._set_ca(Path(path))

    def _set_ca(self, path: Path | None) -> None:
        self._ca_file = path
        self.ca_edit.setText(str(path) if path else "")

    def start(self) -> None:
        """Check the fields, keep them for 同步, then fetch and put the copy in place."""
        from desktop.sync import config
        from desktop.sync.errors import SyncError

        self.server_error.set_error(None)
        self.token_error.set_error(None)
        try:
            address = config.check_server_address(self.server_edit.text())
        except SyncError as exc:
            self.server_error.set_error(exc.message)
            return
        try:
            token = config.check_token(self.token_edit.text())
        except SyncError as exc:
            self.token_error.set_error(exc.message)
            return
        saved = config.load_config(self.data_dir)
        config.save_config(
            self.data_dir,
            config.SyncConfig(server=address, ca_file=self._ca_file, auto=saved.auto),
        )
        config.save_token(self.data_dir, token)
        self._busy(True)
        self._say(translate("StreetRestore", "Fetching the branch's copy from the street office…"))
        data_dir = self.data_dir

        def work(progress: Progress) -> Any:
            from desktop.services import audit
            from desktop.sync.resolve import restore_from_street

            return audit.resolution_noted(
                data_dir,
                "server",
                lambda: restore_from_street(
                    data_dir,
                    progress=lambda done, total: progress.report(done // 1024, total // 1024),
                    cancelled=progress.cancelled,
                ),
            )

        self._progress = run_with_progress(work, self._done, self._failed, self._progressed)

    def _progressed(self, done_kib: int, total_kib: int) -> None:
        if total_kib:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, done_kib * 1000 // total_kib))

    def _done(self, restored: Any) -> None:
        self._progress = None
        self.restored = restored
        self._busy(False)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from desktop.store.schema import DatabaseTooNewError
        from desktop.sync.errors import Cancelled, SyncError

        self._progress = None
        self._busy(False)
        if isinstance(exc, Cancelled):
            self._say(
                translate(
                    "StreetRestore",
                    "Cancelled. Nothing on this PC was changed; what was fetched is kept and "
                    "the next try carries on from there.",
                )
            )
        elif isinstance(exc, DatabaseTooNewError):
            self._say(
                translate(
                    "StreetRestore",
                    "The street office's copy was written by a newer version of Shuren "
                    "Xiaoqu. Update this program first, then restore again.",
                ),
                BAD,
            )
        elif isinstance(exc, SyncError):
            self._say(exc.by_hand(), BAD)
        else:
            log.error("restore from the street office failed", exc_info=exc)
            self._say(
                translate(
                    "StreetRestore",
                    "The restore stopped because of an unexpected problem. The data on this "
                    "PC is either as it was or the street office's copy, never a mix; the "
                    "details are in the log file of the data folder.",
                ),
                BAD,
            )

    def _busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.progress_bar.setRange(0, 0)
        self.restore_button.setEnabled(not busy)
        for edit in (self.server_edit, self.token_edit):
            edit.setEnabled(not busy)

    def _cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            return
        self.reject()

    def _say(self, text: str, style: str = "") -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
