"""Chinese words printed on paper for the domain's enums, and Chinese numerals.

Paper is always Chinese, whatever language the window uses, so these are plain strings
(no Qt translation here: nothing in desktop/documents imports Qt).
"""

import re
from datetime import date, datetime

from desktop.domain.dates import format_date
from desktop.domain.meetings import (
    ActionStatus,
    Attendance,
    MeetingKind,
    Participant,
    ParticipantRole,
)

MEETING_KIND = {
    MeetingKind.DELIBERATION: "协商议事会",
    MeetingKind.BUILDING_LEADERS: "楼栋长月度例会",
    MeetingKind.BRANCH: "支部会议",
}
# What the minutes of each kind are called: “协商议事会”+“会议纪要” would say 会 twice.
MINUTES_NAME = {
    MeetingKind.DELIBERATION: "协商议事会议纪要",
    MeetingKind.BUILDING_LEADERS: "楼栋长月度例会纪要",
    MeetingKind.BRANCH: "支部会议纪要",
}
PARTICIPANT_ROLE = {
    ParticipantRole.BRANCH: "党员",  # 支部委员 when the title names a post (participant_role)
    ParticipantRole.OWNERS_COMMITTEE: "业委会",
    ParticipantRole.PROPERTY_COMPANY: "物业",
    ParticipantRole.BUILDING_LEADER: "楼栋长",
    ParticipantRole.TALENT: "贤达能人",
    ParticipantRole.RESIDENT_REPRESENTATIVE: "居民代表",
    ParticipantRole.PARTNER_UNIT: "共建单位",
}
# A post of the branch committee (支部委员会) named in the title beside a member's name:
# 党支部书记, 副书记, 支部委员, 组织委员 … but not 业委会委员.
_BRANCH_POST = re.compile(r"书记|支委|支部委员|(组织|宣传|纪检|青年|统战|保密|群工|妇女)委员")
ATTENDANCE = {
    Attendance.PRESENT: "到会",
    Attendance.EXCUSED: "请假",
    Attendance.ABSENT: "缺席",
    Attendance.UNKNOWN: "未登记",
}
ACTION_STATUS = {
    ActionStatus.OPEN: "未开始",
    ActionStatus.IN_PROGRESS: "进行中",
    ActionStatus.DONE: "已完成",
}
# Participants are listed role by role, in this order.
ROLE_ORDER = {role: i for i, role in enumerate(ParticipantRole)}


def role_label(p: Participant, role: ParticipantRole) -> str:
    """One of a participant's roles as printed: a member of the branch is 支部委员 when the
    title beside the name is a post of the branch committee, otherwise 党员; the other roles
    as they are."""
    if role is ParticipantRole.BRANCH and _BRANCH_POST.search(p.organization):
        return "支部委员"
    return PARTICIPANT_ROLE[role]


def meeting_time(value: datetime) -> str:
    """A meeting's wall-clock start (already Shanghai time): 2026年11月25日 14:30."""
    return f"{format_date(value)} {value:%H:%M}"


def day(value: date | None) -> str:
    return format_date(value)


def votes(v_for: int | None, against: int | None, abstain: int | None) -> str:
    """同意 N 票，反对 N 票，弃权 N 票; empty when no vote was taken."""
    if v_for is None and against is None and abstain is None:
        return ""
    return f"同意 {v_for or 0} 票，反对 {against or 0} 票，弃权 {abstain or 0} 票"
