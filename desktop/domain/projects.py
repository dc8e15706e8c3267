"""The projects list (项目清单), 民生微实事 included: needs answered with resources."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.listing import ListQuery
from desktop.domain.money import MAX_YUAN
from desktop.domain.text import clean_text, cleaned

TITLE_MAX = 100
TEXT_MAX = 4000
PARTY_NAME_MAX = 160  # a person or an organization, as written
MAX_LENGTH = {
    "title": TITLE_MAX,
    "description": TEXT_MAX,
    "acceptance_note": TEXT_MAX,
    "evaluation": TEXT_MAX,
    "stop_reason": TEXT_MAX,
}
PARTY_MAX_LENGTH = {"name": PARTY_NAME_MAX}


class ProjectKind(Enum):
    LIVELIHOOD_MICRO = "livelihood_micro"  # 民生微实事
    PARTNERSHIP = "partnership"  # 共建项目
    SELF_GOVERNANCE = "self_governance"  # 自治项目
    OTHER = "other"


class ProjectStage(Enum):
    PROPOSED = "proposed"  # 立项
    IN_PROGRESS = "in_progress"  # 实施中
    AWAITING_ACCEPTANCE = "awaiting_acceptance"  # 待验收
    COMPLETED = "completed"  # 已完成
    TERMINATED = "terminated"  # 已终止


STAGE_ORDER = (
    ProjectStage.PROPOSED,
    ProjectStage.IN_PROGRESS,
    ProjectStage.AWAITING_ACCEPTANCE,
    ProjectStage.COMPLETED,
)
FINAL_STAGES = frozenset({ProjectStage.COMPLETED, ProjectStage.TERMINATED})


def next_stage(stage: ProjectStage) -> ProjectStage | None:
    if stage in FINAL_STAGES:
        return None
    return STAGE_ORDER[STAGE_ORDER.index(stage) + 1]


def can_move(current: ProjectStage, target: ProjectStage) -> bool:
    """Forward one step at a time, or stop (已终止) from any stage that is not final."""
    if target == current:
        return True
    if target is ProjectStage.TERMINATED:
        return current not in FINAL_STAGES
    return next_stage(current) == target


class PartyRole(Enum):
    INITIATOR = "initiator"  # 发起人
    ORGANIZER = "organizer"  # 组织者
    IMPLEMENTER = "implementer"  # 实施者


@dataclass
class Party:
    """Who initiates, organizes or carries out a project: a person or an organization."""

    role: PartyRole
    name: str
    person_id: int | None = None
    organization_id: int | None = None


@dataclass
class Project:
    title: str
    kind: ProjectKind = ProjectKind.LIVELIHOOD_MICRO
    stage: ProjectStage = ProjectStage.PROPOSED
    stop_reason: str = ""
    description: str = ""
    budget: Decimal = Decimal("0.00")
    spent: Decimal = Decimal("0.00")
    parties: list[Party] = field(default_factory=list)
    registered_on: date = field(default_factory=date.today)
    start_on: date | None = None
    end_on: date | None = None
    accepted_on: date | None = None
    acceptance_note: str = ""
    rating_count: int = 0
    rating_average: Decimal | None = None  # 1.00–5.00
    evaluation: str = ""  # residents' comments
    need_ids: list[int] = field(default_factory=list)
    resource_ids: list[int] = field(default_factory=list)
    id: int | None = None
    uuid: str | None = None

    def party(self, role: PartyRole) -> Party | None:
        return next((p for p in self.parties if p.role is role), None)


@dataclass
class ProjectRow:
    id: int
    title: str
    kind: ProjectKind
    stage: ProjectStage
    budget: Decimal
    spent: Decimal
    registered_on: date
    need_count: int
    resource_count: int


@dataclass
class ProjectQuery(ListQuery):
    kind: ProjectKind | None = None
    stage: ProjectStage | None = None
    registered_from: date | None = None
    registered_to: date | None = None
    sort: str = "registered"
    descending: bool = True


def clean_project(p: Project) -> Project:
    parties = [
        cleaned(x, lines=("name",)) for x in p.parties if clean_text(x.name, single_line=True)
    ]
    return cleaned(
        p,
        lines=("title",),
        texts=("stop_reason", "description", "acceptance_note", "evaluation"),
        parties=parties,
        need_ids=sorted(set(p.need_ids)),
        resource_ids=sorted(set(p.resource_ids)),
    )


def validate_project(p: Project) -> dict[str, Problem]:
    problems = required(p, "title")
    for key in ("budget", "spent"):
        amount = getattr(p, key)
        if amount < 0:
            problems[key] = Problem.NEGATIVE_AMOUNT
        elif amount > MAX_YUAN:  # too many digits to be a real amount (or to store)
            problems[key] = Problem.TOO_LONG
    if p.stage is ProjectStage.TERMINATED and not p.stop_reason:
        problems["stop_reason"] = Problem.REASON_REQUIRED
    problems.update(in_order(p, "start_on", "end_on"))
    if p.rating_count < 0:
        problems["rating_count"] = Problem.RATING_RANGE
    if p.rating_average is not None and not (1 <= p.rating_average <= 5):
        problems["rating_average"] = Problem.RATING_RANGE
    problems.update(too_long(p, MAX_LENGTH))
    for party in p.parties:
        if too_long(party, PARTY_MAX_LENGTH):
            problems[party.role.value] = Problem.TOO_LONG
    return problems
