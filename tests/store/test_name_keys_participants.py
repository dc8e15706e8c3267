"""Migration 0008: names get their pinyin sort keys, and a meeting that listed one person in
two rows (an older version allowed it) keeps one row with every role."""

import sqlite3
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

from desktop.domain.meetings import Attendance, Meeting, Participant, ParticipantRole
from desktop.domain.name_order import name_key
from desktop.domain.needs import Need
from desktop.domain.roster import PeopleQuery, Person
from desktop.domain.visits import Visit, VisitKind
from desktop.services import meetings, needs, people, visits
from desktop.store import migrate, schema
from desktop.store.database import open_database
from desktop.store.datadir import db_path
from tests.store.downgrade import downgrade

NAMES = ["付", "于", "东方明", "上官婉儿", "丁", "曾国藩", "𠮷祥", "䶮", "Tom", "单雄信"]


def _older_folder(folder: Path) -> tuple[Path, int]:
    """Records saved by the app, then the file taken back to 0007, where one meeting gets the
    rows an older version let it have: 林磊玉 twice (缺席 as 楼栋长, 到会 as 业委会) and 汪文雨
    twice (typed by hand)."""
    db = open_database(folder)
    try:
        ids = {n: people.save_person(db, Person(name=n)).id for n in [*NAMES, "林磊玉"]}
        category = needs.list_categories(db)[0].id
        needs.save_need(db, Need(title="楼道灯坏了", category_id=category, raised_by="曾国藩"))
        visits.save_visit(
            db,
            Visit(
                kind=VisitKind.RECEPTION_DAY,
                visited_on=date(2026, 11, 3),
                resident="单雄信",
                issue="噪音",
            ),
        )
        meeting = meetings.save_meeting(
            db,
            Meeting(
                title="议事会",
                starts_at=datetime(2026, 11, 25, 14, 30),
                host="丁",
                participants=[
                    Participant(
                        ParticipantRole.BRANCH,
                        "丁",
                        "党支部",
                        ids["丁"],
                        attendance=Attendance.PRESENT,
                    )
                ],
            ),
        )
    finally:
        db.close()
    path = db_path(folder)
    downgrade(path, "0007")
    rows = [
        (1, "building_leader", "林磊玉", "8栋楼栋长", ids["林磊玉"], "", "absent"),
        (2, "resident_representative", "汪文雨", "3栋2单元", None, "13812345678", "unknown"),
        (3, "owners_committee", "林磊玉", "业委会委员", ids["林磊玉"], "", "present"),
        (4, "talent", "汪文雨", "贤达能人", None, "", "excused"),
    ]
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.executemany(
            "INSERT INTO meeting_participant (uuid, meeting_id, position, role, name,"
            " organization, person_id, phone, attendance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f"00000000-0000-4000-8000-00000000010{r[0]}", meeting.id, *r) for r in rows],
        )
    assert schema.read_revision(path) == "0007"
    return path, meeting.id or 0


def test_one_row_per_person_after_the_upgrade(tmp_path: Path) -> None:
    path, meeting_id = _older_folder(tmp_path)
    migrate.upgrade_to_head(path)
    db = open_database(tmp_path)
    try:
        got = meetings.get_meeting(db, meeting_id)
    finally:
        db.close()
    rows = [(p.roles, p.name, p.organization, p.phone, p.attendance) for p in got.participants]
    assert rows == [
        ((ParticipantRole.BRANCH,), "丁", "党支部", "", Attendance.PRESENT),
        (
            (ParticipantRole.BUILDING_LEADER, ParticipantRole.OWNERS_COMMITTEE),
            "林磊玉",
            "8栋楼栋长、业委会委员",
            "",
            Attendance.PRESENT,
        ),
        (
            (ParticipantRole.RESIDENT_REPRESENTATIVE, ParticipantRole.TALENT),
            "汪文雨",
            "3栋2单元、贤达能人",
            "13812345678",
            Attendance.EXCUSED,
        ),
    ]


def test_two_copies_upgraded_apart_keep_the_same_rows(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    path, _meeting = _older_folder(tmp_path / "a")
    copy = tmp_path / "b.sqlite3"
    copy.write_bytes(path.read_bytes())
    migrate.upgrade_to_head(path)
    migrate.upgrade_to_head(copy)
    query = "SELECT uuid, role, name, organization, attendance FROM meeting_participant ORDER BY 1"
    with closing(sqlite3.connect(path)) as a, closing(sqlite3.connect(copy)) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_names_get_their_keys_and_sort_by_pinyin(tmp_path: Path) -> None:
    path, _meeting = _older_folder(tmp_path)
    migrate.upgrade_to_head(path)
    with closing(sqlite3.connect(path)) as conn:
        for table, name, key in (
            ("person", "name", "name_key"),
            ("need", "raised_by", "raised_by_key"),
            ("visit", "resident", "resident_key"),
        ):
            rows = conn.execute(f"SELECT {name}, {key} FROM {table}").fetchall()
            assert rows and all(k == name_key(n) for n, k in rows), table
    db = open_database(tmp_path)
    try:
        listed = [r.name for r in people.list_people(db, PeopleQuery(), limit=100)]
    finally:
        db.close()
    assert listed == [
        "丁",
        "东方明",
        "付",
        "𠮷祥",
        "林磊玉",
        "单雄信",
        "上官婉儿",
        "Tom",
        "䶮",
        "于",
        "曾国藩",
    ]


def test_downgrade_keeps_the_first_role(tmp_path: Path) -> None:
    path, meeting_id = _older_folder(tmp_path)
    migrate.upgrade_to_head(path)
    downgrade(path, "0007")
    with closing(sqlite3.connect(path)) as conn:
        roles = conn.execute(
            "SELECT role FROM meeting_participant WHERE meeting_id = ? ORDER BY position, id",
            (meeting_id,),
        ).fetchall()
        columns = {row[1] for row in conn.execute("PRAGMA table_info(person)")}
    assert roles == [("branch",), ("building_leader",), ("resident_representative",)]
    assert "name_key" not in columns
