"""关于熟人小区: the version, the build, the data file's revision, and the licences of the fonts
and libraries the app ships (their full texts in 查看许可证全文)."""

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.build_info import read_build_info
from desktop.licences import Component, fonts, libraries, runtimes
from desktop.services.backups import data_file_revision
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.widgets import make_short_table

QT_SOURCE = "https://download.qt.io"


def build_text() -> str:
    """The build date in 北京时间, or the words for a copy run from the source."""
    info = read_build_info()
    if info is None:
        return translate("AboutDialog", "Development copy (not a packaged build)")
    when = translate("AboutDialog", "{date} (Beijing time)").format(
        date=f"{info.built_at:%Y-%m-%d %H:%M}"
    )
    if info.commit:
        when += " · " + translate("AboutDialog", "source {commit}").format(commit=info.commit)
    return when


def facts(ctx: AppContext) -> list[tuple[str, str]]:
    """The lines at the top of 关于: (what, value)."""
    return [
        (translate("AboutDialog", "Version"), __version__),
        (translate("AboutDialog", "Build date"), build_text()),
        (
            translate("AboutDialog", "Data file revision"),
            data_file_revision(ctx.db) or translate("AboutDialog", "none"),
        ),
    ]


def licence_page(component: Component) -> str:
    """What 查看许可证全文 shows for one component: its licence, homepage and texts."""
    head = [component.name + (f" {component.version}" if component.version else "")]
    head.append(translate("AboutDialog", "Licence: {licence}").format(licence=component.licence))
    if component.homepage:
        head.append(translate("AboutDialog", "Homepage: {url}").format(url=component.homepage))
    texts = component.licence_texts()
    if not texts:
        head.append(
            translate(
                "AboutDialog",
                "The full text of this licence is not included in this copy; it is the "
                "licence named above, published with the software at its homepage.",
            )
        )
    parts = ["\n".join(head)]
    parts += [f"━━━━ {name} ━━━━\n\n{text.strip()}" for name, text in texts]
    return "\n\n".join(parts) + "\n"


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Rows in a table as tall as its rows (the dialog scrolls, not the table)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(len(rows)))
    table.setFixedHeight(height)


class LicenceTexts(QDialog):
    """查看许可证全文: every component on the left, its licence text on the right."""

    def __init__(self, components: list[Component], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "Licence texts"))
        self.components = components
        self.names = QListWidget()
        self.names.addItems([c.name for c in components])
        self.names.setAccessibleName(translate("AboutDialog", "Fonts and libraries"))
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setAccessibleName(translate("AboutDialog", "Licence text"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.names.currentRowChanged.connect(self.show_component)
        splitter = QSplitter()
        splitter.addWidget(self.names)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        names_width = self.names.sizeHintForColumn(0) + 2 * self.names.frameWidth() + 24
        splitter.setSizes([names_width, 3 * names_width])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.names.setCurrentRow(0)

    def show_component(self, row: int) -> None:
        if 0 <= row < len(self.components):
            self.text.setPlainText(licence_page(self.components[row]))

    def showEvent(self, event: QShowEvent) -> None:
        _fit_to_screen(self, 960, 720)
        super().showEvent(event)


def _fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """At most ``width``×``height``, and never beyond the screen's free area (1024×768)."""
    screen = dialog.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    dialog.resize(width, height)


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "About Shuren Xiaoqu"))
        self.font_components = fonts()
        self.library_components = runtimes(qVersion()) + libraries()

        body = QWidget()
        column = QVBoxLayout(body)
        name = translate("AboutDialog", "Shuren Xiaoqu")
        title = QLabel(f"<h2>{name} {__version__}</h2>")
        purpose = QLabel(
            translate(
                "AboutDialog",
                "A workbench for the party branch of a residential neighborhood: the lists "
                "of needs, resources and projects, meetings, visits and compacts.",
            ),
            wordWrap=True,
        )
        column.addWidget(title)
        column.addWidget(purpose)
        form = QFormLayout()
        for what, value in facts(ctx):
            shown = QLabel(value, wordWrap=True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(what, shown)
        column.addLayout(form)

        column.addWidget(self._heading(translate("AboutDialog", "Fonts")))
        self.fonts_table = self._table(
            [translate("AboutDialog", "Font"), translate("AboutDialog", "Licence")],
            [(c.name, c.licence) for c in self.font_components],
        )
        column.addWidget(self.fonts_table)
        column.addWidget(self._heading(translate("AboutDialog", "Libraries and runtimes")))
        self.libraries_table = self._table(
            [
                translate("AboutDialog", "Name"),
                translate("AboutDialog", "Version"),
                translate("AboutDialog", "Licence"),
            ],
            [(c.name, c.version, c.licence) for c in self.library_components],
        )
        column.addWidget(self.libraries_table)
        qt_note = QLabel(
            translate(
                "AboutDialog",
                "Qt and PySide6 are used under the GNU Lesser General Public License, "
                "version 3 (LGPLv3). You may replace them with your own build of the same "
                "version: they are separate library files in the program folder. Their "
                "source code is at {url}.",
            ).format(url=QT_SOURCE),
            wordWrap=True,
        )
        qt_note.setObjectName("formNote")
        column.addWidget(qt_note)
        column.addStretch()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.texts_button = QPushButton(translate("AboutDialog", "View full licence texts…"))
        self.texts_button.clicked.connect(lambda: self.show_texts())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.texts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.body = body

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(f"<b>{text}</b>")
        label.setAccessibleName(text)
        return label

    def _table(self, headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
        table = make_short_table(headers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        _fill(table, rows)
        table.itemActivated.connect(lambda item: self.show_texts(table, item.row()))
        return table

    def components(self) -> list[Component]:
        return self.font_components + self.library_components

    def show_texts(self, table: QTableWidget | None = None, row: int = 0) -> LicenceTexts:
        """查看许可证全文, at the component of ``row`` in ``table`` (the first by default)."""
        texts = LicenceTexts(self.components(), self)
        if table is self.libraries_table:
            row += len(self.font_components)
        texts.names.setCurrentRow(row)
        texts.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        texts.open()
        return texts

    def showEvent(self, event: QShowEvent) -> None:
        wanted = self.body.sizeHint()
        _fit_to_screen(self, max(760, wanted.width() + 60), wanted.height() + 120)
        super().showEvent(event)


def show_about(parent: QWidget | None, ctx: AppContext) -> None:
    dialog = AboutDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()
