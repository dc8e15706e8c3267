"""The needs list (需求清单): residents' needs and problems, followed through to resolution."""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.listing import ListQuery
from desktop.domain.text import cleaned

TITLE_MAX = 100
LINE_MAX = 80  # a name, a phone, a place: one line
TEXT_MAX = 4000
MAX_LENGTH = {
    "title": TITLE_MAX,
    "raised_by": LINE_MAX,
    "phone": LINE_MAX,
    "building": LINE_MAX,
    "unit": LINE_MAX,
    "room": LINE_MAX,
    "handled_by": LINE_MAX,
    "description": TEXT_MAX,
    "solution": TEXT_MAX,
    "status_reason": TEXT_MAX,
}
DEFAULT_CATEGORIES = (
    "物业服务",
    "环境卫生",
    "停车交通",
    "噪音扰民",
    "安全隐患",
    "设施维修",
    "邻里纠纷",
    "养老助老",
    "托育教育",
    "其他",
)
# Only needs of this category can be property disputes (物业矛盾), counted by the indicators.
PROPERTY_SERVICE_CATEGORY = "物业服务"


class NeedSource(Enum):
    RECEPTION_DAY = "reception_day"
    DOOR_KNOCKING = "door_knocking"
    DELIBERATION_MEETING = "deliberation_meeting"
    BUILDING_PATROL = "building_patrol"
    OTHER = "other"


class Urgency(Enum):
    NORMAL = "normal"
    URGENT = "urgent"
    CRITICAL = "critical"


class NeedStatus(Enum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REFERRED = "referred"
    REJECTED = "rejected"


class Satisfaction(Enum):
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


OPEN_STATUSES = frozenset({NeedStatus.PENDING, NeedStatus.IN_PROGRESS})
# 转办 and 不予受理 must say why.
STATUSES_NEEDING_REASON = frozenset({NeedStatus.REFERRED, NeedStatus.REJECTED})
# Where each status may go next; a closed need can be reopened (处理中) with a note.
TRANSITIONS: dict[NeedStatus, frozenset[NeedStatus]] = {
    NeedStatus.PENDING: frozenset(
        {NeedStatus.IN_PROGRESS, NeedStatus.RESOLVED, NeedStatus.REFERRED, NeedStatus.REJECTED}
    ),
    NeedStatus.IN_PROGRESS: frozenset(
        {NeedStatus.RESOLVED, NeedStatus.REFERRED, NeedStatus.REJECTED}
    ),
    NeedStatus.RESOLVED: frozenset({NeedStatus.IN_PROGRESS}),
    NeedStatus.REFERRED: frozenset({NeedStatus.IN_PROGRESS}),
    NeedStatus.REJECTED: frozenset({NeedStatus.IN_PROGRESS}),
}


def can_move(current: NeedStatus, target: NeedStatus) -> bool:
    return target == current or target in TRANSITIONS[current]


def is_overdue(status: NeedStatus, due_on: date | None, today: date) -> bool:
    return status in OPEN_STATUSES and due_on is not None and due_on < today


@dataclass
class NeedCategory:
    name: str
    id: int | None = None


@dataclass
class Need:
    title: str
    category_id: int | None = None
    description: str = ""
    raised_by: str = ""
    person_id: int | None = None  # the roster's person, when the name matches one
    phone: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    source: NeedSource = NeedSource.OTHER
    urgency: Urgency = Urgency.NORMAL
    status: NeedStatus = NeedStatus.PENDING
    status_reason: str = ""
    handled_by: str = ""
    registered_on: date = field(default_factory=date.today)
    due_on: date | None = None
    solution: str = ""
    satisfaction: Satisfaction | None = None
    id: int | None = None
    uuid: str | None = None
    is_dispute: bool = False  # a property dispute (物业矛盾); category 物业服务 only
    # The return visit (回访) that asked the resident whether the need was met.
    followed_up_on: date | None = None


@dataclass
class NeedRow:
    """One line of the needs list."""

    id: int
    title: str
    category: str
    raised_by: str
    building: str
    urgency: Urgency
    status: NeedStatus
    registered_on: date
    due_on: date | None
    overdue: bool


@dataclass
class StatusChange:
    from_status: NeedStatus | None
    to_status: NeedStatus
    note: str
    changed_at: datetime


@dataclass
class NeedQuery(ListQuery):
    status: NeedStatus | None = None
    open_only: bool = False
    overdue_only: bool = False
    category_id: int | None = None
    building: str | None = None
    disputes_only: bool = False
    registered_from: date | None = None
    registered_to: date | None = None
    sort: str = "registered"
    descending: bool = True


def clean_need(need: Need) -> Need:
    return cleaned(
        need,
        lines=("title", "raised_by", "phone", "building", "unit", "room", "handled_by"),
        texts=("description", "status_reason", "solution"),
    )


def validate_need(need: Need, category_name: str | None = None) -> dict[str, Problem]:
    """``category_name``: the chosen category's name, when known, to check the dispute mark."""
    problems: dict[str, Problem] = {}
    if need.is_dispute and category_name not in (None, PROPERTY_SERVICE_CATEGORY):
        problems["is_dispute"] = Problem.DISPUTE_CATEGORY
    problems.update(required(need, "title"))
    if need.category_id is None:
        problems["category"] = Problem.REQUIRED
    problems.update(too_long(need, MAX_LENGTH))
    if need.status in STATUSES_NEEDING_REASON and not need.status_reason:
        problems["status_reason"] = Problem.REASON_REQUIRED
    problems.update(in_order(need, "registered_on", "due_on"))
    problems.update(in_order(need, "registered_on", "followed_up_on"))
    return problems
