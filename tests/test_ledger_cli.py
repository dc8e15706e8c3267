"""`shuren ledger export|import` as a real process: files, exit codes, messages."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.services.ledger import export_ledger
from desktop.store.database import open_database
from tests.services.hostile_xlsx import (
    MIB,
    batched,
    good_row,
    huge_cell,
    shared_strings,
    workbook,
)
from tests.services.test_ledger import NEEDS_HEADERS, cells, edit, fill, needs_row, write_sheet
from tests.test_cli import CHINESE, ROOT, one_chinese_line, shuren


@pytest.fixture(scope="module")
def source_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("ledger") / "data"
    data_dir.mkdir()
    db = open_database(data_dir)
    try:
        fill(db)
    finally:
        db.close()
    return data_dir


def need_count(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "shuren.sqlite3") as con:
        return con.execute("SELECT count(*) FROM need").fetchone()[0]


def test_export_then_import_into_a_new_data_dir(source_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "needs.xlsx", tmp_path / "again.xlsx"
    result = shuren("ledger", "export", "--data-dir", source_dir, "--list", "needs", "--out", first)
    assert (result.returncode, result.stderr) == (0, "")
    assert "3 条" in result.stdout
    target = tmp_path / "new" / "data"  # does not exist yet
    result = shuren("ledger", "import", "--data-dir", target, "--list", "needs", first)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert "新增 3 条" in result.stdout
    result = shuren("ledger", "export", "--data-dir", target, "--list", "needs", "--out", second)
    assert result.returncode == 0, result.stderr
    assert cells(second) == cells(first)


def test_bad_rows_exit_1_with_each_error_on_its_own_line(tmp_path: Path) -> None:
    path = write_sheet(
        tmp_path / "needs.xlsx",
        [NEEDS_HEADERS, needs_row(), needs_row(紧急程度="很急"), needs_row(登记日期="2026-02-30")],
    )
    report = tmp_path / "report.xlsx"
    target = tmp_path / "data"
    result = shuren(
        "ledger", "import", "--data-dir", target, "--list", "needs", path, "--report", report
    )
    assert result.returncode == 1
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "2 处错误" in lines[0] and "未导入任何记录" in lines[0]
    assert lines[1].startswith("“需求清单”第 3 行“紧急程度”列：")
    assert lines[2].startswith("“需求清单”第 4 行“登记日期”列：")
    assert all(CHINESE.search(line) for line in lines)
    assert need_count(target) == 0  # the good row 2 was not written either
    assert openpyxl.load_workbook(report).sheetnames == ["需求清单", "错误列表"]


def test_dry_run_into_a_missing_data_dir_creates_nothing(source_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "projects.xlsx"
    db = open_database(source_dir)
    try:
        export_ledger(db, "projects", path)
    finally:
        db.close()
    target = tmp_path / "data"
    result = shuren(
        "ledger", "import", "--data-dir", target, "--list", "projects", path, "--dry-run"
    )
    # The projects name needs that the empty data dir does not have: found, nothing written.
    assert result.returncode == 1
    assert "找不到编号为" in result.stderr
    assert not (target / "shuren.sqlite3").exists()
    result = shuren(
        "ledger",
        "import",
        "--data-dir",
        source_dir,
        "--list",
        "projects",
        edit(path, {(2, "标题"): "改名"}),
        "--dry-run",
    )
    assert result.returncode == 0, result.stderr
    assert "未写入" in result.stdout and "更新 1 条" in result.stdout


def test_not_a_workbook_exits_2_with_one_line_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"  # a damaged zip, and not named .xlsx
    path.write_bytes(b"PK\x03\x04broken")
    target = tmp_path / "d"
    result = shuren("ledger", "import", "--data-dir", target, "--list", "needs", path)
    assert result.returncode == 2
    assert "不是 Excel 工作簿" in one_chinese_line(result.stderr)
    assert not (target / "shuren.sqlite3").exists()


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    missing_list = shuren("ledger", "export", "--data-dir", tmp_path, "--out", tmp_path / "x")
    assert missing_list.returncode == 2
    one_chinese_line(missing_list.stderr)
    no_file = shuren(
        "ledger", "import", "--data-dir", tmp_path, "--list", "needs", tmp_path / "none.xlsx"
    )
    assert no_file.returncode == 2
    assert "找不到文件" in one_chinese_line(no_file.stderr)


# The peak of the process's own memory: VmHWM starts afresh at exec, while getrusage's
# ru_maxrss keeps that of the process it was forked from (pytest, here: 120–180 MB).
PEAK_RSS = """
import re, sys
import desktop.app
out, sys.argv = sys.argv[1], sys.argv[:1] + sys.argv[2:]
try:
    code = desktop.app.main(sys.argv[1:])
finally:
    with open("/proc/self/status") as status, open(out, "w") as f:
        f.write(re.search(r"VmHWM:\\s*(\\d+) kB", status.read()).group(1))
raise SystemExit(code)
"""


def shuren_peak_rss(tmp_path: Path, *args: object) -> tuple[subprocess.CompletedProcess, int]:
    """``shuren *args`` in its own process, and that process's peak memory in MB."""
    out = tmp_path / "rss.txt"
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, out, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    return result, int(out.read_text()) // 1024


def merged_cells(path: Path) -> Path:
    """A good row, and half a million merged cells (which an import has no use for)."""
    merges = (f'<mergeCell ref="A{n}:B{n}"/>'.encode() for n in range(3, 500_003))
    after = [b"<mergeCells>", *batched(merges), b"</mergeCells>"]
    return workbook(path, [good_row()], after=after)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
@pytest.mark.parametrize(
    ("make", "code", "said"),
    [
        # one cell of 1 GB in a 1 MB file whose directory says 90 MB (was 2.1 GB and 32 s)
        (lambda p: huge_cell(p, 1024 * MIB, declared=90 * MIB), 2, "单元格的内容超过了上限"),
        # 2 million shared strings (was 458 MB and 36 s)
        (lambda p: shared_strings(p, 2_000_000), 2, "共享字符串超过了上限 1,000,000 个"),
        # what the reader does not need is dropped as it goes (openpyxl kept it: 330 MB)
        (merged_cells, 0, "将新增 1 条"),
    ],
    ids=["huge-cell", "shared-strings", "merged-cells"],
)
def test_a_hostile_workbook_costs_little_memory(tmp_path: Path, make, code: int, said: str):
    path = make(tmp_path / "台账.xlsx")
    target = tmp_path / "data"
    result, peak = shuren_peak_rss(
        tmp_path, "ledger", "import", "--data-dir", target, "--list", "needs", path, "--dry-run"
    )
    assert result.returncode == code, result.stderr
    if code == 2:
        line = one_chinese_line(result.stderr)
        assert line.startswith("文件“台账.xlsx”") and said in line
    else:
        assert said in result.stdout
    print(f"peak memory {peak} MB")  # measured: 50–65 MB; a one-row import: 73 MB
    assert peak < 200
