"""使用说明: the Chinese user guide (docs/guide.md), shown in its own window, printed through
the print preview; F1 on a page opens that page's section.

The guide is Markdown, rendered by Qt itself (QTextDocument.setMarkdown: no web engine, no
network). A line ``<!-- F1: needs visits -->`` just before a heading names the pages whose F1
opens that section. Its pictures are taken from the running app by build/help_shots.py.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QFont,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import docs_dir
from desktop.ui.i18n import translate

GUIDE_FILE = "guide.md"
F1_MARK = re.compile(r"^<!--\s*F1:\s*(.*?)\s*-->\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
# On screen a picture is shown at its own size when the text is wide enough, else made as
# narrow as the text (less a list's indent), but not below a readable width.
IMAGE_INDENT = 64
MIN_IMAGE_WIDTH = 420
RESIZE_DELAY_MS = 250  # the pictures are fitted again once the window stops changing size
# Widest picture on paper (Qt counts 96 per inch when it prints: 580 is 15.3 cm, inside A4's
# width less the 2 cm margins Qt keeps on each side).
PRINT_IMAGE_WIDTH = 580
PRINT_IMAGE_HEIGHT = 400  # 10.6 cm: a tall form does not take a page of its own
PRINT_POINT_SIZE = 10.5
# Space above and below headings, in pixels, by level (Qt's Markdown import leaves none).
HEADING_MARGINS = {1: (0, 12), 2: (24, 10), 3: (18, 6)}
# Extra space between lines (pixels): long Chinese steps read easier with some air. Added,
# not proportional, so that a line holding a picture does not grow by a third.
LINE_SPACING = 3


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Guide:
    """The guide as read from its file: what Qt renders, and what the app needs to know."""

    text: str  # Markdown, without the F1 marks
    folder: Path  # pictures are named relative to it
    headings: tuple[Heading, ...]
    pages: dict[str, str] = field(default_factory=dict)  # page name → heading text
    images: tuple[str, ...] = ()  # as named in the Markdown


def guide_path() -> Path:
    return docs_dir() / GUIDE_FILE


def read_guide(path: Path | None = None) -> Guide:
    path = path or guide_path()
    lines: list[str] = []
    headings: list[Heading] = []
    pages: dict[str, str] = {}
    waiting: list[str] = []  # pages named by an F1 mark, for the next heading
    for line in path.read_text(encoding="utf-8").splitlines():
        mark = F1_MARK.match(line)
        if mark:
            waiting += mark.group(1).replace(",", " ").split()
            continue
        heading = HEADING.match(line)
        if heading:
            headings.append(Heading(len(heading.group(1)), heading.group(2)))
            pages.update(dict.fromkeys(waiting, heading.group(2)))
            waiting = []
        lines.append(line)
    images = tuple(dict.fromkeys(m.group(1) for m in IMAGE.finditer("\n".join(lines))))
    return Guide("\n".join(lines) + "\n", path.parent, tuple(headings), pages, images)


def build_document(
    guide: Guide,
    font: QFont,
    image_width: int,
    image_height: int | None = None,
    *,
    scaled_images: bool = True,
) -> QTextDocument:
    """The guide as a QTextDocument: headings spaced and named (for scrollToAnchor), each
    numbered section on a new page when printed, pictures no wider than ``image_width``
    (nor taller than ``image_height``).

    ``scaled_images``: pictures wider than that are scaled down smoothly here (on screen);
    otherwise they are read from their files when drawn, at full resolution (on paper; a
    printed copy of the document reads them itself). Nothing here needs the GUI thread."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    folder_url = QUrl.fromLocalFile(str(guide.folder) + "/")
    doc.setBaseUrl(folder_url)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentUrl, folder_url.toString())
    sizes: dict[str, tuple[int, int]] = {}
    for name in guide.images:
        natural = QImageReader(str(guide.folder / name)).size()
        if not natural.isValid():
            continue  # shown as a blank box; the tests make sure none is missing
        scale = min(1.0, image_width / natural.width())
        if image_height is not None:
            scale = min(scale, image_height / natural.height())
        width = round(natural.width() * scale)
        sizes[name] = (width, round(natural.height() * scale))
        if scaled_images:
            image = QImage(str(guide.folder / name))
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setMarkdown(guide.text, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    _shape(doc, sizes)
    return doc


def _shape(doc: QTextDocument, sizes: dict[str, tuple[int, int]]) -> None:
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        level = fmt.headingLevel()
        if level:
            top, bottom = HEADING_MARGINS.get(level, HEADING_MARGINS[3])
            fmt.setTopMargin(top)
            fmt.setBottomMargin(bottom)
            if level == 2:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([block.text()])
            cursor.mergeCharFormat(anchor)
        else:
            fmt.setLineHeight(
                LINE_SPACING, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value
            )
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        _size_images(cursor, block, sizes)
        block = block.next()


def _size_images(cursor: QTextCursor, block: QTextBlock, sizes: dict[str, tuple[int, int]]) -> None:
    """Give each picture its size, so the layout is right before any picture is drawn."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        image = fragment.charFormat().toImageFormat()
        if not image.isValid() or image.name() not in sizes:
            continue
        width, height = sizes[image.name()]
        image.setWidth(width)
        image.setHeight(height)
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)


def write_guide_pdf(out: BinaryIO, families: list[str]) -> list:
    """The whole guide as an A4 PDF in the bundled fonts, numbered pages (for
    print_preview.preview_document: returns what could not be printed, here nothing)."""
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(PRINT_POINT_SIZE)
    doc = build_document(
        read_guide(), font, PRINT_IMAGE_WIDTH, PRINT_IMAGE_HEIGHT, scaled_images=False
    )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(translate("HelpWindow", "Shuren Xiaoqu user guide"))
    writer.setCreator(translate("HelpWindow", "Shuren Xiaoqu"))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),  # QTextDocument.print_ keeps its own 2 cm margins
        )
    )
    doc.print_(writer)
    del writer  # finishes the file
    buffer.close()
    out.write(bytes(data))
    return []


class HelpWindow(QWidget):
    """The guide beside its contents; 打印… goes through the print preview."""

    def __init__(self, families: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(translate("HelpWindow", "Shuren Xiaoqu user guide"))
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(1240, int(room.width() * 0.92)), min(860, int(room.height() * 0.9)))
        self.families = families
        self.guide = read_guide()
        self._rendered: tuple[QFont, int] | None = None  # the font and picture width shown
        self._section = ""  # the section she went to or scrolled to: kept when refitted
        self._refit = QTimer(self, singleShot=True, interval=RESIZE_DELAY_MS)
        self._refit.timeout.connect(self.render)

        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = QAction(translate("HelpWindow", "Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_guide)
        zoom_in = QAction(translate("HelpWindow", "Larger text"), self)
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_out = QAction(translate("HelpWindow", "Smaller text"), self)
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        bar.addAction(self.print_action)
        bar.addSeparator()
        bar.addAction(zoom_in)
        bar.addAction(zoom_out)

        self.contents = QTreeWidget()
        self.contents.setHeaderLabel(translate("HelpWindow", "Contents"))
        self.contents.itemClicked.connect(lambda item, _col: self.show_heading(item.text(0)))
        self.contents.itemActivated.connect(lambda item, _col: self.show_heading(item.text(0)))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        # Her own scrolling (wheel, keys, the bar), noted once the view has moved.
        self.browser.verticalScrollBar().actionTriggered.connect(
            lambda _action: QTimer.singleShot(0, self._note_section)
        )
        zoom_in.triggered.connect(lambda: self.browser.zoomIn(2))
        zoom_out.triggered.connect(lambda: self.browser.zoomOut(2))
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, max(400, self.width() - 260)])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(splitter, 1)
        self._fill_contents()

    def _fill_contents(self) -> None:
        parent: QTreeWidgetItem | None = None
        for heading in self.guide.headings:
            if heading.level == 2:
                parent = QTreeWidgetItem(self.contents, [heading.text])
            elif heading.level == 3 and parent is not None:
                QTreeWidgetItem(parent, [heading.text])
        self.contents.expandAll()

    def render(self) -> None:
        """(Re)build the document in the window's current font (设置 → 文字大小), with the
        pictures as wide as the text allows; the section on screen stays on screen."""
        font = QApplication.font()
        width = max(MIN_IMAGE_WIDTH, self.browser.viewport().width() - IMAGE_INDENT)
        if self._rendered is not None and self._rendered == (font, width):
            return
        self._rendered = (font, width)
        doc = build_document(self.guide, font, width)
        doc.setParent(self.browser)  # the browser deletes the one it replaces
        self.browser.setDocument(doc)
        if self._section:
            self.browser.scrollToAnchor(self._section)

    def _note_section(self) -> None:
        self._section = self.heading_at_top()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._rendered is not None:
            self._refit.start()

    def show_page(self, page: str | None) -> None:
        """The section for a page of the main window (the start of the guide if none)."""
        heading = self.guide.pages.get(page or "")
        if heading is None:
            heading = self.guide.headings[0].text if self.guide.headings else ""
        self.show_heading(heading)

    def show_heading(self, text: str) -> None:
        self._section = text
        self.render()
        self.browser.scrollToAnchor(text)
        for item in self.contents.findItems(
            text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        ):
            self.contents.setCurrentItem(item)

    def heading_at_top(self) -> str:
        """The heading of the section shown at the top of the text (for tests)."""
        block = self.browser.cursorForPosition(QPoint(4, 4)).block()
        while block.isValid() and not block.blockFormat().headingLevel():
            block = block.previous()
        return block.text() if block.isValid() else ""

    def print_guide(self) -> None:
        from desktop.ui.print_preview import preview_document  # QtPdf loads on first print

        families = self.families
        preview_document(
            self,
            translate("HelpWindow", "Shuren Xiaoqu user guide"),
            lambda out: write_guide_pdf(out, families),
        )


def show_help(parent: QWidget, page: str | None, families: list[str]) -> HelpWindow:
    """Open (or bring forward) the guide at the section for ``page``."""
    window = parent.findChild(HelpWindow, "helpWindow")
    if window is None:
        window = HelpWindow(families, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    window.show_page(page)
    return window
