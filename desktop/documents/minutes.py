"""Meeting minutes (会议纪要): the archive copy, signed on paper, and the notice-board copy.

The archive copy (存档版) has every name, a signature column in the attendance table and
signature lines for the host and the recorder. The public copy (公示版) masks residents
(see desktop/documents/masking.py) and has nothing to sign. A meeting that is not final is
printed with a “草稿” mark on every page.
"""

from collections.abc import Collection

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.labels import MINUTES_NAME, day, meeting_time, votes
from desktop.documents.layout import (
    GRID,
    Output,
    PageDecor,
    Pen,
    build_pdf,
    grid_table,
    plain_table,
)
from desktop.documents.masking import NoticeMasker
from desktop.documents.parts import (
    by_role,
    document_title,
    particulars,
    roles_cell,
    title_block,
)
from desktop.documents.text import BoldParagraph, Unprintable
from desktop.domain.dates import to_local
from desktop.domain.labels import printed_word
from desktop.domain.masking import mask_phones
from desktop.domain.meetings import Attendance, Meeting
from desktop.domain.numerals import chinese_number

PUBLIC_NOTE = "公示版：居民姓名、联系电话和门牌号已隐去部分信息"
_SHORT = 16  # characters of a title quoted in a record's description


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def minutes_title(meeting: Meeting, neighborhood: str) -> str:
    """“阳光花园协商议事会议纪要”“阳光花园支部会议纪要”“阳光花园楼栋长月度例会纪要”。"""
    return document_title(neighborhood, MINUTES_NAME[meeting.kind])


def write_minutes(
    meeting: Meeting,
    neighborhood: str,
    out: Output,
    *,
    public: bool = False,
    residents: Collection[str] = (),
    fonts: FontChain | None = None,
) -> list[Unprintable]:
    """Write the minutes as a PDF to a path or a binary stream.

    ``public`` makes the notice-board copy; ``residents``: the names of action owners who are
    people of the roster (services.people.roster_names), hidden there like residents'.
    Returns the characters no font could print, with the record they are in; the PDF is
    written all the same.
    """
    pen = Pen(fonts or font_chain())
    shown = NoticeMasker(meeting, residents).meeting(meeting) if public else meeting
    if public:  # the name is a setting, but a number typed into it would be posted too
        neighborhood = mask_phones(neighborhood)
    story = _story(pen, meeting, shown, neighborhood, public=public)
    title = minutes_title(meeting, neighborhood)
    decor = PageDecor(
        running_head=pen.unlogged(f"{title}　{meeting_time(meeting.starts_at)}"),
        edition="公示版" if public else "存档版",
        draft=not meeting.is_final,
    )
    build_pdf(story, out, pen, decor, title=title, author=neighborhood)
    return pen.log.items()


def _story(pen: Pen, meeting: Meeting, shown: Meeting, hood: str, *, public: bool):
    s = pen.styles
    story: list[Flowable] = title_block(
        pen, shown, hood, MINUTES_NAME[meeting.kind], PUBLIC_NOTE if public else ""
    )
    sections = iter(range(1, 100))

    def heading(text: str) -> None:
        # Never leave a heading alone at the foot of a page.
        story.append(CondPageBreak(30 * mm))
        story.append(BoldParagraph(pen.m(f"{chinese_number(next(sections))}、{text}"), s.heading))

    heading("会议基本情况")
    story.append(particulars(pen, meeting, shown))
    story.append(Spacer(1, 2 * mm))
    story.append(pen.p(_attendance_summary(meeting), s.label))

    heading("参会人员")
    story.append(_attendance_table(pen, meeting, shown, public=public))

    heading("议题与决议")
    if not shown.topics:
        story.append(pen.p("（本次会议未记录议题）", s.body))
    for n, (topic, orig) in enumerate(zip(shown.topics, meeting.topics, strict=True), 1):
        record = f"议题{n}‘{_short(orig.title)}’"
        story.append(CondPageBreak(25 * mm))
        title = pen.m(f"议题{chinese_number(n)}：") + pen.m(topic.title, record)
        story.append(BoldParagraph(title, s.subheading))
        if topic.discussion.strip():
            story.append(pen.labelled("讨论情况：", topic.discussion, s.item, record))
        vote_line = votes(topic.votes_for, topic.votes_against, topic.votes_abstain)
        if vote_line:
            story.append(pen.labelled("表决结果：", vote_line, s.item))
        if topic.reached_consensus:
            story.append(pen.labelled("达成共识：", topic.consensus, s.item, record))
        else:
            story.append(pen.p("未达成共识", s.body))

    if shown.actions:
        heading("会后待办事项")
        story.append(_actions_table(pen, meeting, shown))

    if meeting.is_final:
        story.append(Spacer(1, 4 * mm))
        final_day = day(to_local(meeting.finalized_at))
        story.append(pen.p(f"本纪要于{final_day}定稿。", s.body))
    if not public:
        story.append(_signatures(pen))
    if shown.amendments:
        heading("更正记录")
        for n, amendment in enumerate(shown.amendments, 1):
            record = f"更正{n}（{day(amendment.made_on)}）"
            story.append(
                pen.labelled(f"{day(amendment.made_on)}更正：", amendment.text, s.body, record)
            )
    if public:
        story.append(Spacer(1, 10 * mm))
        story.append(pen.p("公示日期：　　　　年　　月　　日", s.right))
    return story


def _attendance_summary(meeting: Meeting) -> str:
    invited = len(meeting.participants)
    counts = {a: sum(p.attendance is a for p in meeting.participants) for a in Attendance}
    if invited and counts[Attendance.UNKNOWN] == invited:
        return f"应到 {invited} 人，出席情况未登记。"
    text = (
        f"应到 {invited} 人，实到 {counts[Attendance.PRESENT]} 人，"
        f"请假 {counts[Attendance.EXCUSED]} 人，缺席 {counts[Attendance.ABSENT]} 人"
    )
    if counts[Attendance.UNKNOWN]:
        text += f"，未登记 {counts[Attendance.UNKNOWN]} 人"
    return text + "。"


def _attendance_table(pen: Pen, meeting: Meeting, shown: Meeting, *, public: bool):
    s = pen.styles
    heads = ["角色", "姓名", "单位", "出席情况"] + ([] if public else ["签名"])
    widths = (28, 36, 74, 32) if public else (22, 30, 56, 22, 40)
    rows: list[list] = [[pen.p(h, s.head) for h in heads]]
    for i in by_role(shown.participants):
        p, orig = shown.participants[i], meeting.participants[i]
        record = f"参会人 {orig.name}"
        row = [
            roles_cell(pen, orig),
            pen.p(p.name, s.cell_center, record),
            pen.p(p.organization, s.cell, record),
            printed_word(p.attendance),
        ]
        if not public:
            row.append("")  # signed on paper
        rows.append(row)
    if len(rows) == 1:
        rows.append([pen.p("（未登记参会人员）", s.cell_center)] + [""] * (len(heads) - 1))
        return grid_table(pen, rows, widths, extra=[("SPAN", (0, 1), (-1, 1))])
    # Room for a signature: rows at least 9 mm high in the archive copy.
    return grid_table(pen, rows, widths, padding=4 if public else 6.5, centered=(0, 3))


def _actions_table(pen: Pen, meeting: Meeting, shown: Meeting):
    s = pen.styles
    rows: list[list] = [[pen.p(h, s.head) for h in ("序号", "事项", "负责人", "完成期限", "状态")]]
    for n, (a, orig) in enumerate(zip(shown.actions, meeting.actions, strict=True), 1):
        record = f"待办事项{n}‘{_short(orig.what)}’"
        rows.append(
            [
                str(n),
                pen.p(a.what, s.cell, record),
                pen.p(a.owner, s.cell_center, record),
                day(a.due_on) or "—",
                printed_word(a.status),
            ]
        )
    return grid_table(pen, rows, (12, 80, 28, 30, 20), centered=(0, 3, 4))


def _signatures(pen: Pen) -> Flowable:
    s = pen.styles
    label = pen.styles.label.clone("sign", alignment=TA_RIGHT)
    rules = [
        ("LINEBELOW", (1, 0), (1, -1), 0.6, GRID),
        ("LINEBELOW", (4, 0), (4, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 14),
    ]
    rows = [
        [pen.p("主持人（签名）：", label), "", "", pen.p("记录人（签名）：", label), ""],
        [
            pen.p("日期：", label),
            pen.p("年　　月　　日", s.right),
            "",
            pen.p("日期：", label),
            pen.p("年　　月　　日", s.right),
        ],
    ]
    return KeepTogether([Spacer(1, 8 * mm), plain_table(pen, rows, (33, 45, 14, 33, 45), rules)])
