"""同步: the street office's server address and token, a connection test, 立即同步 with
progress, and how the last sync went. The work itself is the SyncScheduler's."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_local_datetime, to_local
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.pages.sync_diverged import DivergedBox
from desktop.ui.sync_scheduler import (
    SyncScheduler,
    SyncState,
    human_size,
    unexpected_sync_error,
)
from desktop.ui.tasks import run_task
from desktop.ui.widgets import FieldError

GOOD, BAD = "color: #1e6b2e;", "color: #a31515;"


def list_name(table: str) -> str:
    """The list a counted table holds, as the secretary knows it."""
    names = {
        "person": translate("SyncPage", "People"),
        "organization": translate("SyncPage", "Organizations"),
        "need": translate("SyncPage", "Needs"),
        "resource": translate("SyncPage", "Resources"),
        "project": translate("SyncPage", "Projects"),
        "visit": translate("SyncPage", "Visits"),
        "meeting": translate("SyncPage", "Meetings"),
        "compact": translate("SyncPage", "Compacts"),
    }
    return names.get(table, table)


def shrink_lines(shrunk: Mapping[str, tuple[int, int]]) -> str:
    return "\n".join(
        translate("SyncPage", "• {list}: from {old} records to {new}").format(
            list=list_name(table), old=f"{old:,}", new=f"{new:,}"
        )
        for table, (old, new) in shrunk.items()
    )


def confirm_shrink(parent: QWidget, shrunk: Mapping[str, tuple[int, int]]) -> bool:
    """Ask before a copy with far fewer records replaces the street office's; 不上传 is the
    default, so Enter or Esc keeps the street office's copy as it is."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("SyncPage", "Far fewer records"),
        translate(
            "SyncPage",
            "Compared with the copy the street office last received, these lists have far "
            "fewer records:\n\n{lines}\n\nIf records were deleted by mistake, do not upload: "
            "restore them from the Trash first. Upload only if they were deleted on purpose.",
        ).format(lines=shrink_lines(shrunk)),
        parent=parent,
    )
    upload = box.addButton(
        translate("SyncPage", "Confirm and upload"), QMessageBox.ButtonRole.AcceptRole
    )
    keep = box.addButton(translate("SyncPage", "Do not upload"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is upload


def error_text(exc: Exception) -> str:
    """A SyncError says what happened and what to do; anything else is our fault."""
    from desktop.sync.client import SyncError

    return exc.message if isinstance(exc, SyncError) else unexpected_sync_error()


class SyncPage(QWidget):
    def __init__(
        self, ctx: AppContext, scheduler: SyncScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler
        self._ca_file: Path | None = None
        self._saved: tuple[str, str, Path | None, bool] | None = None  # what the files hold
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "SyncPage",
                "Sync sends this branch's records to the street office, so that it can see the "
                "work of every neighborhood. Only what changed is sent, and it is sent by "
                "itself once the connection below is set up.",
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        self.diverged_box = DivergedBox(ctx, scheduler)
        layout.addWidget(self.diverged_box)
        layout.addWidget(self._settings_box())
        layout.addWidget(self._status_box())
        layout.addStretch()
        scheduler.changed.connect(self._show_state)
        scheduler.shrink_confirmation_needed.connect(self._ask_shrink)
        self._show_state(scheduler.state)
        self._load_settings()
        if not scheduler.state.loaded:
            scheduler.reload()

    # -- the connection -------------------------------------------------------------------
    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(translate("SyncPage", "Connection to the street office"))
        form = QFormLayout(box)
        # Rows are built and added top to bottom: Tab walks them so.
        self._add_server_row(form)
        self._add_token_row(form)
        self._add_ca_row(form)
        self._add_auto_and_buttons(form)
        for edit in (self.server_edit, self.token_edit):
            edit.textChanged.connect(self._edited)
        self.auto_check.toggled.connect(self._edited)
        self.save_button.setEnabled(False)  # until the saved settings are read
        return box

    def _add_server_row(self, form: QFormLayout) -> None:
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(
            translate("SyncPage", "for example https://street.example.cn:8765")
        )
        self.server_error = FieldError()
        column = QVBoxLayout()
        column.addWidget(self.server_edit)
        column.addWidget(self.server_error)
        form.addRow(translate("SyncPage", "Server address"), column)

    def _add_token_row(self, form: QFormLayout) -> None:
        """The token, hidden unless 显示 is ticked, and where it is kept."""
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(
            translate("SyncPage", "the token the street office gave you")
        )
        self.show_token = QCheckBox(translate("SyncPage", "Show"))
        self.show_token.toggled.connect(
            lambda shown: self.token_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_edit, 1)
        token_row.addWidget(self.show_token)
        token_note = self._note(
            translate(
                "SyncPage",
                "The token is kept in a private file on this computer. It is not part of the "
                "data that is uploaded.",
            )
        )
        self.token_error = FieldError()
        token_column = QVBoxLayout()
        token_column.addLayout(token_row)
        token_column.addWidget(self.token_error)
        token_column.addWidget(token_note)
        form.addRow(translate("SyncPage", "Token"), token_column)

    def _add_ca_row(self, form: QFormLayout) -> None:
        """The street office's certificate file, if it gave one."""
        self.ca_edit = QLineEdit(readOnly=True)
        self.ca_edit.setPlaceholderText(translate("SyncPage", "none (usually left empty)"))
        self.ca_button = QPushButton(translate("SyncPage", "Choose…"))
        self.ca_button.clicked.connect(self._choose_ca)
        self.ca_clear = QPushButton(translate("SyncPage", "Clear"))
        self.ca_clear.clicked.connect(lambda: self._set_ca(None))
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        ca_row.addWidget(self.ca_clear)
        ca_column = QVBoxLayout()
        ca_column.addLayout(ca_row)
        ca_column.addWidget(
            self._note(
                translate(
                    "SyncPage", "Needed only if the street office gave you a certificate file."
                )
            )
        )
        form.addRow(translate("SyncPage", "Certificate file"), ca_column)

    def _add_auto_and_buttons(self, form: QFormLayout) -> None:
        """Automatic sync, 保存 and 测试连接, and the line that says how they went."""
        self.auto_check = QCheckBox(
            translate(
                "SyncPage",
                "Sync automatically (every 30 minutes, and when the network comes back)",
            ),
            checked=True,
        )
        form.addRow("", self.auto_check)

        self.save_button = QPushButton(translate("SyncPage", "Save"))
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(translate("SyncPage", "Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch()
        form.addRow("", buttons)
        self.settings_message = QLabel(wordWrap=True)
        self.settings_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", self.settings_message)

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text, wordWrap=True)
        note.setObjectName("formNote")
        return note

    def _fields(self) -> tuple[str, str, Path | None, bool]:
        return (
            self.server_edit.text().strip(),
            self.token_edit.text().strip(),
            self._ca_file,
            self.auto_check.isChecked(),
        )

    def _edited(self) -> None:
        self.server_error.set_error(None)
        self.token_error.set_error(None)
        self.save_button.setEnabled(self._saved is not None and self._fields() != self._saved)

    def _say(self, text: str, style: str = "") -> None:
        self.settings_message.setStyleSheet(style)
        self.settings_message.setText(text)

    def _load_settings(self) -> None:
        data_dir = self.ctx.data_dir

        def work() -> tuple[Any, str]:
            from desktop.sync import config

            return config.load_config(data_dir), config.load_token(data_dir) or ""

        def done(loaded: tuple[Any, str]) -> None:
            settings, token = loaded
            self.server_edit.setText(settings.server)
            self.token_edit.setText(token)
            self._set_ca(settings.ca_file)
            self.auto_check.setChecked(settings.auto)
            self._saved = self._fields()
            self._edited()

        def failed(exc: Exception) -> None:
            self._saved = ("", "", None, True)
            self._say(error_text(exc), BAD)
            self._edited()

        run_task(work, done, failed)

    def _choose_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("SyncPage", "Certificate file from the street office"),
            str(self._ca_file.parent if self._ca_file else Path.home()),
            translate("SyncPage", "Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self._set_ca(Path(path))

    def _set_ca(self, path: Path | None) -> None:
        self._ca_file = path
        self.ca_edit.setText(str(path) if path else "")
        self.ca_clear.setEnabled(path is not None)
        self._edited()

    def save(self) -> None:
        server, token, ca_file, auto = self._fields()
        data_dir = self.ctx.data_dir
        self.save_button.setEnabled(False)

        def work() -> tuple[str, dict[str, str]]:
            from desktop.sync import config
            from desktop.sync.client import SyncError

            problems: dict[str, str] = {}
            address = ""
            try:
                address = config.check_server_address(server) if server else ""
            except SyncError as exc:
                problems["server"] = exc.message
            try:
                if token:
                    config.check_token(token)
            except SyncError as exc:
                problems["token"] = exc.message
            if problems:
                return address, problems  # nothing saved: the old settings still hold
            config.save_config(
                data_dir, config.SyncConfig(server=address, ca_file=ca_file, auto=auto)
            )
            if token:
                config.save_token(data_dir, token)
            return address, problems

        def done(checked: tuple[str, dict[str, str]]) -> None:
            address, problems = checked
            if problems:
                self._edited()
                self.server_error.set_error(problems.get("server"))
                self.token_error.set_error(problems.get("token"))
                self._say("")
                return
            self.server_edit.setText(address)
            self._saved = (address, token, ca_file, auto)
            self._edited()
            if address and token:
                self._say(translate("SyncPage", "Saved."), GOOD)
            else:
                self._say(
                    translate(
                        "SyncPage",
                        "Saved. Sync starts once both the server address and the token are "
                        "filled in.",
                    )
                )
            self.scheduler.settings_changed()

        def failed(_exc: Exception) -> None:
            self._edited()
            self._say(
                translate(
                    "SyncPage",
                    "The settings were not saved. Check that the data folder can be "
                    "written to, then try again.",
                ),
                BAD,
            )

        run_task(work, done, failed)

    def test_connection(self) -> None:
        server, token, ca_file, auto = self._fields()
        if not server or not token:
            self._say(translate("SyncPage", "Fill in the server address and the token first."), BAD)
            return
        self.test_button.setEnabled(False)
        self._say(translate("SyncPage", "Connecting to the street office…"))

        def work() -> str:
            from desktop.sync import client, config

            address = config.check_server_address(server)
            settings = config.SyncConfig(server=address, ca_file=ca_file, auto=auto)
            return client.test_connection(settings, token).name

        def done(name: str) -> None:
            self.test_button.setEnabled(True)
            text = translate(
                "SyncPage", "Connected: the street office has this branch registered as {name}"
            ).format(name=name)
            if self._fields() != self._saved:
                text += translate("SyncPage", " (not saved yet: press Save)")
            self._say(text, GOOD)

        def failed(exc: Exception) -> None:
            self.test_button.setEnabled(True)
            self._say(error_text(exc), BAD)

        run_task(work, done, failed)

    # -- how sync is going ----------------------------------------------------------------
    def _status_box(self) -> QGroupBox:
        box = QGroupBox(translate("SyncPage", "Sync"))
        form = QFormLayout(box)
        self.last_success_label = QLabel()
        self.pending_label = QLabel()
        self.error_label = QLabel(wordWrap=True)
        self.next_label = QLabel(wordWrap=True)
        form.addRow(translate("SyncPage", "Last successful sync"), self.last_success_label)
        form.addRow(translate("SyncPage", "Changes waiting to upload"), self.pending_label)
        form.addRow(translate("SyncPage", "Last error"), self.error_label)
        form.addRow(translate("SyncPage", "Next automatic sync"), self.next_label)

        # A refused shrink from an automatic sync waits here for the secretary's word.
        self.shrink_box = QWidget()
        shrink_layout = QVBoxLayout(self.shrink_box)
        shrink_layout.setContentsMargins(0, 0, 0, 0)
        self.shrink_label = QLabel(wordWrap=True)
        self.shrink_label.setStyleSheet(BAD)
        self.confirm_button = QPushButton(translate("SyncPage", "Confirm and upload"))
        self.confirm_button.clicked.connect(lambda: self.scheduler.sync_now(confirm_shrink=True))
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addStretch()
        shrink_layout.addWidget(self.shrink_label)
        shrink_layout.addLayout(confirm_row)
        form.addRow("", self.shrink_box)

        self.sync_button = QPushButton(translate("SyncPage", "Sync now"))
        self.sync_button.clicked.connect(lambda: self.scheduler.sync_now())
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(translate("SyncPage", "Cancel"))
        self.cancel_button.clicked.connect(lambda: self.scheduler.cancel())
        run_row = QHBoxLayout()
        run_row.addWidget(self.sync_button)
        run_row.addWidget(self.progress_bar, 1)
        run_row.addWidget(self.progress_label)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch()  # takes the room only while the progress bar is hidden
        form.addRow("", run_row)
        self.outcome_label = QLabel(wordWrap=True)
        form.addRow("", self.outcome_label)
        return box

    def _show_state(self, state: SyncState) -> None:
        self.last_success_label.setText(
            self._when(state.last_success_at)
            if state.last_success_at
            else translate("SyncPage", "never")
        )
        self.pending_label.setText(self._pending_text(state))
        if state.shrunk:  # the details and the button are right below
            self.error_label.setText(
                translate("SyncPage", "Not uploaded yet: waiting for you to confirm (see below)")
            )
        elif state.diverged is not None:  # said in full at the top of the page
            self.error_label.setText(
                translate("SyncPage", "Not uploaded: another PC updated the street office's copy")
            )
        else:
            self.error_label.setText(state.error or translate("SyncPage", "none"))
        self.error_label.setStyleSheet(BAD if state.error else "")
        self.next_label.setText(self._next_text(state))

        self.shrink_box.setVisible(bool(state.shrunk) and not state.running)
        if state.shrunk:
            self.shrink_label.setText(
                translate(
                    "SyncPage",
                    "Not uploaded: these lists have far fewer records than the copy the street "
                    "office last received.\n{lines}\nIf records were deleted by mistake, restore "
                    "them from the Trash and press Sync now. If they were deleted on purpose, "
                    "confirm.",
                ).format(lines=shrink_lines(state.shrunk))
            )

        self.diverged_box.show_state(state)
        self.sync_button.setEnabled(state.configured and not state.running)
        self.sync_button.setToolTip(
            ""
            if state.configured
            else translate("SyncPage", "Fill in the server address and the token, then save.")
        )
        self.cancel_button.setVisible(state.running)
        self.progress_bar.setVisible(state.running)
        self.progress_label.setVisible(state.running)
        if state.running:
            if state.total_kib:
                self.progress_bar.setRange(0, 1000)
                self.progress_bar.setValue(min(1000, state.sent_kib * 1000 // state.total_kib))
                self.progress_label.setText(
                    translate("SyncPage", "{sent} of {total} sent").format(
                        sent=human_size(state.sent_kib * 1024),
                        total=human_size(state.total_kib * 1024),
                    )
                )
            else:
                self.progress_bar.setRange(0, 0)  # busy: the snapshot comes first
                self.progress_label.setText(translate("SyncPage", "Preparing…"))
        self.outcome_label.setText(self._outcome_text(state))

    @staticmethod
    def _when(value: Any) -> str:
        return format_local_datetime(value)

    @staticmethod
    def _pending_text(state: SyncState) -> str:
        if not state.configured:
            return "—"
        if state.pending_bytes is None:
            return translate("SyncPage", "being worked out…")
        if state.pending_bytes == 0:
            return translate("SyncPage", "none: the street office has everything")
        return human_size(state.pending_bytes)

    def _next_text(self, state: SyncState) -> str:
        if not state.configured:
            return translate("SyncPage", "not set up: fill in the connection above and save")
        if not state.auto:
            return translate("SyncPage", "automatic sync is off")
        if state.running:
            return "—"
        if state.shrunk:
            return translate("SyncPage", "paused until you confirm below")
        if state.diverged is not None:
            return translate("SyncPage", "paused until you choose above")
        if state.waiting_for_secretary:
            return translate(
                "SyncPage", "paused: once the last error is dealt with, press Sync now"
            )
        if state.next_attempt_at is None:
            return "—"
        return f"{to_local(state.next_attempt_at):%H:%M}"

    @staticmethod
    def _outcome_text(state: SyncState) -> str:
        if state.running:
            return ""
        if state.cancelled:
            return translate(
                "SyncPage", "Cancelled. What was sent is kept; the next sync carries on from there."
            )
        if state.result is None:
            return ""
        if state.result.up_to_date:
            return translate("SyncPage", "Done: the street office already had everything.")
        return translate(
            "SyncPage", "Done: {size} sent, the street office now has version {version}."
        ).format(size=human_size(state.result.sent_bytes), version=state.result.version)

    def _ask_shrink(self, shrunk: Mapping[str, tuple[int, int]]) -> None:
        if confirm_shrink(self, shrunk):
            self.scheduler.sync_now(confirm_shrink=True)
