"""The roster (人员与组织): the neighborhood, its grids and buildings, people, organizations."""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.listing import ListQuery
from desktop.domain.partners import PartnerType
from desktop.domain.phone import tidy_phone
from desktop.domain.text import clean_text, cleaned

NAME_MAX = 40  # a person's, a building's, a unit's, a room's name
ORGANIZATION_NAME_MAX = 2 * NAME_MAX
PHONE_MAX = 30  # as typed, blanks and brackets included; a valid number has at most 20
# Two-character surnames, so 欧阳振华 masks as 欧阳*华 (not 欧*振华).
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "司徒",
        "夏侯",
        "长孙",
        "宇文",
        "端木",
        "轩辕",
        "呼延",
        "西门",
        "南宫",
        "独孤",
    }
)
TEXT_MAX = 2000
PERSON_MAX_LENGTH = {"name": NAME_MAX, "phone": PHONE_MAX, "skills": TEXT_MAX, "note": TEXT_MAX}
ADDRESS_MAX_LENGTH = {"unit": NAME_MAX, "room": NAME_MAX}
ORGANIZATION_MAX_LENGTH = {
    "name": ORGANIZATION_NAME_MAX,
    "contact_name": NAME_MAX,
    "phone": PHONE_MAX,
    "note": TEXT_MAX,
}
NEIGHBORHOOD_MAX_LENGTH = {"name": NAME_MAX, "community": NAME_MAX, "street": NAME_MAX}
BUILDING_MAX_LENGTH = {"name": NAME_MAX}  # a grid's name too (validate_name)


class PersonRole(Enum):
    """Roles a resident can hold in the branch's work (docs/architecture.md, "Words")."""

    BUILDING_LEADER = "building_leader"
    TALENT = "talent"
    OWNERS_COMMITTEE_MEMBER = "owners_committee_member"
    SELF_ORGANIZATION_MEMBER = "self_organization_member"
    VOLUNTEER = "volunteer"


class TalentRight(Enum):
    """The four rights of a talented resident (贤达能人四权)."""

    DELIBERATION = "deliberation"
    SUGGESTION = "suggestion"
    SUPERVISION = "supervision"
    EVALUATION = "evaluation"


class OrganizationKind(Enum):
    PROPERTY_COMPANY = "property_company"
    OWNERS_COMMITTEE = "owners_committee"
    SELF_ORGANIZATION = "self_organization"
    PARTNER_UNIT = "partner_unit"


@dataclass
class Neighborhood:
    name: str = ""
    community: str = ""
    street: str = ""


@dataclass
class Grid:
    name: str
    id: int | None = None


@dataclass
class Building:
    name: str
    grid_id: int | None = None
    unit_count: int = 1
    id: int | None = None


@dataclass
class Address:
    """Where a resident lives: building (by id), unit and room as typed (e.g. 2 单元 1203)."""

    building_id: int | None = None
    unit: str = ""
    room: str = ""


@dataclass
class Person:
    name: str
    phone: str = ""
    address: Address = field(default_factory=Address)
    is_party_member: bool = False
    roles: frozenset[PersonRole] = frozenset()
    skills: str = ""
    talent_rights: frozenset[TalentRight] = frozenset()
    note: str = ""
    id: int | None = None
    uuid: str | None = None


@dataclass
class PersonRow:
    """One line of the people list, already joined with its building's name."""

    id: int
    name: str
    phone: str
    building: str
    unit: str
    room: str
    is_party_member: bool
    roles: frozenset[PersonRole]
    deleted_at: datetime | None = None


@dataclass
class Organization:
    kind: OrganizationKind
    name: str
    contact_name: str = ""
    phone: str = ""
    term_start: date | None = None
    term_end: date | None = None
    note: str = ""
    id: int | None = None
    uuid: str | None = None
    # When the branch incubated a self-organization (孵化); counted by the indicators.
    incubated_on: date | None = None
    # A partner unit's type: agency, enterprise or school.
    partner_type: PartnerType | None = None


@dataclass
class PeopleQuery(ListQuery):
    """What the people list shows: search text and filters, applied in SQL."""

    role: PersonRole | None = None
    building_id: int | None = None
    party_member: bool | None = None
    sort: str = "name"
    descending: bool = False


def clean_person(person: Person) -> Person:
    """Return the person with cleaned text, ready to validate and store."""
    return cleaned(
        person,
        lines=("name",),
        texts=("skills", "note"),
        phone=tidy_phone(clean_text(person.phone, single_line=True)),
        address=cleaned(person.address, lines=("unit", "room")),
        roles=frozenset(person.roles),
        # The four rights belong to talented residents only.
        talent_rights=frozenset(person.talent_rights)
        if PersonRole.TALENT in person.roles
        else frozenset(),
    )


def validate_name(name: str) -> Problem | None:
    text = clean_text(name, single_line=True)
    if not text:
        return Problem.REQUIRED
    if len(text) > NAME_MAX:
        return Problem.TOO_LONG
    return None


def validate_phone(phone: str, *, required: bool = False) -> Problem | None:
    """Only a missing number is a problem: a doubtful one is a warning the form shows
    (``phone.phone_doubt``), never a refusal."""
    if not clean_text(phone, single_line=True):
        return Problem.REQUIRED if required else None
    return None


def validate_person(person: Person) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if p := validate_name(person.name):
        problems["name"] = p
    if p := validate_phone(person.phone):
        problems["phone"] = p
    problems.update(too_long(person.address, ADDRESS_MAX_LENGTH))
    problems.update(too_long(person, {k: n for k, n in PERSON_MAX_LENGTH.items() if k != "name"}))
    return problems


def clean_organization(org: Organization) -> Organization:
    return cleaned(
        org,
        lines=("name", "contact_name"),
        texts=("note",),
        phone=tidy_phone(clean_text(org.phone, single_line=True)),
    )


def validate_organization(org: Organization) -> dict[str, Problem]:
    problems = required(org, "name")
    if p := validate_phone(org.phone):
        problems["phone"] = p
    problems.update(in_order(org, "term_start", "term_end", Problem.TERM_ORDER))
    problems.update(too_long(org, ORGANIZATION_MAX_LENGTH))
    return problems


def validate_neighborhood(hood: Neighborhood) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    for key, limit in NEIGHBORHOOD_MAX_LENGTH.items():
        value = clean_text(getattr(hood, key), single_line=True)
        if not value:
            problems[key] = Problem.REQUIRED
        elif len(value) > limit:
            problems[key] = Problem.TOO_LONG
    return problems
