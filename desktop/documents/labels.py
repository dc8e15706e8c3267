"""Chinese words printed on paper: the minutes' names, a participant's role, times, votes.

The enums' words are the domain's (desktop.domain.labels: printed_word).
"""

import re
from datetime import date, datetime

from desktop.domain.dates import format_date
from desktop.domain.labels import printed_word
from desktop.domain.meetings import MeetingKind, Participant, ParticipantRole

# What the minutes of each kind are called: “协商议事会”+“会议纪要” would say 会 twice.
MINUTES_NAME = {
    MeetingKind.DELIBERATION: "协商议事会议纪要",
    MeetingKind.BUILDING_LEADERS: "楼栋长月度例会纪要",
    MeetingKind.BRANCH: "支部会议纪要",
}
# A post of the branch committee (支部委员会) named in the title beside a member's name:
# 党支部书记, 副书记, 支部委员, 组织委员 … but not 业委会委员.
_BRANCH_POST = re.compile(r"书记|支委|支部委员|(组织|宣传|纪检|青年|统战|保密|群工|妇女)委员")
# Participants are listed role by role, in this order.
ROLE_ORDER = {role: i for i, role in enumerate(ParticipantRole)}


def role_label(p: Participant, role: ParticipantRole) -> str:
    """One of a participant's roles as printed: a member of the branch is 支部委员 when the
    title beside the name is a post of the branch committee, otherwise 党员; the other roles
    as they are."""
    if role is ParticipantRole.BRANCH and _BRANCH_POST.search(p.organization):
        return "支部委员"
    return printed_word(role)


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
