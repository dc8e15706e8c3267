"""保存期限 in 设置: how many years the phone numbers and rooms of closed needs and visits are
kept, and a preview of what clearing them would take away, confirmed before anything goes."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.domain.dates import format_date
from desktop.services import retention
from desktop.services.retention import DEFAULT_YEARS, MAX_YEARS, RetentionPreview, RetentionResult
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.operations import change
from desktop.ui.tasks import run_task
from desktop.ui.widgets import make_short_table

YEARS_KEY = "retention_years"  # in settings.ini; 0: off


def retention_years(ctx: AppContext) -> int:
    try:
        years = int(str(ctx.settings.value(YEARS_KEY, DEFAULT_YEARS)))
    except ValueError:
        return DEFAULT_YEARS
    return years if 0 <= years <= MAX_YEARS else DEFAULT_YEARS


class RetentionPreviewDialog(QDialog):
    """What would be cleared, list by list, and the one button that clears it."""

    def __init__(self, shown: RetentionPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Retention", "Clear old phone numbers and rooms"))
        self.setMinimumWidth(560)
        summary = QLabel(
            translate(
                "Retention",
                "The phone numbers and rooms of {needs} need(s) and {visits} visit(s) closed "
                "before {cutoff} will be cleared. The records themselves stay. This cannot be "
                "undone.",
            ).format(
                needs=len(shown.needs), visits=len(shown.visits), cutoff=format_date(shown.cutoff)
            ),
            wordWrap=True,
        )
        self.summary = summary
        self.table = make_short_table(
            [
                translate("Retention", "List"),
                translate("Retention", "Title"),
                translate("Retention", "Closed on"),
            ],
            stretch_last=False,
        )
        rows = [(translate("Retention", "Needs"), r) for r in shown.needs] + [
            (translate("Retention", "Visits"), r) for r in shown.visits
        ]
        self.table.setRowCount(len(rows))
        for row, (kind, record) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(kind))
            self.table.setItem(row, 1, QTableWidgetItem(record.title))
            self.table.setItem(row, 2, QTableWidgetItem(format_date(record.closed_on)))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.resizeColumnToContents(0)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("Retention", "Cancel")
        )
        self.clear_button = buttons.addButton(
            translate("Retention", "Clear them, cannot be undone"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.clear_button.setAutoDefault(False)  # Enter is not enough for this
        self.clear_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class RetentionBox(QGroupBox):
    """The 保存期限 group of 设置. ``today`` is for tests."""

    def __init__(
        self, ctx: AppContext, today: Callable[[], date] = date.today, parent=None
    ) -> None:
        super().__init__(translate("Retention", "Keeping contact details"), parent)
        self.ctx = ctx
        self.today = today
        self.dialog: RetentionPreviewDialog | None = None
        self.years = QComboBox()
        self.years.addItem(translate("Retention", "Keep them (off)"), 0)
        for years in range(1, MAX_YEARS + 1):
            self.years.addItem(translate("Retention", "{years} year(s)").format(years=years), years)
        self.years.setCurrentIndex(self.years.findData(retention_years(ctx)))
        self.years.currentIndexChanged.connect(self._years_changed)
        self.preview_button = QPushButton(translate("Retention", "Preview and clear…"))
        self.preview_button.clicked.connect(self.preview)
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("formNote")
        row = QHBoxLayout()
        row.addWidget(self.years)
        row.addWidget(self.preview_button)
        row.addStretch()
        form = QFormLayout(self)
        form.addRow(translate("Retention", "Clear phone and room after"), row)
        explained = QLabel(
            translate(
                "Retention",
                "For needs and visits closed longer ago than this, the phone number and room "
                "can be cleared; titles, dates and what was done stay. Nothing is cleared "
                "without a preview and your confirmation.",
            ),
            wordWrap=True,
        )
        explained.setObjectName("formNote")
        form.addRow("", explained)
        form.addRow("", self.note)
        self._years_shown()

    def _years_shown(self) -> None:
        self.preview_button.setEnabled(bool(self.years.currentData()))

    def _years_changed(self) -> None:
        years = int(self.years.currentData())
        self.ctx.settings.setValue(YEARS_KEY, years)
        self._years_shown()
        self.ctx.events.retention_changed.emit(years)

    def preview(self) -> None:
        years = int(self.years.currentData())
        if not years:
            return
        self.preview_button.setEnabled(False)
        self.note.setText(translate("Retention", "Looking for old records…"))

        def found(shown: RetentionPreview) -> None:
            if isValid(self):
                self._years_shown()
                self._show_preview(years, shown)

        def failed(_exc: Exception) -> None:
            if isValid(self):
                self._years_shown()
                self.note.setText(
                    translate("Retention", "The records could not be read. Try again later.")
                )

        run_task(lambda: retention.preview(self.ctx.db, years, self.today()), found, failed)

    def _show_preview(self, years: int, shown: RetentionPreview) -> None:
        if not shown.total:
            self.note.setText(
                translate(
                    "Retention", "No closed need or visit older than that holds a phone or room."
                )
            )
            return
        self.note.setText("")
        self.dialog = RetentionPreviewDialog(shown, self.window())
        self.dialog.accepted.connect(lambda: self.apply(years))
        self.dialog.open()

    def apply(self, years: int) -> None:
        self.preview_button.setEnabled(False)
        self.note.setText(translate("Retention", "Clearing…"))

        def done(result: RetentionResult) -> None:
            if not isValid(self):
                return
            self._years_shown()
            self.note.setText(
                translate(
                    "Retention",
                    "Cleared the phone numbers and rooms of {needs} need(s) and {visits} visit(s).",
                ).format(needs=result.needs, visits=result.visits)
            )
            self.ctx.events.retention_applied.emit(result.total)

        def failed(_exc: Exception) -> bool:
            if isValid(self):
                self._years_shown()
                self.note.setText("")
            return False  # said as any failed change is

        change(
            self.ctx.events,
            self,
            lambda: retention.apply(self.ctx.db, years, self.today()),
            on_done=done,
            on_failure=failed,
            background=True,
        )
