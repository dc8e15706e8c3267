"""The resources list (资源清单): what the branch can draw on, and who offers it."""

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from desktop.domain.errors import Problem, in_order, required, too_long
from desktop.domain.listing import ListQuery
from desktop.domain.text import cleaned

TITLE_MAX = 100
LINE_MAX = 200  # the provider, when it is available, a contact, a phone: one line
TEXT_MAX = 4000
MAX_LENGTH = {
    "title": TITLE_MAX,
    "provider": LINE_MAX,
    "availability": LINE_MAX,
    "contact": LINE_MAX,
    "phone": LINE_MAX,
    "description": TEXT_MAX,
}


class ResourceKind(Enum):
    VENUE = "venue"
    FUNDS = "funds"
    SKILL = "skill"
    GOODS = "goods"
    VOLUNTEER_SERVICE = "volunteer_service"
    OTHER = "other"


class ProviderKind(Enum):
    """Who offers a resource."""

    PARTNER_UNIT = "partner_unit"
    TALENT = "talent"
    SELF_ORGANIZATION = "self_organization"
    PROPERTY_COMPANY = "property_company"
    OTHER = "other"


@dataclass
class Resource:
    title: str
    kind: ResourceKind = ResourceKind.OTHER
    provider_kind: ProviderKind = ProviderKind.OTHER
    provider: str = ""  # the name as written; linked below when it is in the roster
    organization_id: int | None = None
    person_id: int | None = None
    description: str = ""
    availability: str = ""  # quantity or when it can be used: “活动室，周末全天”
    contact: str = ""
    phone: str = ""
    registered_on: date = field(default_factory=date.today)
    valid_until: date | None = None
    id: int | None = None
    uuid: str | None = None
    # A 暖蜂驿站 (rest station for delivery riders), with a monthly service log.
    is_rest_station: bool = False


@dataclass
class ResourceRow:
    id: int
    title: str
    kind: ResourceKind
    provider_kind: ProviderKind
    provider: str
    availability: str
    valid_until: date | None
    expired: bool
    project_count: int


@dataclass
class ResourceQuery(ListQuery):
    kind: ResourceKind | None = None
    provider_kind: ProviderKind | None = None
    valid_only: bool = False
    sort: str = "registered"
    descending: bool = True


def clean_resource(r: Resource) -> Resource:
    return cleaned(
        r,
        lines=("title", "provider", "availability", "contact", "phone"),
        texts=("description",),
    )


def validate_resource(r: Resource) -> dict[str, Problem]:
    return {
        **required(r, "title"),
        **too_long(r, MAX_LENGTH),
        **in_order(r, "registered_on", "valid_until"),
    }
