"""A small roster shared by the service tests, and a migrated database to copy."""

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.domain.roster import Address, Building, Grid, Person, PersonRole
from desktop.services.neighborhood import save_building, save_grid
from desktop.services.people import save_person
from desktop.store.database import Database, open_database


@dataclass
class Roster:
    buildings: dict[str, int]
    people: dict[str, int]


def add_person(db: Database, name: str, **fields: object) -> int:
    saved = save_person(db, Person(name=name, **fields))
    assert saved.id is not None
    return saved.id


@pytest.fixture
def roster(db: Database) -> Roster:
    grid = save_grid(db, Grid(name="第一网格"))
    buildings = {
        name: save_building(db, Building(name=name, grid_id=grid.id, unit_count=2)).id
        for name in ("1栋", "2栋", "10栋")
    }
    b1, b2, b10 = buildings["1栋"], buildings["2栋"], buildings["10栋"]
    spec = [
        ("张伟", "13812345678", b1, "1", "1203", True, {PersonRole.BUILDING_LEADER}),
        ("张伟华", "13912349999", b1, "2", "502", False, {PersonRole.VOLUNTEER}),
        ("李伟", "0755-26881234", b2, "1", "1203", True, {PersonRole.OWNERS_COMMITTEE_MEMBER}),
        ("王䶮", "15800001111", b2, "2", "801", False, {PersonRole.TALENT}),
        ("𠮷祥", "", b10, "1", "302", True, {PersonRole.VOLUNTEER, PersonRole.TALENT}),
        ("赵堃", "18600002222", b10, "2", "1503", False, set()),
        ("孙喆", "13700003333", None, "", "", False, {PersonRole.VOLUNTEER}),
        ("伟张", "13600004444", b1, "1", "101", False, set()),
    ]
    people = {
        name: add_person(
            db,
            name,
            phone=phone,
            address=Address(building_id=b, unit=u, room=r),
            is_party_member=party,
            roles=frozenset(roles),
        )
        for name, phone, b, u, r, party, roles in spec
    }
    return Roster(buildings=buildings, people=people)


RAM_DISK = Path("/dev/shm")


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    """On a RAM disk where there is one: a commit's fsync then costs nothing, which keeps
    these tests quick on a busy disk (durability is what tests/store checks)."""
    ram = RAM_DISK if RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="shuren-test-", dir=ram) as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def empty_database(workdir: Path) -> Path:
    """A database file at the newest schema: copying it is much faster than migrating."""
    folder = workdir / "template"
    folder.mkdir()
    open_database(folder).close()
    return folder / "shuren.sqlite3"
