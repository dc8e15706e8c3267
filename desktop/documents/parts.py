"""Pieces the meeting documents share: title block and the meeting's particulars."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.documents.labels import MEETING_KIND, ROLE_ORDER, meeting_time
from desktop.documents.layout import Pen, plain_table
from desktop.documents.text import BoldParagraph
from desktop.domain.meetings import Meeting, Participant


def document_title(meeting: Meeting, neighborhood: str, suffix: str) -> str:
    """阳光花园协商议事会会议纪要, 阳光花园楼栋长月度例会签到表……"""
    return f"{neighborhood.strip()}{MEETING_KIND[meeting.kind]}{suffix}"


def title_block(
    pen: Pen, meeting: Meeting, neighborhood: str, suffix: str, note: str = ""
) -> list[Flowable]:
    s = pen.styles
    title = pen.m(neighborhood.strip(), "小区名称") + pen.m(MEETING_KIND[meeting.kind] + suffix)
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
        [label("时　间："), value(meeting_time(shown.starts_at), "会议时间"),
         label("地　点："), value(shown.place, "会议地点")],
        [label("主持人："), value(shown.host, f"主持人 {meeting.host}"),
         label("记录人："), value(shown.recorder, f"记录人 {meeting.recorder}")],
    ]  # fmt: skip
    return plain_table(pen, rows, (17, 68, 17, 68))


def by_role(participants: list[Participant]) -> list[int]:
    """Indexes of ``participants`` grouped role by role, keeping the order within a role."""
    return sorted(range(len(participants)), key=lambda i: ROLE_ORDER[participants[i].role])
