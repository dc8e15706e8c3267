"""Disk and data-file errors: told apart, and never carrying a resident's data into a message
or the log."""

import errno
import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy import exc as sqlalchemy_exc

from desktop.store.database import Database
from desktop.store.errors import (
    EXIT_CODES,
    StorageProblem,
    log_storage_error,
    storage_detail,
    storage_problem,
)
from desktop.store.models import PersonRecord, utcnow

NAME, PHONE, ROOM = "司徒保密", "13900001234", "2718"


def capped(db: Database) -> None:
    """SQLite's own cap on the file's size at its present size: every connection of ``db``
    then meets a real "database or disk is full" (SQLITE_FULL) as on a full disk."""
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()
    event.listen(
        db.engine, "connect", lambda con, _record: con.execute(f"PRAGMA max_page_count={pages}")
    )


def add_resident(db: Database) -> None:
    now = utcnow()
    uuid = "00000000-0000-4000-8000-000000000001"
    note = "住户自述：" * 5000  # longer than a page: the file must grow
    with db.session() as s:
        s.add(
            PersonRecord(
                uuid=uuid,
                name=NAME,
                phone=PHONE,
                room=ROOM,
                note=note,
                created_at=now,
                updated_at=now,
            )
        )


def test_a_full_database_is_told_as_full_without_its_parameters(db: Database) -> None:
    capped(db)
    with pytest.raises(sqlalchemy_exc.OperationalError) as caught:
        add_resident(db)
    error = caught.value
    assert storage_problem(error) is StorageProblem.FULL
    assert EXIT_CODES[StorageProblem.FULL] == 1
    for secret in (NAME, PHONE, ROOM):
        assert secret not in str(error)  # SQLAlchemy's text, as a traceback would print it
        assert secret not in storage_detail(error)
    assert storage_detail(error) == "OperationalError: database or disk is full (SQLITE_FULL)"


def test_the_log_line_of_a_storage_error_has_no_resident_data(db: Database, caplog) -> None:
    capped(db)
    try:
        add_resident(db)
    except sqlalchemy_exc.OperationalError as exc:
        with caplog.at_level(logging.ERROR):
            log_storage_error(logging.getLogger("test"), "saving failed", exc)
    assert "saving failed: OperationalError: database or disk is full" in caplog.text
    assert "add_resident" in caplog.text  # where in the code it happened
    for secret in (NAME, PHONE, ROOM):
        assert secret not in caplog.text


def sqlite_error(tmp_path: Path, kind: str) -> sqlite3.Error:
    """A real error of SQLite of each kind."""
    path = tmp_path / "x.sqlite3"
    con = sqlite3.connect(path, timeout=0)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    try:
        if kind == "full":
            pages = con.execute("PRAGMA page_count").fetchone()[0]
            con.execute(f"PRAGMA max_page_count={pages}")
            con.execute("INSERT INTO t VALUES (zeroblob(100000))")
        elif kind == "read-only":
            con.execute("PRAGMA query_only=1")
            con.execute("INSERT INTO t VALUES (1)")
        elif kind == "cannot open":
            sqlite3.connect(f"file:{tmp_path / 'none' / 'x.sqlite3'}?mode=ro", uri=True)
        elif kind == "busy":
            other = sqlite3.connect(path, timeout=0)
            other.execute("BEGIN EXCLUSIVE")
            try:
                con.execute("INSERT INTO t VALUES (1)")
            finally:
                other.close()
        elif kind == "not a database":
            (tmp_path / "text.sqlite3").write_text("not a database " * 100, encoding="utf-8")
            sqlite3.connect(tmp_path / "text.sqlite3").execute("SELECT * FROM sqlite_master")
        elif kind == "constraint":
            con.execute("CREATE TABLE u (x UNIQUE)")
            con.execute("INSERT INTO u VALUES (1), (1)")
    except sqlite3.Error as exc:
        return exc
    finally:
        con.close()
    raise AssertionError(f"no error for {kind}")


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("full", StorageProblem.FULL),
        ("read-only", StorageProblem.NO_ACCESS),
        ("cannot open", StorageProblem.NO_ACCESS),
        ("busy", StorageProblem.BUSY),
        ("not a database", StorageProblem.DAMAGED),
        ("constraint", None),  # the code's own mistake, not the disk's
    ],
)
def test_sqlite_errors_are_told_apart(tmp_path: Path, kind: str, problem) -> None:
    error = sqlite_error(tmp_path, kind)
    assert storage_problem(error) is problem
    wrapped = sqlalchemy_exc.OperationalError("INSERT …", {"name": NAME}, error)
    assert storage_problem(wrapped) is problem  # as SQLAlchemy raises it, the cause in .orig


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), StorageProblem.FULL),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), StorageProblem.FULL),
        (OSError(errno.EIO, "Input/output error"), StorageProblem.IO),
        (OSError(errno.EROFS, "Read-only file system"), StorageProblem.NO_ACCESS),
        (PermissionError(errno.EACCES, "Permission denied"), StorageProblem.NO_ACCESS),
        (sqlite3.OperationalError("database or disk is full"), StorageProblem.FULL),  # no code
        (sqlite3.OperationalError("disk I/O error"), StorageProblem.IO),
        (ValueError("a bug"), None),
    ],
)
def test_os_errors_and_errors_without_a_code(error: Exception, problem) -> None:
    assert storage_problem(error) is problem
    try:
        try:
            raise error
        except Exception as inner:
            raise RuntimeError("while saving") from inner
    except RuntimeError as outer:
        assert storage_problem(outer) is problem  # found through the chain of causes


def test_only_a_folder_that_cannot_be_used_exits_2() -> None:
    assert {p for p, code in EXIT_CODES.items() if code == 2} == {StorageProblem.NO_ACCESS}
