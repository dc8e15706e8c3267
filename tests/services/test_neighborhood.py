"""The neighborhood, its grids and buildings."""

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import NAME_MAX, Address, Building, Grid, Neighborhood, PeopleQuery
from desktop.services.neighborhood import (
    BuildingInUseError,
    building_sort_key,
    delete_building,
    delete_grid,
    get_neighborhood,
    list_buildings,
    list_grids,
    save_building,
    save_grid,
    save_neighborhood,
)
from desktop.services.people import (
    count_people,
    delete_people,
    get_person,
)
from desktop.store.database import Database
from tests.services.conftest import add_person
from tests.trash_items import purge_records, restore_records


def test_neighborhood_empty_then_saved(db: Database) -> None:
    assert get_neighborhood(db) == Neighborhood()
    saved = save_neighborhood(db, Neighborhood(" 翠竹苑 ", "翠竹\x0b社区", "南园街道"))
    assert saved == Neighborhood("翠竹苑", "翠竹社区", "南园街道")
    assert get_neighborhood(db) == saved
    save_neighborhood(db, Neighborhood("䶮园", "𠮷祥社区", "堃喆街道"))
    assert get_neighborhood(db) == Neighborhood("䶮园", "𠮷祥社区", "堃喆街道")


def test_neighborhood_validation(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_neighborhood(db, Neighborhood("", "社区", "街" * (NAME_MAX + 1)))
    assert caught.value.problems == {"name": Problem.REQUIRED, "street": Problem.TOO_LONG}
    assert get_neighborhood(db) == Neighborhood()


def test_grids(db: Database) -> None:
    first = save_grid(db, Grid(name=" 第一网格 "))
    second = save_grid(db, Grid(name="第二网格"))
    assert first.name == "第一网格"
    assert {g.name for g in list_grids(db)} == {"第一网格", "第二网格"}
    renamed = save_grid(db, Grid(name="第二网格（东）", id=second.id))
    assert renamed.id == second.id
    assert {g.name for g in list_grids(db)} == {"第一网格", "第二网格（东）"}
    # Saving a grid under its own name is not a clash.
    assert save_grid(db, Grid(name="第一网格", id=first.id)).id == first.id


def test_grid_name_rules(db: Database) -> None:
    save_grid(db, Grid(name="第一网格"))
    with pytest.raises(ValidationError) as caught:
        save_grid(db, Grid(name="第一网格"))
    assert caught.value.problems == {"name": Problem.DUPLICATE_NAME}
    with pytest.raises(ValidationError) as caught:
        save_grid(db, Grid(name="\x0b"))
    assert caught.value.problems == {"name": Problem.REQUIRED}
    with pytest.raises(ValidationError) as caught:
        save_grid(db, Grid(name="网" * (NAME_MAX + 1)))
    assert caught.value.problems == {"name": Problem.TOO_LONG}
    with pytest.raises(NotFoundError):
        save_grid(db, Grid(name="新", id=999))
    assert len(list_grids(db)) == 1


def test_deleting_a_grid_keeps_its_buildings(db: Database) -> None:
    grid = save_grid(db, Grid(name="第一网格"))
    building = save_building(db, Building(name="1栋", grid_id=grid.id))
    delete_grid(db, grid.id)
    assert list_grids(db) == []
    assert list_buildings(db) == [Building(name="1栋", grid_id=None, unit_count=1, id=building.id)]
    with pytest.raises(NotFoundError):
        delete_grid(db, grid.id)


def test_buildings_sort_by_number(db: Database) -> None:
    for name in ("10栋", "2栋", "1栋", "商铺", "12栋", "3栋A"):
        save_building(db, Building(name=name))
    assert [b.name for b in list_buildings(db)] == ["1栋", "2栋", "3栋A", "10栋", "12栋", "商铺"]


def test_building_sort_key() -> None:
    assert building_sort_key("2栋") < building_sort_key("10栋")
    assert building_sort_key("10栋") < building_sort_key("商铺")
    assert building_sort_key("A座12层") == (12, "A座12层")


def test_building_rules(db: Database) -> None:
    grid = save_grid(db, Grid(name="第一网格"))
    b = save_building(db, Building(name=" 1栋 ", grid_id=grid.id, unit_count=3))
    assert b == Building(name="1栋", grid_id=grid.id, unit_count=3, id=b.id)
    with pytest.raises(ValidationError) as caught:
        save_building(db, Building(name="1栋"))
    assert caught.value.problems == {"name": Problem.DUPLICATE_NAME}
    for units in (0, 100):
        with pytest.raises(ValidationError) as caught:
            save_building(db, Building(name="2栋", unit_count=units))
        assert set(caught.value.problems) == {"unit_count"}
    updated = save_building(db, Building(name="1栋", grid_id=None, unit_count=4, id=b.id))
    assert updated == Building(name="1栋", grid_id=None, unit_count=4, id=b.id)
    assert list_buildings(db) == [updated]


def test_building_with_residents_cannot_be_deleted(db: Database) -> None:
    building = save_building(db, Building(name="5栋"))
    pid = add_person(db, "王䶮", address=Address(building_id=building.id, room="301"))
    add_person(db, "𠮷祥", address=Address(building_id=building.id, room="302"))
    with pytest.raises(BuildingInUseError) as caught:
        delete_building(db, building.id)
    assert (caught.value.name, caught.value.people) == ("5栋", 2)
    assert [b.name for b in list_buildings(db)] == ["5栋"]
    assert get_person(db, pid).address.building_id == building.id


def test_residents_in_the_trash_still_block_deletion(db: Database) -> None:
    building = save_building(db, Building(name="5栋"))
    pid = add_person(db, "李堃", address=Address(building_id=building.id))
    delete_people(db, [pid])
    with pytest.raises(BuildingInUseError) as caught:
        delete_building(db, building.id)
    assert caught.value.people == 1
    # Restoring must find the address intact.
    restore_records(db, RecordKind.PERSON, [pid])
    assert get_person(db, pid).address.building_id == building.id
    delete_people(db, [pid])
    purge_records(db, RecordKind.PERSON, [pid])
    delete_building(db, building.id)
    assert list_buildings(db) == []
    assert count_people(db, PeopleQuery(), deleted=True) == 0


def test_delete_missing_building(db: Database) -> None:
    with pytest.raises(NotFoundError):
        delete_building(db, 404)
