"""The households' signing sheet (住户签署表) carried door to door with a compact.

One part per building, each starting on a new page with the title, so that each building's
pages can be handed to its 楼栋长: every household of the roster in that building by unit and
room, room for the head of the household to sign and date, and blank rows for households the
roster does not list yet. Pages are numbered within the building, whose name every page
carries."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.documents.compact import compact_title, version_name
from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.layout import (
    BlankRows,
    Output,
    PageDecor,
    Pen,
    SectionStart,
    build_pdf,
    grid_table,
    render_pdf,
    row_padding,
)
from desktop.documents.text import BoldParagraph, CJKParagraph, Unprintable
from desktop.domain.compacts import CompactVersion

BLANK_ROWS = 10  # blank rows after a building's households, at most
FEWEST_BLANK_ROWS = 3  # … and at least: as many as fill its last page
HEADS = ("序号", "楼栋", "单元", "房号", "户主签字", "日期")
WIDTHS = (12, 30, 20, 24, 54, 30)  # mm: 170
_PLAIN_MAX = 8  # characters a cell prints as a plain string (no wrapping, much cheaper)


def signing_title(version: CompactVersion) -> str:
    return f"《{compact_title(version)}》住户签署表"


def by_building(households: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, str]]]:
    """(单元, 房号) of each building, buildings in the order they first come."""
    buildings: dict[str, list[tuple[str, str]]] = {}
    for building, unit, room in households:
        buildings.setdefault(building, []).append((unit, room))
    return buildings


def write_signing_sheet(
    version: CompactVersion,
    branch: str,
    households: list[tuple[str, str, str]],
    out: Output,
    *,
    fonts: FontChain | None = None,
) -> list[Unprintable]:
    """Write the signing sheet as a PDF to a path or a binary stream.

    ``households``: (楼栋, 单元, 房号), in the order to print; each building starts a new
    page. Returns the characters no font could print, with the record they are in.
    """
    pen = Pen(fonts or font_chain())
    plain_title = signing_title(version)
    decor = PageDecor(running_head=pen.unlogged(plain_title), draft=version.is_draft)

    def pages(story: list[Flowable]) -> int:
        return render_pdf(story, pen, decor, title=plain_title, author=branch)[1]

    story: list[Flowable] = []
    for n, (building, homes) in enumerate((by_building(households) or {"": []}).items()):
        if n:
            story.append(PageBreak())

        def part(padding: float, building=building, homes=homes) -> list[Flowable]:
            return _building(pen, version, branch, building, homes, padding)

        story += part(row_padding(part, pages))
    build_pdf(story, out, pen, decor, title=plain_title, author=branch)
    return pen.log.items()


def _building(
    pen: Pen,
    version: CompactVersion,
    branch: str,
    building: str,
    homes: list[tuple[str, str]],
    padding: float,
) -> list[Flowable]:
    s = pen.styles
    title = pen.m("《") + pen.m(compact_title(version), "公约标题") + pen.m("》住户签署表")
    story: list[Flowable] = []
    if building:
        story.append(SectionStart(building, pen.unlogged(building)))
    story += [
        BoldParagraph(title, s.title),
        # The building's characters are reported with its households, not again.
        BoldParagraph(pen.unlogged(building), s.subtitle) if building else Spacer(1, 1),
        pen.labelled(f"{version_name(version)}　", branch.strip(), s.note, "支部名称"),
        Spacer(1, 3 * mm),
        pen.p(
            "请户主阅读公约全文后，在本户一栏签字并注明日期，表示本户知晓并愿意遵守本公约。"
            "名单中没有的住户，请在表末空行填写单元和房号后签字。",
            s.body,
        ),
        Spacer(1, 3 * mm),
        _table(pen, building, homes, padding),
    ]
    total = f"本栋共 {len(homes)} 户。" if building else f"共 {len(homes)} 户。"
    after = [Spacer(1, 5 * mm), pen.p(f"{total}　　　　收集人（签名）：＿＿＿＿＿＿＿＿", s.label)]
    first = len(homes) + 1
    blank = lambda n: [str(first + n), _cell(pen, building), "", "", "", ""]  # noqa: E731
    story.append(
        BlankRows(
            pen,
            HEADS,
            WIDTHS,
            blank,
            (FEWEST_BLANK_ROWS, BLANK_ROWS),
            after,
            padding=padding,
            centered=(0, 1, 2, 3, 5),
        )
    )
    return story


def _cell(pen: Pen, text: str, record: str = ""):
    """``record``: where an unprintable character is reported; none: already reported."""
    # Most addresses are a few common characters: a plain string, drawn in the first face.
    primary = pen.fonts.faces[0]
    if len(text) <= _PLAIN_MAX and all(primary.covers(c) and c.isprintable() for c in text):
        return text
    if not record:
        return CJKParagraph(pen.unlogged(text), pen.styles.cell_center)
    return pen.p(text, pen.styles.cell_center, record)


def _table(pen: Pen, building: str, homes: list[tuple[str, str]], padding: float):
    rows: list[list] = [[pen.p(h, pen.styles.head) for h in HEADS]]
    for n, (unit, room) in enumerate(homes, 1):
        record = f"住户 {building}{unit}{room}"
        rows.append(
            [
                str(n),
                _cell(pen, building, record),
                _cell(pen, unit, record),
                _cell(pen, room, record),
                "",
                "",
            ]
        )
    return grid_table(pen, rows, WIDTHS, padding=padding, centered=(0, 1, 2, 3, 5))
