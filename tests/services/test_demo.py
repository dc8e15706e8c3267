"""The demo neighborhood: deterministic, to scale, true to the rules, never mixed in."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.money import from_fen
from desktop.domain.needs import (
    STATUSES_NEEDING_REASON,
    Need,
    NeedQuery,
    NeedSource,
    NeedStatus,
    Urgency,
    can_move,
    validate_need,
)
from desktop.domain.projects import (
    PartyRole,
    Project,
    ProjectKind,
    ProjectQuery,
    ProjectStage,
    validate_project,
)
from desktop.domain.resources import (
    ProviderKind,
    Resource,
    ResourceKind,
    ResourceQuery,
    validate_resource,
)
from desktop.domain.roster import Building, Grid, OrganizationKind, PeopleQuery, PersonRole
from desktop.services.demo import MAX_SCALE, DemoExistsError, make_demo
from desktop.services.needs import count_needs, delete_needs, get_need, list_categories, save_need
from desktop.services.neighborhood import (
    get_neighborhood,
    list_buildings,
    list_grids,
    save_building,
    save_grid,
)
from desktop.services.organizations import list_organizations
from desktop.services.people import all_people, count_people
from desktop.services.projects import count_projects, get_project, save_project
from desktop.services.resources import count_resources, get_resource, save_resource
from desktop.store.database import Database, open_database
from desktop.store.models import PersonRecord, PersonRoleRecord
from tests.services.conftest import add_person

SCALE = 300
TODAY = date(2026, 6, 30)  # the demo's records all happen before the day it is made

# The lists, each record as plain data: other records named by uuid, never by database id.
LISTS_SQL = {
    "needs": """SELECT n.uuid, n.title, n.description, c.name, n.raised_by, p.uuid, n.phone,
                       n.building, n.unit, n.room, n.source, n.urgency, n.status,
                       n.status_reason, n.handled_by, n.registered_on, n.due_on, n.solution,
                       n.satisfaction
                FROM need n JOIN need_category c ON c.id = n.category_id
                LEFT JOIN person p ON p.id = n.person_id ORDER BY n.uuid""",
    "history": """SELECT n.uuid, h.from_status, h.to_status, h.note, h.changed_at
                  FROM need_status_change h JOIN need n ON n.id = h.need_id
                  ORDER BY n.uuid, h.changed_at, h.id""",
    "resources": """SELECT r.uuid, r.title, r.kind, r.provider_kind, r.provider, o.uuid, p.uuid,
                           r.description, r.availability, r.contact, r.phone, r.registered_on,
                           r.valid_until
                    FROM resource r LEFT JOIN organization o ON o.id = r.organization_id
                    LEFT JOIN person p ON p.id = r.person_id ORDER BY r.uuid""",
    "projects": """SELECT uuid, title, kind, stage, stop_reason, description, budget_fen,
                          spent_fen, registered_on, start_on, end_on, accepted_on,
                          acceptance_note, rating_count, rating_average_centi, evaluation
                   FROM project ORDER BY uuid""",
    "parties": """SELECT j.uuid, x.role, x.name, p.uuid, o.uuid
                  FROM project_party x JOIN project j ON j.id = x.project_id
                  LEFT JOIN person p ON p.id = x.person_id
                  LEFT JOIN organization o ON o.id = x.organization_id ORDER BY j.uuid, x.id""",
    "project_needs": """SELECT j.uuid, n.uuid FROM project_need x
                        JOIN project j ON j.id = x.project_id JOIN need n ON n.id = x.need_id
                        ORDER BY 1, 2""",
    "project_resources": """SELECT j.uuid, r.uuid FROM project_resource x
                            JOIN project j ON j.id = x.project_id
                            JOIN resource r ON r.id = x.resource_id ORDER BY 1, 2""",
}


def sql_rows(db: Database, sql: str) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def demo_snapshot(data_dir: Path, *, seed: int, scale: int = SCALE) -> dict:
    """Everything the demo made, as plain data, without database ids."""
    data_dir.mkdir()
    db = open_database(data_dir)
    try:
        assert make_demo(db, scale=scale, seed=seed, today=TODAY) == scale
        buildings = {b.id: b.name for b in list_buildings(db)}
        people = []
        for person in all_people(db):
            record = asdict(person)
            del record["id"]
            record["address"]["building_id"] = buildings[person.address.building_id]
            record["roles"] = sorted(r.value for r in person.roles)
            record["talent_rights"] = sorted(r.value for r in person.talent_rights)
            people.append(record)
        orgs = [{**asdict(o), "id": None} for o in list_organizations(db)]
        return {
            "neighborhood": asdict(get_neighborhood(db)),
            "buildings": sorted(buildings.values()),
            "people": people,
            "organizations": orgs,
            **{name: sql_rows(db, sql) for name, sql in LISTS_SQL.items()},
        }
    finally:
        db.close()


def test_same_seed_same_records(tmp_path: Path) -> None:
    first = demo_snapshot(tmp_path / "a", seed=7)
    second = demo_snapshot(tmp_path / "b", seed=7)
    assert len(first["people"]) == SCALE
    for name in ("needs", "resources", "projects"):
        assert len(first[name]) == SCALE
    assert len(first["history"]) >= SCALE
    assert len(first["project_needs"]) >= SCALE
    for name, records in first.items():
        assert records == second[name], name


def test_different_seed_differs(tmp_path: Path) -> None:
    first = demo_snapshot(tmp_path / "a", seed=7)
    other = demo_snapshot(tmp_path / "b", seed=8)
    assert first["people"] != other["people"]
    assert {p["name"] for p in first["people"]} != {p["name"] for p in other["people"]}
    assert {p["uuid"] for p in first["people"]}.isdisjoint(p["uuid"] for p in other["people"])
    for name in ("needs", "resources", "projects"):
        assert first[name] != other[name]
        assert {r[0] for r in first[name]}.isdisjoint(r[0] for r in other[name])


@pytest.mark.parametrize("scale", [1, 2, 7, 250])
def test_scale_gives_that_many_records_in_each_list(db: Database, scale: int) -> None:
    assert make_demo(db, scale=scale) == scale
    assert count_people(db, PeopleQuery()) == scale
    assert len(all_people(db)) == scale
    assert count_needs(db, NeedQuery()) == scale
    assert count_resources(db, ResourceQuery()) == scale
    assert count_projects(db, ProjectQuery()) == scale
    assert sql_rows(db, "SELECT count(*) FROM project_need")[0][0] >= scale


@pytest.mark.parametrize("scale", [0, -1, MAX_SCALE + 1])
def test_scale_out_of_range(db: Database, scale: int) -> None:
    with pytest.raises(ValueError, match="scale"):
        make_demo(db, scale=scale)
    assert count_people(db, PeopleQuery()) == 0
    assert count_needs(db, NeedQuery()) == 0


def committee(db: Database) -> list[bool]:
    with db.session() as s:
        return list(
            s.scalars(
                select(PersonRecord.is_party_member)
                .join(PersonRoleRecord)
                .where(PersonRoleRecord.role == PersonRole.OWNERS_COMMITTEE_MEMBER.value)
            )
        )


@pytest.mark.parametrize(("scale", "seed"), [(600, 1), (600, 2), (2000, 3)])
def test_owners_committee_is_seven_with_a_party_majority(
    db: Database, scale: int, seed: int
) -> None:
    make_demo(db, scale=scale, seed=seed)
    members = committee(db)
    assert len(members) == 7
    assert sum(members) * 2 >= len(members)


@pytest.mark.parametrize("seed", range(1, 9))
def test_small_demo_still_keeps_the_fifty_percent_rule(tmp_path: Path, seed: int) -> None:
    db = open_database(tmp_path)
    try:
        make_demo(db, scale=12, seed=seed)
        members = committee(db)
        assert len(members) <= 7
        assert sum(members) * 2 >= len(members)
    finally:
        db.close()


def test_demo_looks_like_a_neighborhood(db: Database) -> None:
    make_demo(db, scale=600, seed=1)
    assert get_neighborhood(db).name == "翠竹苑"
    assert len(list_grids(db)) == 3
    buildings = list_buildings(db)
    assert [b.name for b in buildings] == [f"{n}栋" for n in range(1, 13)]
    assert all(b.grid_id is not None for b in buildings)
    kinds = {o.kind for o in list_organizations(db)}
    assert kinds == set(OrganizationKind)
    [board] = list_organizations(db, kind=OrganizationKind.OWNERS_COMMITTEE)
    assert board.term_start is not None and board.term_end is not None
    others = [o for o in list_organizations(db) if o.kind is not OrganizationKind.OWNERS_COMMITTEE]
    assert all(o.term_start is None and o.term_end is None for o in others)
    leaders = count_people(db, PeopleQuery(role=PersonRole.BUILDING_LEADER))
    assert 1 <= leaders <= len(buildings)
    with db.session() as s:
        per_building = s.execute(
            select(PersonRecord.building_id, func.count())
            .join(PersonRoleRecord)
            .where(PersonRoleRecord.role == PersonRole.BUILDING_LEADER.value)
            .group_by(PersonRecord.building_id)
        ).all()
    assert all(n == 1 for _, n in per_building)


def test_demo_phones_are_valid(db: Database) -> None:
    from desktop.domain.phone import is_valid_phone

    make_demo(db, scale=600, seed=5)
    phones = [p.phone for p in all_people(db) if p.phone]
    assert phones
    assert all(is_valid_phone(p) for p in phones)


def test_refuses_a_database_with_people(db: Database) -> None:
    add_person(db, "张伟")
    with pytest.raises(DemoExistsError):
        make_demo(db, scale=10)
    assert [p.name for p in all_people(db)] == ["张伟"]
    assert list_grids(db) == []


def test_refuses_a_database_with_people_in_the_trash(db: Database) -> None:
    from desktop.services.people import delete_people

    delete_people(db, [add_person(db, "张伟")])
    with pytest.raises(DemoExistsError):
        make_demo(db, scale=10)
    assert count_people(db, PeopleQuery()) == 0


def test_refuses_a_second_demo(db: Database) -> None:
    make_demo(db, scale=10, seed=1)
    with pytest.raises(DemoExistsError):
        make_demo(db, scale=10, seed=2)
    assert count_people(db, PeopleQuery()) == 10


def test_refuses_a_roster_with_only_grids_and_buildings(db: Database) -> None:
    grid = save_grid(db, Grid(name="第一网格"))
    save_building(db, Building(name="1栋", grid_id=grid.id))
    with pytest.raises(DemoExistsError):
        make_demo(db, scale=10)
    assert count_people(db, PeopleQuery()) == 0
    assert [b.name for b in list_buildings(db)] == ["1栋"]


def a_need(db: Database) -> Need:
    return save_need(db, Need(title="3栋电梯经常停运", category_id=list_categories(db)[0].id))


@pytest.mark.parametrize(
    "make",
    [
        a_need,
        lambda db: save_resource(db, Resource(title="活动室")),
        lambda db: save_project(db, Project(title="车库照明改造")),
        lambda db: delete_needs(db, [a_need(db).id]),  # in the trash: still real data
    ],
    ids=["need", "resource", "project", "need in the trash"],
)
def test_refuses_a_database_with_any_list_record(db: Database, make) -> None:
    make(db)
    with pytest.raises(DemoExistsError):
        make_demo(db, scale=10)
    assert count_people(db, PeopleQuery()) == 0
    assert list_grids(db) == []


def test_missing_default_categories_come_back(db: Database) -> None:
    from desktop.services.needs import delete_category

    delete_category(db, list_categories(db)[-1].id)
    make_demo(db, scale=300, seed=1)
    used = {r[0] for r in sql_rows(db, "SELECT DISTINCT category_id FROM need")}
    assert used <= {c.id for c in list_categories(db)}
    assert len(list_categories(db)) == 10


# --- the lists of one demo, read only -----------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    data_dir.mkdir()
    db = open_database(data_dir)
    make_demo(db, scale=600, seed=3, today=TODAY)
    yield db
    db.close()


def column(db: Database, sql: str) -> list:
    return [row[0] for row in sql_rows(db, sql)]


def test_every_status_kind_and_stage_is_present(demo: Database) -> None:
    assert set(column(demo, "SELECT status FROM need")) == {s.value for s in NeedStatus}
    assert set(column(demo, "SELECT source FROM need")) == {s.value for s in NeedSource}
    assert set(column(demo, "SELECT urgency FROM need")) == {u.value for u in Urgency}
    assert len(set(column(demo, "SELECT category_id FROM need"))) == 10
    assert set(column(demo, "SELECT kind FROM resource")) == {k.value for k in ResourceKind}
    assert set(column(demo, "SELECT provider_kind FROM resource")) == {
        k.value for k in ProviderKind
    }
    assert set(column(demo, "SELECT stage FROM project")) == {s.value for s in ProjectStage}
    assert set(column(demo, "SELECT kind FROM project")) == {k.value for k in ProjectKind}
    assert set(column(demo, "SELECT role FROM project_party")) == {r.value for r in PartyRole}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_status_and_stage_already_at_scale_200(db: Database, seed: int) -> None:
    make_demo(db, scale=200, seed=seed)
    assert set(column(db, "SELECT status FROM need")) == {s.value for s in NeedStatus}
    assert set(column(db, "SELECT stage FROM project")) == {s.value for s in ProjectStage}
    assert set(column(db, "SELECT kind FROM project")) == {k.value for k in ProjectKind}
    assert set(column(db, "SELECT provider_kind FROM resource")) == {k.value for k in ProviderKind}
    reasons = sql_rows(db, "SELECT status, status_reason FROM need")
    assert all(reason for status, reason in reasons if status in ("referred", "rejected"))
    stops = sql_rows(db, "SELECT stop_reason FROM project WHERE stage = 'terminated'")
    assert stops and all(stop for (stop,) in stops)


def test_status_proportions_are_realistic(demo: Database) -> None:
    statuses = Counter(column(demo, "SELECT status FROM need"))
    share = {NeedStatus(s): n / 600 for s, n in statuses.items()}
    assert share[NeedStatus.RESOLVED] > 0.45  # many solved
    assert 0.05 < share[NeedStatus.PENDING] < 0.25
    assert 0.05 < share[NeedStatus.IN_PROGRESS] < 0.25
    assert share[NeedStatus.REFERRED] < 0.15 and share[NeedStatus.REJECTED] < 0.15  # a few
    overdue = count_needs(demo, NeedQuery(overdue_only=True), today=TODAY)
    open_needs = count_needs(demo, NeedQuery(open_only=True), today=TODAY)
    assert 0 < overdue < open_needs


def test_every_need_is_valid_and_its_history_leads_to_its_status(demo: Database) -> None:
    history: dict[int, list[tuple]] = {}
    for need_id, *change in sql_rows(
        demo,
        "SELECT need_id, from_status, to_status, note, changed_at FROM need_status_change"
        " ORDER BY changed_at, id",
    ):
        history.setdefault(need_id, []).append(change)
    ids = column(demo, "SELECT id FROM need")
    assert set(history) == set(ids)
    demo_day_began = datetime.combine(TODAY, datetime.min.time()) - timedelta(hours=8)  # UTC
    for need_id in ids:
        need = get_need(demo, need_id)
        assert validate_need(need) == {}, need
        changes = history[need_id]
        assert changes[0][:2] == [None, NeedStatus.PENDING.value]
        assert changes[-1][1] == need.status.value  # the last change is the status now
        for before, after in pairwise(changes):
            assert after[0] == before[1]  # each change starts where the last one ended
            assert can_move(NeedStatus(after[0]), NeedStatus(after[1]))
        stamps = [datetime.fromisoformat(c[3]) for c in changes]
        assert stamps == sorted(stamps)
        # From office hours on the day it was registered to before the demo's day began.
        assert stamps[0].date() == need.registered_on
        assert stamps[-1] < demo_day_began
        if need.status in STATUSES_NEEDING_REASON:
            assert need.status_reason and changes[-1][2] == need.status_reason
        if need.status is NeedStatus.PENDING:
            assert len(changes) == 1 and need.handled_by == ""
        if need.status is not NeedStatus.RESOLVED:
            assert need.satisfaction is None and need.solution == ""
        assert need.registered_on < TODAY


def test_resolved_needs_mostly_have_a_solution_and_satisfaction(demo: Database) -> None:
    rows = sql_rows(demo, "SELECT solution, satisfaction FROM need WHERE status = 'resolved'")
    assert all(solution for solution, _ in rows)
    assert sum(s is not None for _, s in rows) > 0.8 * len(rows)


def test_needs_raised_by_residents_carry_their_address(demo: Database) -> None:
    rows = sql_rows(
        demo,
        """SELECT n.raised_by, p.name, n.building, b.name, n.unit, p.unit, n.room, p.room,
                  n.phone, p.phone
           FROM need n JOIN person p ON p.id = n.person_id
           JOIN building b ON b.id = p.building_id""",
    )
    assert len(rows) > 0.7 * 600
    for raised_by, name, building, home, unit, home_unit, room, home_room, phone, own in rows:
        assert (raised_by, building, unit, room, phone) == (name, home, home_unit, home_room, own)
    anonymous = column(demo, "SELECT raised_by FROM need WHERE person_id IS NULL")
    assert anonymous and all(anonymous)  # free text, never empty


def test_links_point_to_live_records(demo: Database) -> None:
    per_project = Counter(column(demo, "SELECT project_id FROM project_need"))
    projects = column(demo, "SELECT id FROM project")
    assert all(1 <= per_project[p] <= 3 for p in projects)
    used = Counter(column(demo, "SELECT project_id FROM project_resource"))
    assert all(used[p] <= 2 for p in projects)
    assert sum(used.values()) > 0
    dangling = {
        "project_need": """SELECT count(*) FROM project_need x LEFT JOIN need n
                           ON n.id = x.need_id AND n.deleted_at IS NULL WHERE n.id IS NULL""",
        "project_resource": """SELECT count(*) FROM project_resource x LEFT JOIN resource r
                               ON r.id = x.resource_id AND r.deleted_at IS NULL
                               WHERE r.id IS NULL""",
        "party person": """SELECT count(*) FROM project_party x JOIN person p
                           ON p.id = x.person_id WHERE p.name != x.name
                           OR p.deleted_at IS NOT NULL""",
        "party organization": """SELECT count(*) FROM project_party x JOIN organization o
                                 ON o.id = x.organization_id WHERE o.name != x.name""",
        "need person": """SELECT count(*) FROM need n JOIN person p ON p.id = n.person_id
                          WHERE p.deleted_at IS NOT NULL""",
    }
    for name, sql in dangling.items():
        assert column(demo, sql) == [0], name
    assert sql_rows(demo, "PRAGMA foreign_key_check") == []
    linked = column(
        demo,
        """SELECT count(*) FROM project_party
                             WHERE person_id IS NOT NULL OR organization_id IS NOT NULL""",
    )
    assert linked[0] > 0.7 * len(column(demo, "SELECT id FROM project_party"))


def test_needs_answered_by_completed_projects_are_mostly_resolved(demo: Database) -> None:
    statuses = column(
        demo,
        """SELECT n.status FROM project_need x JOIN project j ON j.id = x.project_id
           JOIN need n ON n.id = x.need_id WHERE j.stage = 'completed'""",
    )
    assert statuses
    assert statuses.count("resolved") > 0.9 * len(statuses)


def test_every_project_is_valid_and_true_to_its_stage(demo: Database) -> None:
    talents = set(column(demo, "SELECT person_id FROM person_role WHERE role = 'talent'"))
    by_talent = 0
    for project_id in column(demo, "SELECT id FROM project"):
        project = get_project(demo, project_id)
        assert validate_project(project) == {}, project
        assert Decimal(0) <= project.spent <= project.budget
        if project.kind is ProjectKind.LIVELIHOOD_MICRO:
            assert Decimal(8000) <= project.budget <= Decimal(200000)
        assert project.registered_on < TODAY
        if project.stage is ProjectStage.TERMINATED:
            assert project.stop_reason
        else:
            assert project.stop_reason == ""
        if project.stage is ProjectStage.COMPLETED:
            assert project.accepted_on and project.end_on and project.start_on
            assert project.start_on <= project.end_on <= project.accepted_on < TODAY
            assert project.acceptance_note and project.evaluation
            assert project.rating_count > 0 and project.rating_average is not None
            assert Decimal(1) <= project.rating_average <= Decimal(5)
        else:
            assert project.accepted_on is None and project.rating_average is None
        if project.stage is ProjectStage.PROPOSED:
            assert project.spent == 0
        roles = [p.role for p in project.parties]
        assert roles[:2] == [PartyRole.INITIATOR, PartyRole.ORGANIZER]
        by_talent += any(p.person_id in talents for p in project.parties)
    assert by_talent > 100  # talented residents initiate, organize and carry out projects


def test_budgets_are_kept_in_fen(demo: Database) -> None:
    budgets = column(demo, "SELECT budget_fen FROM project WHERE kind = 'livelihood_micro'")
    assert all(isinstance(b, int) for b in budgets)
    assert any(b % 100 for b in budgets)  # some to the fen: ¥12,345.67
    assert from_fen(max(budgets)) <= Decimal(200000)


def test_every_resource_is_valid_and_has_a_provider(demo: Database) -> None:
    expired = 0
    talents = set(column(demo, "SELECT person_id FROM person_role WHERE role = 'talent'"))
    for resource_id in column(demo, "SELECT id FROM resource"):
        resource = get_resource(demo, resource_id)
        assert validate_resource(resource) == {}, resource
        assert resource.provider
        if resource.provider_kind is ProviderKind.TALENT:
            assert resource.person_id in talents and resource.organization_id is None
        elif resource.provider_kind is not ProviderKind.OTHER:
            assert resource.organization_id is not None and resource.person_id is None
        expired += resource.valid_until is not None and resource.valid_until < TODAY
    assert 0 < expired < 300


def test_kinds_of_providers_match_their_organizations(demo: Database) -> None:
    rows = sql_rows(
        demo,
        """SELECT r.provider_kind, o.kind FROM resource r
           JOIN organization o ON o.id = r.organization_id""",
    )
    for provider_kind, kind in rows:
        if provider_kind != ProviderKind.OTHER.value:
            assert provider_kind == kind


def test_demo_lists_are_searchable(demo: Database) -> None:
    """The demo writes around the search index; the index must still find every record."""
    for word in ("电梯经常停运", "地下车库", "楼道"):
        expected = column(demo, f"SELECT count(*) FROM need WHERE instr(search_text, '{word}')")
        assert count_needs(demo, NeedQuery(text=word)) == expected[0] > 0, word
    assert demo.search_index is not None and demo.search_index.ready
    expected = column(demo, "SELECT count(*) FROM resource WHERE instr(search_text, '法律咨询')")
    assert count_resources(demo, ResourceQuery(text="法律咨询")) == expected[0] > 0
    expected = column(demo, "SELECT count(*) FROM project WHERE instr(search_text, '照明改造')")
    assert count_projects(demo, ProjectQuery(text="照明改造")) == expected[0] > 0
