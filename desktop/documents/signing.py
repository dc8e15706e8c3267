"""The households' signing sheet (住户签署表) carried door to door with a compact: every household
of the roster by building, unit and room, room for the head of the household to sign and date,
and blank rows for households the roster does not list yet."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.documents.compact import compact_title, version_name
from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.layout import Output, PageDecor, Pen, build_pdf, grid_table
from desktop.documents.text import BoldParagraph, Unprintable
from desktop.domain.compacts import CompactVersion

BLANK_ROWS = 10
WIDTHS = (12, 30, 20, 24, 54, 30)  # 序号 楼栋 单元 房号 户主签字 日期: 170 mm
_PLAIN_MAX = 8  # characters a cell prints as a plain string (no wrapping, much cheaper)


def signing_title(version: CompactVersion) -> str:
    return f"《{compact_title(version)}》住户签署表"


def write_signing_sheet(
    version: CompactVersion,
    branch: str,
    households: list[tuple[str, str, str]],
    out: Output,
    *,
    fonts: FontChain | None = None,
) -> list[Unprintable]:
    """Write the signing sheet as a PDF to a path or a binary stream.

    ``households``: (楼栋, 单元, 房号), in the order to print. Returns the characters no font
    could print, with the record they are in.
    """
    pen = Pen(fonts or font_chain())
    s = pen.styles
    title = pen.m("《") + pen.m(compact_title(version), "公约标题") + pen.m("》住户签署表")
    story: list[Flowable] = [
        BoldParagraph(title, s.title),
        pen.labelled(f"{version_name(version)}　", branch.strip(), s.note, "支部名称"),
        Spacer(1, 3 * mm),
        pen.p(
            "请户主阅读公约全文后，在本户一栏签字并注明日期，表示本户知晓并愿意遵守本公约。"
            "名单中没有的住户，请在表末空行填写楼栋、单元和房号后签字。",
            s.body,
        ),
        Spacer(1, 3 * mm),
        _table(pen, households),
        Spacer(1, 5 * mm),
        pen.p(f"共 {len(households)} 户。　　　　收集人（签名）：＿＿＿＿＿＿＿＿", s.label),
    ]
    plain_title = signing_title(version)
    decor = PageDecor(running_head=pen.unlogged(plain_title), draft=version.is_draft)
    build_pdf(story, out, pen, decor, title=plain_title, author=branch)
    return pen.log.items()


def _table(pen: Pen, households: list[tuple[str, str, str]]):
    s = pen.styles
    primary = pen.fonts.faces[0]

    def cell(text: str, record: str):
        # Most addresses are a few common characters: a plain string, drawn in the first face.
        if len(text) <= _PLAIN_MAX and all(primary.covers(c) and c.isprintable() for c in text):
            return text
        return pen.p(text, s.cell_center, record)

    heads = ("序号", "楼栋", "单元", "房号", "户主签字", "日期")
    rows: list[list] = [[pen.p(h, s.head) for h in heads]]
    for n, (building, unit, room) in enumerate(households, 1):
        record = f"住户 {building}{unit}{room}"
        rows.append([str(n), cell(building, record), cell(unit, record), cell(room, record),
                     "", ""])  # fmt: skip
    first = len(households) + 1
    rows += [[str(n), "", "", "", "", ""] for n in range(first, first + BLANK_ROWS)]
    return grid_table(pen, rows, WIDTHS, padding=6.5, centered=(0, 1, 2, 3, 5))
