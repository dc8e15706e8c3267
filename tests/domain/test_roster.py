"""validate_person and friends: every problem named, per field."""

from datetime import date

import pytest

from desktop.domain.errors import Problem, ValidationError
from desktop.domain.roster import (
    NAME_MAX,
    TEXT_MAX,
    Address,
    Neighborhood,
    Organization,
    OrganizationKind,
    Person,
    PersonRole,
    TalentRight,
    clean_organization,
    clean_person,
    validate_neighborhood,
    validate_organization,
    validate_person,
)


def test_a_sound_person_has_no_problems() -> None:
    person = Person(
        name="王䶮", phone="13812345678", address=Address(building_id=1, unit="2", room="1203")
    )
    assert validate_person(person) == {}


def test_landline_and_empty_phone_are_fine() -> None:
    assert validate_person(Person(name="张伟", phone="0755-26881234")) == {}
    assert validate_person(Person(name="张伟", phone="")) == {}


@pytest.mark.parametrize("name", ["", "   ", "\x0b", "\n\t"])
def test_name_is_required(name: str) -> None:
    assert validate_person(Person(name=name)) == {"name": Problem.REQUIRED}


def test_name_length_limit_counts_characters_not_bytes() -> None:
    assert validate_person(Person(name="𠮷" * NAME_MAX)) == {}
    assert validate_person(Person(name="𠮷" * (NAME_MAX + 1))) == {"name": Problem.TOO_LONG}


def test_a_doubtful_phone_is_kept_as_typed_not_refused() -> None:
    """The form warns about it (phone_doubt); the record is still valid and keeps the text."""
    person = clean_person(Person(name="张伟", phone=" 26881234（白天） "))
    assert validate_person(person) == {}
    assert person.phone == "26881234（白天）"
    assert clean_person(Person(name="张伟", phone="+86 138 1234 5678")).phone == "13812345678"


def test_every_problem_is_reported_at_once() -> None:
    person = Person(
        name="",
        phone="123",
        address=Address(unit="单" * (NAME_MAX + 1), room="9" * (NAME_MAX + 1)),
        skills="技" * (TEXT_MAX + 1),
        note="注" * (TEXT_MAX + 1),
    )
    assert validate_person(person) == {
        "name": Problem.REQUIRED,
        "unit": Problem.TOO_LONG,
        "room": Problem.TOO_LONG,
        "skills": Problem.TOO_LONG,
        "note": Problem.TOO_LONG,
    }


def test_validation_error_carries_the_problems() -> None:
    error = ValidationError({"name": Problem.REQUIRED})
    assert error.problems == {"name": Problem.REQUIRED}
    assert "name: required" in str(error)


def test_clean_person_cleans_text_and_normalizes_phone() -> None:
    raw = Person(
        name=" 李\x0b堃 ",
        phone="+86 138 1234 5678",
        address=Address(building_id=3, unit=" 2 ", room="12\x0b03"),
        skills="水电\x0c维修\n",
        note="  备注\r\n第二行 ",
        id=7,
        uuid="u",
    )
    cleaned = clean_person(raw)
    assert cleaned.name == "李堃"
    assert cleaned.phone == "13812345678"
    assert cleaned.address == Address(building_id=3, unit="2", room="1203")
    assert cleaned.skills == "水电维修"
    assert cleaned.note == "备注\n第二行"
    assert (cleaned.id, cleaned.uuid) == (7, "u")


def test_talent_rights_only_for_talented_residents() -> None:
    rights = frozenset({TalentRight.DELIBERATION, TalentRight.SUPERVISION})
    talent = clean_person(
        Person(name="喆", roles=frozenset({PersonRole.TALENT}), talent_rights=rights)
    )
    volunteer = clean_person(
        Person(name="喆", roles=frozenset({PersonRole.VOLUNTEER}), talent_rights=rights)
    )
    assert talent.talent_rights == rights
    assert volunteer.talent_rights == frozenset()


def test_organization_rules() -> None:
    good = Organization(
        kind=OrganizationKind.OWNERS_COMMITTEE,
        name="翠竹苑业主委员会",
        phone="0755-26880000",
        term_start=date(2024, 6, 1),
        term_end=date(2029, 5, 31),
    )
    assert validate_organization(good) == {}
    bad = Organization(
        kind=OrganizationKind.OWNERS_COMMITTEE,
        name="",
        phone="123",
        contact_name="名" * (NAME_MAX + 1),
        term_start=date(2029, 1, 1),
        term_end=date(2024, 1, 1),
        note="注" * (TEXT_MAX + 1),
    )
    assert validate_organization(bad) == {
        "name": Problem.REQUIRED,
        "contact_name": Problem.TOO_LONG,
        "term_end": Problem.TERM_ORDER,
        "note": Problem.TOO_LONG,
    }
    too_long = Organization(kind=OrganizationKind.PARTNER_UNIT, name="单" * (2 * NAME_MAX + 1))
    assert validate_organization(too_long) == {"name": Problem.TOO_LONG}


def test_clean_organization() -> None:
    org = clean_organization(
        Organization(
            kind=OrganizationKind.PARTNER_UNIT,
            name=" 鹏程\x0b律师事务所 ",
            phone=" 0755 2688 0000 ",
        )
    )
    assert org.name == "鹏程律师事务所"
    assert org.phone == "075526880000"


def test_neighborhood_needs_all_three_names() -> None:
    assert validate_neighborhood(Neighborhood("翠竹苑", "翠竹社区", "南园街道")) == {}
    assert validate_neighborhood(Neighborhood("", " ", "街" * (NAME_MAX + 1))) == {
        "name": Problem.REQUIRED,
        "community": Problem.REQUIRED,
        "street": Problem.TOO_LONG,
    }
