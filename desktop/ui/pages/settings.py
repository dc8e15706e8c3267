"""设置: text size, language, the data folder and its backups, About."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_local_datetime
from desktop.services import backups
from desktop.ui.context import AppContext
from desktop.ui.dialogs.about import show_about
from desktop.ui.fonts import app_font
from desktop.ui.i18n import LANGUAGES, translate
from desktop.ui.tasks import run_task


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
        buttons.addStretch()
        data_form.addRow("", buttons)
        layout.addWidget(data_box)

        about = QPushButton(translate("SettingsPage", "About Shuren Xiaoqu"))
        about.clicked.connect(lambda: show_about(self))
        about_row = QHBoxLayout()
        about_row.addWidget(about)
        about_row.addStretch()
        layout.addLayout(about_row)
        layout.addStretch()

    def showEvent(self, event: QShowEvent) -> None:
        # The daily backup may have finished since the page was built.
        self.backup_label.setText(backup_status_text(self.ctx))
        super().showEvent(event)

    def _text_size_changed(self, button: QRadioButton) -> None:
        scale = str(button.property("scale"))
        self.ctx.settings.setValue("text_scale", scale)
        QApplication.setFont(app_font(self.ctx.font_families, scale))

    def _language_changed(self) -> None:
        self.ctx.settings.setValue("lang", self.language.currentData())

    def back_up(self) -> None:
        self.backup_button.setEnabled(False)
        self.backup_label.setText(translate("SettingsPage", "Backing up…"))

        def done(_path: object) -> None:
            self.backup_button.setEnabled(True)
            self.backup_label.setText(backup_status_text(self.ctx))

        def failed(_exc: Exception) -> None:
            self.backup_button.setEnabled(True)
            self.backup_label.setText(
                translate(
                    "SettingsPage",
                    "The backup failed. Check that the disk has free space, then try again.",
                )
            )

        run_task(lambda: backups.back_up_now(self.ctx.db, self.ctx.data_dir), done, failed)
