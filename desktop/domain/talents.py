"""Talented residents (贤达能人): when discovered, how cultivated, and their use of the four
rights (TalentRight), recorded from meetings, projects and evaluations or by hand.

Derived uses (kept by ``services.talents.refresh_right_uses``):
- a finalized meeting where the talent took part as 贤达能人 and was present → 议事权
  (deliberation) on the meeting's date;
- a project the talent initiated → 建议权 (suggestion: proposing what to do) on the date the
  project was registered; one the talent organized or carried out → 监督权 (supervision: the
  talent answers for and oversees the work) on its start date (else registered date).
Evaluations are recorded by hand with source 'evaluation' (an evaluation's evaluators are
free text, so matching names would guess).
"""

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from desktop.domain.errors import Problem, required, too_long
from desktop.domain.roster import TalentRight
from desktop.domain.text import cleaned

TEXT_MAX = 2000
CULTIVATION_MAX_LENGTH = {"description": TEXT_MAX}
RIGHT_USE_MAX_LENGTH = {"note": TEXT_MAX}


class CultivationKind(Enum):
    TRAINING = "training"  # 培训
    ROLE = "role"  # 担任角色


class RightSource(Enum):
    MEETING = "meeting"
    PROJECT = "project"
    EVALUATION = "evaluation"
    OTHER = "other"


# Rows with these sources are derived; the others are typed in.
DERIVED_SOURCES = frozenset({RightSource.MEETING, RightSource.PROJECT})


@dataclass
class TalentRow:
    id: int  # the person's id
    name: str
    building: str
    skills: str
    discovered_on: date | None
    cultivations: int
    uses: dict[TalentRight, int] = field(default_factory=dict)


@dataclass
class Cultivation:
    person_id: int
    happened_on: date = field(default_factory=date.today)
    kind: CultivationKind = CultivationKind.TRAINING
    description: str = ""
    id: int | None = None


@dataclass
class RightUse:
    person_id: int
    right: TalentRight
    used_on: date = field(default_factory=date.today)
    source: RightSource = RightSource.OTHER
    source_id: int | None = None
    note: str = ""
    id: int | None = None

    @property
    def derived(self) -> bool:
        return self.source in DERIVED_SOURCES


def clean_cultivation(c: Cultivation) -> Cultivation:
    return cleaned(c, texts=("description",))


def validate_cultivation(c: Cultivation) -> dict[str, Problem]:
    if not c.description:
        return {"description": Problem.REQUIRED}
    return too_long(c, CULTIVATION_MAX_LENGTH)


def clean_right_use(u: RightUse) -> RightUse:
    return cleaned(u, texts=("note",))


def validate_right_use(u: RightUse) -> dict[str, Problem]:
    # Meetings and projects are read from their records, never typed.
    problems = {"source": Problem.REQUIRED} if u.derived else {}
    return {**problems, **required(u, "note"), **too_long(u, RIGHT_USE_MAX_LENGTH)}
