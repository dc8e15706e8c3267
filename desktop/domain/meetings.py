"""Meetings: deliberation meetings (协商议事会) and the other kinds, with their minutes.

A meeting is a draft until it is finalized; a final meeting is never edited again —
corrections are added as dated amendments (更正).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from desktop.domain.errors import Problem, too_long
from desktop.domain.text import clean_text

TITLE_MAX = 100
LINE_MAX = 80  # a place, a name: one line
TEXT_MAX = 20_000
MAX_LENGTH = {"title": TITLE_MAX, "place": LINE_MAX, "host": LINE_MAX, "recorder": LINE_MAX}
TOPIC_MAX_LENGTH = {"discussion": TEXT_MAX, "consensus": TEXT_MAX}


class MeetingKind(Enum):
    DELIBERATION = "deliberation"  # 协商议事会
    BUILDING_LEADERS = "building_leaders"  # 楼栋长月度例会
    BRANCH = "branch"  # 支部会议


class ParticipantRole(Enum):
    BRANCH = "branch"  # 支部
    OWNERS_COMMITTEE = "owners_committee"  # 业委会
    PROPERTY_COMPANY = "property_company"  # 物业
    BUILDING_LEADER = "building_leader"  # 楼栋长
    TALENT = "talent"  # 贤达能人
    RESIDENT_REPRESENTATIVE = "resident_representative"  # 居民代表
    PARTNER_UNIT = "partner_unit"  # 共建单位


# Residents' names are masked on the notice board; office holders' are not.
RESIDENT_ROLES = frozenset({ParticipantRole.RESIDENT_REPRESENTATIVE, ParticipantRole.TALENT,
                            ParticipantRole.BUILDING_LEADER})  # fmt: skip


class Attendance(Enum):
    PRESENT = "present"  # 到会
    EXCUSED = "excused"  # 请假
    ABSENT = "absent"  # 缺席
    UNKNOWN = "unknown"  # invited; not yet recorded


class ActionStatus(Enum):
    OPEN = "open"  # 未开始
    IN_PROGRESS = "in_progress"  # 进行中
    DONE = "done"  # 已完成


@dataclass
class Participant:
    role: ParticipantRole
    name: str
    organization: str = ""  # unit or title shown beside the name (e.g. 物业服务中心经理)
    person_id: int | None = None
    phone: str = ""
    attendance: Attendance = Attendance.UNKNOWN


@dataclass
class Topic:
    title: str
    discussion: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    consensus: str = ""  # the consensus reached (达成共识); empty when none was
    need_ids: list[int] = field(default_factory=list)

    @property
    def reached_consensus(self) -> bool:
        return bool(self.consensus)


@dataclass
class ActionItem:
    what: str
    owner: str = ""
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    project_id: int | None = None
    id: int | None = None


@dataclass
class Amendment:
    """A dated correction to final minutes; printed after them."""

    text: str
    made_on: date
    made_at: datetime | None = None


@dataclass
class Meeting:
    title: str
    kind: MeetingKind = MeetingKind.DELIBERATION
    starts_at: datetime = field(
        default_factory=lambda: datetime.now().replace(second=0, microsecond=0)
    )
    place: str = ""
    host: str = ""
    recorder: str = ""
    participants: list[Participant] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    finalized_at: datetime | None = None
    id: int | None = None
    uuid: str | None = None

    @property
    def is_final(self) -> bool:
        return self.finalized_at is not None


@dataclass
class MeetingRow:
    id: int
    title: str
    kind: MeetingKind
    starts_at: datetime
    place: str
    final: bool
    attendees: int
    topics: int
    consensus: int
    open_actions: int


@dataclass
class MeetingQuery:
    text: str = ""
    kind: MeetingKind | None = None
    final: bool | None = None
    sort: str = "starts"
    descending: bool = True


def clean_meeting(m: Meeting) -> Meeting:
    one = lambda s: clean_text(s, single_line=True)  # noqa: E731
    return Meeting(
        title=one(m.title), kind=m.kind, starts_at=m.starts_at, place=one(m.place),
        host=one(m.host), recorder=one(m.recorder),
        participants=[Participant(p.role, one(p.name), one(p.organization), p.person_id,
                                  one(p.phone), p.attendance)
                      for p in m.participants if one(p.name)],
        topics=[Topic(one(t.title), clean_text(t.discussion), t.votes_for, t.votes_against,
                      t.votes_abstain, clean_text(t.consensus), sorted(set(t.need_ids)))
                for t in m.topics if one(t.title)],
        actions=[ActionItem(clean_text(a.what), one(a.owner), a.due_on, a.status, a.project_id,
                            a.id)
                 for a in m.actions if clean_text(a.what)],
        amendments=list(m.amendments), finalized_at=m.finalized_at, id=m.id, uuid=m.uuid,
    )  # fmt: skip


def validate_meeting(m: Meeting) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if not m.title:
        problems["title"] = Problem.REQUIRED
    problems.update(too_long(m, MAX_LENGTH))
    for topic in m.topics:
        if too_long(topic, TOPIC_MAX_LENGTH):
            problems["topics"] = Problem.TOO_LONG
        if any(v is not None and v < 0 for v in
               (topic.votes_for, topic.votes_against, topic.votes_abstain)):  # fmt: skip
            problems["topics"] = Problem.NEGATIVE_AMOUNT
    return problems
