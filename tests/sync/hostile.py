"""Hostile branch files: a real snapshot of the app's database, then one object the app never
creates. Each still passes ``integrity_check``.

    source = app_snapshot(tmp_path)                      # demo data, snapshot.py's copy
    bad = with_endless_need(source, tmp_path / "x.sqlite3")
"""

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from desktop.services.demo import make_demo
from desktop.store.database import open_database
from desktop.store.datadir import db_path
from desktop.sync.snapshot import take_snapshot


def app_snapshot(folder: Path, scale: int = 20) -> Path:
    """A snapshot of a demo branch's database, as the app would upload it."""
    data_dir = folder / "hostile-source"
    data_dir.mkdir(parents=True)
    db = open_database(data_dir)
    try:
        make_demo(db, scale=scale, seed=3)
    finally:
        db.close()
    return take_snapshot(db_path(data_dir), folder / "snapshot.sqlite3")


Statements = Callable[[sqlite3.Connection], list[str]]


def _rewrite(source: Path, out: Path, statements: Statements) -> Path:
    shutil.copyfile(source, out)
    with closing(sqlite3.connect(out)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for sql in statements(conn):
            conn.execute(sql)
        conn.commit()
        conn.execute("VACUUM")  # a tidy file, as if the app had written it
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    return out


def with_endless_need(source: Path, out: Path) -> Path:
    """``need`` replaced by a view with the same columns over an endless WITH RECURSIVE: any
    count of it, or any figure that reads it, never ends."""

    def statements(conn: sqlite3.Connection) -> list[str]:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(need)")]
        rest = ", ".join(f"NULL AS {c}" for c in columns if c != "id")
        return [
            "DROP TABLE need",
            "CREATE VIEW need AS WITH RECURSIVE forever(n) AS"
            " (SELECT 1 UNION ALL SELECT n + 1 FROM forever)"
            f" SELECT n AS id, {rest} FROM forever",
        ]

    return _rewrite(source, out, statements)


def with_trigger(source: Path, out: Path) -> Path:
    """A trigger that would empty the roster on the next new need."""
    return _rewrite(
        source,
        out,
        lambda _conn: [
            "CREATE TRIGGER need_audit AFTER INSERT ON need BEGIN DELETE FROM person; END"
        ],
    )


def with_virtual_need(source: Path, out: Path) -> Path:
    """``need`` replaced by an FTS5 virtual table (with its shadow tables)."""
    return _rewrite(
        source,
        out,
        lambda _conn: [
            "DROP TABLE need",
            "CREATE VIRTUAL TABLE need USING fts5(title, deleted_at)",
        ],
    )


def with_extra_table(source: Path, out: Path) -> Path:
    """A plain table the app does not create."""
    return _rewrite(source, out, lambda _conn: ["CREATE TABLE notes (id INTEGER PRIMARY KEY)"])


def from_newer_app(source: Path, out: Path) -> Path:
    """What a newer version of the app might write: another table and revision 0099."""
    return _rewrite(
        source,
        out,
        lambda _conn: [
            "CREATE TABLE lineage (id INTEGER PRIMARY KEY)",
            "UPDATE alembic_version SET version_num = '0099'",
        ],
    )
