"""The search index file: separate from the database, kept in step, rebuilt when it is not."""

import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need
from desktop.domain.roster import Address, Person
from desktop.services import needs, people
from desktop.store import search_index, sqlite
from desktop.store.backup import backup_database
from desktop.store.database import Database, open_database
from desktop.store.datadir import db_path
from desktop.store.models import Base
from desktop.store.search_index import INDEX_FILENAME
from tests.store.search_data import LISTS, brute_force, fill
from tests.trash_items import purge_records, restore_records

# Every list with a search_text column, the four of search_data among them.
TABLES = {t.name for t in Base.metadata.sorted_tables if "search_text" in t.c}
PEOPLE, NEEDS = LISTS[0], LISTS[1]


def sql(path: Path, statement: str, *args: object) -> list[tuple]:
    """Run one statement on a file with a plain connection (the index not attached)."""
    con = sqlite.connect(path)  # the app's driver: two SQLite libraries must not share a file
    try:
        with con:
            return con.execute(statement, args).fetchall()
    finally:
        con.close()


def behind_its_back(data_dir: Path, statement: str) -> None:
    """Change the database with the index not attached, as another program would, a moment
    after the app closed (not within the same tick of the file system's clock)."""
    time.sleep(0.05)
    sql(db_path(data_dir), statement)


def index_file(data_dir: Path) -> Path:
    return data_dir / INDEX_FILENAME


def indexed(data_dir: Path, table: str) -> dict[int, str]:
    return dict(sql(index_file(data_dir), f"SELECT rowid, search_text FROM {table}_fts"))


def in_database(data_dir: Path, table: str) -> dict[int, str]:
    return dict(sql(db_path(data_dir), f"SELECT id, search_text FROM {table}"))


def assert_in_step(data_dir: Path) -> None:
    for table in TABLES:
        assert indexed(data_dir, table) == in_database(data_dir, table), table


def reopen(db: Database, data_dir: Path) -> Database:
    db.close()
    return open_database(data_dir)


@pytest.fixture
def filled(db: Database) -> Database:
    fill(db)
    return db


def test_the_index_is_its_own_file_and_the_database_has_no_trace_of_it(
    filled: Database, data_dir: Path
) -> None:
    main = sql(db_path(data_dir), "SELECT type, name, sql FROM sqlite_master")
    assert not [row for row in main if "fts" in row[1].lower() or "VIRTUAL" in (row[2] or "")]
    assert not [row for row in main if row[0] == "trigger"]
    names = {row[0] for row in sql(index_file(data_dir), "SELECT name FROM sqlite_master")}
    assert {f"{t}_fts" for t in TABLES} <= names
    assert_in_step(data_dir)


def test_backups_hold_the_database_only(filled: Database, data_dir: Path) -> None:
    copy = backup_database(db_path(data_dir), data_dir / "backups", label="test")
    names = {row[0] for row in sql(copy, "SELECT name FROM sqlite_master")}
    assert not [n for n in names if "fts" in n]
    assert {"person", "need", "resource", "project"} <= names


def test_searches_of_three_characters_go_through_the_index(
    filled: Database, data_dir: Path
) -> None:
    target = PEOPLE.ids(filled, "张伟华")
    assert len(target) == 1
    # Taken out of the index behind its back: a 3-character search no longer finds it, a
    # 2-character one (instr on the table) still does.
    sql(index_file(data_dir), "DELETE FROM person_fts WHERE rowid = ?", target[0])
    assert PEOPLE.ids(filled, "张伟华") == []
    assert target[0] in PEOPLE.ids(filled, "伟华")


def test_a_wrong_index_entry_never_adds_a_row(filled: Database, data_dir: Path) -> None:
    [li] = PEOPLE.ids(filled, "李伟")
    sql(
        index_file(data_dir),
        "UPDATE person_fts SET search_text = '张伟华 假的' WHERE rowid = ?",
        li,
    )
    assert li not in PEOPLE.ids(filled, "张伟华")


def test_the_index_keeps_up_with_every_change(filled: Database, data_dir: Path) -> None:
    saved = people.save_person(filled, Person(name="钱多多", address=Address(room="1806")))
    assert saved.id is not None
    assert PEOPLE.ids(filled, "钱多多") == [saved.id]
    saved.name, saved.phone = "钱少少", "13800138000"
    people.save_person(filled, saved)
    assert PEOPLE.ids(filled, "钱多多") == []
    assert PEOPLE.ids(filled, "钱少少 138001") == [saved.id]
    assert_in_step(data_dir)

    people.delete_people(filled, [saved.id])  # to the trash: not in the list
    assert PEOPLE.ids(filled, "钱少少") == []
    restore_records(filled, RecordKind.PERSON, [saved.id])
    assert PEOPLE.ids(filled, "钱少少") == [saved.id]
    people.delete_people(filled, [saved.id])
    purge_records(filled, RecordKind.PERSON, [saved.id])
    assert indexed(data_dir, "person").get(saved.id) is None

    category = needs.list_categories(filled)[0].id
    need = needs.save_need(
        filled, Need(title="消防通道堵塞", category_id=category, registered_on=date(2025, 3, 1))
    )
    assert NEEDS.ids(filled, "消防通道") == [need.id]
    need.title = "消防通道已清理"
    needs.save_need(filled, need)
    assert NEEDS.ids(filled, "已清理") == [need.id]
    assert NEEDS.ids(filled, "堵塞") == []
    assert_in_step(data_dir)

    # Kept in step, so the next open finds nothing to rebuild.
    again = reopen(filled, data_dir)
    try:
        assert again.search_index is not None
        assert again.search_index.rebuilt == again.search_index.repaired == {}
    finally:
        again.close()


def test_trash_lists_search_too(filled: Database, data_dir: Path) -> None:
    ids = PEOPLE.ids(filled, "张伟")
    people.delete_people(filled, ids)
    found = people.list_people(filled, PEOPLE.query(text="张伟华"), deleted=True)
    assert [r.id for r in found] == brute_force(data_dir, "person", "张伟华", deleted=True)
    assert len(found) == 1


def test_after_a_clean_close_the_next_open_skips_the_comparison(
    filled: Database, data_dir: Path
) -> None:
    filled.close()
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and db.search_index.ready
        assert not db.search_index.checked
        assert PEOPLE.ids(db, "张伟华") == brute_force(data_dir, "person", "张伟华")
        people.save_person(db, Person(name="钱多多"))
    finally:
        db.close()
    db = open_database(data_dir)  # its own writes, closed in step: still nothing to compare
    try:
        assert db.search_index is not None and not db.search_index.checked
        assert len(PEOPLE.ids(db, "钱多多")) == 1
    finally:
        db.close()


def test_the_comparison_runs_when_the_file_may_have_changed(
    filled: Database, data_dir: Path
) -> None:
    filled.close()  # in step, noted
    # Another program writes and keeps the database open: its change sits in the WAL, the
    # database file itself still looks as it did at the close.
    other = sqlite3.connect(db_path(data_dir))
    try:
        with other:
            other.execute("UPDATE person SET name = '周大福' WHERE name = '张伟华'")
        db = open_database(data_dir)
        try:
            assert db.search_index is not None and db.search_index.checked
            assert db.search_index.repaired == {"person": 2}
        finally:
            db.close()
    finally:
        other.close()


def test_the_comparison_runs_once_a_day_anyway(filled: Database, data_dir: Path) -> None:
    filled.close()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    sql(index_file(data_dir), "UPDATE fts_meta SET value = ? WHERE key = 'compared_on'", yesterday)
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and db.search_index.checked
        assert db.search_index.rebuilt == db.search_index.repaired == {}
    finally:
        db.close()


def test_a_missing_index_is_rebuilt(filled: Database, data_dir: Path) -> None:
    filled.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_file(data_dir)}{suffix}").unlink(missing_ok=True)
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and db.search_index.ready
        assert set(db.search_index.rebuilt) == TABLES
        assert_in_step(data_dir)
        assert PEOPLE.ids(db, "张伟华") == brute_force(data_dir, "person", "张伟华")
    finally:
        db.close()


def test_an_edit_made_without_the_index_is_found_at_open(filled: Database, data_dir: Path) -> None:
    filled.close()
    behind_its_back(data_dir, "UPDATE person SET name = '周大福' WHERE name = '张伟华'")
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and db.search_index.rebuilt == {}
        assert db.search_index.repaired == {"person": 2}  # the old text out, the new one in
        assert PEOPLE.ids(db, "周大福") == brute_force(data_dir, "person", "周大福") != []
        assert PEOPLE.ids(db, "张伟华") == []
        assert_in_step(data_dir)
    finally:
        db.close()


@pytest.mark.parametrize(
    "change",
    [
        "DELETE FROM need WHERE id IN (SELECT id FROM need ORDER BY id LIMIT 2)",
        "INSERT INTO need (uuid, title, description, category_id, raised_by, phone, building,"
        " unit, room, source, urgency, status, status_reason, handled_by, registered_on,"
        " solution, created_at, updated_at) SELECT 'u-1', '新增的电梯需求', '', id, '', '', '',"
        " '', '', 'other', 'normal', 'pending', '', '', '2025-01-01', '', '2025-01-01',"
        " '2025-01-01' FROM need_category LIMIT 1",
        "UPDATE need SET room = '9999' WHERE room = '1203'",  # same length, other text
    ],
    ids=["delete", "insert", "same-length edit"],
)
def test_rows_changed_behind_its_back_are_found_at_open(
    filled: Database, data_dir: Path, change: str
) -> None:
    filled.close()
    behind_its_back(data_dir, change)
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and db.search_index.rebuilt == {}
        assert set(db.search_index.repaired) == {"need"}
        assert_in_step(data_dir)
        for text in ("电梯", "电梯需求", "9999", "1203", "张伟 1203"):
            assert sorted(NEEDS.ids(db, text)) == brute_force(data_dir, "need", text)
    finally:
        db.close()


def test_many_rows_changed_behind_its_back_rebuild_the_list(
    filled: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled.close()
    behind_its_back(data_dir, "UPDATE need SET room = room || '号'")
    monkeypatch.setattr(search_index, "_repair_limit", lambda _con, _table: 2)
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and set(db.search_index.rebuilt) == {"need"}
        assert db.search_index.repaired == {}
        assert_in_step(data_dir)
    finally:
        db.close()


def test_a_new_schema_revision_or_index_format_rebuilds_everything(
    filled: Database, data_dir: Path
) -> None:
    filled.close()
    for key in ("revision", "format"):
        sql(index_file(data_dir), "UPDATE fts_meta SET value = 'old' WHERE key = ?", key)
        db = open_database(data_dir)
        try:
            assert db.search_index is not None and set(db.search_index.rebuilt) == TABLES
            assert_in_step(data_dir)
        finally:
            db.close()


def test_a_damaged_index_file_is_replaced(filled: Database, data_dir: Path) -> None:
    filled.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{index_file(data_dir)}{suffix}").unlink(missing_ok=True)
    index_file(data_dir).write_bytes(b"not a database at all" * 500)
    db = open_database(data_dir)
    try:
        assert db.search_index is not None and db.search_index.ready
        assert set(db.search_index.rebuilt) == TABLES
        assert PEOPLE.ids(db, "张伟华") == brute_force(data_dir, "person", "张伟华")
    finally:
        db.close()


def test_a_damaged_database_leaves_the_index_file_alone(filled: Database, data_dir: Path) -> None:
    filled.close()
    [(root, page_size)] = sql(
        db_path(data_dir),
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master"
        " WHERE name = 'need'",
    )
    before = index_file(data_dir).read_bytes()
    with db_path(data_dir).open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)
    db = open_database(data_dir)  # the app finds the damage on its first query, not here
    try:
        assert db.search_index is not None and not db.search_index.ready
    finally:
        db.engine.dispose()
    assert index_file(data_dir).read_bytes() == before


def test_without_a_usable_index_file_search_still_works(data_dir: Path) -> None:
    blocked = data_dir / "blocked"
    blocked.mkdir()  # a folder where the file should be: it can never be opened
    open_database(data_dir).close()  # the database at head
    db = Database(db_path(data_dir), search_index=blocked)
    try:
        assert db.search_index is not None and not db.search_index.ready
        fill(db)  # writes work: no triggers pointing at a missing index
        for text in ("张伟", "张伟华", "张伟 1203", '"x"'):
            assert sorted(PEOPLE.ids(db, text)) == brute_force(data_dir, "person", text)
    finally:
        db.close()


def test_an_index_failing_under_a_query_is_dropped_for_the_session(
    filled: Database, data_dir: Path
) -> None:
    sql(index_file(data_dir), "DROP TABLE person_fts")
    assert sorted(PEOPLE.ids(filled, "张伟华")) == brute_force(data_dir, "person", "张伟华")
    assert filled.search_index is not None and not filled.search_index.ready
    # New connections come without the triggers, so saving still works.
    people.save_person(filled, Person(name="吴彦祖"))
    assert len(PEOPLE.ids(filled, "吴彦祖")) == 1
    # The next open rebuilds.
    db = reopen(filled, data_dir)
    try:
        assert db.search_index is not None and db.search_index.ready
        assert "person" in db.search_index.rebuilt
        assert_in_step(data_dir)
    finally:
        db.close()


def test_two_openings_of_one_data_dir_share_the_index(filled: Database, data_dir: Path) -> None:
    """The window and a command-line run at the same time."""
    other = open_database(data_dir)
    try:
        assert other.search_index is not None
        assert other.search_index.rebuilt == other.search_index.repaired == {}
        saved = people.save_person(other, Person(name="冯小刚"))
        assert PEOPLE.ids(filled, "冯小刚") == [saved.id]
    finally:
        other.close()
    assert_in_step(data_dir)


def test_a_database_opened_without_an_index_does_not_create_one(data_dir: Path) -> None:
    open_database(data_dir).close()
    index_file(data_dir).unlink()
    db = Database(db_path(data_dir))
    try:
        assert db.search_index is None
        people.save_person(db, Person(name="张伟华"))
        assert len(PEOPLE.ids(db, "张伟华")) == 1
    finally:
        db.close()
    assert not index_file(data_dir).exists()
