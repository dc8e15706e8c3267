"""The projects list: save and read back with parties and links, exact money, the stage flow,
links to needs and resources both ways, resolving answered needs, filters, sorting, trash."""

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need, NeedStatus
from desktop.domain.projects import (
    Party,
    PartyRole,
    Project,
    ProjectKind,
    ProjectQuery,
    ProjectStage,
)
from desktop.domain.resources import Resource
from desktop.domain.roster import Address, Organization, OrganizationKind
from desktop.services import trash
from desktop.services.needs import (
    change_status,
    delete_needs,
    get_need,
    list_categories,
    save_need,
    status_history,
)
from desktop.services.organizations import save_organization
from desktop.services.people import delete_people
from desktop.services.projects import (
    count_projects,
    delete_projects,
    get_project,
    link_need,
    list_projects,
    open_needs_of_project,
    projects_of_need,
    projects_of_resource,
    resolve_needs,
    save_project,
)
from desktop.services.resources import delete_resources, save_resource
from desktop.store.database import Database
from tests.services.conftest import Roster, add_person
from tests.services.migrated import copy_of_migrated
from tests.trash_items import purge_records, restore_records

PROPOSED, IN_PROGRESS, AWAITING, COMPLETED, TERMINATED = (
    ProjectStage.PROPOSED,
    ProjectStage.IN_PROGRESS,
    ProjectStage.AWAITING_ACCEPTANCE,
    ProjectStage.COMPLETED,
    ProjectStage.TERMINATED,
)
DAY = date(2026, 3, 2)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = copy_of_migrated(data_dir)
    yield database
    database.close()


def add(db: Database, title: str = "地下车库照明改造", **fields: object) -> Project:
    fields.setdefault("registered_on", DAY)
    return save_project(db, Project(title=title, **fields))


def need(db: Database, title: str, status: NeedStatus = NeedStatus.PENDING) -> int:
    category = list_categories(db)[0].id
    reason = "理由" if status in (NeedStatus.REFERRED, NeedStatus.REJECTED) else ""
    saved = save_need(
        db,
        Need(
            title=title,
            category_id=category,
            registered_on=DAY,
            status=status,
            status_reason=reason,
        ),
    )
    assert saved.id is not None
    return saved.id


def resource(db: Database, title: str) -> int:
    saved = save_resource(db, Resource(title=title, registered_on=DAY))
    assert saved.id is not None
    return saved.id


def org(db: Database, name: str, kind: OrganizationKind = OrganizationKind.PARTNER_UNIT) -> int:
    saved = save_organization(db, Organization(kind=kind, name=name))
    assert saved.id is not None
    return saved.id


def titles(rows: list) -> list[str]:
    return [r.title for r in rows]


# --- save, get, update ------------------------------------------------------------------------


def test_save_and_get_round_trip(db: Database, roster: Roster) -> None:
    company = org(db, "深圳市鹏安物业服务有限公司", OrganizationKind.PROPERTY_COMPANY)
    needs = [need(db, "车库照明不足"), need(db, "车库漏水")]
    used = [resource(db, "民生微实事资金")]
    saved = add(
        db,
        title=" 2026年地下车库\x0b照明改造 ",
        kind=ProjectKind.LIVELIHOOD_MICRO,
        description="更换灯具\r\n加装感应照明",
        budget=Decimal("12345.67"),
        spent=Decimal("0.10") + Decimal("0.20"),
        parties=[
            Party(PartyRole.INITIATOR, "王䶮"),
            Party(PartyRole.ORGANIZER, "翠竹苑小区党支部"),
            Party(PartyRole.IMPLEMENTER, "深圳市鹏安物业服务有限公司"),
        ],
        start_on=DAY + timedelta(days=10),
        need_ids=needs,
        resource_ids=used,
    )
    assert saved.id is not None
    assert saved.uuid is not None and len(saved.uuid) == 36
    got = get_project(db, saved.id)
    assert got == saved
    assert got.title == "2026年地下车库照明改造"
    assert got.description == "更换灯具\n加装感应照明"
    assert got.budget == Decimal("12345.67")
    assert got.spent == Decimal("0.30")
    assert (got.kind, got.stage) == (ProjectKind.LIVELIHOOD_MICRO, PROPOSED)
    assert got.parties == [
        Party(PartyRole.INITIATOR, "王䶮", person_id=roster.people["王䶮"]),
        Party(PartyRole.ORGANIZER, "翠竹苑小区党支部"),  # not in the roster: kept as text
        Party(PartyRole.IMPLEMENTER, "深圳市鹏安物业服务有限公司", organization_id=company),
    ]
    assert (got.need_ids, got.resource_ids) == (sorted(needs), used)
    assert (got.registered_on, got.start_on, got.end_on) == (DAY, DAY + timedelta(days=10), None)


def test_update_replaces_parties_and_links(db: Database) -> None:
    first, second = need(db, "路灯不亮"), need(db, "绿化带积水")
    saved = add(db, parties=[Party(PartyRole.INITIATOR, "张三")], need_ids=[first])
    saved.title = "小区照明提升"
    saved.parties = [Party(PartyRole.ORGANIZER, "李四"), Party(PartyRole.IMPLEMENTER, "王五")]
    saved.need_ids = [second]
    updated = save_project(db, saved)
    assert (updated.id, updated.uuid) == (saved.id, saved.uuid)
    got = get_project(db, saved.id)
    assert got.title == "小区照明提升"
    assert [(p.role, p.name) for p in got.parties] == [
        (PartyRole.ORGANIZER, "李四"),
        (PartyRole.IMPLEMENTER, "王五"),
    ]
    assert got.need_ids == [second]
    assert projects_of_need(db, first) == []
    assert count_projects(db, ProjectQuery()) == 1


def test_missing_projects_are_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_project(db, 404)
    with pytest.raises(NotFoundError):
        save_project(db, Project(title="x", id=404))


def test_rare_characters_and_markup_kept_exactly(db: Database, roster: Roster) -> None:
    parties = [Party(PartyRole.INITIATOR, "𠮷祥"), Party(PartyRole.ORGANIZER, "A&B <i>")]
    saved = add(db, title="䶮𠮷 A&B <b>书屋</b>", evaluation="<img src=x> & 好", parties=parties)
    got = get_project(db, saved.id)
    assert got.title == "䶮𠮷 A&B <b>书屋</b>"
    assert got.evaluation == "<img src=x> & 好"
    assert [p.name for p in got.parties] == ["𠮷祥", "A&B <i>"]
    assert got.parties[0].person_id == roster.people["𠮷祥"]
    assert titles(list_projects(db, ProjectQuery(text="𠮷"))) == ["䶮𠮷 A&B <b>书屋</b>"]
    assert titles(list_projects(db, ProjectQuery(text="A&B <b>"))) == ["䶮𠮷 A&B <b>书屋</b>"]


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount", ["0.00", "0.01", "0.30", "8000.00", "12345.67", "200000.00", "99999999.99"]
)
def test_money_round_trips_exactly(db: Database, amount: str) -> None:
    saved = add(db, budget=Decimal(amount), spent=Decimal(amount))
    got = get_project(db, saved.id)
    assert (got.budget, got.spent) == (Decimal(amount), Decimal(amount))
    [row] = list_projects(db, ProjectQuery())
    assert (row.budget, row.spent) == (Decimal(amount), Decimal(amount))


def test_sums_of_listed_amounts_are_exact(db: Database) -> None:
    for _ in range(10):
        add(db, budget=Decimal("0.10"), spent=Decimal("0.20"))
    rows = list_projects(db, ProjectQuery())
    assert sum((r.budget for r in rows), Decimal(0)) == Decimal("1.00")
    assert sum((r.budget + r.spent for r in rows), Decimal(0)) == Decimal("3.00")


def test_amounts_beyond_the_fen_are_rounded_half_up(db: Database) -> None:
    saved = add(db, budget=Decimal("0.125"), spent=Decimal("0.004"))
    got = get_project(db, saved.id)
    assert (got.budget, got.spent) == (Decimal("0.13"), Decimal("0.00"))


def test_rating_average_round_trips(db: Database) -> None:
    saved = add(db, rating_count=37, rating_average=Decimal("4.35"))
    got = get_project(db, saved.id)
    assert (got.rating_count, got.rating_average) == (37, Decimal("4.35"))
    saved.rating_average = None
    assert get_project(db, save_project(db, saved).id).rating_average is None


# --- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"title": " "}, {"title": Problem.REQUIRED}),
        ({"budget": Decimal("-0.01")}, {"budget": Problem.NEGATIVE_AMOUNT}),
        ({"spent": Decimal("-8000")}, {"spent": Problem.NEGATIVE_AMOUNT}),
        # 20 digits would not fit SQLite's integers: refused, not a crash.
        ({"budget": Decimal("99999999999999999999")}, {"budget": Problem.TOO_LONG}),
        ({"stage": TERMINATED}, {"stop_reason": Problem.REASON_REQUIRED}),
        ({"start_on": DAY, "end_on": DAY - timedelta(days=1)}, {"end_on": Problem.DATE_ORDER}),
        ({"rating_average": Decimal("0.99")}, {"rating_average": Problem.RATING_RANGE}),
        ({"rating_average": Decimal("5.01")}, {"rating_average": Problem.RATING_RANGE}),
        ({"rating_count": -1}, {"rating_count": Problem.RATING_RANGE}),
    ],
)
def test_invalid_projects_are_refused_and_nothing_saved(
    db: Database, fields: dict, problems: dict
) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, **fields)
    assert caught.value.problems == problems
    assert count_projects(db, ProjectQuery()) == 0


@pytest.mark.parametrize("rating", ["1", "1.00", "5", "5.00"])
def test_ratings_at_the_ends_are_fine(db: Database, rating: str) -> None:
    saved = add(db, rating_count=3, rating_average=Decimal(rating))
    assert get_project(db, saved.id).rating_average == Decimal(rating)


# --- the stage flow -------------------------------------------------------------------------


def test_stages_move_forward_one_step_at_a_time(db: Database) -> None:
    project = add(db)
    for stage in (IN_PROGRESS, AWAITING, COMPLETED):
        project.stage = stage
        project = save_project(db, project)
        assert get_project(db, project.id).stage is stage


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([], AWAITING),  # skips 实施中
        ([], COMPLETED),
        ([IN_PROGRESS], PROPOSED),  # back
        ([IN_PROGRESS, AWAITING, COMPLETED], IN_PROGRESS),
        ([IN_PROGRESS, AWAITING, COMPLETED], TERMINATED),  # done is done
        ([TERMINATED], IN_PROGRESS),
        ([TERMINATED], PROPOSED),
    ],
)
def test_refused_stage_moves_change_nothing(
    db: Database, path: list[ProjectStage], refused: ProjectStage
) -> None:
    project = add(db, stop_reason="资金未获批复")
    for stage in path:
        project.stage = stage
        project = save_project(db, project)
    project.stage = refused
    project.title = "不该保存的标题"
    with pytest.raises(ValidationError) as caught:
        save_project(db, project)
    assert caught.value.problems == {"stage": Problem.STATUS_FLOW}
    got = get_project(db, project.id)
    assert (got.stage, got.title) == ((path or [PROPOSED])[-1], "地下车库照明改造")


@pytest.mark.parametrize("stage", [PROPOSED, IN_PROGRESS, AWAITING])
def test_terminate_from_any_open_stage_with_a_reason(db: Database, stage: ProjectStage) -> None:
    project = add(db)
    for step in (IN_PROGRESS, AWAITING)[: [PROPOSED, IN_PROGRESS, AWAITING].index(stage)]:
        project.stage = step
        project = save_project(db, project)
    project.stage = TERMINATED
    with pytest.raises(ValidationError) as caught:
        save_project(db, project)
    assert caught.value.problems == {"stop_reason": Problem.REASON_REQUIRED}
    project.stop_reason = "业主意见分歧较大，经协商议事会表决暂缓实施"
    stopped = save_project(db, project)
    assert (stopped.stage, stopped.stop_reason) == (TERMINATED, project.stop_reason)


# --- parties and the roster -----------------------------------------------------------------


def test_parties_link_people_and_organizations(db: Database, roster: Roster) -> None:
    dancers = org(db, "翠竹夕阳红舞蹈队", OrganizationKind.SELF_ORGANIZATION)
    saved = add(
        db,
        parties=[
            Party(PartyRole.INITIATOR, "赵堃"),
            Party(PartyRole.ORGANIZER, "翠竹夕阳红舞蹈队"),
            Party(PartyRole.IMPLEMENTER, "外来施工队"),
        ],
    )
    assert [(p.person_id, p.organization_id) for p in saved.parties] == [
        (roster.people["赵堃"], None),
        (None, dancers),
        (None, None),
    ]


def test_two_people_of_one_name_link_neither(db: Database, roster: Roster) -> None:
    add_person(db, "李伟", address=Address(building_id=roster.buildings["10栋"]))
    saved = add(db, parties=[Party(PartyRole.INITIATOR, "李伟")])
    assert (saved.parties[0].name, saved.parties[0].person_id) == ("李伟", None)


def test_a_person_in_the_trash_does_not_count(db: Database, roster: Roster) -> None:
    delete_people(db, [roster.people["孙喆"]])
    saved = add(db, parties=[Party(PartyRole.INITIATOR, "孙喆")])
    assert saved.parties[0].person_id is None


def test_a_chosen_link_is_kept(db: Database, roster: Roster) -> None:
    namesake = add_person(db, "张伟")  # two 张伟 now: a name alone links neither
    saved = add(db, parties=[Party(PartyRole.IMPLEMENTER, "张伟", person_id=namesake)])
    assert saved.parties[0].person_id == namesake
    assert get_project(db, saved.id).parties[0].person_id == namesake


# --- links to needs and resources ---------------------------------------------------------


def test_links_both_ways(db: Database) -> None:
    lights, leak = need(db, "车库照明不足"), need(db, "车库漏水")
    funds, crew = resource(db, "民生微实事资金"), resource(db, "物业工程维修人员")
    garage = add(db, "车库改造", need_ids=[lights, leak], resource_ids=[funds, crew])
    patrol = add(db, "夜间巡逻", need_ids=[lights], resource_ids=[crew])
    assert titles(projects_of_need(db, lights)) == ["夜间巡逻", "车库改造"]
    assert titles(projects_of_need(db, leak)) == ["车库改造"]
    assert titles(projects_of_resource(db, crew)) == ["夜间巡逻", "车库改造"]
    assert titles(projects_of_resource(db, funds)) == ["车库改造"]
    rows = {r.title: r for r in list_projects(db, ProjectQuery())}
    assert (rows["车库改造"].need_count, rows["车库改造"].resource_count) == (2, 2)
    assert (rows["夜间巡逻"].need_count, rows["夜间巡逻"].resource_count) == (1, 1)
    assert get_project(db, patrol.id).need_ids == [lights]
    assert garage.resource_ids == sorted([funds, crew])


def test_link_need_is_idempotent(db: Database) -> None:
    project = add(db)
    noise = need(db, "装修噪音")
    link_need(db, project.id, noise)
    link_need(db, project.id, noise)
    assert get_project(db, project.id).need_ids == [noise]
    assert titles(projects_of_need(db, noise)) == ["地下车库照明改造"]


def test_open_needs_of_a_project(db: Database) -> None:
    ids = {status: need(db, status.value, status) for status in NeedStatus}
    trashed = need(db, "已删除的需求")
    project = add(db, need_ids=[*ids.values(), trashed])
    delete_needs(db, [trashed])
    assert open_needs_of_project(db, project.id) == sorted(
        [ids[NeedStatus.PENDING], ids[NeedStatus.IN_PROGRESS]]
    )


def test_resolving_the_needs_of_a_completed_project(db: Database) -> None:
    waiting, working = need(db, "车库照明不足"), need(db, "车库漏水", NeedStatus.IN_PROGRESS)
    project = add(db, need_ids=[waiting, working])
    for stage in (IN_PROGRESS, AWAITING, COMPLETED):
        project.stage = stage
        project = save_project(db, project)
    open_ids = open_needs_of_project(db, project.id)
    assert resolve_needs(db, open_ids, "项目“车库改造”验收完成") == 2
    assert open_needs_of_project(db, project.id) == []
    for need_id, before in ((waiting, NeedStatus.PENDING), (working, NeedStatus.IN_PROGRESS)):
        assert get_need(db, need_id).status is NeedStatus.RESOLVED
        last = status_history(db, need_id)[-1]
        assert (last.from_status, last.to_status, last.note) == (
            before,
            NeedStatus.RESOLVED,
            "项目“车库改造”验收完成",
        )


def test_trashed_projects_leave_the_links_of_needs_and_resources(db: Database) -> None:
    noise, hall = need(db, "装修噪音"), resource(db, "活动室")
    project = add(db, need_ids=[noise], resource_ids=[hall])
    delete_projects(db, [project.id])
    assert projects_of_need(db, noise) == []
    assert projects_of_resource(db, hall) == []
    restore_records(db, RecordKind.PROJECT, [project.id])
    assert titles(projects_of_need(db, noise)) == ["地下车库照明改造"]


def test_purged_needs_and_resources_leave_the_project(db: Database) -> None:
    noise, lights, hall = need(db, "装修噪音"), need(db, "路灯"), resource(db, "活动室")
    project = add(db, need_ids=[noise, lights], resource_ids=[hall])
    delete_needs(db, [noise])
    assert get_project(db, project.id).need_ids == sorted([noise, lights])
    purge_records(db, RecordKind.NEED, [noise])
    delete_resources(db, [hall])
    purge_records(db, RecordKind.RESOURCE, [hall])
    got = get_project(db, project.id)
    assert (got.need_ids, got.resource_ids) == ([lights], [])


# --- filters, counts, sorting ---------------------------------------------------------------


@pytest.fixture
def spread(db: Database) -> dict[str, int]:
    spec = [
        ("车库照明改造", ProjectKind.LIVELIHOOD_MICRO, PROPOSED, date(2026, 1, 5), "80000"),
        ("四点半课堂", ProjectKind.PARTNERSHIP, IN_PROGRESS, date(2026, 2, 10), "0"),
        ("楼道杂物清理", ProjectKind.SELF_GOVERNANCE, COMPLETED, date(2026, 3, 3), "500.50"),
        ("儿童游乐设施更新", ProjectKind.LIVELIHOOD_MICRO, COMPLETED, date(2026, 3, 15), "200000"),
        ("暖蜂驿站", ProjectKind.OTHER, TERMINATED, date(2026, 3, 20), "8000"),
    ]
    ids = {}
    for title, kind, stage, registered, budget in spec:
        project = add(
            db,
            title,
            kind=kind,
            registered_on=registered,
            budget=Decimal(budget),
            stop_reason="资金未获批复",
        )
        path = {
            IN_PROGRESS: [IN_PROGRESS],
            COMPLETED: [IN_PROGRESS, AWAITING, COMPLETED],
            TERMINATED: [TERMINATED],
        }.get(stage, [])
        for step in path:
            project.stage = step
            project = save_project(db, project)
        ids[title] = project.id
    return ids


FILTER_CASES = [
    (ProjectQuery(kind=ProjectKind.LIVELIHOOD_MICRO), {"车库照明改造", "儿童游乐设施更新"}),
    (ProjectQuery(stage=COMPLETED), {"楼道杂物清理", "儿童游乐设施更新"}),
    (ProjectQuery(stage=TERMINATED), {"暖蜂驿站"}),
    (ProjectQuery(stage=AWAITING), set()),
    (ProjectQuery(kind=ProjectKind.LIVELIHOOD_MICRO, stage=COMPLETED), {"儿童游乐设施更新"}),
    (
        ProjectQuery(registered_from=date(2026, 3, 3)),
        {"楼道杂物清理", "儿童游乐设施更新", "暖蜂驿站"},
    ),
    (ProjectQuery(registered_to=date(2026, 2, 10)), {"车库照明改造", "四点半课堂"}),
    (
        ProjectQuery(registered_from=date(2026, 2, 1), registered_to=date(2026, 3, 15)),
        {"四点半课堂", "楼道杂物清理", "儿童游乐设施更新"},
    ),
    (ProjectQuery(text="课堂"), {"四点半课堂"}),
]


def test_filters_and_counts(db: Database, spread: dict[str, int]) -> None:
    for query, expected in FILTER_CASES:
        assert set(titles(list_projects(db, query))) == expected, query
        assert count_projects(db, query) == len(expected), query


def test_default_order_is_newest_first(db: Database, spread: dict[str, int]) -> None:
    assert titles(list_projects(db, ProjectQuery())) == [
        "暖蜂驿站",
        "儿童游乐设施更新",
        "楼道杂物清理",
        "四点半课堂",
        "车库照明改造",
    ]


def test_sort_by_budget_is_numeric(db: Database, spread: dict[str, int]) -> None:
    rows = list_projects(db, ProjectQuery(sort="budget", descending=False))
    assert [r.budget for r in rows] == [
        Decimal("0.00"),
        Decimal("500.50"),
        Decimal("8000.00"),
        Decimal("80000.00"),
        Decimal("200000.00"),
    ]
    assert titles(list_projects(db, ProjectQuery(sort="budget")))[0] == "儿童游乐设施更新"


# --- trash ------------------------------------------------------------------------------------


def test_delete_restore_purge(db: Database, spread: dict[str, int]) -> None:
    noise = need(db, "装修噪音")
    doomed = spread["四点半课堂"]
    link_need(db, doomed, noise)
    assert delete_projects(db, [doomed, spread["暖蜂驿站"]]) == 2
    assert count_projects(db, ProjectQuery()) == 3
    assert set(titles(list_projects(db, ProjectQuery(), deleted=True))) == {
        "四点半课堂",
        "暖蜂驿站",
    }
    with pytest.raises(NotFoundError):
        get_project(db, doomed)
    assert restore_records(db, RecordKind.PROJECT, [spread["暖蜂驿站"]]) == 1
    live = spread["车库照明改造"]
    # A live project is never destroyed.
    assert purge_records(db, RecordKind.PROJECT, [doomed, live]) == 1
    assert get_project(db, live).title == "车库照明改造"
    assert count_projects(db, ProjectQuery(), deleted=True) == 0
    assert get_need(db, noise).title == "装修噪音"  # the need stays, unlinked
    assert projects_of_need(db, noise) == []


def test_the_trash_lists_every_kind_newest_first(db: Database, roster: Roster) -> None:
    a_need, a_resource, a_project = need(db, "装修噪音"), resource(db, "活动室"), add(db, "书屋").id
    delete_needs(db, [a_need])
    delete_people(db, [roster.people["王䶮"]])
    delete_projects(db, [a_project])
    delete_resources(db, [a_resource])
    items = trash.list_trash(db)
    assert [(i.kind, i.id, i.title) for i in items] == [
        (RecordKind.RESOURCE, a_resource, "活动室"),
        (RecordKind.PROJECT, a_project, "书屋"),
        (RecordKind.PERSON, roster.people["王䶮"], "王䶮"),
        (RecordKind.NEED, a_need, "装修噪音"),
    ]
    assert trash.restore(db, [i for i in items if i.kind is RecordKind.NEED]) == 1
    assert get_need(db, a_need).title == "装修噪音"
    assert trash.purge(db, trash.list_trash(db)) == 3
    assert trash.list_trash(db) == []
    assert count_projects(db, ProjectQuery(), deleted=True) == 0


def test_status_of_an_answered_need_can_still_change(db: Database) -> None:
    """A need linked to a project keeps its own flow (a project does not freeze it)."""
    noise = need(db, "装修噪音")
    add(db, need_ids=[noise])
    change_status(db, noise, NeedStatus.REFERRED, "转办", reason="涉及商铺经营，已转办执法队")
    assert get_need(db, noise).status is NeedStatus.REFERRED
    assert open_needs_of_project(db, projects_of_need(db, noise)[0].id) == []
