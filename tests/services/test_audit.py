"""The audit log: its own append-only, hash-chained file; every wired event writes its entry."""

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.audit import GENESIS, AuditEvent, ConcerningError, Outcome, concerning
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.services import audit, backups, ledger
from desktop.services.people import delete_people
from desktop.store.audit_log import AUDIT_FILENAME, audit_path
from desktop.store.database import Database, open_database_readonly
from desktop.store.datadir import db_path
from tests.disks import fill as disk_fill
from tests.disks import read_only_view, small_disk
from tests.services.conftest import add_person
from tests.trash_items import purge_records


def events(data_dir: Path) -> list[tuple[str, str, dict]]:
    return [(e.event.value, e.outcome.value, e.concerning) for e in audit.entries(data_dir)]


def raw(data_dir: Path) -> sqlite3.Connection:
    return sqlite3.connect(audit_path(data_dir), isolation_level=None)


def test_entries_chain_and_verify(data_dir: Path) -> None:
    first = audit.record(data_dir, AuditEvent.START)
    second = audit.record(data_dir, AuditEvent.LEDGER_EXPORT, kind="needs", count=3)
    assert first is not None and second is not None
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash
    assert events(data_dir) == [
        ("start", "ok", {}),
        ("ledger_export", "ok", {"count": 3, "kind": "needs"}),
    ]
    assert audit.verify(data_dir) == audit.VerifyResult(True, 2)
    assert (data_dir / AUDIT_FILENAME).is_file()


def test_the_file_has_its_own_schema_version(data_dir: Path) -> None:
    audit.record(data_dir, AuditEvent.START)
    with closing(raw(data_dir)) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1


def test_updates_and_deletes_are_refused_by_the_file_itself(data_dir: Path) -> None:
    audit.record(data_dir, AuditEvent.START)
    with closing(raw(data_dir)) as con:
        for statement in ("UPDATE audit_entry SET os_user = 'x'", "DELETE FROM audit_entry"):
            with pytest.raises(sqlite3.IntegrityError, match="cannot be"):
                con.execute(statement)
    assert audit.verify(data_dir) == audit.VerifyResult(True, 1)


def _tamper(data_dir: Path, *statements: str) -> None:
    with closing(raw(data_dir)) as con:
        con.execute("DROP TRIGGER audit_entry_no_update")
        con.execute("DROP TRIGGER audit_entry_no_delete")
        for statement in statements:
            con.execute(statement)


def test_a_changed_row_is_named(data_dir: Path) -> None:
    for count in (1, 2, 3):
        audit.record(data_dir, AuditEvent.LEDGER_EXPORT, kind="needs", count=count)
    _tamper(data_dir, "UPDATE audit_entry SET concerning = '{\"count\":200}' WHERE id = 2")
    result = audit.verify(data_dir)
    assert result == audit.VerifyResult(False, 2, broken=2, reason="changed")
    assert "第 1 条之后被改动" in audit.broken_text(result)


def test_a_changed_time_or_user_is_found(data_dir: Path) -> None:
    for _ in range(3):
        audit.record(data_dir, AuditEvent.START)
    _tamper(data_dir, "UPDATE audit_entry SET os_user = 'someone' WHERE id = 3")
    assert audit.verify(data_dir).broken == 3


def test_a_deleted_middle_row_is_found(data_dir: Path) -> None:
    for _ in range(3):
        audit.record(data_dir, AuditEvent.START)
    _tamper(data_dir, "DELETE FROM audit_entry WHERE id = 2")
    result = audit.verify(data_dir)
    assert (result.ok, result.broken, result.reason) == (False, 3, "missing")


def test_a_rehashed_row_still_breaks_the_chain(data_dir: Path) -> None:
    """Rewriting a row's own hash is not enough: it no longer hashes to it."""
    for _ in range(3):
        audit.record(data_dir, AuditEvent.START)
    _tamper(data_dir, "UPDATE audit_entry SET hash = '" + "f" * 64 + "' WHERE id = 2")
    result = audit.verify(data_dir)
    assert (result.broken, result.reason) == (2, "changed")


@pytest.mark.parametrize(
    "values",
    [
        {"name": "王伟"},  # an unknown key
        {"kind": "王伟"},  # not a short code
        {"reason": "phone13812345678"},  # a phone hidden in a code
        {"count": "13812345678"},
        {"ids": ["a"]},
        {"count": True},
    ],
)
def test_concerning_refuses_anything_but_counts_ids_and_codes(values: dict, data_dir: Path) -> None:
    with pytest.raises(ConcerningError):
        concerning(**values)
    with pytest.raises(ConcerningError):
        audit.record(data_dir, AuditEvent.START, **values)
    assert audit.entries(data_dir) == []


def test_two_writers_keep_one_chain(data_dir: Path) -> None:
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            barrier.wait()
            for _ in range(25):
                assert audit.record(data_dir, AuditEvent.SYNC, version=1) is not None
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert audit.verify(data_dir) == audit.VerifyResult(True, 50)


@pytest.mark.parametrize("log_exists", [False, True])
def test_a_read_only_folder_loses_the_entry_not_the_work(
    log_exists: bool,
    db: Database,
    data_dir: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from tests.services.test_ledger import fill

    fill(db)
    db.close()
    if log_exists:
        audit.record(data_dir, AuditEvent.START)
    out = tmp_path / "needs.xlsx"
    with read_only_view(data_dir, tmp_path / "ro") as view:
        copy = open_database_readonly(view)
        try:
            rows = ledger.export_ledger(copy, LedgerKind.NEEDS, out)
        finally:
            copy.close()
        assert [e.event for e in audit.entries(view)] == [AuditEvent.START] * log_exists
    assert rows > 0 and out.is_file()
    assert "audit entry ledger_export/ok not written" in caplog.text
    assert audit.verify(data_dir) == audit.VerifyResult(True, int(log_exists))


def test_a_full_disk_loses_the_entry_not_the_work(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "1m") as disk:
        audit.record(disk, AuditEvent.START)
        disk_fill(disk)
        written = [audit.record(disk, AuditEvent.SYNC, bytes=100 * i) for i in range(50)]
        assert None in written  # the disk refused at least one, and nothing raised
        assert audit.verify(disk).ok


def test_writing_an_entry_leaves_the_data_file_alone(db: Database, data_dir: Path) -> None:
    """The reason the log has its own file: the synced, restored, merged file never changes."""
    add_person(db, "李伟")
    db.close()
    before = db_path(data_dir).read_bytes()
    for event in (AuditEvent.START, AuditEvent.SYNC, AuditEvent.PHONE_REVEAL):
        assert audit.record(data_dir, event) is not None
    assert db_path(data_dir).read_bytes() == before
    assert {p.name for p in data_dir.iterdir()} >= {AUDIT_FILENAME}


def test_entries_filter_by_time_and_event(data_dir: Path) -> None:
    audit.record(data_dir, AuditEvent.START)
    audit.record(data_dir, AuditEvent.SYNC, version=2)
    audit.record(data_dir, AuditEvent.START)
    assert [e.id for e in audit.entries(data_dir, events=[AuditEvent.START])] == [1, 3]
    third = audit.entries(data_dir)[2].at
    assert [e.id for e in audit.entries(data_dir, since=third)] == [3]
    assert [e.id for e in audit.entries(data_dir, until=third)] == [1, 2]
    assert audit.entries(data_dir, events=[]) == []


def test_audited_work_notes_success_and_failure(data_dir: Path) -> None:
    assert audit.audited(data_dir, AuditEvent.SYNC, lambda: 7, lambda v: {"version": v}) == 7

    class SyncBusy(Exception):
        pass

    def fails() -> None:
        raise SyncBusy

    with pytest.raises(SyncBusy):
        audit.audited(data_dir, AuditEvent.SYNC, fails)
    assert events(data_dir) == [
        ("sync", "ok", {"version": 7}),
        ("sync", "failed", {"reason": "sync_busy"}),
    ]


# --- the events wired in the services --------------------------------------------------------


def test_ledger_export_and_import_are_logged(db: Database, data_dir: Path, tmp_path: Path) -> None:
    from tests.services.test_ledger import fill

    fill(db)
    out = tmp_path / "needs.xlsx"
    rows = ledger.export_ledger(db, LedgerKind.NEEDS, out)
    ledger.import_ledger(db, LedgerKind.NEEDS, out, dry_run=True)  # nothing written: no entry
    report = ledger.import_ledger(db, LedgerKind.NEEDS, out)
    assert report.ok and rows > 0
    assert events(data_dir) == [
        ("ledger_export", "ok", {"count": rows, "kind": "needs"}),
        ("ledger_import", "ok", {"count": report.rows, "kind": "needs"}),
    ]


def test_a_refused_import_is_logged_as_refused(
    db: Database, data_dir: Path, tmp_path: Path
) -> None:
    from tests.services.test_ledger import NEEDS_HEADERS, write_sheet

    bad = write_sheet(tmp_path / "bad.xlsx", [NEEDS_HEADERS, ["", "x"] + [""] * 20])
    report = ledger.import_ledger(db, LedgerKind.NEEDS, bad)
    assert not report.ok
    errors = len(report.errors)
    assert events(data_dir) == [("ledger_import", "refused", {"errors": errors, "kind": "needs"})]


def test_emptying_the_trash_is_logged_with_the_ids(db: Database, data_dir: Path) -> None:
    ids = [add_person(db, "李伟"), add_person(db, "赵堃")]
    delete_people(db, ids)
    purge_records(db, RecordKind.PERSON, ids)
    assert events(data_dir) == [("empty_trash", "ok", {"count": 2, "ids": ids, "kind": "people"})]


def test_restoring_a_backup_keeps_the_log_and_notes_it(db: Database, data_dir: Path) -> None:
    audit.record(data_dir, AuditEvent.START)
    copy = backups.back_up_now(db, data_dir)
    audit.record(data_dir, AuditEvent.LEDGER_EXPORT, kind="needs", count=1)  # after the backup
    backups.restore_backup(data_dir, copy, db)
    assert [e[0] for e in events(data_dir)] == ["start", "ledger_export", "restore"]
    assert events(data_dir)[2] == ("restore", "ok", {"source": "backup"})
    assert audit.verify(data_dir).ok


def test_no_personal_data_reaches_the_file(db: Database, data_dir: Path, tmp_path: Path) -> None:
    person = add_person(db, "欧阳振华", phone="13987654321")
    ledger.export_ledger(db, LedgerKind.NEEDS, tmp_path / "needs.xlsx")
    audit.record(data_dir, AuditEvent.PHONE_REVEAL, kind="people", ids=[person])
    data = audit_path(data_dir).read_bytes()
    assert audit.entries(data_dir)[-1].concerning == {"ids": [person], "kind": "people"}
    for text in ("欧阳振华", "13987654321", "98765"):
        assert text.encode() not in data and text.encode("utf-16-le") not in data


def test_words() -> None:
    from desktop.domain.labels import word

    assert word(AuditEvent.PHONE_REVEAL) == "显示完整号码"
    assert {word(o) for o in Outcome} == {"成功", "失败", "被拒绝"}
    assert all(word(e) for e in AuditEvent)  # every event has its Chinese label
