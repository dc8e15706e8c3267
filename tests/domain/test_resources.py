"""The resources list's rules: cleaning and validation."""

from datetime import date, timedelta

import pytest

from desktop.domain.errors import Problem
from desktop.domain.resources import (
    TEXT_MAX,
    TITLE_MAX,
    ProviderKind,
    Resource,
    ResourceKind,
    clean_resource,
    validate_resource,
)

DAY = date(2026, 1, 10)


def resource(**fields: object) -> Resource:
    values: dict = {"title": "学校运动场周末开放", "registered_on": DAY}
    return Resource(**{**values, **fields})


def test_a_sound_resource_has_no_problems() -> None:
    assert validate_resource(resource(kind=ResourceKind.VENUE, provider="翠竹实验小学")) == {}


def test_title_required_and_length() -> None:
    assert validate_resource(clean_resource(resource(title="\x0b "))) == {"title": Problem.REQUIRED}
    assert validate_resource(resource(title="资" * TITLE_MAX)) == {}
    assert validate_resource(resource(title="资" * (TITLE_MAX + 1))) == {"title": Problem.TOO_LONG}


def test_valid_until_not_before_registration() -> None:
    assert validate_resource(resource(valid_until=DAY - timedelta(days=1))) == {
        "valid_until": Problem.DATE_ORDER
    }
    assert validate_resource(resource(valid_until=DAY)) == {}
    assert validate_resource(resource(valid_until=None)) == {}


@pytest.mark.parametrize("key", ["provider", "availability", "contact", "phone"])
def test_short_fields_too_long(key: str) -> None:
    assert validate_resource(resource(**{key: "字" * 200})) == {}
    assert validate_resource(resource(**{key: "字" * 201})) == {key: Problem.TOO_LONG}


def test_description_too_long() -> None:
    assert validate_resource(resource(description="字" * (TEXT_MAX + 1))) == {
        "description": Problem.TOO_LONG
    }


def test_clean_resource() -> None:
    original = resource(
        title=" 𠮷祥\x0b的 法律咨询 ",
        kind=ResourceKind.SKILL,
        provider_kind=ProviderKind.TALENT,
        provider="  王䶮 ",
        person_id=4,
        description="A&B <b>\r\n第二行",
        availability=" 周末\n预约 ",
        id=3,
        uuid="u",
    )
    cleaned = clean_resource(original)
    assert cleaned.title == "𠮷祥的 法律咨询"
    assert cleaned.provider == "王䶮"
    assert cleaned.description == "A&B <b>\n第二行"
    assert cleaned.availability == "周末 预约"
    assert (cleaned.kind, cleaned.provider_kind, cleaned.person_id, cleaned.id, cleaned.uuid) == (
        ResourceKind.SKILL,
        ProviderKind.TALENT,
        4,
        3,
        "u",
    )
