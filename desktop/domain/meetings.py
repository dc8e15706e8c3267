"""Meetings: deliberation meetings (协商议事会) and the other kinds, with their minutes.

A meeting is a draft until it is finalized; a final meeting is never edited again —
corrections are added as dated amendments (更正).
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum

from desktop.domain.errors import Problem, required, too_long
from desktop.domain.listing import ListQuery
from desktop.domain.text import clean_text, cleaned

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
RESIDENT_ROLES = frozenset(
    {
        ParticipantRole.RESIDENT_REPRESENTATIVE,
        ParticipantRole.TALENT,
        ParticipantRole.BUILDING_LEADER,
    }
)


class Attendance(Enum):
    PRESENT = "present"  # 到会
    EXCUSED = "excused"  # 请假
    ABSENT = "absent"  # 缺席
    UNKNOWN = "unknown"  # invited; not yet recorded


class ActionStatus(Enum):
    OPEN = "open"  # 未开始
    IN_PROGRESS = "in_progress"  # 进行中
    DONE = "done"  # 已完成


# One person attends once, whatever hats they wear: a row holds all of a person's roles. The
# stored ``role`` is their roles' values joined by this separator, first role first.
ROLE_SEPARATOR = ","
# When rows of one person are merged, the attendance that wins: whoever was there was there.
_ATTENDANCE_RANK = {"present": 0, "excused": 1, "absent": 2, "unknown": 3}


@dataclass
class Participant:
    role: ParticipantRole  # the first role: the group the minutes list the person in
    name: str
    organization: str = ""  # unit or title shown beside the name (e.g. 物业服务中心经理)
    person_id: int | None = None
    phone: str = ""
    attendance: Attendance = Attendance.UNKNOWN
    more_roles: tuple[ParticipantRole, ...] = ()  # e.g. a building leader also on the committee

    @property
    def roles(self) -> tuple[ParticipantRole, ...]:
        """Every role, first one first, each once."""
        return tuple(dict.fromkeys((self.role, *self.more_roles)))

    @property
    def is_resident(self) -> bool:
        """Masked on the notice board when any of the person's roles is a resident's."""
        return any(r in RESIDENT_ROLES for r in self.roles)


def roles_value(roles: tuple[ParticipantRole, ...]) -> str:
    """What the ``role`` column stores: ``building_leader,owners_committee``."""
    return ROLE_SEPARATOR.join(r.value for r in dict.fromkeys(roles))


def roles_from_value(value: str) -> tuple[ParticipantRole, ...]:
    roles = tuple(dict.fromkeys(ParticipantRole(v) for v in value.split(ROLE_SEPARATOR) if v))
    return roles or (ParticipantRole.RESIDENT_REPRESENTATIVE,)


def with_roles(p: Participant, roles: tuple[ParticipantRole, ...]) -> Participant:
    roles = tuple(dict.fromkeys(roles)) or (p.role,)
    return replace(p, role=roles[0], more_roles=roles[1:])


def same_person(a: Participant, b: Participant) -> bool:
    """Two rows are one person: the same roster person, or the same name where either row
    was typed by hand (two roster people of one name are two people)."""
    if a.person_id is not None and b.person_id is not None:
        return a.person_id == b.person_id
    return bool(a.name.strip()) and a.name.strip() == b.name.strip()


def merge_participants(participants: list[Participant]) -> list[Participant]:
    """One row per person, in the order people first appear: roles in order, units joined
    with 、, the first roster link and phone, and the attendance that says the most (到会
    over 请假 over 缺席 over 未登记)."""
    merged: list[Participant] = []
    for p in participants:
        same = next((i for i, m in enumerate(merged) if same_person(m, p)), None)
        if same is None:
            merged.append(p)
            continue
        m = merged[same]
        units = list(dict.fromkeys(u for u in (*m.organization.split("、"), p.organization) if u))
        attendance = min(m.attendance, p.attendance, key=lambda a: _ATTENDANCE_RANK[a.value])
        merged[same] = with_roles(
            replace(
                m,
                organization="、".join(units),
                person_id=m.person_id if m.person_id is not None else p.person_id,
                phone=m.phone or p.phone,
                attendance=attendance,
            ),
            (*m.roles, *p.roles),
        )
    return merged


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
class MeetingQuery(ListQuery):
    kind: MeetingKind | None = None
    final: bool | None = None
    sort: str = "starts"
    descending: bool = True


def clean_meeting(m: Meeting) -> Meeting:
    one = lambda s: clean_text(s, single_line=True)  # noqa: E731
    participants = [
        # more_roles: the other roles, each once and never the first one again.
        cleaned(p, lines=("name", "organization", "phone"), more_roles=p.roles[1:])
        for p in m.participants
        if one(p.name)
    ]
    topics = [
        cleaned(
            t,
            lines=("title",),
            texts=("discussion", "consensus"),
            need_ids=sorted(set(t.need_ids)),
        )
        for t in m.topics
        if one(t.title)
    ]
    actions = [
        cleaned(a, lines=("owner",), texts=("what",)) for a in m.actions if clean_text(a.what)
    ]
    return cleaned(
        m,
        lines=("title", "place", "host", "recorder"),
        participants=participants,
        topics=topics,
        actions=actions,
        amendments=list(m.amendments),
    )


def validate_meeting(m: Meeting) -> dict[str, Problem]:
    """What stops a draft from being saved. (What stops it from being finalized as well:
    ``contradictions``.)"""
    problems = required(m, "title")
    if duplicated_people(m.participants):
        problems["participants"] = Problem.DUPLICATE_PERSON
    problems.update(too_long(m, MAX_LENGTH))
    for topic in m.topics:
        if too_long(topic, TOPIC_MAX_LENGTH):
            problems["topics"] = Problem.TOO_LONG
        if any(
            v is not None and v < 0
            for v in (topic.votes_for, topic.votes_against, topic.votes_abstain)
        ):
            problems["topics"] = Problem.NEGATIVE_AMOUNT
    return problems


# -- what minutes may not say ----------------------------------------------------------------
class Contradiction(Enum):
    DUPLICATE_PERSON = "duplicate_person"  # one person in two rows (signs twice, counted twice)
    HOST_NOT_PRESENT = "host_not_present"  # the host is listed 请假 or 缺席
    RECORDER_NOT_PRESENT = "recorder_not_present"  # the recorder is listed 请假 or 缺席


@dataclass(frozen=True)
class Inconsistency:
    contradiction: Contradiction
    name: str  # the person it is about


def duplicated_people(participants: list[Participant]) -> list[str]:
    """The names of people listed in more than one row, each once, in list order."""
    names: list[str] = []
    for i, p in enumerate(participants):
        if any(same_person(p, q) for q in participants[:i]) and p.name not in names:
            names.append(p.name)
    return names


def _not_present(m: Meeting, name: str) -> bool:
    """The named person is listed, and only as 请假 or 缺席."""
    rows = [p for p in m.participants if name and p.name == name]
    return bool(rows) and all(p.attendance in (Attendance.EXCUSED, Attendance.ABSENT) for p in rows)


def contradictions(m: Meeting) -> list[Inconsistency]:
    """What would make the minutes contradict themselves. The editor shows them as they
    happen; 定稿 refuses while there is any. (Attendance not yet recorded is no
    contradiction: it is how a meeting looks before it is held.)"""
    found = [
        Inconsistency(Contradiction.DUPLICATE_PERSON, n) for n in duplicated_people(m.participants)
    ]
    if _not_present(m, m.host):
        found.append(Inconsistency(Contradiction.HOST_NOT_PRESENT, m.host))
    if _not_present(m, m.recorder):
        found.append(Inconsistency(Contradiction.RECORDER_NOT_PRESENT, m.recorder))
    return found


def amendment_date_problem(made_on: date, finalized_on: date | None) -> Problem | None:
    """A correction is made to final minutes, so on the day they were finalized or later."""
    if finalized_on is None:
        return Problem.STATUS_FLOW
    if made_on < finalized_on:
        return Problem.DATE_ORDER
    return None
