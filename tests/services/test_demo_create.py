"""create_demo: a demo neighborhood in a data dir, all or nothing."""

import errno
import hashlib
from pathlib import Path

import pytest

from desktop.domain.roster import PeopleQuery
from desktop.services import demo
from desktop.services.demo import DemoExistsError, create_demo, driver
from desktop.services.people import count_people
from desktop.store.database import open_database
from desktop.store.datadir import db_path
from tests.services.conftest import add_person


def people(data_dir: Path) -> int:
    db = open_database(data_dir)
    try:
        return count_people(db, PeopleQuery())
    finally:
        db.close()


def leftovers(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if p.name.startswith("."))


def test_a_demo_arrives_whole_with_its_search_index(data_dir: Path) -> None:
    assert create_demo(data_dir, scale=30) == 30
    assert leftovers(data_dir) == []
    assert not (data_dir / "shuren.sqlite3-wal").exists()
    db = open_database(data_dir)
    try:
        assert count_people(db, PeopleQuery()) == 30
        assert db.search_index is not None and db.search_index.ready
        assert db.search_index.rebuilt == {} and db.search_index.repaired == {}  # in step
    finally:
        db.close()


def test_an_empty_database_is_filled(data_dir: Path) -> None:
    open_database(data_dir).close()
    create_demo(data_dir, scale=20)
    assert people(data_dir) == 20
    assert leftovers(data_dir) == []


def test_a_data_dir_with_records_is_refused_untouched(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        add_person(db, "张伟")
    finally:
        db.close()
    before = hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest()
    with pytest.raises(DemoExistsError):
        create_demo(data_dir, scale=10)
    assert hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest() == before
    assert leftovers(data_dir) == []


def test_a_demo_that_fails_midway_leaves_nothing(data_dir: Path, monkeypatch) -> None:
    def disk_full(*_args) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(driver, "make_demo_compacts", disk_full)  # after the four lists
    with pytest.raises(OSError):
        create_demo(data_dir, scale=20)
    assert list(data_dir.iterdir()) == []


def test_the_folder_of_a_killed_demo_is_removed(data_dir: Path) -> None:
    killed = data_dir / f"{demo.DEMO_FOLDER_PREFIX}abc123"
    killed.mkdir()
    (killed / "shuren.sqlite3").write_bytes(b"half a demo")
    create_demo(data_dir, scale=10)
    assert leftovers(data_dir) == []
    assert people(data_dir) == 10
