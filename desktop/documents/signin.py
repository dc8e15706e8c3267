"""The sign-in sheet (签到表) laid out at the door: invited participants role by role, each with
room to sign and note the time, and blank rows for people who come without an invitation."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.labels import MEETING_KIND, meeting_time, participant_role
from desktop.documents.layout import (
    GRID,
    PAGE_HEIGHT,
    Output,
    PageDecor,
    Pen,
    grid_table,
    render_pdf,
    write_bytes,
)
from desktop.documents.parts import by_role, document_title, particulars, title_block
from desktop.documents.text import Unprintable
from desktop.domain.meetings import Meeting

WALK_IN_ROWS = 10  # blank rows for people who come without an invitation, at most
FEWEST_WALK_INS = 3  # … and at least
HEADS = ("序号", "角色", "姓名", "单位", "签名", "到会时间")
WIDTHS = (11, 22, 30, 53, 34, 20)  # mm: 170
# Cell padding (points) of a row to sign in: 9.5 mm rows, or 8 mm — still room for a
# signature — when that is what keeps the sheet on one page.
ROOMY, SNUG = 6.5, 4.5


def signin_name(meeting: Meeting) -> str:
    return f"{MEETING_KIND[meeting.kind]}签到表"


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

    def render(padding: float) -> tuple[bytes, int]:
        story = _story(pen, meeting, neighborhood, padding)
        return render_pdf(story, pen, decor, title=title, author=neighborhood)

    data, pages = render(ROOMY)
    if pages > 1:
        snug, snug_pages = render(SNUG)
        if snug_pages < pages:
            data = snug
    write_bytes(data, out)
    return pen.log.items()


def _story(pen: Pen, meeting: Meeting, neighborhood: str, padding: float) -> list[Flowable]:
    story: list[Flowable] = title_block(pen, meeting, neighborhood, signin_name(meeting))
    story.append(particulars(pen, meeting))
    story.append(Spacer(1, 3 * mm))
    story.append(_invited(pen, meeting, padding))
    invited = len(meeting.participants)
    summary = f"应到 {invited} 人，实到＿＿＿＿人。　　　　记录人（签名）：＿＿＿＿＿＿＿＿"
    story.append(
        _WalkIns(pen, invited + 1, padding, [Spacer(1, 4 * mm), pen.p(summary, pen.styles.label)])
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
        rows.append([
            str(n),
            participant_role(p),
            pen.p(p.name, s.cell_center, record),
            pen.p(p.organization, s.cell, record),
            "",
            "",
        ])  # fmt: skip
        following = order[n] if n < len(order) else None
        if following is not None and meeting.participants[following].role is not p.role:
            group_ends.append(n)
    # A heavier rule between roles, and under the invited (the walk-in rows follow).
    rules = [("LINEBELOW", (0, r), (-1, r), 1.5, GRID) for r in [*group_ends, len(order)] if r]
    return grid_table(pen, rows, WIDTHS, padding=padding, centered=(0, 1, 5), extra=rules)


class _WalkIns(Flowable):
    """The blank rows for people who come without an invitation, and what follows them.

    As many rows as the page has room for, from FEWEST_WALK_INS to WALK_IN_ROWS, so that a
    sheet that can be one page is. When not even the fewest fit, WALK_IN_ROWS of them start
    the next page, under the column heads (write_signin_sheet then tries lower rows).
    """

    def __init__(self, pen: Pen, first: int, padding: float, after: list[Flowable]) -> None:
        super().__init__()
        self.pen, self.first, self.padding, self.after = pen, first, padding, after
        self.moved = False  # to the top of the next page
        self.parts: list[tuple[Flowable, float]] = []

    def _layout(self, rows: int, width: float) -> float:
        s = self.pen.styles
        heads = [[self.pen.p(h, s.head) for h in HEADS]] if self.moved else []
        numbers = range(self.first, self.first + rows)
        table = grid_table(self.pen, heads + [[str(n), "", "", "", "", ""] for n in numbers],
                           WIDTHS, header=self.moved, padding=self.padding,
                           centered=(0,))  # fmt: skip
        self.parts = [(f, f.wrap(width, PAGE_HEIGHT)[1]) for f in [table, *self.after]]
        return sum(h for _f, h in self.parts)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        counts = (WALK_IN_ROWS,) if self.moved else range(WALK_IN_ROWS, FEWEST_WALK_INS - 1, -1)
        for rows in counts:
            self.height = self._layout(rows, avail_width)
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
