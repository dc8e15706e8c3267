"""Reading a data dir that cannot be written (a read-only copy, a full disk), and keeping a
data dir private to its user."""

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import exc as sqlalchemy_exc

from desktop.domain.roster import Person
from desktop.services.people import all_people, save_person
from desktop.store import sqlite
from desktop.store.database import open_database, open_database_readonly
from desktop.store.datadir import db_path, ensure_writable
from desktop.store.errors import StorageProblem, storage_problem
from desktop.store.schema import DatabaseTooOldError, connect_readonly
from tests.disks import fill, read_only_view, small_disk


@pytest.fixture
def filled(data_dir: Path) -> Path:
    db = open_database(data_dir)
    try:
        for name in ("王芳", "李强"):
            save_person(db, Person(name))
    finally:
        db.close()
    return data_dir


def names(db) -> list[str]:
    return sorted(p.name for p in all_people(db))


def test_a_read_only_copy_is_read_and_never_written(filled: Path, tmp_path: Path) -> None:
    with read_only_view(filled, tmp_path / "view") as view:
        con = connect_readonly(db_path(view))
        try:
            assert con.execute("SELECT count(*) FROM person").fetchone() == (2,)
        finally:
            con.close()
        db = open_database_readonly(view)
        try:
            assert names(db) == ["李强", "王芳"]
            with pytest.raises(sqlalchemy_exc.OperationalError) as caught:
                save_person(db, Person("张伟"))
            assert storage_problem(caught.value) is StorageProblem.NO_ACCESS
        finally:
            db.close()


def test_a_read_only_copy_with_records_in_its_log_is_refused(filled: Path, tmp_path: Path):
    """Read as immutable, the file alone would miss what waits in the write-ahead log."""
    copy = tmp_path / "copy"
    copy.mkdir()
    writer = sqlite.connect(db_path(filled))
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE person SET name = '赵敏' WHERE name = '李强'")
        writer.commit()
        for name in ("shuren.sqlite3", "shuren.sqlite3-wal"):
            shutil.copy(filled / name, copy / name)  # the log, without its -shm index
    finally:
        writer.close()
    assert (copy / "shuren.sqlite3-wal").stat().st_size > 0
    with read_only_view(copy, tmp_path / "view") as view, pytest.raises(sqlite.Error) as caught:
        connect_readonly(db_path(view)).execute("SELECT name FROM person").fetchall()
    assert storage_problem(caught.value) is StorageProblem.NO_ACCESS


def test_a_full_disk_is_read(filled: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "4m") as disk:
        shutil.copytree(filled, disk / "data")
        fill(disk)
        db = open_database_readonly(disk / "data")
        try:
            assert names(db) == ["李强", "王芳"]
        finally:
            db.close()


def test_an_older_file_is_not_opened_for_reading_only(data_dir: Path) -> None:
    from desktop.store.migrate import upgrade_to_head
    from desktop.store.schema import REVISIONS

    upgrade_to_head(db_path(data_dir), REVISIONS[-2])
    with pytest.raises(DatabaseTooOldError):
        open_database_readonly(data_dir)
    with pytest.raises(FileNotFoundError):
        open_database_readonly(data_dir / "none")


posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")


@posix_only
def test_a_data_dir_is_made_private(filled: Path) -> None:
    for path in [filled, *filled.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # as an earlier version left it
    ensure_writable(filled)
    modes = {str(p): p.stat().st_mode & 0o777 for p in [filled, *filled.rglob("*")]}
    assert modes[str(filled)] == 0o700
    assert {p: m for p, m in modes.items() if m & 0o077} == {}


@posix_only
def test_a_new_data_dir_is_private(tmp_path: Path) -> None:
    ensure_writable(tmp_path / "new" / "data")
    assert (tmp_path / "new" / "data").stat().st_mode & 0o777 == 0o700


@posix_only
def test_a_folder_of_other_things_is_left_as_it_is(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    (home / "letter.txt").write_text("其他文件", encoding="utf-8")
    (home / "letter.txt").chmod(0o644)
    ensure_writable(home)  # a data dir chosen carelessly: not the app's to lock
    assert home.stat().st_mode & 0o777 == 0o755
    assert (home / "letter.txt").stat().st_mode & 0o777 == 0o644
