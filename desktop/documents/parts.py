"""Pieces the meeting documents share: title block and the meeting's particulars."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.documents.labels import ROLE_ORDER, meeting_time, role_label
from desktop.documents.layout import Pen, plain_table
from desktop.documents.text import BoldParagraph
from desktop.domain.meetings import Meeting, Participant


def document_title(neighborhood: str, name: str) -> str:
    """阳光花园 + 协商议事会议纪要, 阳光花园 + 楼栋长月度例会签到表……"""
    return f"{neighborhood.strip()}{name}"


def title_block(
    pen: Pen, meeting: Meeting, neighborhood: str, name: str, note: str = ""
) -> list[Flowable]:
    """The neighborhood and the document's ``name`` (支部会议纪要, …), then the meeting's title."""
    s = pen.styles
    title = pen.m(neighborhood.strip(), "小区名称") + pen.m(name)
    story: list[Flowable] = [BoldParagraph(title, s.title)]
    if meeting.title.strip():
        story.append(pen.p(meeting.title, s.subtitle, "会议名称"))
    if note:
        story.append(pen.p(note, s.note))
    story.append(Spacer(1, 3 * mm))
    return story


def particulars(pen: Pen, meeting: Meeting, shown: Meeting | None = None) -> Flowable:
    """时间 / 地点 / 主持人 / 记录人, two to a line. ``shown``: the masked copy, if any."""
    shown = shown or meeting
    s = pen.styles

    def label(text: str):
        return pen.p(text, s.label)

    def value(text: str, record: str):
        return pen.p(text or "—", s.label, record)

    rows = [
        [
            label("时　间："),
            value(meeting_time(shown.starts_at), "会议时间"),
            label("地　点："),
            value(shown.place, "会议地点"),
        ],
        [
            label("主持人："),
            value(shown.host, f"主持人 {meeting.host}"),
            label("记录人："),
            value(shown.recorder, f"记录人 {meeting.recorder}"),
        ],
    ]
    return plain_table(pen, rows, (17, 68, 17, 68))


def roles_text(participant: Participant) -> str:
    """Every role of the person, once: 楼栋长、业委会."""
    return "、".join(role_label(participant, r) for r in participant.roles)


def roles_cell(pen: Pen, participant: Participant):
    """The roles in a table cell: a plain string for one role (the common, cheap case), a
    paragraph with one role a line for several (never a role broken in two)."""
    if len(participant.roles) == 1:
        return roles_text(participant)
    return pen.p(
        "、\n".join(role_label(participant, r) for r in participant.roles), pen.styles.cell_center
    )


def by_role(participants: list[Participant]) -> list[int]:
    """Indexes of ``participants`` grouped role by role (a person with several roles under
    the first), keeping the order within a role."""
    return sorted(range(len(participants)), key=lambda i: ROLE_ORDER[participants[i].role])
