"""Visits (接待走访): reception-day visits and door-knocking visits."""

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.listing import ListQuery
from desktop.domain.needs import LINE_MAX, TEXT_MAX, Satisfaction
from desktop.domain.text import cleaned

# A visit's resident, address and issue become a need's (visit_to_need): the same limits.
MAX_LENGTH = {
    "resident": LINE_MAX,
    "phone": LINE_MAX,
    "building": LINE_MAX,
    "unit": LINE_MAX,
    "room": LINE_MAX,
    "issue": TEXT_MAX,
    "handling": TEXT_MAX,
    "outcome": TEXT_MAX,
}


class VisitKind(Enum):
    RECEPTION_DAY = "reception_day"  # 书记接待日: the resident comes to the secretary
    DOOR_KNOCKING = "door_knocking"  # 敲门行动: the secretary goes to the household


class FollowUpState(Enum):
    """Where a visit's follow-up (回访) stands. It is done once its result is recorded in the
    visit's outcome (结果): that is what the secretary writes after calling back."""

    NONE = "none"  # no follow-up planned
    WAITING = "waiting"  # planned, its day not yet passed
    OVERDUE = "overdue"  # its day passed and no result recorded
    DONE = "done"  # the result is recorded


def follow_up_state(follow_up_on: date | None, done: bool, today: date) -> FollowUpState:
    """``done``: the visit's outcome is recorded (see ``Visit.followed_up``)."""
    if follow_up_on is None:
        return FollowUpState.NONE
    if done:
        return FollowUpState.DONE
    return FollowUpState.OVERDUE if follow_up_on < today else FollowUpState.WAITING


class ReferralTarget(Enum):
    COMMUNITY = "community"  # 社区
    PROPERTY_COMPANY = "property_company"  # 物业
    OWNERS_COMMITTEE = "owners_committee"  # 业委会
    STREET_DEPARTMENT = "street_department"  # 街道科室
    OTHER = "other"


@dataclass
class Visit:
    kind: VisitKind
    visited_on: date = field(default_factory=date.today)
    resident: str = ""  # who came, or whose door was knocked on
    person_id: int | None = None
    phone: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    issue: str = ""  # what was raised
    category_id: int | None = None  # a need category
    handling: str = ""  # how it was handled on the spot
    referred_to: ReferralTarget | None = None
    follow_up_on: date | None = None
    outcome: str = ""
    satisfaction: Satisfaction | None = None
    need_id: int | None = None  # the need this visit became, if any
    id: int | None = None
    uuid: str | None = None

    @property
    def followed_up(self) -> bool:
        """The result is recorded: a planned follow-up is done and leaves the to-do list."""
        return bool(self.outcome.strip())


@dataclass
class VisitRow:
    id: int
    kind: VisitKind
    visited_on: date
    resident: str
    building: str
    issue: str
    follow_up_on: date | None
    need_id: int | None
    followed_up: bool = False  # the follow-up's result (the outcome) is recorded

    def follow_up_state(self, today: date) -> FollowUpState:
        return follow_up_state(self.follow_up_on, self.followed_up, today)


@dataclass
class VisitQuery(ListQuery):
    kind: VisitKind | None = None
    follow_up_from: date | None = None
    follow_up_to: date | None = None
    # Only visits with a follow-up planned and no result recorded yet (回访待办).
    follow_up_open: bool = False
    sort: str = "visited"
    descending: bool = True


def clean_visit(v: Visit) -> Visit:
    return cleaned(
        v,
        lines=("resident", "phone", "building", "unit", "room"),
        texts=("issue", "handling", "outcome"),
    )


def validate_visit(v: Visit) -> dict[str, Problem]:
    return {
        **required(v, "resident", "issue"),
        **too_long(v, MAX_LENGTH),
        **in_order(v, "visited_on", "follow_up_on"),
    }
