"""What every printed document shares: A4 page, styles, tables, footer, draft mark, output."""

import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from desktop.documents.fonts import FontChain, build_lock
from desktop.documents.text import BoldParagraph, CJKParagraph, UnprintableLog, markup
from desktop.shared_files import write_shared

Output = str | os.PathLike | BinaryIO

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
GRID = colors.black
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
GREY = colors.Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    item: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    head: ParagraphStyle
    right: ParagraphStyle
    running: ParagraphStyle


def make_styles(fonts: FontChain) -> Styles:
    base = ParagraphStyle(
        "body",
        fontName=fonts.primary,
        fontSize=11,
        leading=18,
        wordWrap="CJK",
        alignment=TA_LEFT,
        allowWidows=0,
        hangPunctuation=False,
    )

    def style(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=style("title", fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", fontSize=13, leading=19, alignment=TA_CENTER, spaceAfter=2),
        note=style("note", fontSize=9, leading=13, alignment=TA_CENTER, textColor=GREY),
        heading=style("heading", fontSize=13, leading=20, spaceBefore=12, spaceAfter=5),
        subheading=style("subheading", fontSize=11.5, leading=18, spaceBefore=7, spaceAfter=2),
        # Body text may hang ，。 in the margin, as Word does; a table cell never does.
        body=style("body", hangPunctuation=True),
        # “讨论情况：” then the text, its later lines aligned after the five-character label.
        item=style("item", leftIndent=55, firstLineIndent=-55, hangPunctuation=True),
        label=style("label", fontSize=10.5, leading=16),
        cell=style("cell", fontSize=10, leading=14),
        cell_center=style("cell_center", fontSize=10, leading=14, alignment=TA_CENTER),
        head=style("head", fontSize=10, leading=14, alignment=TA_CENTER),
        right=style("right", alignment=TA_RIGHT),
        running=style("running", fontSize=8, leading=10, textColor=GREY),
    )


class Pen:
    """Makes paragraphs from user text (escaped, font fallback, unprintables reported)."""

    def __init__(self, fonts: FontChain) -> None:
        self.fonts = fonts
        self.styles = make_styles(fonts)
        self.log = UnprintableLog()

    def m(self, text: str | None, record: str = "") -> str:
        """Markup for one piece of text; ``record`` names it when a character is unprintable."""
        return markup(text, self.fonts, record=record or "文档", log=self.log)

    def unlogged(self, text: str) -> str:
        """Markup for text already reported elsewhere (the title again in the running head)."""
        return markup(text, self.fonts)

    def p(self, text: str | None, style: ParagraphStyle, record: str = "") -> CJKParagraph:
        return CJKParagraph(self.m(text, record), style)

    def labelled(self, label: str, text: str | None, style: ParagraphStyle, record: str = ""):
        """“时间：2026年……”: our label, then the user's text."""
        return CJKParagraph(self.m(label) + self.m(text, record), style)

    def bold(self, text: str | None, style: ParagraphStyle, record: str = "") -> BoldParagraph:
        return BoldParagraph(self.m(text, record), style)


def grid_table(
    pen: Pen,
    rows: list[list],
    widths_mm: Sequence[float],
    *,
    repeat_header: bool = True,
    header: bool = True,
    padding: float = 4,
    centered: Sequence[int] = (),
    extra: Sequence[tuple] = (),
) -> Table:
    """A ruled table whose first row is a grey header repeated on every page (``header``
    False: rows only, e.g. the rest of a table begun above).

    Cells are paragraphs for user text and plain strings for our own short words (roles,
    dates, numbers: always in the first face, never wrapped, much cheaper to lay out).
    """
    table = Table(
        rows,
        colWidths=[w * mm for w in widths_mm],
        repeatRows=1 if header and repeat_header else 0,
        splitInRow=1,  # a cell with pages of text may continue on the next page
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pen.fonts.primary),  # never a base-14 font
                ("FONTSIZE", (0, 0), (-1, -1), pen.styles.cell.fontSize),
                ("LEADING", (0, 0), (-1, -1), pen.styles.cell.leading),
                *(("ALIGN", (c, 0), (c, -1), "CENTER") for c in centered),
                ("GRID", (0, 0), (-1, -1), 0.6, GRID),
                *([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)] if header else []),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                *extra,
            ]
        )
    )
    return table


def plain_table(
    pen: Pen, rows: list[list], widths_mm: Sequence[float], extra: Sequence[tuple] = ()
) -> Table:
    """An unruled table for label/value pairs and signature lines."""
    table = Table(rows, colWidths=[w * mm for w in widths_mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pen.fonts.primary),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *extra,
            ]
        )
    )
    return table


# Cell padding (points) of rows to sign on: rows 9.5 mm high, or 8 mm — still room for a
# signature — where that takes fewer pages.
ROOMY, SNUG = 6.5, 4.5


def row_padding(
    story: Callable[[float], list[Flowable]], pages: Callable[[list[Flowable]], int]
) -> float:
    """ROOMY, or SNUG when ``story`` made with it takes fewer ``pages``."""
    roomy = pages(story(ROOMY))
    if roomy > 1 and pages(story(SNUG)) < roomy:
        return SNUG
    return ROOMY


class BlankRows(Flowable):
    """Blank rows that end a ruled table begun above (numbered on from ``first``), and what
    follows them (a total, a line to sign).

    As many rows as the page has room for, from ``fewest`` to ``most``, so that a sheet that
    can end on this page does and the rows fill it. When not even the fewest fit, ``most`` of
    them start the next page, under the column ``heads`` again.
    """

    def __init__(
        self,
        pen: Pen,
        heads: Sequence[str],
        widths_mm: Sequence[float],
        blank: Callable[[int], list],
        rows: tuple[int, int],
        after: Sequence[Flowable] = (),
        *,
        padding: float = 4,
        centered: Sequence[int] = (),
    ) -> None:
        super().__init__()
        self.pen, self.heads, self.widths, self.blank = pen, heads, widths_mm, blank
        self.fewest, self.most = rows
        self.after, self.padding, self.centered = list(after), padding, centered
        self.moved = False  # to the top of the next page
        self.parts: list[tuple[Flowable, float]] = []

    def _layout(self, count: int, width: float) -> float:
        s = self.pen.styles
        heads = [[self.pen.p(h, s.head) for h in self.heads]] if self.moved else []
        table = grid_table(
            self.pen,
            heads + [self.blank(n) for n in range(count)],
            self.widths,
            header=self.moved,
            padding=self.padding,
            centered=self.centered,
        )
        self.parts = [(f, f.wrap(width, PAGE_HEIGHT)[1]) for f in [table, *self.after]]
        return sum(h for _f, h in self.parts)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        counts = (self.most,) if self.moved else range(self.most, self.fewest - 1, -1)
        for count in counts:
            self.height = self._layout(count, avail_width)
            if self.height <= avail_height:
                break
        self.width = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.moved = True  # not even the fewest rows fit: all of them on the next page
        return []

    def draw(self) -> None:
        y = self.height
        for flowable, height in self.parts:
            y -= height
            flowable.drawOn(self.canv, 0, y)


class SectionStart(Flowable):
    """Marks the page it lands on, and those after it, as a section's (a building of the
    signing sheet): pages are numbered within the section and the running head names it.
    Put it first on a new page."""

    def __init__(self, name: str, markup: str) -> None:
        super().__init__()
        self.name, self.markup = name, markup

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.shuren_section = (self.name, self.markup)  # kept with the page's state


@dataclass(frozen=True)
class PageDecor:
    """What is drawn around the flowing content on every page."""

    running_head: str  # markup, shown from page 2 on
    edition: str = ""  # 存档版 / 公示版, bottom right
    draft: bool = False


class PageKeepingCanvas(Canvas):
    """A canvas that keeps its pages until it is saved, so that each page can be finished
    (a footer of 第 N 页 共 M 页) knowing how many there are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for state in self._pages:
            self.__dict__.update(state)
            self.finish_page()
            super().showPage()
        super().save()

    def finish_page(self) -> None:
        """Draw what a page needs once the count is known (on the page restored)."""


def _numbered_canvas(pen: Pen, decor: PageDecor) -> type[Canvas]:
    """A canvas that knows the page count when it draws 第 N 页 共 M 页 (pages kept until save).

    In a document of sections (SectionStart) pages are counted within their section, whose
    name the running head and the footer carry."""
    font = pen.fonts.primary
    footer_style = pen.styles.running.clone("footer", fontSize=9, leading=11, alignment=TA_CENTER)

    class NumberedCanvas(PageKeepingCanvas):
        shuren_section: tuple[str, str] | None = None  # (name, markup) once a section starts

        def save(self):
            self._totals = Counter(state.get("shuren_section") for state in self._pages)
            self._counted: Counter = Counter()
            super().save()

        def finish_page(self) -> None:
            section = self.shuren_section
            self._counted[section] += 1
            self._footer(self._counted[section], self._totals[section], section)

        def _footer(self, page: int, total: int, section: tuple[str, str] | None) -> None:
            self.saveState()
            self.setFillColor(GREY)
            self.setFont(font, 9)
            if section is None:
                self.drawCentredString(PAGE_WIDTH / 2, 12 * mm, f"第 {page} 页 共 {total} 页")
            else:
                footer = CJKParagraph(f"{section[1]}　第 {page} 页 共 {total} 页", footer_style)
                footer.wrap(CONTENT_WIDTH * 0.6, 20 * mm)
                footer.drawOn(self, MARGIN_X + CONTENT_WIDTH * 0.2, 12 * mm - 2)
            if decor.edition:
                self.drawRightString(PAGE_WIDTH - MARGIN_X, 12 * mm, decor.edition)
            if page > 1 and decor.running_head:
                running = decor.running_head + (f"　{section[1]}" if section else "")
                head = CJKParagraph(running, pen.styles.running)
                _w, h = head.wrap(CONTENT_WIDTH, 20 * mm)
                head.drawOn(self, MARGIN_X, PAGE_HEIGHT - 11 * mm - h)
                self.setStrokeColor(GREY)
                self.setLineWidth(0.4)
                y = PAGE_HEIGHT - 12.5 * mm - h
                self.line(MARGIN_X, y, PAGE_WIDTH - MARGIN_X, y)
            self.restoreState()

    return NumberedCanvas


def _draft_mark(canvas: Canvas, font: str) -> None:
    """“草稿” across the page, under the text, and boxed at the top right."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.5, 0.5, 0.5, alpha=0.18))
    canvas.setFont(font, 150)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -50, "草稿")
    canvas.restoreState()
    canvas.saveState()
    label = "草稿 · 未定稿"
    canvas.setFont(font, 10)
    width = canvas.stringWidth(label, font, 10) + 8
    x, y = PAGE_WIDTH - MARGIN_X - width, PAGE_HEIGHT - 12 * mm
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y - 3, width, 15)
    canvas.drawString(x + 4, y + 1, label)
    canvas.restoreState()


def build_pdf(
    story: list[Flowable], out: Output, pen: Pen, decor: PageDecor, *, title: str, author: str
) -> None:
    """Lay out ``story`` on A4 and write the PDF to a path (atomically) or a binary stream."""
    data, _pages = render_pdf(story, pen, decor, title=title, author=author)
    write_bytes(data, out)


def document(
    buffer: io.BytesIO,
    pen: Pen,
    size: tuple[float, float],
    margins: tuple[float, float, float],
    title: str,
    author: str,
) -> SimpleDocTemplate:
    """The project's PDF on ``size`` paper, written to ``buffer``; ``margins``: left and right,
    top, bottom."""
    side, top, bottom = margins
    return SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=side,
        rightMargin=side,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        creator="熟人小区",
        initialFontName=pen.fonts.primary,
        pageCompression=1,
    )


def render_pdf(
    story: list[Flowable], pen: Pen, decor: PageDecor, *, title: str, author: str
) -> tuple[bytes, int]:
    """Lay out ``story`` on A4: the PDF and its number of pages."""
    buffer = io.BytesIO()
    doc = document(buffer, pen, A4, (MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM), title, author)

    def on_page(canvas: Canvas, _doc) -> None:
        if decor.draft:
            _draft_mark(canvas, pen.fonts.primary)

    with build_lock:
        doc.build(
            story,
            onFirstPage=on_page,
            onLaterPages=on_page,
            canvasmaker=_numbered_canvas(pen, decor),
        )
    return buffer.getvalue(), doc.page


def write_bytes(data: bytes, out: Output) -> None:
    """To a binary stream, or to a path whole, with the user's usual file mode: a document is
    saved to be printed or handed on, not kept in the private data folder."""
    if hasattr(out, "write"):
        out.write(data)  # type: ignore[union-attr]
        return
    write_shared(data, Path(out))  # type: ignore[arg-type]
