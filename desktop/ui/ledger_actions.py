"""导入 · 导出 on a list page: Excel ledgers in the background, with progress and cancel."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop.domain.ledger import LEDGERS, LedgerKind
from desktop.services.ledger import (
    ImportReport,
    LedgerCancelled,
    LedgerFileError,
    export_ledger,
    import_ledger,
    save_report,
)
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.messages import unexpected_error_text
from desktop.ui.operations import change_with_progress
from desktop.ui.tasks import Progress, run_with_progress

if TYPE_CHECKING:  # list_page imports this module on first use
    from desktop.ui.pages.list_page import ListPage

SHOWN_ERRORS = 12


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


class LedgerActions(QObject):
    def __init__(self, ctx: AppContext, kind: LedgerKind, page: "ListPage") -> None:
        super().__init__(page)
        self.ctx = ctx
        self.kind = kind
        self.page = page
        self.import_action = QAction(translate("LedgerActions", "Import"), page)
        self.export_action = QAction(translate("LedgerActions", "Export"), page)
        self.import_action.triggered.connect(self.choose_import)
        self.export_action.triggered.connect(self.choose_export)
        self.busy = False

    # -- export -----------------------------------------------------------------------------
    def choose_export(self) -> None:
        title = LEDGERS[self.kind].title
        suggested = _documents() / f"{title}-{date.today():%Y-%m-%d}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self.page,
            translate("LedgerActions", "Export to Excel"),
            str(suggested),
            translate("LedgerActions", "Excel workbook (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path).with_suffix(".xlsx"))

    def export_to(self, path: Path) -> None:
        dialog = self._progress_dialog(translate("LedgerActions", "Exporting…"))

        def work(progress: Progress) -> int:
            return export_ledger(
                self.ctx.db,
                self.kind,
                path,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        def done(rows: int) -> None:
            self._finish(dialog)
            self._say(
                translate("LedgerActions", "{count} record(s) exported to {path}.").format(
                    count=f"{rows:,}", path=path
                )
            )

        # A read: it goes to the task runner directly, with nothing to report as changed.
        progress = run_with_progress(
            work, done, lambda exc: self._failed(dialog, exc), lambda d, t: self._step(dialog, d, t)
        )
        dialog.canceled.connect(progress.cancel)

    # -- import -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.page,
            translate("LedgerActions", "Import from Excel"),
            str(_documents()),
            translate("LedgerActions", "Excel workbook (*.xlsx)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """First a trial that writes nothing; the secretary confirms what it will do."""
        self._run_import(path, dry_run=True)

    def _run_import(self, path: Path, *, dry_run: bool) -> None:
        dialog = self._progress_dialog(
            translate("LedgerActions", "Checking the workbook…")
            if dry_run
            else translate("LedgerActions", "Importing…")
        )

        def work(progress: Progress) -> ImportReport:
            return import_ledger(
                self.ctx.db,
                self.kind,
                path,
                dry_run=dry_run,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        def done(report: ImportReport) -> None:
            self._finish(dialog)
            self._reported(path, report)

        def failed(exc: Exception) -> bool:
            self._failed(dialog, exc)
            return True

        progress = change_with_progress(
            self.ctx.events,
            self.page,
            work,
            on_done=done,
            on_failure=failed,
            on_progress=lambda d, t: self._step(dialog, d, t),
        )
        dialog.canceled.connect(progress.cancel)

    def _reported(self, path: Path, report: ImportReport) -> None:
        if report.errors:
            self._show_errors(path, report)
            return
        if report.dry_run:
            answer = QMessageBox.question(
                self.page,
                translate("LedgerActions", "Import from Excel"),
                report.summary() + "\n\n" + translate("LedgerActions", "Import now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._run_import(path, dry_run=False)
            return
        self._say(report.summary())

    def _show_errors(self, path: Path, report: ImportReport) -> None:
        lines = [str(e) for e in report.errors[:SHOWN_ERRORS]]
        if len(report.errors) > SHOWN_ERRORS:
            lines.append(
                translate("LedgerActions", "… and {count} more.").format(
                    count=len(report.errors) - SHOWN_ERRORS
                )
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("LedgerActions", "Import from Excel"),
            report.summary() + "\n\n" + "\n".join(lines),
            parent=self.page,
        )
        save = box.addButton(
            translate("LedgerActions", "Save error report…"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(translate("LedgerActions", "Close"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save:
            out, _filter = QFileDialog.getSaveFileName(
                self.page,
                translate("LedgerActions", "Save error report"),
                str(path.with_name(f"{path.stem}-错误报告.xlsx")),
                translate("LedgerActions", "Excel workbook (*.xlsx)"),
            )
            if out:
                save_report(report, path, Path(out).with_suffix(".xlsx"))

    # -- shared -----------------------------------------------------------------------------
    def _progress_dialog(self, label: str) -> QProgressDialog:
        self.busy = True
        self.import_action.setEnabled(False)
        self.export_action.setEnabled(False)
        dialog = QProgressDialog(label, translate("LedgerActions", "Cancel"), 0, 0, self.page)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)  # quick work finishes without a flash of a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _step(self, dialog: QProgressDialog, done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))

    def _finish(self, dialog: QProgressDialog) -> None:
        self.busy = False
        self.import_action.setEnabled(True)
        self.export_action.setEnabled(True)
        dialog.canceled.disconnect()
        dialog.close()

    def _failed(self, dialog: QProgressDialog, exc: Exception) -> None:
        self._finish(dialog)
        if isinstance(exc, LedgerCancelled):
            self._say(translate("LedgerActions", "Cancelled; nothing was changed."))
        elif isinstance(exc, LedgerFileError):
            QMessageBox.warning(self.page, translate("LedgerActions", "Excel ledger"), str(exc))
        else:
            QMessageBox.critical(
                self.page, translate("LedgerActions", "Excel ledger"), unexpected_error_text(exc)
            )

    def _say(self, text: str) -> None:
        self.page.status_message(text, 15_000)  # a summary worth reading in full
