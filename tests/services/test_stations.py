"""暖蜂驿站: rest stations among the resources, and one log entry per station per month."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.resources import Resource
from desktop.domain.stations import StationMonth
from desktop.services import resources, stations
from desktop.store.database import Database
from tests.services.migrated import copy_of


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def station(db: Database, title: str, rest: bool = True) -> int:
    saved = resources.save_resource(db, Resource(title=title, is_rest_station=rest))
    assert saved.id is not None and saved.is_rest_station is rest
    return saved.id


def test_only_live_rest_stations_are_listed(db: Database) -> None:
    east = station(db, "东门暖蜂驿站 <b>&")
    station(db, "活动室", rest=False)
    gone = station(db, "旧驿站")
    resources.delete_resources(db, [gone])
    stations.save_month(db, StationMonth(east, date(2026, 9, 17), 120, "热水、充电"))
    stations.save_month(db, StationMonth(east, date(2026, 10, 1), 95))
    rows = stations.list_stations(db)
    assert [(r.id, r.title, r.months, r.riders_total, r.last_month) for r in rows] == [
        (east, "东门暖蜂驿站 <b>&", 2, 215, date(2026, 10, 1))
    ]
    # The flag can be taken off again.
    flagged = resources.get_resource(db, east)
    flagged.is_rest_station = False
    resources.save_resource(db, flagged)
    assert stations.list_stations(db) == []


def test_a_month_is_logged_once_and_updated(db: Database) -> None:
    east = station(db, "东门暖蜂驿站")
    first = stations.save_month(db, StationMonth(east, date(2026, 9, 3), 120, "热水"))
    assert first.month == date(2026, 9, 1)
    again = stations.save_month(db, StationMonth(east, date(2026, 9, 28), 130, "热水、充电"))
    assert again.id == first.id
    log = stations.station_log(db, east)
    assert [(m.month, m.riders_served, m.services) for m in log] == [
        (date(2026, 9, 1), 130, "热水、充电")
    ]


def test_moving_an_entry_onto_a_logged_month_keeps_one_row(db: Database) -> None:
    east = station(db, "东门暖蜂驿站")
    sept = stations.save_month(db, StationMonth(east, date(2026, 9, 1), 120))
    octo = stations.save_month(db, StationMonth(east, date(2026, 10, 1), 80))
    octo.month = date(2026, 9, 1)
    merged = stations.save_month(db, octo)
    assert merged.id == sept.id
    assert [(m.month, m.riders_served) for m in stations.station_log(db, east)] == [
        (date(2026, 9, 1), 80)
    ]
    assert stations.delete_month(db, east, date(2026, 9, 20))
    assert stations.station_log(db, east) == []


def test_invalid_months_are_refused(db: Database) -> None:
    east = station(db, "东门暖蜂驿站")
    with pytest.raises(ValidationError) as err:
        stations.save_month(db, StationMonth(east, date(2026, 9, 1), -1))
    assert err.value.problems == {"riders_served": Problem.NEGATIVE_AMOUNT}
    with pytest.raises(NotFoundError):
        stations.save_month(db, StationMonth(999_999, date(2026, 9, 1), 1))
