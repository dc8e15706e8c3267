"""Backups: a damaged file is never backed up, the rotation never loses the last good copy,
each copy's check is noted beside it, and reading a backup never changes its folder."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.store import backup as backup_module
from desktop.store import migrate, schema, sqlite
from desktop.store.backup import (
    KEEP_BACKUPS,
    backup_database,
    list_backups,
    prune_backups,
    restore_into,
    sidecar_path,
    verify_backup,
)
from desktop.store.database import open_database
from desktop.store.datadir import backups_dir, db_path
from desktop.store.health import DamagedDatabaseError, last_check_failed
from tests.store.damage import zero_page


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def made(data_dir: Path) -> Path:
    """A database at the newest schema with a few people, closed."""
    open_database(data_dir).close()
    path = db_path(data_dir)
    con = sqlite3.connect(path)
    try:
        con.executemany(
            "INSERT INTO person (uuid, name, phone, unit, room, is_party_member, skills,"
            " talent_rights, note, created_at, updated_at) VALUES"
            " (?, ?, '', '', '', 0, '', '', '', '2026-01-01', '2026-01-01')",
            [(f"uuid-{n}", f"居民{n}") for n in range(3)],
        )
        con.commit()
    finally:
        con.close()
    return path


def test_ten_days_on_a_damaged_file_leave_every_good_backup(made: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    good = [backup_database(made, folder, label=schema.HEAD) for _ in range(KEEP_BACKUPS)]
    zero_page(made)
    for _day in range(KEEP_BACKUPS):
        with pytest.raises(DamagedDatabaseError):
            backup_database(made, folder, label=schema.HEAD)
    assert list_backups(folder) == good
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_the_rotation_keeps_the_newest_sound_backup_behind_the_ten(
    made: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    good = [backup_database(made, folder, label=schema.HEAD) for _ in range(3)]
    # Ten damaged copies, newer than the good ones (made by a version that did not check).
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(made, damaged)
    zero_page(damaged)
    bad = [folder / f"shuren-29990101-0000{n:02d}-000000-r0006.sqlite3" for n in range(10)]
    for path in bad:
        shutil.copy(damaged, path)

    prune_backups(folder, KEEP_BACKUPS)

    assert list_backups(folder) == [good[-1], *bad]
    assert not good[0].exists() and not sidecar_path(good[0]).exists()


def test_a_backup_notes_its_check_revision_and_counts(made: Path, tmp_path: Path) -> None:
    path = backup_database(made, tmp_path / "backups", label=schema.HEAD)
    assert sidecar_path(path).exists()
    check = verify_backup(path)
    assert check.sound and check.usable
    assert check.revision == schema.HEAD
    assert check.counts["person"] == 3
    assert check.counts["need"] == 0


def test_the_noted_check_is_not_run_again(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup_database(made, tmp_path / "backups", label=schema.HEAD)

    def not_again(*_args, **_kwargs):
        raise AssertionError("checked again")

    monkeypatch.setattr(backup_module, "check_health", not_again)
    assert verify_backup(path).sound
    # A file changed since its check is checked again.
    with path.open("ab") as file:
        file.write(bytes(4096))
    with pytest.raises(AssertionError, match="checked again"):
        verify_backup(path)


def test_reading_backups_leaves_no_wal_or_shm_beside_them(made: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    path = backup_database(made, folder, label=schema.HEAD)
    sidecar_path(path).unlink()
    assert verify_backup(path).sound
    assert sorted(p.name for p in folder.iterdir()) == [path.name, sidecar_path(path).name]


def test_a_damaged_older_file_is_neither_backed_up_nor_upgraded(data_dir: Path) -> None:
    path = db_path(data_dir)
    migrate.upgrade_to_head(path, "0001")
    zero_page(path, "person")
    before = digest(path)
    with pytest.raises(DamagedDatabaseError):
        open_database(data_dir)
    assert digest(path) == before
    assert schema.read_revision(path) == "0001"
    assert list_backups(backups_dir(data_dir)) == []
    assert last_check_failed(data_dir)


def test_a_restore_is_one_transaction_for_every_other_reader(made: Path, tmp_path: Path) -> None:
    con = sqlite.connect(made)  # the app's driver: two SQLite libraries must not share a file
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.executemany(  # a big list, so the restore takes several steps
            "INSERT INTO need_category (name, position) VALUES (?, 0)",
            [("类别" + "长" * 400 + str(n),) for n in range(20_000)],
        )
        con.commit()
        copy = backup_database(made, tmp_path / "backups", label=schema.HEAD)
        con.execute("DELETE FROM need_category")
        con.execute("DELETE FROM person")
        con.commit()
        seen_midway: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> None:
            if done < total:
                seen_midway.append(
                    con.execute(
                        "SELECT (SELECT count(*) FROM need_category), (SELECT count(*) FROM person)"
                    ).fetchone()
                )

        restore_into(made, copy, progress)
        assert seen_midway and set(seen_midway) == {(0, 0)}  # only ever the old data
        assert con.execute("SELECT count(*) FROM need_category").fetchone()[0] >= 20_000
        assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 3
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
