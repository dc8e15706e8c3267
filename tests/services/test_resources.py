"""The resources list: save and read back, links of the provider to the roster, filters,
counts, sorting, expiry, use by projects, trash."""

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.projects import Project
from desktop.domain.resources import ProviderKind, Resource, ResourceKind, ResourceQuery
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services.organizations import delete_organizations, save_organization
from desktop.services.projects import get_project, projects_of_resource, save_project
from desktop.services.resources import (
    count_resources,
    delete_resources,
    get_resource,
    list_resources,
    save_resource,
)
from desktop.store.database import Database
from tests.services.conftest import Roster, add_person
from tests.services.migrated import copy_of_migrated
from tests.trash_items import purge_records, restore_records

TODAY = date.today()  # expiry is judged against the real today
DAY = TODAY - timedelta(days=200)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = copy_of_migrated(data_dir)
    yield database
    database.close()


def add(db: Database, title: str = "学校运动场周末开放", **fields: object) -> Resource:
    fields.setdefault("registered_on", DAY)
    return save_resource(db, Resource(title=title, **fields))


def org(db: Database, name: str, kind: OrganizationKind = OrganizationKind.PARTNER_UNIT) -> int:
    saved = save_organization(db, Organization(kind=kind, name=name))
    assert saved.id is not None
    return saved.id


def titles(db: Database, query: ResourceQuery, **kwargs: object) -> list[str]:
    return [row.title for row in list_resources(db, query, **kwargs)]


# --- save, get, update ------------------------------------------------------------------------


def test_save_and_get_round_trip(db: Database) -> None:
    school = org(db, "翠竹实验小学")
    saved = add(
        db,
        title=" 学校运动场\x0b周末开放 ",
        kind=ResourceKind.VENUE,
        provider_kind=ProviderKind.PARTNER_UNIT,
        provider="翠竹实验小学",
        description="周六、周日早上开放\r\n需提前登记",
        availability=" 周六、周日\n7:00–9:00 ",
        contact="范老师",
        phone="0755-26880000",
        valid_until=DAY + timedelta(days=365),
    )
    assert saved.id is not None
    assert saved.uuid is not None and len(saved.uuid) == 36
    got = get_resource(db, saved.id)
    assert got == saved
    assert got.title == "学校运动场周末开放"
    assert got.description == "周六、周日早上开放\n需提前登记"
    assert got.availability == "周六、周日 7:00–9:00"
    assert (got.organization_id, got.person_id) == (school, None)
    assert (got.kind, got.provider_kind) == (ResourceKind.VENUE, ProviderKind.PARTNER_UNIT)
    assert (got.registered_on, got.valid_until) == (DAY, DAY + timedelta(days=365))


def test_update_keeps_identity(db: Database) -> None:
    saved = add(db)
    saved.title = "学校多功能厅"
    saved.kind = ResourceKind.VENUE
    saved.availability = "寒暑假"
    updated = save_resource(db, saved)
    assert (updated.id, updated.uuid) == (saved.id, saved.uuid)
    got = get_resource(db, saved.id)
    assert (got.title, got.kind, got.availability) == ("学校多功能厅", ResourceKind.VENUE, "寒暑假")
    assert count_resources(db, ResourceQuery()) == 1


def test_missing_resources_are_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_resource(db, 404)
    with pytest.raises(NotFoundError):
        save_resource(db, Resource(title="x", id=404))


def test_rare_characters_and_markup_kept_exactly(db: Database, roster: Roster) -> None:
    saved = add(
        db,
        title="𠮷祥的 A&B <b>书法</b>",
        provider="𠮷祥",
        kind=ResourceKind.SKILL,
        provider_kind=ProviderKind.TALENT,
        availability="<周末> & 节假日",
    )
    got = get_resource(db, saved.id)
    assert (got.title, got.provider, got.availability) == (
        "𠮷祥的 A&B <b>书法</b>",
        "𠮷祥",
        "<周末> & 节假日",
    )
    assert got.person_id == roster.people["𠮷祥"]
    assert titles(db, ResourceQuery(text="𠮷祥")) == ["𠮷祥的 A&B <b>书法</b>"]
    assert titles(db, ResourceQuery(text="<b>")) == ["𠮷祥的 A&B <b>书法</b>"]
    assert add(db, "䶮").title == "䶮"


# --- validation ---------------------------------------------------------------------------


def test_title_required_and_nothing_saved(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, title="\x0b ")
    assert caught.value.problems == {"title": Problem.REQUIRED}
    assert count_resources(db, ResourceQuery()) == 0


def test_valid_until_before_registration_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, valid_until=DAY - timedelta(days=1))
    assert caught.value.problems == {"valid_until": Problem.DATE_ORDER}
    assert count_resources(db, ResourceQuery()) == 0


# --- provider links -----------------------------------------------------------------------


def test_a_talent_links_the_one_person_of_that_name(db: Database, roster: Roster) -> None:
    saved = add(db, "法律咨询", provider="王䶮", provider_kind=ProviderKind.TALENT)
    assert (saved.person_id, saved.organization_id) == (roster.people["王䶮"], None)


def test_two_people_of_one_name_link_neither(db: Database, roster: Roster) -> None:
    add_person(db, "王䶮")
    saved = add(db, "法律咨询", provider="王䶮", provider_kind=ProviderKind.TALENT)
    assert (saved.provider, saved.person_id) == ("王䶮", None)


@pytest.mark.parametrize(
    "kind",
    [
        ProviderKind.PARTNER_UNIT,
        ProviderKind.SELF_ORGANIZATION,
        ProviderKind.PROPERTY_COMPANY,
        ProviderKind.OTHER,
    ],
)
def test_organizations_link_by_name(db: Database, kind: ProviderKind) -> None:
    unit = org(db, "南园供电所")
    saved = add(db, "用电安全检查", provider="南园供电所", provider_kind=kind)
    assert (saved.organization_id, saved.person_id) == (unit, None)


def test_two_organizations_of_one_name_link_neither(db: Database) -> None:
    org(db, "翠竹志愿服务队", OrganizationKind.SELF_ORGANIZATION)
    org(db, "翠竹志愿服务队", OrganizationKind.SELF_ORGANIZATION)
    saved = add(
        db, "夜间巡逻", provider="翠竹志愿服务队", provider_kind=ProviderKind.SELF_ORGANIZATION
    )
    assert saved.organization_id is None


def test_an_organization_in_the_trash_does_not_count(db: Database) -> None:
    delete_organizations(db, [org(db, "鹏程律师事务所")])
    saved = add(
        db, "法律咨询日", provider="鹏程律师事务所", provider_kind=ProviderKind.PARTNER_UNIT
    )
    assert saved.organization_id is None


def test_unknown_providers_are_kept_as_written(db: Database, roster: Roster) -> None:
    talent = add(db, "修电脑", provider=" 隔壁小刘 ", provider_kind=ProviderKind.TALENT)
    partner = add(db, "图书", provider="深圳图书馆", provider_kind=ProviderKind.PARTNER_UNIT)
    assert (talent.provider, talent.person_id, talent.organization_id) == ("隔壁小刘", None, None)
    assert (partner.provider, partner.person_id, partner.organization_id) == (
        "深圳图书馆",
        None,
        None,
    )


def test_link_follows_the_provider_on_update(db: Database, roster: Roster) -> None:
    saved = add(db, "调解纠纷", provider="李伟", provider_kind=ProviderKind.TALENT)
    assert saved.person_id == roster.people["李伟"]
    saved.provider = "赵堃"  # the old person_id is stale now
    saved = save_resource(db, saved)
    assert saved.person_id == roster.people["赵堃"]
    saved.provider = "不在名册的人"
    assert save_resource(db, saved).person_id is None


def test_link_follows_the_provider_kind_on_update(db: Database, roster: Roster) -> None:
    """A provider first entered as a talented resident, then corrected to the organization of
    the same name, must not stay linked to the person (nor the other way round)."""
    office = org(db, "王䶮")  # an organization that happens to bear the name
    saved = add(db, "场地", provider="王䶮", provider_kind=ProviderKind.TALENT)
    assert (saved.person_id, saved.organization_id) == (roster.people["王䶮"], None)
    saved.provider_kind = ProviderKind.PARTNER_UNIT
    saved = save_resource(db, saved)
    assert (saved.person_id, saved.organization_id) == (None, office)
    saved.provider_kind = ProviderKind.TALENT
    saved = save_resource(db, saved)
    assert (saved.person_id, saved.organization_id) == (roster.people["王䶮"], None)


# --- filters, counts, sorting, expiry, use --------------------------------------------------


@pytest.fixture
def spread(db: Database, roster: Roster) -> dict[str, int]:
    org(db, "翠竹实验小学")
    spec = [
        # title, kind, provider kind, provider, registered (days ago), valid for (days)
        ("运动场", ResourceKind.VENUE, ProviderKind.PARTNER_UNIT, "翠竹实验小学", 300, None),
        (
            "四点半课堂",
            ResourceKind.VOLUNTEER_SERVICE,
            ProviderKind.PARTNER_UNIT,
            "翠竹实验小学",
            250,
            100,
        ),  # expired 150 days ago
        ("法律咨询", ResourceKind.SKILL, ProviderKind.TALENT, "王䶮", 200, 200),  # ends today
        ("公共收益资金", ResourceKind.FUNDS, ProviderKind.PROPERTY_COMPANY, "鹏安物业", 100, 99),
        ("图书", ResourceKind.GOODS, ProviderKind.SELF_ORGANIZATION, "亲子读书会", 10, 365),
    ]
    ids = {}
    for title, kind, provider_kind, provider, ago, valid in spec:
        registered = TODAY - timedelta(days=ago)
        until = None if valid is None else registered + timedelta(days=valid)
        ids[title] = add(
            db,
            title,
            kind=kind,
            provider_kind=provider_kind,
            provider=provider,
            registered_on=registered,
            valid_until=until,
        ).id
    return ids


def test_rows_carry_expiry_and_use(db: Database, spread: dict[str, int]) -> None:
    save_project(
        db, Project(title="四点半课堂", resource_ids=[spread["四点半课堂"], spread["运动场"]])
    )
    save_project(db, Project(title="暑期托管", resource_ids=[spread["四点半课堂"]]))
    rows = {r.title: r for r in list_resources(db, ResourceQuery())}
    assert {t for t, r in rows.items() if r.expired} == {"四点半课堂", "公共收益资金"}
    assert not rows["法律咨询"].expired  # valid until today: still valid
    assert not rows["运动场"].expired  # no end
    assert {t: r.project_count for t, r in rows.items()} == {
        "运动场": 1,
        "四点半课堂": 2,
        "法律咨询": 0,
        "公共收益资金": 0,
        "图书": 0,
    }
    assert rows["法律咨询"].provider == "王䶮"


FILTER_CASES = [
    (ResourceQuery(kind=ResourceKind.VENUE), {"运动场"}),
    (ResourceQuery(provider_kind=ProviderKind.PARTNER_UNIT), {"运动场", "四点半课堂"}),
    (ResourceQuery(valid_only=True), {"运动场", "法律咨询", "图书"}),
    (ResourceQuery(valid_only=True, provider_kind=ProviderKind.PARTNER_UNIT), {"运动场"}),
    (ResourceQuery(text="翠竹"), {"运动场", "四点半课堂"}),
    (ResourceQuery(text="王䶮"), {"法律咨询"}),
    (ResourceQuery(kind=ResourceKind.FUNDS, valid_only=True), set()),
]


def test_filters_and_counts(db: Database, spread: dict[str, int]) -> None:
    for query, expected in FILTER_CASES:
        assert set(titles(db, query)) == expected, query
        assert count_resources(db, query) == len(expected), query


def test_default_order_is_newest_first(db: Database, spread: dict[str, int]) -> None:
    assert titles(db, ResourceQuery()) == [
        "图书",
        "公共收益资金",
        "法律咨询",
        "四点半课堂",
        "运动场",
    ]
    assert titles(db, ResourceQuery(descending=False))[0] == "运动场"


def test_sort_by_title_and_provider(db: Database, spread: dict[str, int]) -> None:
    by_title = titles(db, ResourceQuery(sort="title", descending=False))
    assert by_title == sorted(by_title)
    providers = [r.provider for r in list_resources(db, ResourceQuery(sort="provider"))]
    assert providers == sorted(providers, reverse=True)


# --- trash ------------------------------------------------------------------------------------


def test_delete_restore_purge(db: Database, spread: dict[str, int]) -> None:
    used = spread["运动场"]
    project = save_project(db, Project(title="周末运动会", resource_ids=[used]))
    assert delete_resources(db, [used, spread["图书"]]) == 2
    assert count_resources(db, ResourceQuery()) == 3
    assert set(titles(db, ResourceQuery(), deleted=True)) == {"运动场", "图书"}
    with pytest.raises(NotFoundError):
        get_resource(db, used)

    assert restore_records(db, RecordKind.RESOURCE, [spread["图书"]]) == 1
    assert get_resource(db, spread["图书"]).title == "图书"

    live = spread["法律咨询"]
    # A live resource is never destroyed.
    assert purge_records(db, RecordKind.RESOURCE, [used, live]) == 1
    assert get_resource(db, live).title == "法律咨询"
    assert count_resources(db, ResourceQuery(), deleted=True) == 0
    # The project forgets the destroyed resource, and the resource its project.
    assert get_project(db, project.id).resource_ids == []
    assert projects_of_resource(db, used) == []
