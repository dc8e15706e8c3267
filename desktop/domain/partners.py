"""Partner units (共建单位), their agreements (共建协议) and the 三个一 quota: every quarter at
least one pairing activity and one practical service, every year at least one dispute
mediation (docs/architecture.md, "Words")."""

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.text import cleaned

TEXT_MAX = 4000
AGREEMENT_MAX_LENGTH = {"content": TEXT_MAX}
ACTIVITY_MAX_LENGTH = {"participants": TEXT_MAX, "description": TEXT_MAX}
QUARTERS = (1, 2, 3, 4)


class PartnerType(Enum):
    AGENCY = "agency"  # 机关
    ENTERPRISE = "enterprise"  # 企业
    SCHOOL = "school"  # 学校


class PartnerActivityKind(Enum):
    """The three kinds of the 三个一 (values as the table's CHECK constraint)."""

    PAIRING = "pairing"  # 结对活动: each quarter
    PRACTICAL_SERVICE = "practical_service"  # 为民实事: each quarter
    DISPUTE_MEDIATION = "dispute_mediation"  # 纠纷调处: each year


QUARTERLY = (PartnerActivityKind.PAIRING, PartnerActivityKind.PRACTICAL_SERVICE)


class QuotaState(Enum):
    MET = "met"  # ✓ at least one recorded
    MISSING = "missing"  # 缺: the period is over and none was recorded
    OPEN = "open"  # the period is under way and none is recorded yet
    NOT_YET_DUE = "not_yet_due"  # 未到期: the period has not begun
    NOT_PAIRED = "not_paired"  # the period ended before the first agreement: not owed


@dataclass
class Partner:
    """A partner unit: an organization of kind partner_unit."""

    id: int
    name: str
    partner_type: PartnerType | None = None
    contact_name: str = ""
    phone: str = ""
    note: str = ""


@dataclass
class Agreement:
    organization_id: int
    signed_on: date = field(default_factory=date.today)
    term_start: date | None = None
    term_end: date | None = None
    content: str = ""
    id: int | None = None
    uuid: str | None = None


@dataclass
class PartnerActivity:
    organization_id: int
    kind: PartnerActivityKind
    held_on: date = field(default_factory=date.today)
    participants: str = ""  # as written: “张伟、区医院李医生”
    description: str = ""
    need_ids: list[int] = field(default_factory=list)
    project_ids: list[int] = field(default_factory=list)
    id: int | None = None
    uuid: str | None = None


@dataclass
class QuotaCell:
    state: QuotaState
    count: int = 0  # live activities of the kind in the period


@dataclass
class QuarterCells:
    quarter: int
    pairing: QuotaCell
    practical_service: QuotaCell


@dataclass
class PartnerTracker:
    """One partner's 三个一 for a year: four quarters and the year's mediation."""

    organization_id: int
    name: str
    year: int
    quarters: list[QuarterCells]
    dispute_mediation: QuotaCell


@dataclass
class QuotaGap:
    """Something still owed in a period that ends soon (the home page warns of it)."""

    organization_id: int
    name: str
    kind: PartnerActivityKind
    days_left: int  # today included: on the period's last day, 1
    period_end: date


# -- periods -------------------------------------------------------------------------------
def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, date.fromordinal(last.toordinal() - 1)


def days_left(today: date, last: date) -> int:
    """Days left in a period ending on ``last``, today included."""
    return (last - today).days + 1


def cell_state(
    count: int, first: date, last: date, today: date, paired_since: date | None = None
) -> QuotaState:
    """A period's state: met once one is recorded; otherwise by where today falls."""
    if count > 0:
        return QuotaState.MET
    if paired_since is not None and last < paired_since:
        return QuotaState.NOT_PAIRED
    if today < first:
        return QuotaState.NOT_YET_DUE
    if today <= last:
        return QuotaState.OPEN
    return QuotaState.MISSING


# -- forms ---------------------------------------------------------------------------------
def clean_agreement(a: Agreement) -> Agreement:
    return cleaned(a, texts=("content",))


def validate_agreement(a: Agreement) -> dict[str, Problem]:
    return {
        **required(a, "content"),
        **too_long(a, AGREEMENT_MAX_LENGTH),
        **in_order(a, "term_start", "term_end", Problem.TERM_ORDER),
    }


def clean_activity(a: PartnerActivity) -> PartnerActivity:
    return cleaned(
        a,
        texts=("participants", "description"),
        need_ids=list(dict.fromkeys(a.need_ids)),
        project_ids=list(dict.fromkeys(a.project_ids)),
    )


def validate_activity(a: PartnerActivity) -> dict[str, Problem]:
    return {**required(a, "description"), **too_long(a, ACTIVITY_MAX_LENGTH)}
