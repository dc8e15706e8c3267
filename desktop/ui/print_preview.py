"""打印预览: every print goes through a preview (zoom, page count) with 打印 and 另存为 PDF.

The PDF is made by desktop.documents on the task runner; the preview shows it with QtPdf and
prints it page by page through the system print dialog.
"""

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.documents import Unprintable
from desktop.shared_files import write_shared
from desktop.ui.i18n import translate
from desktop.ui.messages import unexpected_error_text
from desktop.ui.tasks import run_task

# Writes the document into a binary stream; returns what could not be printed.
Writer = Callable[[BytesIO], list[Unprintable]]


class PrintPreview(QDialog):
    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("PrintPreview", "Print preview — {title}").format(title=title)
        )
        self.fit_to_screen(parent)
        self.title = title
        self.pdf = pdf
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = QAction(translate("PrintPreview", "Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.save_action = QAction(translate("PrintPreview", "Save as PDF…"), self)
        zoom_in = QAction(translate("PrintPreview", "Zoom in"), self)
        zoom_out = QAction(translate("PrintPreview", "Zoom out"), self)
        fit = QAction(translate("PrintPreview", "Fit width"), self)
        self.print_action.triggered.connect(self.print_document)
        self.save_action.triggered.connect(self.save_as)
        zoom_in.triggered.connect(lambda: self._zoom(1.25))
        zoom_out.triggered.connect(lambda: self._zoom(0.8))
        fit.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        for action in (self.print_action, self.save_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (zoom_in, zoom_out, fit):
            bar.addAction(action)
        self.pages = QLabel(
            translate("PrintPreview", "{count} page(s)").format(count=self.document.pageCount())
        )
        bar.addSeparator()
        bar.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)

    def fit_to_screen(self, parent: QWidget | None) -> None:
        """A page's shape (about 900×1000) where the screen allows, never taller or wider
        than its free area (1024×768, 1366×768 laptops)."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        area = screen.availableGeometry()
        width = min(900, area.width() - 40)
        height = min(1000, area.height() - 60)  # room for the title bar
        self.resize(width, height)
        self.move(area.center() - QRect(0, 0, width, height).center())

    def page_count(self) -> int:
        return self.document.pageCount()

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def save_as(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.save_action.text(),
            str(Path(folder or Path.home()) / f"{self.title}.pdf"),
            translate("PrintPreview", "PDF document (*.pdf)"),
        )
        if path:
            self.save_to(Path(path).with_suffix(".pdf"))

    def save_to(self, path: Path) -> None:
        try:
            write_shared(self.pdf, path)  # whole, and with the user's usual file mode
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.save_action.text(),
                translate(
                    "PrintPreview", "The file could not be saved ({reason}). Choose another place."
                ).format(reason=exc.strerror or exc),
            )

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page drawn at the printer's resolution onto its page rectangle."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self,
                self.print_action.text(),
                translate("PrintPreview", "The printer could not be started. Check that it is on."),
            )
            return
        try:
            first, last = 0, self.document.pageCount() - 1
            if printer.fromPage() > 0:
                first, last = printer.fromPage() - 1, min(last, printer.toPage() - 1)
            for page in range(first, last + 1):
                if page > first:
                    printer.newPage()
                target = painter.viewport()
                image = self.document.render(page, target.size())
                painter.drawImage(target, image)
        finally:
            painter.end()


def preview_document(parent: QWidget, title: str, write: Writer) -> None:
    """Make the PDF in the background, warn about characters that cannot print, preview."""
    progress = QProgressDialog(
        translate("PrintPreview", "Preparing the document…"), "", 0, 0, parent
    )
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def work() -> tuple[bytes, list[Unprintable]]:
        stream = BytesIO()
        missing = write(stream)
        return stream.getvalue(), missing

    def done(result: tuple[bytes, list[Unprintable]]) -> None:
        progress.close()
        pdf, missing = result
        if missing:
            QMessageBox.warning(
                parent,
                title,
                translate(
                    "PrintPreview",
                    "Some characters cannot be printed with the fonts on this "
                    "computer and will be blank on paper; please write them in by hand:",
                )
                + "\n"
                + "\n".join(m.message for m in missing[:10]),
            )
        PrintPreview(title, pdf, parent).exec()

    def failed(exc: Exception) -> None:
        progress.close()
        QMessageBox.critical(parent, title, unexpected_error_text(exc))

    run_task(work, done, failed)
