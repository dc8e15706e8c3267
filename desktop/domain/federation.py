"""The building-leader federation (楼栋长联盟): leaders by grid and building, joint patrols
(联合巡查) and what they found; a finding can become a need."""

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.errors import Problem, required, too_long
from desktop.domain.text import clean_text, cleaned

TEXT_MAX = 4000
LINE_MAX = 80
PATROL_MAX_LENGTH = {"route": TEXT_MAX, "participants": TEXT_MAX, "note": TEXT_MAX}
FINDING_MAX_LENGTH = {"description": TEXT_MAX, "building": LINE_MAX}


@dataclass
class Leader:
    id: int
    name: str
    phone: str = ""


@dataclass
class BuildingLeaders:
    """One building and its leaders (none yet: the gap the overview shows)."""

    building_id: int
    building: str
    leaders: list[Leader] = field(default_factory=list)


@dataclass
class GridLeaders:
    """A grid (None: buildings not yet put in a grid) and its buildings."""

    grid_id: int | None
    grid: str
    buildings: list[BuildingLeaders] = field(default_factory=list)


@dataclass
class Finding:
    """Something a patrol found, where; ``need_id`` once registered as a need."""

    description: str
    building: str = ""
    need_id: int | None = None
    id: int | None = None


@dataclass
class Patrol:
    held_on: date = field(default_factory=date.today)
    route: str = ""
    participants: str = ""  # who walked it, as written: “张伟、李伟、物业王经理”
    note: str = ""
    findings: list[Finding] = field(default_factory=list)
    id: int | None = None
    uuid: str | None = None


@dataclass
class PatrolRow:
    id: int
    held_on: date
    route: str
    participants: str
    findings: int
    registered: int  # findings already registered as needs


def clean_patrol(p: Patrol) -> Patrol:
    findings = [
        cleaned(f, lines=("building",), texts=("description",))
        for f in p.findings
        if clean_text(f.description)
    ]
    return cleaned(p, texts=("route", "participants", "note"), findings=findings)


def validate_patrol(p: Patrol) -> dict[str, Problem]:
    problems = {**required(p, "route", "participants"), **too_long(p, PATROL_MAX_LENGTH)}
    if any(too_long(f, FINDING_MAX_LENGTH) for f in p.findings):
        problems["findings"] = Problem.TOO_LONG
    return problems
