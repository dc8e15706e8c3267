"""The sign-in sheet (签到表) laid out at the door: invited participants role by role, each with
room to sign and note the time, and blank rows for people who come without an invitation."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.labels import meeting_time
from desktop.documents.layout import GRID, Output, PageDecor, Pen, build_pdf, grid_table
from desktop.documents.parts import (
    by_role,
    document_title,
    particulars,
    roles_cell,
    title_block,
)
from desktop.documents.text import Unprintable
from desktop.domain.meetings import Meeting

WALK_IN_ROWS = 10
WIDTHS = (11, 22, 30, 53, 34, 20)  # 序号 角色 姓名 单位 签名 到会时间: 170 mm


def signin_title(meeting: Meeting, neighborhood: str) -> str:
    return document_title(meeting, neighborhood, "签到表")


def write_signin_sheet(
    meeting: Meeting, neighborhood: str, out: Output, *, fonts: FontChain | None = None
) -> list[Unprintable]:
    """Write the sign-in sheet as a PDF to a path or a binary stream.

    Returns the characters no font could print, with the record they are in.
    """
    pen = Pen(fonts or font_chain())
    s = pen.styles
    story: list[Flowable] = title_block(pen, meeting, neighborhood, "签到表")
    story.append(particulars(pen, meeting))
    story.append(Spacer(1, 3 * mm))
    story.append(_table(pen, meeting))
    invited = len(meeting.participants)
    summary = f"应到 {invited} 人，实到＿＿＿＿人。　　　　记录人（签名）：＿＿＿＿＿＿＿＿"
    story.append(KeepTogether([Spacer(1, 4 * mm), pen.p(summary, s.label)]))
    title = signin_title(meeting, neighborhood)
    decor = PageDecor(running_head=pen.unlogged(f"{title}　{meeting_time(meeting.starts_at)}"))
    build_pdf(story, out, pen, decor, title=title, author=neighborhood)
    return pen.log.items()


def _table(pen: Pen, meeting: Meeting):
    s = pen.styles
    heads = ("序号", "角色", "姓名", "单位", "签名", "到会时间")
    rows: list[list] = [[pen.p(h, s.head) for h in heads]]
    group_ends: list[int] = []
    order = by_role(meeting.participants)
    for n, i in enumerate(order, 1):
        p = meeting.participants[i]
        record = f"参会人 {p.name}"
        rows.append([
            str(n),
            roles_cell(pen, p),
            pen.p(p.name, s.cell_center, record),
            pen.p(p.organization, s.cell, record),
            "",
            "",
        ])  # fmt: skip
        following = order[n] if n < len(order) else None
        if following is not None and meeting.participants[following].role is not p.role:
            group_ends.append(n)
    first = len(order) + 1
    rows += [[str(n), "", "", "", "", ""] for n in range(first, first + WALK_IN_ROWS)]
    # A heavier rule between roles, and between the invited and the walk-in rows.
    rules = [("LINEBELOW", (0, r), (-1, r), 1.5, GRID) for r in [*group_ends, len(order)] if r]
    return grid_table(pen, rows, WIDTHS, padding=6.5, centered=(0, 1, 5), extra=rules)
