"""Upgrading a database made by the oldest revision, the backup before it, refusing newer files."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.store import migrate, schema
from desktop.store.backup import KEEP_BACKUPS, backup_database, list_backups, prune_backups
from desktop.store.database import open_database
from desktop.store.datadir import backups_dir, db_path
from desktop.store.schema import DatabaseTooNewError

FIRST = "0001"
ROSTER_TABLES = ("neighborhood", "grid", "building", "person", "person_role")
STAMP = "2025-03-01 08:30:00.000000"


def fill_first_revision(path: Path) -> None:
    """Data typed into the oldest schema, written with plain sqlite3 as that app left it."""
    con = sqlite3.connect(path)
    try:
        con.execute("INSERT INTO neighborhood VALUES (1, '翠竹苑', '翠竹社区', '南园街道')")
        con.executemany(
            "INSERT INTO grid (id, name) VALUES (?, ?)", [(1, "第一网格"), (2, "第二网格")]
        )
        con.executemany(
            "INSERT INTO building (id, name, grid_id, unit_count) VALUES (?, ?, ?, ?)",
            [(1, "1栋", 1, 2), (2, "2栋", 1, 3), (3, "10栋", 2, 1), (4, "商铺", None, 1)],
        )
        people = [
            (1, "王䶮", "13812345678", 1, "1", "1203", 1, "", "", "", None),
            (
                2,
                "𠮷祥",
                "0755-26881234",
                2,
                "3",
                "502",
                0,
                "水电维修",
                "deliberation,supervision",
                "楼长推荐\n第二行",
                None,
            ),
            (3, "李堃", "", 3, "", "", 0, "", "", "", None),
            (4, "张喆", "15912345678", None, "", "", 1, "", "", "", "2025-03-02 09:00:00.000000"),
            (5, "欧阳娜", "13512345678", 4, "", "A_1%", 0, "", "", "", None),
        ]
        con.executemany(
            "INSERT INTO person (id, uuid, name, phone, building_id, unit, room, is_party_member,"
            " skills, talent_rights, note, created_at, updated_at, deleted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (p[0], f"00000000-0000-4000-8000-00000000000{p[0]}", *p[1:10], STAMP, STAMP, p[10])
                for p in people
            ],
        )
        con.executemany(
            "INSERT INTO person_role (person_id, role) VALUES (?, ?)",
            [
                (1, "building_leader"),
                (1, "owners_committee_member"),
                (2, "talent"),
                (2, "volunteer"),
                (4, "self_organization_member"),
            ],
        )
        con.commit()
    finally:
        con.close()


def dump(path: Path, tables: tuple[str, ...] = ROSTER_TABLES) -> dict[str, list[dict]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return {
            t: [dict(r) for r in con.execute(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in tables
        }
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(data_dir: Path) -> Path:
    path = db_path(data_dir)
    migrate.upgrade_to_head(path, FIRST)
    assert schema.read_revision(path) == FIRST
    fill_first_revision(path)
    return path


def test_first_revision_is_older_than_head(old_db: Path) -> None:
    assert FIRST != schema.HEAD
    assert schema.schema_state(old_db) == (schema.SchemaState.OLDER, FIRST)


def test_upgrade_from_first_revision_keeps_every_row(old_db: Path, data_dir: Path) -> None:
    before = dump(old_db)
    assert [len(before[t]) for t in ROSTER_TABLES] == [1, 2, 4, 5, 5]

    db = open_database(data_dir)
    db.close()

    assert schema.read_revision(old_db) == schema.HEAD
    after = dump(old_db)
    # Every old column keeps its value; columns added later hold their empty defaults.
    assert {
        t: [{k: row[k] for k in old} for row, old in zip(after[t], before[t], strict=True)]
        for t in before
    } == before
    assert {row["talent_discovered_on"] for row in after["person"]} == {None}
    # The tables added later exist and are empty.
    assert dump(old_db, ("organization",)) == {"organization": []}
    con = sqlite3.connect(old_db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_upgraded_data_reads_through_the_services(old_db: Path, data_dir: Path) -> None:
    from desktop.domain.roster import PeopleQuery, PersonRole, TalentRight
    from desktop.services.neighborhood import get_neighborhood, list_buildings
    from desktop.services.people import count_people, get_person

    db = open_database(data_dir)
    try:
        assert get_neighborhood(db).name == "翠竹苑"
        assert [b.name for b in list_buildings(db)] == ["1栋", "2栋", "10栋", "商铺"]
        assert count_people(db, PeopleQuery()) == 4
        assert count_people(db, PeopleQuery(), deleted=True) == 1
        wang = get_person(db, 1)
        assert wang.name == "王䶮"
        assert wang.roles == {PersonRole.BUILDING_LEADER, PersonRole.OWNERS_COMMITTEE_MEMBER}
        ji = get_person(db, 2)
        assert ji.name == "𠮷祥"
        assert ji.talent_rights == {TalentRight.DELIBERATION, TalentRight.SUPERVISION}
        assert ji.note == "楼长推荐\n第二行"
    finally:
        db.close()


def test_backup_is_made_before_the_upgrade(
    old_db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(old_db)
    real_upgrade = migrate.upgrade_to_head
    calls: list[Path] = []

    def checked_upgrade(path: Path, revision: str = "head") -> None:
        backups = list_backups(backups_dir(data_dir))
        assert len(backups) == 1, "no backup before the upgrade"
        # At this moment the file itself is still untouched.
        assert schema.read_revision(path) == FIRST
        calls.append(path)
        real_upgrade(path, revision)

    monkeypatch.setattr(migrate, "upgrade_to_head", checked_upgrade)
    open_database(data_dir).close()

    assert calls == [old_db]
    assert schema.read_revision(old_db) == schema.HEAD
    [backup] = list_backups(backups_dir(data_dir))
    assert f"-r{FIRST}" in backup.name
    assert schema.read_revision(backup) == FIRST
    assert dump(backup) == before
    con = sqlite3.connect(backup)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    assert "organization" not in tables


def test_a_file_without_revision_is_backed_up_and_built(data_dir: Path) -> None:
    path = db_path(data_dir)
    path.touch()
    open_database(data_dir).close()
    assert schema.read_revision(path) == schema.HEAD
    [backup] = list_backups(backups_dir(data_dir))
    assert "-rnone" in backup.name


@pytest.fixture
def newer_db(data_dir: Path) -> Path:
    open_database(data_dir).close()
    path = db_path(data_dir)
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
    finally:
        con.close()
    return path


def test_newer_database_is_refused_untouched(newer_db: Path, data_dir: Path) -> None:
    digest = sha256(newer_db)
    size = newer_db.stat().st_size
    assert schema.schema_state(newer_db) == (schema.SchemaState.NEWER, "9999")

    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(data_dir)

    assert caught.value.revision == "9999"
    assert sha256(newer_db) == digest
    assert newer_db.stat().st_size == size
    assert not backups_dir(data_dir).exists()
    assert list_backups(backups_dir(data_dir)) == []


def test_the_last_backups_are_kept_with_one_older_sound_one(old_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    made = [backup_database(old_db, folder, label=FIRST) for _ in range(KEEP_BACKUPS + 3)]
    assert len(set(made)) == len(made)
    kept = list_backups(folder)
    assert kept == [made[2], *made[-KEEP_BACKUPS:]]
    assert all(not p.exists() for p in made[:2])
    # Each kept copy is a complete database.
    assert dump(kept[0]) == dump(old_db)


def test_prune_backups_keeps_the_newest(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [f"shuren-20250101-0000{i:02d}-000000-r0001.sqlite3" for i in range(12)]
    for name in names:
        (folder / name).write_bytes(b"x")
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")

    prune_backups(folder, 4)

    assert [p.name for p in list_backups(folder)] == names[-4:]
    assert (folder / "notes.txt").exists()


def test_backup_default_keep_is_ten() -> None:
    assert KEEP_BACKUPS == 10


def test_foreign_keys_are_off_while_migrating_and_on_after(tmp_path, monkeypatch) -> None:
    """Batch mode copies and drops tables: with keys on, dropping person would empty roles."""
    from desktop.store import migrate

    seen = []
    real_upgrade = migrate.command.upgrade

    def spy(config, revision):
        connection = config.attributes["connection"]
        seen.append(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())
        real_upgrade(config, revision)

    monkeypatch.setattr(migrate.command, "upgrade", spy)
    migrate.upgrade_to_head(tmp_path / "x.sqlite3")
    assert seen == [0]
