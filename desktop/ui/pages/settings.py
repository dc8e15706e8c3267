"""设置: text size, language, the data folder and its backups (从备份恢复), About."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.domain.dates import format_local_datetime
from desktop.services import backups
from desktop.services.backups import Backup, Health
from desktop.ui.context import AppContext
from desktop.ui.dialogs.about import show_about
from desktop.ui.dialogs.audit_log import show_audit_log
from desktop.ui.fonts import set_text_scale
from desktop.ui.i18n import LANGUAGES, translate
from desktop.ui.lock import IDLE_CHOICES, IDLE_KEY, idle_choice_text, idle_minutes
from desktop.ui.password import change_password_dialog, has_password
from desktop.ui.restore import (
    SHOWN_COUNTS,
    confirm_restore,
    count_name,
    restore_from_street,
    restore_in_window,
    revision_text,
)
from desktop.ui.retention import RetentionBox
from desktop.ui.status import Tone
from desktop.ui.tasks import run_task, run_with_progress
from desktop.ui.widgets import make_short_table

# Columns of the list of backups.
COL_MADE, COL_REVISION = 0, 1
COL_COUNTS = 2  # then one column per SHOWN_COUNTS
COL_CHECK = COL_COUNTS + len(SHOWN_COUNTS)


def backup_status_text(ctx: AppContext) -> str:
    last = backups.last_backup_time(ctx.data_dir)
    if last is None:
        return translate("SettingsPage", "No backup yet")
    return translate("SettingsPage", "Last backup: {when}").format(when=format_local_datetime(last))


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)

        text_box = QGroupBox(translate("SettingsPage", "Text size"))
        row = QHBoxLayout(text_box)
        self.text_group = QButtonGroup(self)
        current = str(ctx.settings.value("text_scale", "standard"))
        for key, label in (
            ("standard", translate("SettingsPage", "Standard")),
            ("large", translate("SettingsPage", "Large")),
            ("extra_large", translate("SettingsPage", "Extra large")),
        ):
            button = QRadioButton(label, checked=key == current)
            button.setProperty("scale", key)
            self.text_group.addButton(button)
            row.addWidget(button)
        row.addStretch()
        self.text_note = QLabel()  # says what changed, right away
        self.text_note.setObjectName("formNote")
        row.addWidget(self.text_note)
        self.text_group.buttonClicked.connect(self._text_size_changed)
        layout.addWidget(text_box)

        lang_box = QGroupBox(translate("SettingsPage", "Language"))
        lang_form = QFormLayout(lang_box)
        self.language = QComboBox()
        for code, label in zip(LANGUAGES, ("简体中文", "English"), strict=True):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(ctx.settings.value("lang", ctx.lang)))
        )
        self.language.currentIndexChanged.connect(self._language_changed)
        lang_form.addRow(translate("SettingsPage", "Interface language"), self.language)
        lang_form.addRow(
            "",
            QLabel(
                translate("SettingsPage", "A new language applies the next time the app opens.")
            ),
        )
        layout.addWidget(lang_box)
        layout.addWidget(self._lock_box())
        self.retention = RetentionBox(ctx)
        layout.addWidget(self.retention)

        data_box = QGroupBox(translate("SettingsPage", "Data"))
        data_form = QFormLayout(data_box)
        folder = QLabel(str(ctx.data_dir))
        folder.setWordWrap(True)
        data_form.addRow(translate("SettingsPage", "Data folder"), folder)
        self.backup_label = QLabel(backup_status_text(ctx))
        data_form.addRow(translate("SettingsPage", "Backups"), self.backup_label)
        open_folder = QPushButton(translate("SettingsPage", "Open data folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.data_dir)))
        )
        self.backup_button = QPushButton(translate("SettingsPage", "Back up now"))
        self.backup_button.clicked.connect(self.back_up)
        buttons = QHBoxLayout()
        buttons.addWidget(open_folder)
        buttons.addWidget(self.backup_button)
        self.audit_button = QPushButton(translate("SettingsPage", "View audit log"))
        self.audit_button.clicked.connect(lambda: show_audit_log(self.ctx, self))
        buttons.addWidget(self.audit_button)
        buttons.addStretch()
        data_form.addRow("", buttons)
        layout.addWidget(data_box)
        layout.addWidget(self._restore_box(), 1)

        about = QPushButton(translate("SettingsPage", "About Shuren Xiaoqu"))
        about.clicked.connect(lambda: show_about(self, self.ctx))
        about_row = QHBoxLayout()
        about_row.addWidget(about)
        about_row.addStretch()
        layout.addLayout(about_row)
        ctx.events.data_file_checked.connect(self._data_file_checked)

    def _lock_box(self) -> QGroupBox:
        """锁定: how long the window may stay untouched before it locks."""
        box = QGroupBox(translate("SettingsPage", "Lock"))
        form = QFormLayout(box)
        self.lock_minutes = QComboBox()
        for minutes in IDLE_CHOICES:
            self.lock_minutes.addItem(idle_choice_text(minutes), minutes)
        self.lock_minutes.setCurrentIndex(
            self.lock_minutes.findData(idle_minutes(self.ctx.settings))
        )
        self.lock_minutes.currentIndexChanged.connect(
            lambda _index: self.ctx.settings.setValue(IDLE_KEY, self.lock_minutes.currentData())
        )
        form.addRow(translate("SettingsPage", "Lock when idle"), self.lock_minutes)
        note = QLabel(
            translate(
                "SettingsPage",
                "With no typing or clicking for this long, the window is locked and asks for "
                "the data file's password (Ctrl+L locks it at once). A data file with no "
                "password is never locked.",
            ),
            wordWrap=True,
        )
        note.setObjectName("formNote")
        form.addRow("", note)
        self.password_button = QPushButton(translate("SettingsPage", "Change password…"))
        self.password_button.clicked.connect(lambda: change_password_dialog(self.ctx, self))
        self.password_button.setVisible(has_password())  # a demo has none
        form.addRow("", self.password_button)
        return box

    def _restore_box(self) -> QGroupBox:
        box = QGroupBox(translate("SettingsPage", "Restore data"))
        layout = QVBoxLayout(box)
        self.backup_table = make_short_table(
            [
                translate("SettingsPage", "Made"),
                translate("SettingsPage", "Schema revision"),
                *(count_name(table) for table in SHOWN_COUNTS),
                translate("SettingsPage", "Check"),
            ],
            stretch_last=False,
        )
        header = self.backup_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a dozen rows
        header.setSectionResizeMode(COL_REVISION, QHeaderView.ResizeMode.Stretch)
        self.backup_table.itemSelectionChanged.connect(self._backup_selected)
        self.backup_table.itemActivated.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.backup_table, 1)
        self.backups_note = QLabel(wordWrap=True)
        layout.addWidget(self.backups_note)
        self.restore_button = QPushButton(translate("SettingsPage", "Restore the chosen backup…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.street_restore_button = QPushButton(
            translate("SettingsPage", "Restore from the street office…")
        )
        self.street_restore_button.clicked.connect(self.restore_from_street)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.street_restore_button)
        row.addStretch()
        layout.addLayout(row)
        self._backups_loaded = False
        self._loading_backups = False
        return box

    def showEvent(self, event: QShowEvent) -> None:
        # The daily backup may have finished since the page was built.
        self.backup_label.setText(backup_status_text(self.ctx))
        if not self._backups_loaded:
            self.load_backups()
        super().showEvent(event)

    # -- the list of backups ----------------------------------------------------------------
    def load_backups(self) -> None:
        """Checks backups never checked before (seconds each on a big file): in the background."""
        if self._loading_backups:
            return
        self._loading_backups = True
        self._backups_loaded = True
        self.restore_button.setEnabled(False)
        self.backups_note.setText(translate("SettingsPage", "Checking the backups…"))

        def done(listed: list[Backup]) -> None:
            if isValid(self):
                self._loading_backups = False
                self._show_backups(listed)

        def failed(_exc: Exception) -> None:
            if isValid(self):
                self._loading_backups = False
                self.backups_note.setText(
                    translate("SettingsPage", "The backups folder could not be read.")
                )

        def progressed(done_count: int, total: int) -> None:
            if isValid(self) and total > 1:
                self.backups_note.setText(
                    translate("SettingsPage", "Checking the backups… ({done} of {total})").format(
                        done=done_count + 1, total=total
                    )
                )

        run_with_progress(
            lambda progress: backups.backups_with_checks(self.ctx.data_dir, progress.report),
            done,
            failed,
            progressed,
        )

    def _show_backups(self, listed: list[Backup]) -> None:
        self.backup_label.setText(backup_status_text(self.ctx))
        table = self.backup_table
        table.setRowCount(len(listed))
        for row, backup in enumerate(listed):
            made = QTableWidgetItem(format_local_datetime(backup.made_at))
            made.setData(Qt.ItemDataRole.UserRole, backup)
            table.setItem(row, COL_MADE, made)
            table.setItem(row, COL_REVISION, QTableWidgetItem(revision_text(backup)))
            for offset, name in enumerate(SHOWN_COUNTS):
                count = backup.counts.get(name)
                item = QTableWidgetItem("—" if count is None else f"{count:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, COL_COUNTS + offset, item)
            tone = Tone.DONE if backup.sound else Tone.OVERDUE
            check = QTableWidgetItem(
                translate("SettingsPage", "Sound")
                if backup.sound
                else translate("SettingsPage", "Damaged: cannot be restored")
            )
            check.setBackground(tone.background)
            check.setForeground(tone.foreground)
            table.setItem(row, COL_CHECK, check)
        if listed:
            self.backups_note.setText(
                translate(
                    "SettingsPage",
                    "{count} backup(s), newest first. A copy is made once a day and before "
                    "each upgrade; the newest ten are kept, and the newest sound one before "
                    "them.",
                ).format(count=len(listed))
            )
            first_restorable = next((r for r, b in enumerate(listed) if b.restorable), 0)
            table.selectRow(first_restorable)
        else:
            self.backups_note.setText(
                translate(
                    "SettingsPage",
                    "No backup yet. A copy is made when the app first opens each day, or press "
                    "Back up now.",
                )
            )
        self._backup_selected()

    def selected_backup(self) -> Backup | None:
        rows = self.backup_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.backup_table.item(rows[0].row(), COL_MADE)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _backup_selected(self) -> None:
        backup = self.selected_backup()
        self.restore_button.setEnabled(
            backup is not None and backup.restorable and not self._loading_backups
        )

    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is None or not backup.restorable or self._loading_backups:
            return
        damaged = backups.last_check_failed(self.ctx.data_dir)
        if not confirm_restore(self, backup, damaged=damaged):
            return
        self.restore_button.setEnabled(False)
        restore_in_window(self, self.ctx, backup, lambda _ok: self.load_backups())

    def restore_from_street(self) -> None:
        """The branch's copy at the street office, e.g. when no backup here is good enough."""
        if restore_from_street(self, self.ctx):
            self.load_backups()

    def _data_file_checked(self, health: Health) -> None:
        if health.ok:
            self.backup_label.setText(backup_status_text(self.ctx))

    def _text_size_changed(self, button: QRadioButton) -> None:
        scale = str(button.property("scale"))
        self.ctx.settings.setValue("text_scale", scale)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_text_scale(app, self.ctx.font_families, scale)
        self.text_note.setText(
            translate("SettingsPage", "Text size is now {size}, in every window.").format(
                size=button.text()
            )
        )

    def _language_changed(self) -> None:
        self.ctx.settings.setValue("lang", self.language.currentData())

    def back_up(self) -> None:
        self.backup_button.setEnabled(False)
        self.backup_label.setText(translate("SettingsPage", "Backing up…"))

        def done(_path: object) -> None:
            self.backup_button.setEnabled(True)
            self.backup_label.setText(backup_status_text(self.ctx))
            self.load_backups()

        def failed(exc: Exception) -> None:
            self.backup_button.setEnabled(True)
            if isinstance(exc, backups.DamagedDatabaseError):
                self.ctx.events.data_file_checked.emit(Health(ok=False, problems=exc.problems))
                self.backup_label.setText(
                    translate(
                        "SettingsPage",
                        "No backup was made: the data file is damaged, and a copy of it would "
                        "be of no use. Restore a sound backup below.",
                    )
                )
                return
            self.backup_label.setText(
                translate(
                    "SettingsPage",
                    "The backup failed. Check that the disk has free space, then try again.",
                )
            )

        run_task(lambda: backups.back_up_now(self.ctx.db, self.ctx.data_dir), done, failed)
