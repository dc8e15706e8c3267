"""The neighborhood compact (邻里公约) as a formal notice, and two versions side by side.

The notice is posted on the board: A4, or an A3 poster whose type is scaled up so that it
reads from a distance. Articles hang their number (第一条 …, from ``CompactVersion.numbered``,
never typed) in a left column with the text wrapped beside it. An adopted version ends with
the adoption statement and the branch's name and date, with room for the seal; a draft
carries a “草案” mark on every page.
"""

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from desktop.documents.fonts import FontChain, build_lock, font_chain
from desktop.documents.layout import (
    GREY,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    Output,
    PageKeepingCanvas,
    Pen,
    document,
    grid_table,
    write_bytes,
)
from desktop.documents.text import BoldParagraph, CJKParagraph, Unprintable
from desktop.domain.compacts import Adoption, ArticleChange, ChangeKind, CompactVersion
from desktop.domain.dates import format_date

# Paper and how much the type grows on it: A3 is √2 times A4 each way, so the poster keeps
# the A4 layout line for line, only larger.
PAPERS = {"A4": (A4, 1.0), "A3": (A3, 1.41)}
SEAL_ROOM = 40 * mm  # a round seal is 40–42 mm across
DRAFT_MARK = "草案"
CHANGE_LABEL = {
    ChangeKind.ADDED: "新增",
    ChangeKind.REMOVED: "删除",
    ChangeKind.CHANGED: "修改",
    ChangeKind.SAME: "未变",
}
CHANGED_FILL = colors.Color(0.86, 0.86, 0.86)


def compact_title(version: CompactVersion) -> str:
    return version.title.strip() or "邻里公约"


def adoption_statement(adoption: Adoption) -> str:
    """“本公约经2026年11月25日小区协商议事会表决通过，自公布之日起施行。” and the vote."""
    text = f"本公约经{format_date(adoption.adopted_on)}小区协商议事会表决通过，自公布之日起施行。"
    a = adoption
    parts = []
    if a.votes_for or a.votes_against or a.votes_abstain:
        parts.append(f"同意 {a.votes_for} 票，反对 {a.votes_against} 票，弃权 {a.votes_abstain} 票")
    if a.households:
        parts.append(f"代表 {a.households} 户")
    if parts:
        text += f"表决结果：{'，'.join(parts)}。"
    return text


# -- page ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sheet:
    """Paper, type scale and what is drawn on every page."""

    size: tuple[float, float]
    scale: float = 1.0
    draft: bool = False
    footer_always: bool = False  # 第 N 页 共 M 页 even on a single page

    @property
    def margin_x(self) -> float:
        return MARGIN_X * self.scale

    @property
    def content_width(self) -> float:
        """What the frame leaves for a flowable (it pads 6 pt on either side)."""
        return self.size[0] - 2 * self.margin_x - 12


def _canvas(font: str, sheet: Sheet) -> type[Canvas]:
    """A canvas that knows the page count: 第 N 页 共 M 页 when there is more than one page."""
    width = sheet.size[0]
    k = sheet.scale

    class NumberedCanvas(PageKeepingCanvas):
        def finish_page(self) -> None:
            total = len(self._pages)
            if total > 1 or sheet.footer_always:
                self.saveState()
                self.setFillColor(GREY)
                self.setFont(font, 9 * k)
                text = f"第 {self._pageNumber} 页 共 {total} 页"
                self.drawCentredString(width / 2, 12 * mm * k, text)
                self.restoreState()

    return NumberedCanvas


def _draft_mark(canvas: Canvas, font: str, sheet: Sheet) -> None:
    """“草案” across the page under the text, and boxed at the top right."""
    width, height = sheet.size
    k = sheet.scale
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.5, 0.5, 0.5, alpha=0.18))
    canvas.setFont(font, 170 * k)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -60 * k, DRAFT_MARK)
    canvas.restoreState()
    canvas.saveState()
    label = "草案 · 未经表决"
    size = 10 * k
    canvas.setFont(font, size)
    box = canvas.stringWidth(label, font, size) + 8 * k
    x, y = width - sheet.margin_x - box, height - 12 * mm * k
    canvas.setLineWidth(0.8 * k)
    canvas.rect(x, y - 3 * k, box, 15 * k)
    canvas.drawString(x + 4 * k, y + 1 * k, label)
    canvas.restoreState()


def build_sheet(
    story: list[Flowable], out: Output, pen: Pen, sheet: Sheet, *, title: str, author: str
) -> None:
    """Lay out ``story`` on ``sheet`` and write the PDF to a path (atomically) or a stream."""
    buffer = io.BytesIO()
    k = sheet.scale
    margins = (sheet.margin_x, MARGIN_TOP * k, MARGIN_BOTTOM * k)
    doc = document(buffer, pen, sheet.size, margins, title, author)

    def on_page(canvas: Canvas, _doc) -> None:
        if sheet.draft:
            _draft_mark(canvas, pen.fonts.primary, sheet)

    with build_lock:
        doc.build(
            story,
            onFirstPage=on_page,
            onLaterPages=on_page,
            canvasmaker=_canvas(pen.fonts.primary, sheet),
        )
    write_bytes(buffer.getvalue(), out)


# -- the notice ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _NoticeStyles:
    title: ParagraphStyle
    chapter: ParagraphStyle
    body: ParagraphStyle  # preamble, closing, adoption: first line indented two characters
    number: ParagraphStyle
    article: ParagraphStyle
    sign: ParagraphStyle


def _notice_styles(pen: Pen, k: float) -> _NoticeStyles:
    base = pen.styles.body

    def style(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, fontSize=size * k, leading=leading * k, **kw)

    return _NoticeStyles(
        title=style("c_title", 22, 32, alignment=TA_CENTER, spaceAfter=14 * k),
        chapter=style(
            "c_chapter", 14, 22, alignment=TA_CENTER, spaceBefore=10 * k, spaceAfter=6 * k
        ),
        body=style("c_body", 12.5, 22, firstLineIndent=25 * k, spaceAfter=6 * k),
        number=style("c_number", 12.5, 22, hangPunctuation=False),
        article=style("c_article", 12.5, 22),
        sign=style("c_sign", 13, 24, alignment=TA_CENTER, hangPunctuation=False),
    )


def write_compact(
    version: CompactVersion,
    branch: str,
    out: Output,
    *,
    paper: str = "A4",
    draft_mark: bool | None = None,
    fonts: FontChain | None = None,
) -> list[Unprintable]:
    """Write the compact as a notice (A4, or an A3 poster) to a path or a binary stream.

    ``branch`` signs it (翠竹苑小区党支部). ``draft_mark``: the “草案” mark on every page;
    by default when the version is not adopted. Returns the characters no font could print.
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}: {paper!r}")
    size, k = PAPERS[paper]
    pen = Pen(fonts or font_chain())
    sheet = Sheet(size, k, draft=version.is_draft if draft_mark is None else draft_mark)
    story = _notice(pen, version, branch, sheet)
    build_sheet(story, out, pen, sheet, title=compact_title(version), author=branch)
    return pen.log.items()


def _notice(pen: Pen, version: CompactVersion, branch: str, sheet: Sheet) -> list[Flowable]:
    k = sheet.scale
    s = _notice_styles(pen, k)
    story: list[Flowable] = [pen.bold(compact_title(version), s.title, "公约标题")]
    if version.preamble.strip():
        story += _paragraphs(pen, version.preamble, s.body, "序言")
    numbered = version.numbered()
    label_width = (
        max(
            (
                stringWidth(label, pen.fonts.primary, s.number.fontSize)
                for _h, label, _t in numbered
            ),
            default=0,
        )
        + s.number.fontSize
    )
    widths = [label_width, sheet.content_width - label_width]
    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * k),
        ]
    )
    chapter = None
    for heading, label, text in numbered:
        if heading is not None and heading != chapter:
            chapter = heading
            story.append(CondPageBreak(40 * mm * k))  # never a heading alone at the foot
            story.append(pen.bold(heading, s.chapter, f"章标题 {heading.split('　')[0]}"))
        row = [[BoldParagraph(pen.m(label), s.number), pen.p(text, s.article, label)]]
        table = Table(row, colWidths=widths, splitInRow=1, hAlign="LEFT")
        table.setStyle(table_style)
        story.append(table)
    if version.closing.strip():
        story.append(Spacer(1, 4 * k))
        story += _paragraphs(pen, version.closing, s.body, "结语")
    story.append(_signature(pen, version, branch, s, sheet))
    return story


def _paragraphs(pen: Pen, text: str, style: ParagraphStyle, record: str) -> list[Flowable]:
    """Each paragraph of ``text`` with its own first-line indent."""
    return [pen.p(part, style, record) for part in text.split("\n") if part.strip()]


def _signature(
    pen: Pen, version: CompactVersion, branch: str, s: _NoticeStyles, sheet: Sheet
) -> Flowable:
    """The adoption statement, then the branch and the date at the right, room for the seal."""
    k = sheet.scale
    a = version.adoption
    if a is not None:
        statement = pen.p(adoption_statement(a), s.body)
        when = format_date(a.adopted_on)
    else:
        statement = pen.p("（本公约为草案，尚未经小区协商议事会表决通过。）", s.body)
        when = "　　年　　月　　日"
    name = pen.p(branch.strip(), s.sign, "支部名称")
    width = max(60 * mm * k, stringWidth(branch.strip(), pen.fonts.primary, s.sign.fontSize) + 8)
    width = min(width, sheet.content_width)
    block = Table(
        [[""], [name], [pen.p(when, s.sign)]],
        colWidths=[width],
        rowHeights=[SEAL_ROOM * k / 2, None, None],  # with the two lines: about 40 mm
        hAlign="RIGHT",
    )
    block.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * k),
            ]
        )
    )
    # The seal goes over the name and the date; the blank above and below gives it room.
    return KeepTogether([Spacer(1, 6 * k), statement, block])


# -- two versions side by side ---------------------------------------------------------------
COMPARISON_WIDTHS = (112, 112, 28)  # 旧 | 新 | 变化: A4 landscape less margins and padding


def version_name(version: CompactVersion) -> str:
    """第2版（2026年11月25日通过） or 第3版（草案）."""
    if version.adoption is None:
        return f"第{version.number}版（草案）"
    return f"第{version.number}版（{format_date(version.adoption.adopted_on)}通过）"


def write_comparison(
    old: CompactVersion,
    new: CompactVersion,
    changes: list[ArticleChange],
    out: Output,
    *,
    fonts: FontChain | None = None,
) -> list[Unprintable]:
    """Old and new articles side by side on A4 landscape, changed rows on a grey ground."""
    pen = Pen(fonts or font_chain())
    s = pen.styles
    title = f"《{compact_title(new)}》修订对照表"
    story: list[Flowable] = [
        BoldParagraph(
            pen.m("《") + pen.m(compact_title(new), "公约标题") + pen.m("》修订对照表"), s.title
        ),
        pen.p(f"旧版本：{version_name(old)}　　新版本：{version_name(new)}", s.note),
    ]
    counts = {kind: sum(1 for c in changes if c.kind is kind) for kind in ChangeKind}
    summary = "，".join(f"{CHANGE_LABEL[kind]} {counts[kind]} 条" for kind in ChangeKind)
    story += [pen.p(summary, s.note), Spacer(1, 4 * mm)]
    story.append(_comparison_table(pen, old, new, changes))
    sheet = Sheet(landscape(A4), footer_always=False)
    build_sheet(story, out, pen, sheet, title=title, author="熟人小区")
    return pen.log.items()


def _comparison_table(
    pen: Pen, old: CompactVersion, new: CompactVersion, changes: list[ArticleChange]
) -> Table:
    s = pen.styles

    def cell(label: str | None, text: str | None, which: str):
        if label is None:
            return ""
        body = pen.m(label) + "　" + pen.m(text, f"{which}{label}")
        return CJKParagraph(body, s.cell)

    rows: list[list] = [
        [
            pen.p(f"旧版本　第{old.number}版", s.head),
            pen.p(f"新版本　第{new.number}版", s.head),
            pen.p("变化", s.head),
        ]
    ]
    marked: list[tuple] = []
    for n, change in enumerate(changes, 1):
        rows.append(
            [
                cell(change.old_label, change.old_text, "旧版本"),
                cell(change.new_label, change.new_text, "新版本"),
                CHANGE_LABEL[change.kind],
            ]
        )
        if change.kind is not ChangeKind.SAME:
            marked.append(("BACKGROUND", (0, n), (-1, n), CHANGED_FILL))
    extra = [("VALIGN", (0, 1), (1, -1), "TOP"), *marked]
    return grid_table(pen, rows, COMPARISON_WIDTHS, centered=(2,), extra=extra)
