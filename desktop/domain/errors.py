"""Errors the domain raises. Each names *what* is wrong; the UI and CLI word it for people."""

from collections.abc import Mapping
from enum import Enum


class Problem(Enum):
    """Why a field is invalid. ``ui/messages.py`` holds the sentence shown for each."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    UNKNOWN_BUILDING = "unknown_building"
    TERM_ORDER = "term_order"
    DUPLICATE_NAME = "duplicate_name"
    REASON_REQUIRED = "reason_required"
    DATE_ORDER = "date_order"
    STATUS_FLOW = "status_flow"
    NEGATIVE_AMOUNT = "negative_amount"
    RATING_RANGE = "rating_range"
    PERIOD_FORMAT = "period_format"  # a quarter (2026Q3) or a year (2026)
    DISPUTE_CATEGORY = "dispute_category"  # 物业矛盾 only for needs of category 物业服务
    DUPLICATE_PERSON = "duplicate_person"  # one person in two rows of a list


def too_long(record: object, limits: Mapping[str, int]) -> dict[str, Problem]:
    """TOO_LONG for each text of ``record`` longer than its limit. Each module keeps one such
    table per record (``MAX_LENGTH``): validation, the forms' maxLength, the ledgers' columns
    and the database's String(n) all read it, so none can cut what another accepts."""
    return {k: Problem.TOO_LONG for k, n in limits.items() if len(getattr(record, k)) > n}


class DomainError(Exception):
    """A rule of the domain was broken."""


class ValidationError(DomainError):
    """One or more fields are invalid: ``problems`` maps a field name to its problem."""

    def __init__(self, problems: dict[str, Problem]) -> None:
        super().__init__(", ".join(f"{k}: {v.value}" for k, v in problems.items()))
        self.problems = problems


class NotFoundError(DomainError):
    """The record asked for does not exist (or is in the trash)."""


def required(record: object, *names: str) -> dict[str, Problem]:
    """REQUIRED for each named field of ``record`` left empty."""
    return {name: Problem.REQUIRED for name in names if not getattr(record, name)}


def in_order(
    record: object, earlier: str, later: str, problem: Problem = Problem.DATE_ORDER
) -> dict[str, Problem]:
    """``problem`` on ``later`` when both dates are given and ``later`` comes first."""
    first, then = getattr(record, earlier), getattr(record, later)
    return {later: problem} if first and then and then < first else {}
