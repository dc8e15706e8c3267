"""The owners' committee (业委会) and the property company: committee terms with their members
and the 50% party-member rule, cross-appointments (交叉任职), and the branch's evaluations (评价)
of either organization on named criteria scored 1–5."""

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.roster import OrganizationKind
from desktop.domain.text import clean_text, cleaned

NAME_MAX = 80  # a member's name, a post, a criterion
POST_MAX = 40  # a member's position (主任 …)
TEXT_MAX = 4000
PERIOD_MAX = 6  # 2026Q3
TERM_MAX_LENGTH = {"note": TEXT_MAX}
MEMBER_MAX_LENGTH = {"name": NAME_MAX, "position": POST_MAX}
APPOINTMENT_MAX_LENGTH = {"branch_post": NAME_MAX, "post": NAME_MAX, "note": TEXT_MAX}
EVALUATION_MAX_LENGTH = {"period": PERIOD_MAX, "evaluators": TEXT_MAX, "comment": TEXT_MAX}
SCORE_MAX_LENGTH = {"criterion": NAME_MAX, "comment": TEXT_MAX}
MEMBER_POSITIONS = ("主任", "副主任", "委员")
# The reform's rule: a newly formed committee has at least half party members.
PARTY_SHARE_REQUIRED = Fraction(1, 2)
SCORE_MIN, SCORE_MAX = 1, 5
PERIOD = re.compile(r"\d{4}(Q[1-4])?")
# Starter criteria, offered for a new evaluation; the secretary may edit them each time.
STARTER_CRITERIA: dict[OrganizationKind, tuple[str, ...]] = {
    OrganizationKind.PROPERTY_COMPANY: (
        "服务态度",
        "保洁绿化",
        "安全秩序",
        "维修及时性",
        "收费公开",
        "矛盾化解",
    ),
    OrganizationKind.OWNERS_COMMITTEE: (
        "依法履职",
        "财务公开",
        "联系群众",
        "配合支部工作",
        "议事规范",
    ),
}
EVALUATED_KINDS = (OrganizationKind.PROPERTY_COMPANY, OrganizationKind.OWNERS_COMMITTEE)


def _one(value: str) -> str:
    return clean_text(value, single_line=True)


# -- committee terms -----------------------------------------------------------------------
@dataclass
class CommitteeMember:
    name: str
    position: str = "委员"
    # As at the term's formation: the rule is judged on that day, not on today's roster.
    is_party_member: bool = False
    person_id: int | None = None


@dataclass(frozen=True)
class PartyShare:
    """How many of a term's members were party members when it was formed."""

    members: int
    party_members: int

    @property
    def meets_rule(self) -> bool:
        """Exact: 4 of 8 meets it, 4 of 9 does not. An empty term cannot meet it."""
        return self.members > 0 and Fraction(self.party_members, self.members) >= (
            PARTY_SHARE_REQUIRED
        )

    @property
    def percent(self) -> int:
        """Rounded half up, but never shown as 50% when the rule is not met (99 of 199)."""
        if not self.members:
            return 0
        shown = int(Fraction(100 * self.party_members, self.members) + Fraction(1, 2))
        return shown if self.meets_rule else min(shown, 49)


@dataclass
class CommitteeTerm:
    organization_id: int | None
    formed_on: date
    term_start: date
    term_end: date | None = None
    note: str = ""
    members: list[CommitteeMember] = field(default_factory=list)
    id: int | None = None
    organization_name: str = ""  # filled when read, for display

    @property
    def party_share(self) -> PartyShare:
        return PartyShare(len(self.members), sum(m.is_party_member for m in self.members))

    def is_current(self, today: date) -> bool:
        return self.term_start <= today and (self.term_end is None or today <= self.term_end)


def clean_term(t: CommitteeTerm) -> CommitteeTerm:
    members = [cleaned(m, lines=("name", "position")) for m in t.members if _one(m.name)]
    return cleaned(t, texts=("note",), members=members)


def validate_term(t: CommitteeTerm) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if t.organization_id is None:
        problems["organization"] = Problem.REQUIRED
    if not t.members:
        problems["members"] = Problem.REQUIRED
    elif any(too_long(m, MEMBER_MAX_LENGTH) for m in t.members):
        problems["members"] = Problem.TOO_LONG
    if t.term_end is not None and t.term_end <= t.term_start:
        problems["term_end"] = Problem.TERM_ORDER
    problems.update(too_long(t, TERM_MAX_LENGTH))
    return problems


# -- cross-appointments --------------------------------------------------------------------
@dataclass
class CrossAppointment:
    """交叉任职: a branch member who also holds a post on the committee or at the company."""

    person_id: int | None
    organization_id: int | None
    branch_post: str = ""  # 支部书记, 支部委员 …
    post: str = ""  # 业委会副主任, 物业项目经理 …
    since: date | None = None
    until: date | None = None
    note: str = ""
    id: int | None = None
    person_name: str = ""  # filled when read
    organization_name: str = ""


def clean_cross_appointment(a: CrossAppointment) -> CrossAppointment:
    return cleaned(a, lines=("branch_post", "post"), texts=("note",))


def validate_cross_appointment(a: CrossAppointment) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if a.person_id is None:
        problems["person"] = Problem.REQUIRED
    if a.organization_id is None:
        problems["organization"] = Problem.REQUIRED
    problems.update(required(a, "post"))
    problems.update(too_long(a, APPOINTMENT_MAX_LENGTH))
    problems.update(in_order(a, "since", "until"))
    return problems


# -- evaluations ---------------------------------------------------------------------------
@dataclass
class EvaluationScore:
    criterion: str
    score: int = 4
    comment: str = ""


@dataclass
class Evaluation:
    organization_id: int | None
    period: str  # 2026Q3 or 2026
    evaluated_on: date = field(default_factory=date.today)
    evaluators: str = ""
    comment: str = ""
    scores: list[EvaluationScore] = field(default_factory=list)
    id: int | None = None
    uuid: str | None = None
    organization_name: str = ""  # filled when read
    organization_kind: OrganizationKind | None = None

    @property
    def average(self) -> Fraction | None:
        if not self.scores:
            return None
        return Fraction(sum(s.score for s in self.scores), len(self.scores))


@dataclass
class EvaluationRow:
    id: int
    organization_id: int
    organization_name: str
    organization_kind: OrganizationKind
    period: str
    evaluated_on: date
    criteria: int
    average: Fraction | None


def format_average(value: Fraction | None) -> str:
    """“4.2”: one decimal, rounded half up; “—” when nothing was scored."""
    if value is None:
        return "—"
    tenths = int(value * 10 + Fraction(1, 2))
    return f"{tenths // 10}.{tenths % 10}"


def period_label(period: str) -> str:
    """2026Q3 → 2026年第三季度; 2026 → 2026年度."""
    if "Q" in period:
        year, quarter = period.split("Q")
        return f"{year}年第{'一二三四'[int(quarter) - 1]}季度"
    return f"{period}年度"


def clean_evaluation(e: Evaluation) -> Evaluation:
    scores = [
        cleaned(s, lines=("criterion",), texts=("comment",)) for s in e.scores if _one(s.criterion)
    ]
    return cleaned(e, texts=("evaluators", "comment"), period=_one(e.period).upper(), scores=scores)


def validate_evaluation(e: Evaluation) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if e.organization_id is None:
        problems["organization"] = Problem.REQUIRED
    if not e.period:
        problems["period"] = Problem.REQUIRED
    elif not PERIOD.fullmatch(e.period):
        problems["period"] = Problem.PERIOD_FORMAT
    if not e.scores:
        problems["scores"] = Problem.REQUIRED
    elif any(not SCORE_MIN <= s.score <= SCORE_MAX for s in e.scores):
        problems["scores"] = Problem.RATING_RANGE
    elif any(too_long(s, SCORE_MAX_LENGTH) for s in e.scores):
        problems["scores"] = Problem.TOO_LONG
    elif len({s.criterion for s in e.scores}) < len(e.scores):
        problems["scores"] = Problem.DUPLICATE_NAME
    problems.update({k: v for k, v in too_long(e, EVALUATION_MAX_LENGTH).items() if k != "period"})
    return problems
