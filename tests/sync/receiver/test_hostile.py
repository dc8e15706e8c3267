"""A branch uploads a hostile file: a real snapshot with ``need`` made an endless view, or a
trigger, or a virtual table added. Each passes integrity_check; none may freeze the street office.

The receiver runs with SHUREN_READ_SECONDS=2, so a read that would hang stops within seconds.
"""

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.domain.indicators import parse_period
from desktop.sync.client import sync_once
from desktop.sync.config import SyncConfig, save_config, save_token
from desktop.sync.receiver.report import build_report
from desktop.sync.receiver.storage import Storage
from desktop.sync.untrusted import READ_SECONDS_ENV

from .. import hostile
from ..conftest import StreetServer
from .wire import Branch, Reply, prepare

ROOT = Path(__file__).resolve().parents[3]
LIMIT = 2.0  # the receiver's time limit per file in these tests, seconds
PATIENCE = 15.0  # a call still running after this is hanging
PERIOD = "2026Q1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot of a demo branch; its data dir is beside it in ``hostile-source``."""
    return hostile.app_snapshot(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def street(
    monkeypatch: pytest.MonkeyPatch, start_street: Callable[..., StreetServer]
) -> StreetServer:
    monkeypatch.setenv(READ_SECONDS_ENV, str(LIMIT))  # the server inherits the environment
    return start_street()


def in_thread(call: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    """Start ``call`` in a daemon thread; its result lands in the dict (or its exception)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = call()
        except BaseException as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    return worker, outcome


def finished(call: Callable[[], Any], seconds: float = PATIENCE) -> Any:
    worker, outcome = in_thread(call)
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def branch_app(demo: Path, folder: Path, street: StreetServer, token: str) -> Path:
    """A copy of the demo branch's data dir, set up to sync with ``street``."""
    shutil.copytree(demo.parent / "hostile-source", folder)
    save_config(folder, SyncConfig(server=street.url))
    save_token(folder, token)
    return folder


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (hostile.with_endless_need, "视图 need"),
        (hostile.with_trigger, "触发器 need_audit"),
        (hostile.with_virtual_need, "虚拟表 need"),
    ],
)
def test_a_hostile_upload_is_refused_quickly_while_another_branch_syncs(
    demo: Path,
    tmp_path: Path,
    street: StreetServer,
    add_street_branch: Callable,
    make: Callable[[Path, Path], Path],
    named: str,
):
    bad_branch = Branch(street.url, *add_street_branch(street, "甲支部"))
    good_id, good_token = add_street_branch(street, "乙支部")
    good_app = branch_app(demo, tmp_path / "good", street, good_token)
    bad = prepare(make(demo, tmp_path / "bad.sqlite3"))

    started = time.monotonic()
    worker, outcome = in_thread(lambda: bad_branch.upload(bad))
    result = finished(lambda: sync_once(good_app))  # meanwhile
    worker.join(PATIENCE)
    assert not worker.is_alive(), "finishing the hostile upload did not return"
    reply: Reply = outcome["result"]
    assert time.monotonic() - started < PATIENCE

    assert reply.status == 422
    assert reply.body["code"] == "bad_schema"
    assert reply.body["message"] == f"数据文件里有本软件不会建立的{named}，已拒收。"
    assert result.version == 1
    storage = Storage(street.data_dir, create=False)
    assert storage.current_path(bad_branch.branch_id) is None
    assert storage.current_version(good_id) == 1
    # The upload was discarded: nothing of it is kept, and asking about it answers 404.
    uploads = street.data_dir / "branches" / bad_branch.branch_id / "uploads"
    assert not list(uploads.iterdir())
    assert not list((uploads.parent / "tmp").iterdir())
    assert bad_branch.status(bad.request.upload_id).status == 404


def _plant(storage: Storage, branch_id: str, copy: Path) -> None:
    """``copy`` as the branch's current version with no sidecar, as a receiver from before the
    schema check could have left it."""
    versions = storage.data_dir / "branches" / branch_id / "versions"
    versions.mkdir(parents=True)
    shutil.copyfile(copy, versions / "000001.sqlite3")
    with closing(sqlite3.connect(storage.registry_path)) as conn, conn:
        conn.execute(
            "UPDATE branch SET last_upload_at = '2026-04-01T01:00:00+00:00', version = 1"
            " WHERE branch_id = ?",
            (branch_id,),
        )


def _sheet(path: Path, title: str) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book[title].iter_rows(values_only=True))
    finally:
        book.close()


def test_a_stored_hostile_copy_is_skipped_and_named_by_the_report_and_the_api(
    demo: Path, tmp_path: Path, street: StreetServer, add_street_branch: Callable
):
    bad_id, bad_token = add_street_branch(street, "甲支部")
    _, good_token = add_street_branch(street, "乙支部")
    storage = Storage(street.data_dir, create=False)
    _plant(storage, bad_id, hostile.with_endless_need(demo, tmp_path / "bad.sqlite3"))
    sync_once(branch_app(demo, tmp_path / "good", street, good_token))

    # The API answers for the branch (its copy cannot be counted: no counts).
    state = finished(lambda: Branch(street.url, bad_id, bad_token).state())
    assert (state.status, state.body["version"], state.body["counts"]) == (200, 1, {})

    out = tmp_path / "街道汇总.xlsx"
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.sync.receiver",
            "report",
            "--data",
            str(street.data_dir),
            "--period",
            PERIOD,
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    reason = "数据文件里有本软件不会建立的视图 need，未计入合计"
    assert f"甲支部，数据截至 2026年4月1日 09:00（{reason}）" in result.stdout
    rows = _sheet(out, "各支部")
    header, body = rows[3], rows[4:]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert by_name["甲支部"]["备注"] == reason
    assert by_name["甲支部"]["召开协商议事会"] is None
    assert by_name["乙支部"]["召开协商议事会"] is not None  # the other branch is counted
    assert "计入合计 1 个" in rows[2][0]


def test_the_report_stops_reading_a_copy_that_runs_out_of_time(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Should an endless query ever get past the schema check, the time limit still ends it."""
    storage = Storage(tmp_path / "street")
    bad_id = storage.add_branch("甲支部").branch_id
    good_id = storage.add_branch("乙支部").branch_id
    _plant(storage, bad_id, hostile.with_endless_need(demo, tmp_path / "bad.sqlite3"))
    _plant(storage, good_id, demo)
    monkeypatch.setenv(READ_SECONDS_ENV, "0.5")
    monkeypatch.setattr("desktop.sync.untrusted.check_schema", lambda _source: "0006")

    report = finished(lambda: build_report(storage, parse_period(PERIOD)))
    bad, good = report.branches
    assert (bad.figures, bad.problem) == (None, "数据文件在 0.5 秒内没有读完，未计入合计")
    assert good.figures is not None
