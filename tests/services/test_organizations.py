"""Organizations: save, search, kinds, the owners' committee's term, trash."""

from datetime import date

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services.organizations import (
    count_organizations,
    delete_organizations,
    get_organization,
    list_organizations,
    save_organization,
)
from desktop.store.database import Database
from tests.trash_items import purge_records, restore_records

TERM = (date(2024, 6, 1), date(2029, 5, 31))


def add(db: Database, kind: OrganizationKind, name: str, **fields: object) -> Organization:
    saved = save_organization(db, Organization(kind=kind, name=name, **fields))
    assert saved.id is not None
    return saved


@pytest.fixture
def orgs(db: Database) -> dict[str, Organization]:
    return {
        o.name: o
        for o in [
            add(
                db,
                OrganizationKind.PROPERTY_COMPANY,
                "鹏安物业",
                contact_name="张伟",
                phone="0755-26880000",
            ),
            add(
                db,
                OrganizationKind.OWNERS_COMMITTEE,
                "翠竹苑业主委员会",
                contact_name="李堃",
                phone="13812345678",
                term_start=TERM[0],
                term_end=TERM[1],
            ),
            add(db, OrganizationKind.SELF_ORGANIZATION, "夕阳红舞蹈队", contact_name="王䶮"),
            add(
                db,
                OrganizationKind.SELF_ORGANIZATION,
                "亲子读书会",
                contact_name="𠮷祥",
                phone="13912345678",
            ),
            add(db, OrganizationKind.PARTNER_UNIT, "鹏程律师事务所", contact_name="赵喆"),
            add(db, OrganizationKind.PARTNER_UNIT, "100%公益_服务社"),
        ]
    }


def test_save_and_get(db: Database) -> None:
    saved = add(
        db,
        OrganizationKind.OWNERS_COMMITTEE,
        " 业主\x0b委员会 ",
        contact_name=" 王䶮 ",
        phone="+86 138 1234 5678",
        term_start=TERM[0],
        term_end=TERM[1],
        note="第三届\n换届中",
    )
    got = get_organization(db, saved.id)
    assert got == saved
    assert got.name == "业主委员会"
    assert got.contact_name == "王䶮"
    assert got.phone == "13812345678"
    assert (got.term_start, got.term_end) == TERM
    assert got.note == "第三届\n换届中"
    assert got.uuid is not None


def test_update_keeps_identity(db: Database, orgs: dict[str, Organization]) -> None:
    org = orgs["夕阳红舞蹈队"]
    org.name = "夕阳红广场舞队"
    org.contact_name = "𠮷祥"
    saved = save_organization(db, org)
    assert (saved.id, saved.uuid) == (org.id, org.uuid)
    assert get_organization(db, org.id).name == "夕阳红广场舞队"
    assert count_organizations(db) == len(orgs)


@pytest.mark.parametrize(
    "kind",
    [
        OrganizationKind.PROPERTY_COMPANY,
        OrganizationKind.SELF_ORGANIZATION,
        OrganizationKind.PARTNER_UNIT,
    ],
)
def test_term_is_kept_only_for_the_owners_committee(db: Database, kind: OrganizationKind) -> None:
    saved = add(db, kind, "某单位", term_start=TERM[0], term_end=TERM[1])
    assert (saved.term_start, saved.term_end) == (None, None)
    got = get_organization(db, saved.id)
    assert (got.term_start, got.term_end) == (None, None)


def test_changing_kind_away_from_committee_drops_the_term(
    db: Database, orgs: dict[str, Organization]
) -> None:
    org = orgs["翠竹苑业主委员会"]
    before = get_organization(db, org.id)
    assert (before.term_start, before.term_end) == TERM
    org.kind = OrganizationKind.SELF_ORGANIZATION
    save_organization(db, org)
    got = get_organization(db, org.id)
    assert (got.term_start, got.term_end) == (None, None)


def test_validation(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_organization(
            db,
            Organization(
                kind=OrganizationKind.OWNERS_COMMITTEE,
                name=" \x0b",
                phone="12345678901",
                term_start=date(2029, 1, 1),
                term_end=date(2024, 1, 1),
            ),
        )
    assert caught.value.problems == {
        "name": Problem.REQUIRED,
        "term_end": Problem.TERM_ORDER,
    }
    assert count_organizations(db) == 0


def test_missing_organization(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_organization(db, 99)
    with pytest.raises(NotFoundError):
        save_organization(db, Organization(kind=OrganizationKind.PARTNER_UNIT, name="x", id=99))


def test_list_is_ordered_by_kind_then_name(db: Database, orgs: dict[str, Organization]) -> None:
    listed = list_organizations(db)
    keys = [(o.kind.value, o.name) for o in listed]
    assert keys == sorted(keys)
    assert len(listed) == count_organizations(db) == 6


def test_filter_by_kind(db: Database, orgs: dict[str, Organization]) -> None:
    kind = OrganizationKind.SELF_ORGANIZATION
    assert {o.name for o in list_organizations(db, kind=kind)} == {"夕阳红舞蹈队", "亲子读书会"}
    assert count_organizations(db, kind=kind) == 2
    assert count_organizations(db, kind=OrganizationKind.OWNERS_COMMITTEE) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("鹏", {"鹏安物业", "鹏程律师事务所"}),
        ("物业", {"鹏安物业"}),  # two characters
        ("王䶮", {"夕阳红舞蹈队"}),  # contact name
        ("𠮷", {"亲子读书会"}),
        ("1234", {"翠竹苑业主委员会", "亲子读书会"}),  # phone fragment
        ("2688", {"鹏安物业"}),
        ("%", {"100%公益_服务社"}),
        ("_", {"100%公益_服务社"}),
        ("无此单位", set()),
    ],
)
def test_search(db: Database, orgs: dict[str, Organization], text: str, expected: set[str]) -> None:
    assert {o.name for o in list_organizations(db, text)} == expected
    assert count_organizations(db, text) == len(expected)


def test_search_with_kind(db: Database, orgs: dict[str, Organization]) -> None:
    found = list_organizations(db, "鹏", OrganizationKind.PARTNER_UNIT)
    assert [o.name for o in found] == ["鹏程律师事务所"]


def test_paging(db: Database, orgs: dict[str, Organization]) -> None:
    everything = [o.id for o in list_organizations(db)]
    pages = [list_organizations(db, offset=i, limit=4) for i in (0, 4, 8)]
    assert [len(p) for p in pages] == [4, 2, 0]
    assert [o.id for p in pages for o in p] == everything


def test_trash_restore_purge(db: Database, orgs: dict[str, Organization]) -> None:
    gone, kept = orgs["鹏安物业"].id, orgs["亲子读书会"].id
    assert delete_organizations(db, [gone]) == 1
    assert count_organizations(db) == 5
    assert gone not in [o.id for o in list_organizations(db)]
    assert [o.id for o in list_organizations(db, deleted=True)] == [gone]
    assert count_organizations(db, deleted=True) == 1
    with pytest.raises(NotFoundError):
        get_organization(db, gone)
    assert restore_records(db, RecordKind.ORGANIZATION, [gone]) == 1
    assert count_organizations(db) == 6
    assert get_organization(db, gone).name == "鹏安物业"

    delete_organizations(db, [gone])
    assert purge_records(db, RecordKind.ORGANIZATION, [gone, kept]) == 1
    assert count_organizations(db) == 5
    assert count_organizations(db, deleted=True) == 0
    assert get_organization(db, kept).name == "亲子读书会"
    assert restore_records(db, RecordKind.ORGANIZATION, [gone]) == 0
