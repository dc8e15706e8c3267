"""The list of backups and putting one back: the current data is kept first, the restored
data is what every connection and the search index see, and the schema rule holds."""

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.kinds import RecordKind
from desktop.domain.roster import PeopleQuery
from desktop.services import backups
from desktop.services.backups import Restored, RestoreRefusedError, Revision, restore_backup
from desktop.services.people import count_people, list_people
from desktop.store import migrate, schema
from desktop.store.backup import backup_database, list_backups
from desktop.store.database import Database, open_database
from desktop.store.datadir import backups_dir, damaged_files_dir, db_path
from desktop.store.health import check_health, last_check_failed, record_health
from desktop.store.search_index import index_path
from tests.services.conftest import add_person
from tests.store.damage import zero_header, zero_page
from tests.trash_items import purge_records


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(db: Database, text: str = "") -> list[str]:
    return [p.name for p in list_people(db, PeopleQuery(text=text), offset=0, limit=100)]


@pytest.fixture
def backed_up(db: Database, data_dir: Path) -> Path:
    """A backup holding 张伟华 and 李伟; after it, 王䶮 is added and 李伟 is gone."""
    add_person(db, "张伟华")
    li = add_person(db, "李伟")
    path = backups.back_up_now(db, data_dir)
    add_person(db, "王䶮")
    from desktop.services.people import delete_people

    delete_people(db, [li])
    purge_records(db, RecordKind.PERSON, [li])
    return path


def test_backups_are_listed_newest_first_with_their_check(
    db: Database, data_dir: Path, backed_up: Path
) -> None:
    add_person(db, "赵堃")
    newer = backups.back_up_now(db, data_dir)
    listed = backups.backups_with_checks(data_dir)
    assert [b.path for b in listed] == [newer, backed_up]
    first = listed[0]
    assert first.sound and first.restorable
    assert first.revision == schema.HEAD and first.revision_state is Revision.CURRENT
    assert first.counts["person"] == 3 and listed[1].counts["person"] == 2
    assert first.counts["need"] == 0
    assert abs((datetime.now(UTC).replace(tzinfo=None) - first.made_at).total_seconds()) < 60


def test_the_newest_sound_backup_skips_damaged_and_newer_ones(
    db: Database, data_dir: Path, backed_up: Path
) -> None:
    damaged = backups.back_up_now(db, data_dir)
    zero_page(damaged)  # spoiled on disk after it was made: its note no longer fits
    newer = backups.back_up_now(db, data_dir)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()

    listed = {b.path: b for b in backups.backups_with_checks(data_dir)}
    assert not listed[damaged].sound and not listed[damaged].restorable
    assert listed[newer].sound and listed[newer].revision_state is Revision.NEWER
    assert not listed[newer].restorable
    best = backups.newest_sound_backup(data_dir)
    assert best is not None and best.path == backed_up


def test_restore_into_the_open_database(db: Database, data_dir: Path, backed_up: Path) -> None:
    assert sorted(names(db)) == ["张伟华", "王䶮"]
    db.hold_writes()  # as after a failed start-up check; a passed restore lifts it

    restored = restore_backup(data_dir, backed_up, db)

    assert isinstance(restored, Restored) and restored.health.ok
    assert sorted(names(db)) == ["张伟华", "李伟"]
    # The 3-character search goes through the rebuilt index and finds the restored data only.
    assert db.search_index is not None and db.search_index.ready
    assert names(db, "张伟华") == ["张伟华"]
    assert names(db, "王䶮") == []
    # What was replaced is now a backup like any other, with the data it held.
    assert restored.kept is not None and not restored.kept_damaged
    assert restored.kept in list_backups(backups_dir(data_dir))
    kept = backups.describe_backup(restored.kept)
    assert kept.sound and kept.counts["person"] == 2
    assert backed_up.exists()  # the chosen backup stays
    assert not db.writes_held
    add_person(db, "赵堃")  # and the app writes on
    assert count_people(db, PeopleQuery()) == 3


def test_a_damaged_data_file_is_set_aside_never_deleted(
    db: Database, data_dir: Path, backed_up: Path
) -> None:
    db.release_connections()
    zero_page(db_path(data_dir), "person")
    record_health(data_dir, check_health(db_path(data_dir)))
    assert last_check_failed(data_dir)
    before = len(list_backups(backups_dir(data_dir)))

    restored = restore_backup(data_dir, backed_up, db)

    assert restored.kept_damaged and restored.kept is not None
    assert restored.kept.parent == damaged_files_dir(data_dir)
    assert restored.kept.name.startswith("shuren-damaged-")
    assert not check_health(restored.kept, unchanging=True).ok  # the damaged data, kept as is
    assert len(list_backups(backups_dir(data_dir))) == before  # never among the backups
    assert not last_check_failed(data_dir)
    assert sorted(names(db)) == ["张伟华", "李伟"]


def test_a_file_sqlite_cannot_open_is_moved_aside_when_nothing_has_it_open(
    data_dir: Path, backed_up: Path, db: Database
) -> None:
    db.close()
    zero_header(db_path(data_dir))
    before = digest(db_path(data_dir))

    restored = restore_backup(data_dir, backed_up)

    assert restored.kept_damaged and restored.kept is not None
    assert digest(restored.kept) == before
    assert not index_path(data_dir).exists()  # built anew at the next open
    reopened = open_database(data_dir)
    try:
        assert sorted(names(reopened)) == ["张伟华", "李伟"]
        assert names(reopened, "张伟华") == ["张伟华"]
    finally:
        reopened.close()


def test_a_backup_of_an_older_revision_is_upgraded_after_the_restore(
    db: Database, data_dir: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old" / "shuren.sqlite3"
    old.parent.mkdir()
    migrate.upgrade_to_head(old, "0001")
    copy = backup_database(old, backups_dir(data_dir), label="0001")
    add_person(db, "张伟华")

    restored = restore_backup(data_dir, copy, db)

    assert restored.upgraded_from == "0001"
    assert schema.read_revision(db_path(data_dir)) == schema.HEAD
    assert names(db) == []
    add_person(db, "李伟")
    assert names(db) == ["李伟"]


def test_a_backup_from_a_newer_version_is_refused_untouched(
    db: Database, data_dir: Path, backed_up: Path
) -> None:
    con = sqlite3.connect(backed_up)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    db.release_connections()
    before = digest(db_path(data_dir))
    count = len(list_backups(backups_dir(data_dir)))

    with pytest.raises(RestoreRefusedError) as caught:
        restore_backup(data_dir, backed_up, db)

    assert caught.value.reason is Revision.NEWER
    assert digest(db_path(data_dir)) == before
    assert len(list_backups(backups_dir(data_dir))) == count
    assert sorted(names(db)) == ["张伟华", "王䶮"]


def test_a_damaged_backup_is_refused(db: Database, data_dir: Path, backed_up: Path) -> None:
    zero_page(backed_up, "person")
    with pytest.raises(RestoreRefusedError) as caught:
        restore_backup(data_dir, backed_up, db)
    assert caught.value.reason is None
    assert sorted(names(db)) == ["张伟华", "王䶮"]
