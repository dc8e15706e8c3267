"""`shuren-street report`: three branches uploaded to a real receiver; the totals equal the sum
of each branch's own `shuren indicators --json`; late and missing uploads are flagged."""

import hashlib
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from desktop.domain.indicators import COUNT_KEYS, DEFINITIONS, change_pct, parse_period
from desktop.domain.meetings import Meeting, Topic
from desktop.domain.needs import Need, NeedStatus
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services.meetings import finalize_meeting, save_meeting
from desktop.services.needs import change_status, list_categories, save_need
from desktop.services.organizations import save_organization
from desktop.store.database import open_database
from desktop.store.models import NeedRecord
from desktop.sync.client import sync_once
from desktop.sync.config import SyncConfig, save_config, save_token
from desktop.sync.receiver.report import upload_cutoff
from desktop.sync.receiver.storage import Storage

from ..conftest import StreetServer

ROOT = Path(__file__).resolve().parents[3]
PERIOD = "2026Q1"
RARE = "欧阳䶮𠮷 <b>&"


def _fill(data_dir: Path, n: int) -> None:
    """A branch with ``n`` meetings, self-organizations and needs in 2026Q1 (every other need a
    property dispute), and ``n + 1`` needs in 2025Q4."""
    db = open_database(data_dir)
    try:
        categories = {c.name: c.id for c in list_categories(db)}
        for i in range(n):
            topics = [Topic("议题", consensus="同意")]
            starts_at = datetime(2026, 2, 1 + i, 19, 0)
            meeting = save_meeting(db, Meeting(f"议事会{i}", starts_at=starts_at, topics=topics))
            assert meeting.id is not None
            finalize_meeting(db, meeting.id)
            save_organization(
                db,
                Organization(
                    OrganizationKind.SELF_ORGANIZATION, f"队{i}", incubated_on=date(2026, 3, 1)
                ),
            )
        for i, day in enumerate([date(2026, 3, 1)] * n + [date(2025, 12, 1)] * (n + 1)):
            category = "物业服务" if i % 2 == 0 else "环境卫生"
            need = save_need(
                db, Need(title=f"{RARE}{i}", category_id=categories[category], registered_on=day)
            )
            assert need.id is not None
            with db.session() as s:
                s.execute(
                    update(NeedRecord)
                    .where(NeedRecord.id == need.id)
                    .values(is_dispute=category == "物业服务")
                )
            if day.year == 2026 and i == 0:
                change_status(db, need.id, NeedStatus.IN_PROGRESS)
    finally:
        db.close()


def _indicators_json(data_dir: Path, period: str) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "indicators",
            "--data-dir",
            str(data_dir),
            "--period",
            period,
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _sheet(path: Path, title: str) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book[title].iter_rows(values_only=True))
    finally:
        book.close()


@pytest.fixture
def three_branches(
    tmp_path: Path, street: StreetServer, add_street_branch: Callable
) -> tuple[StreetServer, list[Path], list[str]]:
    """Three branches with different figures, each synced once; a fourth never uploads."""
    dirs, ids = [], []
    for n, name in enumerate(["翠竹苑党支部", RARE, "=碧波花园党支部"], start=1):
        data_dir = tmp_path / f"branch{n}"
        data_dir.mkdir()
        _fill(data_dir, n)
        branch_id, token = add_street_branch(street, name)
        save_config(data_dir, SyncConfig(server=street.url))
        save_token(data_dir, token)
        sync_once(data_dir)
        dirs.append(data_dir)
        ids.append(branch_id)
    add_street_branch(street, "从未上传的支部")
    return street, dirs, ids


def test_the_report_sums_each_branchs_own_figures_and_flags_late_ones(
    three_branches: tuple[StreetServer, list[Path], list[str]], tmp_path: Path
) -> None:
    street, dirs, ids = three_branches
    # The third branch last uploaded on 2026年3月31日 at 23:00 Beijing: before Q1 was over.
    with closing(sqlite3.connect(street.data_dir / "street.sqlite3")) as conn, conn:
        conn.execute(
            "UPDATE branch SET last_upload_at = '2026-03-31T15:00:00+00:00' WHERE branch_id = ?",
            (ids[2],),
        )

    own = [_indicators_json(d, PERIOD) for d in dirs]
    assert [o["meetings_held"] for o in own] == [1, 2, 3]  # the branches really differ
    out = tmp_path / "街道汇总.xlsx"
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
    assert "未及时上传 2 个" in result.stdout
    assert "未及时上传：=碧波花园党支部，数据截至 2026年3月31日 23:00" in result.stdout

    summary = {row[0]: row[1] for row in _sheet(out, "汇总")[4:]}
    for key in COUNT_KEYS:
        assert summary[DEFINITIONS[key].title] == sum(o[key] for o in own), key
    # Recomputed from the summed counts (4 now against 5): the branches' own changes (0%, −50%,
    # 0%) would give −50% summed and −16.7% averaged.
    baseline = [_indicators_json(d, "2025Q4")["property_disputes"] for d in dirs]
    pct = change_pct(sum(o["property_disputes"] for o in own), sum(baseline))
    assert [o["property_disputes_change_pct"] for o in own] == [0.0, -50.0, 0.0]
    assert pct == -20.0
    assert summary["物业矛盾较基期增减"] == "下降 20.0%"
    assert summary["需求（按类别）"] == str(sum(sum(o["needs_by_category"].values()) for o in own))

    rows = _sheet(out, "各支部")
    header, body = rows[3], rows[4:]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert list(by_name) == ["翠竹苑党支部", RARE, "=碧波花园党支部", "从未上传的支部", "合计"]
    for name, figures in zip(["翠竹苑党支部", RARE, "=碧波花园党支部"], own, strict=True):
        line = by_name[name]
        assert [line[DEFINITIONS[k].title] for k in COUNT_KEYS] == [figures[k] for k in COUNT_KEYS]
    assert by_name["翠竹苑党支部"]["未及时上传"] is None  # an empty cell
    assert by_name["=碧波花园党支部"]["未及时上传"] == "未及时上传"
    assert by_name["=碧波花园党支部"]["数据截至（北京时间）"] == "2026年3月31日 23:00"
    never = by_name["从未上传的支部"]
    assert (never["未及时上传"], never["数据截至（北京时间）"]) == ("未及时上传", "从未上传")
    assert never["召开协商议事会"] is None
    assert by_name["合计"]["召开协商议事会"] == 6

    by_status = _sheet(out, "需求按状态")
    assert by_status[3][-1] == "从未上传的支部"  # a column, empty (openpyxl drops the cell)
    statuses = {row[0]: row[1:] for row in by_status[4:]}
    pending = [o["needs_by_status"]["pending"] for o in own]
    assert statuses["待受理"] == (sum(pending), *pending)
    categories = {row[0]: row[1] for row in _sheet(out, "需求按类别")[4:]}
    assert categories["物业服务"] == sum(o["needs_by_category"]["物业服务"] for o in own)

    # Read-only: the copies the street office holds are exactly as uploaded.
    storage = Storage(street.data_dir, create=False)
    assert [storage.current_version(b) for b in ids] == [1, 1, 1]
    for branch in ids:
        path = storage.current_path(branch)
        assert path is not None
        beside = {p.name for p in path.parent.iterdir() if p.name.startswith(path.stem)}
        assert beside == {path.name, path.with_suffix(".json").name}  # no -wal, -shm, -journal
        assert (
            hashlib.sha256(path.read_bytes()).hexdigest() == storage.version_info(branch, 1).sha256
        )


def test_upload_cutoff_is_the_periods_end_or_today_while_it_runs():
    q1 = parse_period("2026Q1")
    later = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    assert upload_cutoff(q1, later) == datetime(2026, 3, 31, 16, 0, tzinfo=UTC)
    running = parse_period("2026Q4")
    assert upload_cutoff(running, later) == datetime(2026, 11, 24, 16, 0, tzinfo=UTC)


def test_bad_period_and_missing_street_data(tmp_path: Path, capsys) -> None:
    from desktop.sync.receiver.cli import main

    Storage(tmp_path / "street").add_branch("翠竹苑党支部")
    out = tmp_path / "r.xlsx"
    assert (
        main(
            ["report", "--data", str(tmp_path / "street"), "--period", "2026Q9", "--out", str(out)]
        )
        == 2
    )
    assert "2026Q3" in capsys.readouterr().err
    assert main(["report", "--data", str(tmp_path / "none"), "--out", str(out)]) == 2
    assert "没有街道办数据" in capsys.readouterr().err
    assert not out.exists()


def test_the_report_imports_no_qt_and_no_app_store():
    probe = (
        "import sys, desktop.sync.receiver.report; print(sorted(m for m in sys.modules"
        " if m.startswith(('PySide6', 'shiboken6', 'desktop.ui', 'desktop.store'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
