"""Reading a branch's file as untrusted input: the schema check against the app's migrations,
and the time limit on every query."""

import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

import pytest

from desktop.store import migrate
from desktop.sync import known_schemas, protocol, untrusted
from desktop.sync.snapshot import take_snapshot
from desktop.sync.untrusted import KNOWN_SCHEMAS, READ_SECONDS_ENV

from . import hostile

LIMIT = 0.5  # seconds: what the tests allow for reading a hostile file
PATIENCE = 10.0  # seconds a call may take here before it counts as hanging


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """``call()``'s result (or exception), provided it comes within ``seconds``. A call that
    hangs is left running in a daemon thread and the test fails."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = call()
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile.app_snapshot(tmp_path_factory.mktemp("untrusted"))


@pytest.fixture
def short_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(READ_SECONDS_ENV, str(LIMIT))


def test_known_schemas_json_is_what_the_migrations_write():
    """Fails after a migration is added or changed until the file is written again."""
    assert KNOWN_SCHEMAS.read_text(encoding="utf-8") == known_schemas.current_text(), (
        "desktop/sync/known_schemas.json is stale: run python -m desktop.sync.known_schemas"
    )
    assert list(untrusted.known_schemas()) == migrate.script_revisions()


def test_a_snapshot_at_every_revision_passes_and_names_its_revision(tmp_path: Path):
    database = tmp_path / "shuren.sqlite3"
    for revision in migrate.script_revisions():
        migrate.upgrade_to_head(database, revision)
        snapshot = tmp_path / f"{revision}.sqlite3"
        take_snapshot(database, snapshot)
        assert untrusted.check_copy(snapshot) == revision


def test_a_real_branch_snapshot_with_statistics_passes(snapshot: Path, tmp_path: Path):
    # The app's PRAGMA optimize at close may add sqlite_stat1 (and sqlite_stat4 where built in).
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(snapshot, copy)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("ANALYZE")
        assert conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
    assert untrusted.check_copy(copy) == migrate.script_revisions()[-1]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (hostile.with_endless_need, "数据文件里有本软件不会建立的视图 need"),
        (hostile.with_trigger, "数据文件里有本软件不会建立的触发器 need_audit"),
        (hostile.with_virtual_need, "数据文件里有本软件不会建立的虚拟表 need"),
        (hostile.with_extra_table, "数据文件的结构与本软件建立的不一致（多出或改动了表 notes）"),
        (hostile.from_newer_app, "数据文件来自较新版本的熟人小区（数据结构 0099）"),
    ],
)
def test_a_schema_the_app_does_not_write_is_refused_and_named(
    snapshot: Path, tmp_path: Path, make: Callable[[Path, Path], Path], reason: str
):
    bad = make(snapshot, tmp_path / "bad.sqlite3")
    assert protocol.integrity_problem(bad) is None  # integrity_check alone lets it through
    with pytest.raises(untrusted.BadSchema) as refused:
        within(PATIENCE, lambda: untrusted.check_copy(bad))
    assert refused.value.reason.startswith(reason)


def test_a_file_that_is_no_database_is_damaged(tmp_path: Path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    with pytest.raises(untrusted.Damaged):
        untrusted.check_copy(junk)


def test_counting_an_endless_view_stops_at_the_time_limit(
    snapshot: Path, tmp_path: Path, short_limit: None
):
    bad = hostile.with_endless_need(snapshot, tmp_path / "bad.sqlite3")
    started = time.monotonic()
    with pytest.raises(untrusted.TooSlow) as slow:
        within(PATIENCE, lambda: protocol.record_counts(bad))
    assert time.monotonic() - started < LIMIT + 3
    assert slow.value.reason == f"数据文件在 {LIMIT:g} 秒内没有读完"


def test_the_connection_is_read_only_untrusted_and_a_swallowed_stop_still_counts(
    snapshot: Path, tmp_path: Path
):
    bad = hostile.with_endless_need(snapshot, tmp_path / "bad.sqlite3")
    with pytest.raises(untrusted.TooSlow), untrusted.open_untrusted(bad, LIMIT) as conn:
        assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE x (a)")  # read-only
        # A caller that swallows the interruption must not take a partial answer for a whole.
        with suppress(sqlite3.OperationalError):
            conn.execute("SELECT count(*) FROM need").fetchone()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite3"]  # no -wal, -journal


def test_the_time_limit_grows_with_the_file_and_reads_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    small, large = tmp_path / "small", tmp_path / "large"
    small.write_bytes(b"x")
    large.write_bytes(b"x" * untrusted.READ_BYTES_PER_SECOND)
    monkeypatch.delenv(READ_SECONDS_ENV, raising=False)
    assert untrusted.time_limit(small) == pytest.approx(untrusted.READ_SECONDS)
    assert untrusted.time_limit(large) == pytest.approx(untrusted.READ_SECONDS + 1)
    for text, seconds in [("2.5", 2.5), ("0", 60.0), ("-1", 60.0), ("inf", 60.0), ("x", 60.0)]:
        monkeypatch.setenv(READ_SECONDS_ENV, text)
        assert untrusted.read_seconds() == seconds


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            'CREATE TABLE "person" (\n\tid INTEGER, \n\tname TEXT\n)',
            "CREATE TABLE person(id INTEGER,name TEXT)",
        ),
        ("CREATE INDEX ix ON t (a)  WHERE b IS NULL", "CREATE INDEX ix ON t(a) WHERE b IS NULL"),
        ("CREATE TABLE [t] (`a` INT)", "CREATE TABLE t(a INT)"),
    ],
)
def test_layout_and_quoting_do_not_make_two_schemas_differ(one: str, other: str):
    assert untrusted.normalise_sql(one) == untrusted.normalise_sql(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("CREATE TABLE t(a TEXT DEFAULT 'x  y')", "CREATE TABLE t(a TEXT DEFAULT 'x y')"),
        ('CREATE TABLE t("a b" INT)', "CREATE TABLE t(a b INT)"),
        ("CREATE TABLE t(a INT)", "CREATE TABLE t(a INTEGER)"),
    ],
)
def test_what_sqlite_reads_differently_stays_different(one: str, other: str):
    assert untrusted.normalise_sql(one) != untrusted.normalise_sql(other)
