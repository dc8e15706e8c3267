"""Snapshots keep untouched pages byte-identical, so a delta stays small."""

from contextlib import closing
from pathlib import Path

from desktop.store import sqlite
from desktop.sync.protocol import changed_blocks, digest_file, integrity_problem
from desktop.sync.snapshot import take_snapshot


def test_a_snapshot_of_a_live_wal_database_is_a_single_sound_file(tmp_path: Path) -> None:
    db = tmp_path / "shuren.sqlite3"
    with closing(sqlite.connect(db)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(str(i) * 40,) for i in range(3000)])
        conn.commit()
        first = take_snapshot(db, tmp_path / "s1.sqlite3")  # uncheckpointed WAL included
        assert first.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: no -wal needed
        assert integrity_problem(first) is None
        with closing(sqlite.connect(first)) as copy:
            assert copy.execute("SELECT count(*) FROM t").fetchone()[0] == 3000
        a = digest_file(first)
        again = digest_file(take_snapshot(db, tmp_path / "s2.sqlite3"))
        assert again.sha256 == a.sha256  # nothing changed: identical bytes
        conn.execute("UPDATE t SET x = '电梯' WHERE rowid = 1500")
        conn.commit()
        b = digest_file(take_snapshot(db, tmp_path / "s3.sqlite3"))
    assert 1 <= len(changed_blocks(b, a)) <= 3
    assert not list(tmp_path.glob("*.tmp"))
