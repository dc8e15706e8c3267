"""Migration 0007: two copies of one folder, upgraded each on its own PC, agree on every uuid."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.services.demo import make_demo
from desktop.store import migrate
from desktop.store.database import open_database
from desktop.store.models import Base
from tests.store.downgrade import downgrade

TABLES = [t.name for t in Base.metadata.sorted_tables if "uuid" in t.c and "id" in t.c]


def _uuids(path: Path) -> dict[str, dict[int, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            table: dict(conn.execute(f'SELECT id, uuid FROM "{table}"').fetchall())
            for table in TABLES
        }


def test_copies_upgraded_apart_agree_and_later_rows_differ(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    db = open_database(folder)
    make_demo(db, scale=20, seed=3)
    db.close()
    old = folder / "shuren.sqlite3"
    downgrade(old, "0006")
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    shutil.copyfile(old, a)
    shutil.copyfile(old, b)
    # After the copy each PC adds a topic: the same next id, under two different meetings.
    for path, meeting in ((a, "MIN(id)"), (b, "MAX(id)")):
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute(
                "INSERT INTO meeting_topic (meeting_id, position, title, discussion, consensus)"
                f" SELECT {meeting}, 99, '后加的议题', '', '' FROM meeting"
            )
    migrate.upgrade_to_head(a)
    migrate.upgrade_to_head(b)

    ua, ub = _uuids(a), _uuids(b)
    (added,) = {i for i in ua["meeting_topic"] if i not in _uuids_before(old)}
    for table in TABLES:
        assert all(ua[table].values()), table
        assert len(set(ua[table].values())) == len(ua[table]), table
        shared = {i for i in ua[table] if not (table == "meeting_topic" and i == added)}
        assert {i: ua[table][i] for i in shared} == {i: ub[table][i] for i in shared}, table
    assert ua["meeting_topic"][added] != ub["meeting_topic"][added]


def _uuids_before(path: Path) -> set[int]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM meeting_topic")}
