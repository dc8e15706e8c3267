"""The check of a data file, the marker it leaves while the file is damaged, the guard the
sync client calls before an upload, and holding writes until a check has passed."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy import text

from desktop.store.backup import copy_database
from desktop.store.database import Database, open_database
from desktop.store.datadir import db_path
from desktop.store.health import (
    DamagedDatabaseError,
    check_before_upload,
    check_data_file,
    check_health,
    damage_report,
    last_check_failed,
)
from tests.store.damage import zero_header, zero_page


@pytest.fixture
def made(data_dir: Path) -> Path:
    """A database at the newest schema, closed."""
    open_database(data_dir).close()
    return db_path(data_dir)


def test_a_sound_file_passes(made: Path) -> None:
    health = check_health(made)
    assert health.ok and health.problems == ()


def test_a_zeroed_page_fails_the_quick_check(made: Path) -> None:
    zero_page(made)
    health = check_health(made)
    assert not health.ok
    assert health.problems


def test_a_file_sqlite_no_longer_recognises_fails(made: Path) -> None:
    zero_header(made)
    health = check_health(made)
    assert not health.ok
    assert "not a database" in health.problems[0]


def test_a_failed_check_is_remembered_until_one_passes(made: Path, data_dir: Path) -> None:
    path = made
    good = data_dir.parent / "good.sqlite3"
    copy_database(path, good)
    zero_page(path)

    assert not check_data_file(data_dir).ok
    assert last_check_failed(data_dir)
    report = damage_report(data_dir)
    assert report is not None and not report.ok and report.problems

    copy_database(good, path)  # put right by hand
    assert check_data_file(data_dir).ok
    assert not last_check_failed(data_dir)
    assert damage_report(data_dir) is None


@pytest.fixture
def snapshot(made: Path, tmp_path: Path) -> Path:
    path = tmp_path / "snapshot.sqlite3"
    copy_database(made, path)
    return path


def test_a_sound_snapshot_may_be_uploaded(snapshot: Path, data_dir: Path) -> None:
    check_before_upload(data_dir, snapshot)  # no exception
    assert not last_check_failed(data_dir)
    # Read as a file nothing writes to: no -wal/-shm beside the copy about to be sent.
    assert sorted(p.name for p in snapshot.parent.glob("snapshot*")) == ["snapshot.sqlite3"]


def test_a_damaged_snapshot_is_refused_and_remembered(snapshot: Path, data_dir: Path) -> None:
    zero_page(snapshot)
    with pytest.raises(DamagedDatabaseError) as caught:
        check_before_upload(data_dir, snapshot)
    assert caught.value.problems
    assert "没有上传" in caught.value.message
    assert last_check_failed(data_dir)


def test_nothing_is_uploaded_while_the_data_file_is_known_damaged(
    made: Path, data_dir: Path, tmp_path: Path
) -> None:
    snapshot = tmp_path / "snapshot.sqlite3"
    copy_database(made, snapshot)
    zero_page(made)
    assert not check_data_file(data_dir).ok
    with pytest.raises(DamagedDatabaseError):
        check_before_upload(data_dir, snapshot)  # however sound the snapshot looks


def test_held_writes_are_refused_by_sqlite_and_reads_go_on(db: Database) -> None:
    with db.session() as session:
        session.execute(text("INSERT INTO grid (name) VALUES ('第一网格')"))
    db.hold_writes()
    with pytest.raises(sqlalchemy_exc.OperationalError, match="readonly"), db.session() as s:
        s.execute(text("INSERT INTO grid (name) VALUES ('第二网格')"))
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM grid")).scalar() == 1
    db.allow_writes()
    with db.session() as session:  # the same pooled connection, writable again
        session.execute(text("INSERT INTO grid (name) VALUES ('第二网格')"))
        assert session.execute(text("SELECT count(*) FROM grid")).scalar() == 2


def test_held_writes_cover_connections_opened_later(db: Database) -> None:
    db.hold_writes()
    db.release_connections()
    with pytest.raises(sqlalchemy_exc.OperationalError), db.session() as session:
        session.execute(text("INSERT INTO grid (name) VALUES ('第一网格')"))
    # A plain connection of its own (the restore's) is not held back.
    con = sqlite3.connect(db.path)
    try:
        con.execute("INSERT INTO grid (name) VALUES ('第一网格')")
        con.commit()
    finally:
        con.close()
