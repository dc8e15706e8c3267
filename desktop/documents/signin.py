"""The sign-in sheet (签到表) laid out at the door: invited participants role by role, each with
room to sign and note the time, and blank rows for people who come without an invitation."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.labels import meeting_time
from desktop.documents.layout import (
    GRID,
    BlankRows,
    Output,
    PageDecor,
    Pen,
    build_pdf,
    grid_table,
    render_pdf,
    row_padding,
)
from desktop.documents.parts import by_role, document_title, particulars, roles_cell, title_block
from desktop.documents.text import Unprintable
from desktop.domain.labels import printed_word
from desktop.domain.meetings import Meeting

WALK_IN_ROWS = 10  # blank rows for people who come without an invitation, at most
FEWEST_WALK_INS = 3  # … and at least
HEADS = ("序号", "角色", "姓名", "单位", "签名", "到会时间")
WIDTHS = (11, 22, 30, 53, 34, 20)  # mm: 170


def signin_name(meeting: Meeting) -> str:
    return f"{printed_word(meeting.kind)}签到表"


def signin_title(meeting: Meeting, neighborhood: str) -> str:
    return document_title(neighborhood, signin_name(meeting))


def write_signin_sheet(
    meeting: Meeting, neighborhood: str, out: Output, *, fonts: FontChain | None = None
) -> list[Unprintable]:
    """Write the sign-in sheet as a PDF to a path or a binary stream.

    Rows 9.5 mm high, or 8 mm when that saves a page: one page whenever the invited and a few
    blank rows fit on one. Returns the characters no font could print, with the record they
    are in.
    """
    pen = Pen(fonts or font_chain())
    title = signin_title(meeting, neighborhood)
    decor = PageDecor(running_head=pen.unlogged(f"{title}　{meeting_time(meeting.starts_at)}"))

    def story(padding: float) -> list[Flowable]:
        return _story(pen, meeting, neighborhood, padding)

    def pages(flowables: list[Flowable]) -> int:
        return render_pdf(flowables, pen, decor, title=title, author=neighborhood)[1]

    build_pdf(story(row_padding(story, pages)), out, pen, decor, title=title, author=neighborhood)
    return pen.log.items()


def _story(pen: Pen, meeting: Meeting, neighborhood: str, padding: float) -> list[Flowable]:
    story: list[Flowable] = title_block(pen, meeting, neighborhood, signin_name(meeting))
    story.append(particulars(pen, meeting))
    story.append(Spacer(1, 3 * mm))
    story.append(_invited(pen, meeting, padding))
    invited = len(meeting.participants)
    summary = f"应到 {invited} 人，实到＿＿＿＿人。　　　　记录人（签名）：＿＿＿＿＿＿＿＿"
    after = [Spacer(1, 4 * mm), pen.p(summary, pen.styles.label)]
    # Rows for people who come without an invitation: as many as fill the page, 3 to 10.
    blank = lambda n: [str(invited + 1 + n), "", "", "", "", ""]  # noqa: E731
    story.append(
        BlankRows(
            pen,
            HEADS,
            WIDTHS,
            blank,
            (FEWEST_WALK_INS, WALK_IN_ROWS),
            after,
            padding=padding,
            centered=(0,),
        )
    )
    return story


def _invited(pen: Pen, meeting: Meeting, padding: float):
    s = pen.styles
    rows: list[list] = [[pen.p(h, s.head) for h in HEADS]]
    group_ends: list[int] = []
    order = by_role(meeting.participants)
    for n, i in enumerate(order, 1):
        p = meeting.participants[i]
        record = f"参会人 {p.name}"
        rows.append(
            [
                str(n),
                roles_cell(pen, p),
                pen.p(p.name, s.cell_center, record),
                pen.p(p.organization, s.cell, record),
                "",
                "",
            ]
        )
        following = order[n] if n < len(order) else None
        if following is not None and meeting.participants[following].role is not p.role:
            group_ends.append(n)
    # A heavier rule between roles, and under the invited (the walk-in rows follow).
    rules = [("LINEBELOW", (0, r), (-1, r), 1.5, GRID) for r in [*group_ends, len(order)] if r]
    return grid_table(pen, rows, WIDTHS, padding=padding, centered=(0, 1, 5), extra=rules)
