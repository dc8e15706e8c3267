"""审计日志, opened from 设置: the entries of a date range and an event, whether the chain
verifies, and the shown entries exported to Excel."""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.audit import AuditEntry, AuditEvent
from desktop.domain.dates import local_to_utc
from desktop.services import audit
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.inputs import date_edit
from desktop.ui.models.table import Column, ListModel
from desktop.ui.status import Tone
from desktop.ui.tasks import run_task

SHOWN_DAYS = 30  # the range first shown: the last month


class AuditModel(ListModel[AuditEntry]):
    NUMBER, TIME, USER, EVENT, OUTCOME, CONCERNING = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.NUMBER: Column(
                    translate("AuditLogDialog", "No."), lambda e: str(e.id), right=True
                ),
                self.TIME: Column(
                    translate("AuditLogDialog", "Time (Beijing)"), audit.local_time_text
                ),
                self.USER: Column(translate("AuditLogDialog", "User"), audit.user_text),
                self.EVENT: Column(
                    translate("AuditLogDialog", "Event"),
                    lambda e: audit.event_text(e.event),
                    samples=tuple(audit.event_text(e) for e in AuditEvent),
                ),
                self.OUTCOME: Column(
                    translate("AuditLogDialog", "Outcome"),
                    audit.outcome_text,
                    ink=lambda e: None if e.outcome == "ok" else Tone.OVERDUE,
                ),
                self.CONCERNING: Column(
                    translate("AuditLogDialog", "Concerning"),
                    audit.concerning_words,
                    stretch=True,
                    elide=True,
                ),
            },
            parent,
        )


class AuditLogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("AuditLogDialog", "Audit log"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        layout.addWidget(self.chain_label)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.columns = ColumnFitter(self.table, self.model.plan)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.export_button = buttons.addButton(
            translate("AuditLogDialog", "Export to Excel…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.export_button.clicked.connect(self.choose_export)
        layout.addWidget(buttons)
        self.loaded = False  # set once the first entries are shown (tests wait on it)
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.since = date_edit(date.today() - timedelta(days=SHOWN_DAYS - 1))
        self.until = date_edit()
        self.event = QComboBox()
        self.event.addItem(translate("AuditLogDialog", "All events"), None)
        for event in AuditEvent:
            self.event.addItem(audit.event_text(event), event.value)
        self.show_button = QPushButton(translate("AuditLogDialog", "Show"))
        self.show_button.clicked.connect(self.refresh)
        for label, widget in (
            (translate("AuditLogDialog", "From"), self.since),
            (translate("AuditLogDialog", "to"), self.until),
            (translate("AuditLogDialog", "Event"), self.event),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.show_button)
        row.addStretch()
        return row

    def _range(self) -> tuple[datetime, datetime]:
        """The chosen days, Beijing time, as naive UTC bounds (the last day included)."""
        since, until = self.since.date().toPython(), self.until.date().toPython()
        if until < since:
            since, until = until, since
        start = local_to_utc(datetime.combine(since, time()))
        return start, local_to_utc(datetime.combine(until + timedelta(days=1), time()))

    def set_range(self, since: date, until: date) -> None:
        self.since.setDate(QDate(since))
        self.until.setDate(QDate(until))

    def refresh(self) -> None:
        since, until = self._range()
        chosen = self.event.currentData()
        events = None if chosen is None else [chosen]
        data_dir = self.ctx.data_dir

        def work() -> tuple[list[AuditEntry], audit.VerifyResult]:
            return audit.entries(data_dir, since, until, events), audit.verify(data_dir)

        self.show_button.setEnabled(False)
        run_task(work, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[list[AuditEntry], audit.VerifyResult]) -> None:
        found, verified = result
        self.show_button.setEnabled(True)
        self.model.set_rows(found)
        self.count_label.setText(
            translate("AuditLogDialog", "{count} entries shown.").format(count=len(found))
        )
        self.chain_label.setText(audit.broken_text(verified))
        self.chain_label.setStyleSheet("" if verified.ok else "color: #a31515; font-weight: bold;")
        self.export_button.setEnabled(bool(found))
        self.loaded = True

    def _load_failed(self, _exc: Exception) -> None:
        self.show_button.setEnabled(True)
        self.chain_label.setText(
            translate("AuditLogDialog", "The audit log cannot be read. Please try again later.")
        )
        self.loaded = True

    # -- export ---------------------------------------------------------------------------
    def choose_export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / f"审计日志-{date.today():%Y-%m-%d}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("AuditLogDialog", "Export to Excel"),
            str(suggested),
            translate("AuditLogDialog", "Excel workbook (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path).with_suffix(".xlsx"))

    def export_to(self, path: Path) -> None:
        shown = list(self.model.rows)
        self.export_button.setEnabled(False)

        def done(rows: int) -> None:
            self.export_button.setEnabled(True)
            QMessageBox.information(
                self,
                translate("AuditLogDialog", "Audit log"),
                translate("AuditLogDialog", "{count} entries exported to {path}.").format(
                    count=rows, path=path
                ),
            )

        def failed(exc: Exception) -> None:
            self.export_button.setEnabled(True)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else ""
            QMessageBox.warning(
                self,
                translate("AuditLogDialog", "Audit log"),
                translate(
                    "AuditLogDialog",
                    "Could not write {path} ({reason}). If it is open in Excel, close it "
                    "first, or choose another place.",
                ).format(path=path, reason=reason or type(exc).__name__),
            )

        run_task(lambda: audit.export_xlsx(shown, path), done, failed)

    def showEvent(self, event: QShowEvent) -> None:
        """About 1000×700, never beyond the screen's free area (1024×768)."""
        screen = self.screen()
        width, height = 1000, 700
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width() - 40), min(height, area.height() - 60)
        self.resize(width, height)
        super().showEvent(event)


def show_audit_log(ctx: AppContext, parent: QWidget | None = None) -> None:
    dialog = AuditLogDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
