"""The demo neighborhood: deterministic, to scale, true to the rules, never mixed in."""

from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.roster import Building, Grid, OrganizationKind, PeopleQuery, PersonRole
from desktop.services.demo import MAX_SCALE, DemoExistsError, make_demo
from desktop.services.neighborhood import (
    get_neighborhood,
    list_buildings,
    list_grids,
    save_building,
    save_grid,
)
from desktop.services.organizations import list_organizations
from desktop.services.people import all_people, count_people
from desktop.store.database import Database, open_database
from desktop.store.models import PersonRecord, PersonRoleRecord
from tests.services.conftest import add_person

SCALE = 300


def demo_snapshot(data_dir: Path, *, seed: int, scale: int = SCALE) -> dict:
    """Everything the demo made, as plain data, without database ids."""
    data_dir.mkdir()
    db = open_database(data_dir)
    try:
        assert make_demo(db, scale=scale, seed=seed) == scale
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
        }
    finally:
        db.close()


def test_same_seed_same_records(tmp_path: Path) -> None:
    first = demo_snapshot(tmp_path / "a", seed=7)
    second = demo_snapshot(tmp_path / "b", seed=7)
    assert len(first["people"]) == SCALE
    assert first == second


def test_different_seed_differs(tmp_path: Path) -> None:
    first = demo_snapshot(tmp_path / "a", seed=7)
    other = demo_snapshot(tmp_path / "b", seed=8)
    assert first["people"] != other["people"]
    assert {p["name"] for p in first["people"]} != {p["name"] for p in other["people"]}
    assert {p["uuid"] for p in first["people"]}.isdisjoint(p["uuid"] for p in other["people"])


@pytest.mark.parametrize("scale", [1, 7, 250])
def test_scale_gives_that_many_people(db: Database, scale: int) -> None:
    assert make_demo(db, scale=scale) == scale
    assert count_people(db, PeopleQuery()) == scale
    assert len(all_people(db)) == scale


@pytest.mark.parametrize("scale", [0, -1, MAX_SCALE + 1])
def test_scale_out_of_range(db: Database, scale: int) -> None:
    with pytest.raises(ValueError, match="scale"):
        make_demo(db, scale=scale)
    assert count_people(db, PeopleQuery()) == 0


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
