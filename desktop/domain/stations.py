"""暖蜂驿站: rest stations for delivery riders (resources flagged as such) and their monthly
service log — one entry per station per month."""

from dataclasses import dataclass
from datetime import date

from desktop.domain.errors import Problem, too_long
from desktop.domain.text import cleaned

TEXT_MAX = 2000
MAX_LENGTH = {"services": TEXT_MAX, "note": TEXT_MAX}


def month_start(day: date) -> date:
    """The month an entry belongs to, stored as its first day."""
    return day.replace(day=1)


@dataclass
class StationRow:
    id: int  # the resource's id
    title: str
    provider: str
    months: int  # months logged
    riders_total: int
    last_month: date | None


@dataclass
class StationMonth:
    resource_id: int
    month: date  # the first day of the month
    riders_served: int = 0
    services: str = ""  # 热水、充电、休息 …
    note: str = ""
    id: int | None = None


def clean_station_month(m: StationMonth) -> StationMonth:
    return cleaned(m, texts=("services", "note"), month=month_start(m.month))


def validate_station_month(m: StationMonth) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if m.riders_served < 0:
        problems["riders_served"] = Problem.NEGATIVE_AMOUNT
    problems.update(too_long(m, MAX_LENGTH))
    return problems
