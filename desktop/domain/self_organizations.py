"""Self-organizations (自组织): members and activities. The incubation date lives on the
organization itself (Organization.incubated_on)."""

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.errors import Problem, required, too_long
from desktop.domain.text import cleaned

# Offered in the form; any other kind may be typed.
ACTIVITY_KINDS = ("开放日", "公益服务", "美食节", "文体活动", "志愿服务", "邻里互助", "学习交流")
MEMBER_ROLES = ("负责人", "骨干", "成员")
KIND_MAX = 40  # an activity's kind, a member's role
TEXT_MAX = 4000
ACTIVITY_MAX_LENGTH = {"kind": KIND_MAX, "participants": TEXT_MAX, "description": TEXT_MAX}
MEMBER_MAX_LENGTH = {"role": KIND_MAX}


@dataclass
class SelfOrganizationRow:
    id: int
    name: str
    contact_name: str
    incubated_on: date | None
    members: int
    activities: int
    last_activity: date | None


@dataclass
class Member:
    person_id: int
    name: str = ""  # from the roster, for display
    building: str = ""
    role: str = ""
    joined_on: date | None = None


@dataclass
class Activity:
    organization_id: int
    kind: str = ""
    held_on: date = field(default_factory=date.today)
    participants: str = ""  # who took part, as written
    participant_count: int | None = None
    description: str = ""
    id: int | None = None
    uuid: str | None = None


def clean_activity(a: Activity) -> Activity:
    return cleaned(a, lines=("kind",), texts=("participants", "description"))


def validate_activity(a: Activity) -> dict[str, Problem]:
    problems = required(a, "kind")
    if a.participant_count is not None and a.participant_count < 0:
        problems["participant_count"] = Problem.NEGATIVE_AMOUNT
    problems.update(too_long(a, ACTIVITY_MAX_LENGTH))
    return problems


def clean_member(m: Member) -> Member:
    return cleaned(m, lines=("role",))


def validate_member(m: Member) -> dict[str, Problem]:
    return too_long(m, MEMBER_MAX_LENGTH)
