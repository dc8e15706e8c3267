"""The command line on a full disk, a read-only copy and a closed pipe, as real processes:
one Chinese line and the README's exit code, never a traceback or a resident's data."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from desktop.store.datadir import db_path
from tests.disks import fill, read_only_view, small_disk, without_root_override
from tests.services.test_ledger import NEEDS_HEADERS, needs_row
from tests.test_cli import ROOT, one_chinese_line, shuren

try:
    import fcntl
except ImportError:  # Windows: the pipe keeps its size
    fcntl = None

SCALE = 600  # enough records that each listing below overflows a 4 KiB pipe
NAME, PHONE, ROOM = "司徒保密", "13900001234", "2718"  # a resident who must never be shown
READ_COMMANDS = [
    ("check",),
    ("list", "people", "--json"),
    ("list", "needs", "--json"),
    ("list", "partners", "--json"),
    ("list", "meetings", "--json"),
    ("indicators", "--json"),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("disk") / "demo"
    result = shuren("demo", "--data-dir", data_dir, "--scale", SCALE)
    assert result.returncode == 0, result.stderr
    return data_dir


@pytest.fixture(scope="module")
def expected(source: Path) -> dict[tuple[str, ...], str]:
    """What each read command prints on the writable original."""
    outputs = {}
    for command in READ_COMMANDS:
        result = shuren(*command, "--data-dir", source)
        assert result.returncode == 0, result.stderr
        outputs[command] = result.stdout
    return outputs


def run(prefix: list[str], *args: object) -> subprocess.CompletedProcess[str]:
    """``shuren`` as a real process, after a command prefix such as setpriv."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "desktop", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*"))}


# -- a full disk ---------------------------------------------------------------------------
def test_demo_on_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "2m") as disk:
        result = shuren("demo", "--data-dir", disk / "data", "--scale", 200)
        assert result.returncode == 1
        line = one_chinese_line(result.stderr)
        assert "磁盘已满" in line and str(disk / "data") in line
        assert result.stdout == ""
        assert list((disk / "data").iterdir()) == []  # no half database, no temporary folder


def import_sheet(path: Path, rows: int) -> Path:
    """New needs raised by one resident, enough of them to need a few MB of database."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("需求清单")
    sheet.append(NEEDS_HEADERS)
    for i in range(rows):
        sheet.append(
            needs_row(
                标题=f"楼道灯不亮{i}",
                描述="晚上楼道很暗，老人上下楼不方便。" * 12,
                提出人=NAME,
                联系电话=PHONE,
                楼栋="9栋",
                房号=ROOM,
            )
        )
    workbook.save(path)
    return path


def test_ledger_import_on_a_full_disk_shows_no_resident_data(source: Path, tmp_path: Path) -> None:
    sheet = import_sheet(tmp_path / "needs.xlsx", 6000)
    with small_disk(tmp_path / "disk", "24m") as disk:
        data_dir = disk / "data"
        shutil.copytree(source, data_dir)
        before = run([], "list", "needs", "--json", "--data-dir", data_dir).stdout
        filler = fill(disk, leave=1 << 20)  # the import needs several MB
        result = shuren("ledger", "import", "--data-dir", data_dir, "--list", "needs", sheet)
        assert result.returncode == 1
        line = one_chinese_line(result.stderr)
        assert "磁盘已满" in line
        for secret in (NAME, PHONE, ROOM):
            assert secret not in result.stderr + result.stdout
        assert not [p for p in data_dir.rglob("*") if "partial" in p.name or "tmp" in p.name]
        filler.unlink()
        # All or nothing: the file is sound and holds what it held.
        assert shuren("check", "--data-dir", data_dir).returncode == 0
        assert shuren("list", "needs", "--json", "--data-dir", data_dir).stdout == before


def test_reading_commands_work_on_a_full_disk(source: Path, expected, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "16m") as disk:
        data_dir = disk / "data"
        shutil.copytree(source, data_dir)
        fill(disk)
        for command in READ_COMMANDS:
            result = shuren(*command, "--data-dir", data_dir)
            assert (result.returncode, result.stderr) == (0, ""), command
            assert result.stdout == expected[command], command
        result = shuren("demo", "--data-dir", data_dir)  # a writing command: said, exit 2
        assert result.returncode == 2
        assert "磁盘已满" in one_chinese_line(result.stderr)


# -- a read-only copy ----------------------------------------------------------------------
@pytest.fixture(params=["read-only mount", "chmod a-w"])
def read_only(request, source: Path, tmp_path: Path) -> Iterator[tuple[list[str], Path]]:
    """(command prefix, data dir): a copy of the demo that cannot be written."""
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    if request.param == "read-only mount":
        with read_only_view(copy, tmp_path / "view") as view:
            yield [], view
        return
    prefix = without_root_override()
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        yield prefix, copy
    finally:
        for path in [copy, *copy.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)


def test_reading_commands_work_on_a_read_only_copy(read_only, expected) -> None:
    prefix, data_dir = read_only
    before = files(data_dir)
    for command in READ_COMMANDS:
        result = run(prefix, *command, "--data-dir", data_dir)
        assert (result.returncode, result.stderr) == (0, ""), (command, result.stderr)
        assert result.stdout == expected[command], command
    assert files(data_dir) == before


@pytest.mark.parametrize("command", [("demo",), ("sync", "--once"), ("ledger", "import")])
def test_writing_commands_on_a_read_only_copy_exit_2(read_only, command, tmp_path) -> None:
    prefix, data_dir = read_only
    if command == ("ledger", "import"):
        sheet = import_sheet(tmp_path / "needs.xlsx", 1)
        command = ("ledger", "import", "--list", "needs", sheet)
    result = run(prefix, *command, "--data-dir", data_dir)
    assert result.returncode == 2
    assert str(data_dir) in one_chinese_line(result.stderr)


def test_an_older_file_in_a_read_only_copy_is_not_upgraded(tmp_path: Path) -> None:
    from desktop.store.migrate import upgrade_to_head
    from desktop.store.schema import REVISIONS

    copy = tmp_path / "old"
    copy.mkdir()
    upgrade_to_head(db_path(copy), REVISIONS[-2])
    with read_only_view(copy, tmp_path / "view") as view:
        result = shuren("list", "needs", "--data-dir", view)
        assert result.returncode == 2
        assert "旧版本" in one_chinese_line(result.stderr)
        result = shuren("check", "--data-dir", view)  # check never upgrades: it reads
        assert result.returncode == 0, result.stderr


# -- a reader that goes away ---------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ("list", "people"),
        ("list", "people", "--json"),
        ("list", "needs"),
        ("list", "projects", "--json"),
        ("list", "meetings", "--json"),
    ],
)
def test_a_closed_pipe_ends_quietly(source: Path, command: tuple[str, ...]) -> None:
    """`shuren list … | head -c 100`: the reader closes the pipe early. The pipe holds 4 KiB
    (where Linux allows setting it), so every one of these outputs overflows it."""
    read_end, write_end = os.pipe()
    if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
        fcntl.fcntl(read_end, fcntl.F_SETPIPE_SZ, 4096)
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", *command, "--data-dir", str(source)],
        cwd=ROOT,
        stdout=write_end,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        assert os.read(read_end, 100)
    finally:
        os.close(read_end)
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert process.wait(timeout=120) == 1
    assert stderr == ""


# -- a demo killed midway ------------------------------------------------------------------
def grown_past(data_dir: Path, name: str, size: int) -> bool:
    """Whether a file ``name`` anywhere under ``data_dir``, with its log, is past ``size``."""
    for path in data_dir.rglob(name):
        wal = path.with_name(path.name + "-wal")
        with contextlib.suppress(FileNotFoundError):  # moved or removed meanwhile
            if path.stat().st_size + (wal.stat().st_size if wal.exists() else 0) > size:
                return True
    return False


@pytest.mark.parametrize(
    "moment",
    [
        ("shuren.sqlite3", 0),  # the database has just been made
        ("shuren.sqlite3", 2_000_000),  # the four lists are being written
        ("search.sqlite3", 1_000_000),  # the lists are done: visits, meetings, compacts…
    ],
    ids=["start", "lists", "later"],
)
def test_a_killed_demo_leaves_no_database(tmp_path: Path, moment: tuple[str, int]) -> None:
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "demo", "--data-dir", str(data_dir), "--scale", "2000"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while not (data_dir.exists() and grown_past(data_dir, *moment)):
            assert process.poll() is None, "the demo finished before the moment to kill it"
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    result = shuren("check", "--data-dir", data_dir)
    assert result.returncode != 0  # no half demo passes for a sound data file
    assert not db_path(data_dir).exists()
    result = shuren("demo", "--data-dir", data_dir, "--scale", 20)
    assert result.returncode == 0, result.stderr
    assert shuren("check", "--data-dir", data_dir).returncode == 0
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []
    people = json.loads(shuren("list", "people", "--json", "--data-dir", data_dir).stdout)
    assert people["count"] == 20


# -- who can read the files ----------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses the ACLs")
def test_a_new_data_dir_and_its_demo_are_the_users_alone(tmp_path: Path) -> None:
    """…while what she saves to hand on (a ledger, a printed document) gets her usual mode."""
    os.umask(0o022)  # the usual one; the commands below inherit it
    data_dir = tmp_path / "data"
    assert shuren("demo", "--data-dir", data_dir, "--scale", 20).returncode == 0
    token = tmp_path / "token"
    token.write_text("1a2b3c4d5e6f." + "s" * 43, encoding="utf-8")
    # Sync remembers its settings in the data dir before it tries the (absent) server.
    shuren(
        "sync",
        "--data-dir",
        data_dir,
        "--server",
        "http://127.0.0.1:9",
        "--token-file",
        token,
        "--once",
    )
    exported, printed = tmp_path / "needs.xlsx", tmp_path / "纪要.pdf"
    assert (
        shuren(
            "ledger", "export", "--data-dir", data_dir, "--list", "needs", "--out", exported
        ).returncode
        == 0
    )
    assert (
        shuren(
            "print", "minutes", "--data-dir", data_dir, "--meeting", 1, "--out", printed
        ).returncode
        == 0
    )
    modes = {p: p.stat().st_mode & 0o777 for p in [data_dir, *data_dir.rglob("*")]}
    assert modes[data_dir] == 0o700
    assert (data_dir / "sync") in modes
    assert {str(p): m for p, m in modes.items() if m & 0o077} == {}
    assert {p.name: p.stat().st_mode & 0o777 for p in (exported, printed)} == {
        "needs.xlsx": 0o644,
        "纪要.pdf": 0o644,
    }


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses the ACLs")
def test_a_data_dir_of_an_earlier_version_is_made_private(source: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(source, data_dir)
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    result = shuren("demo", "--data-dir", data_dir)  # refused, but the folder is ours
    assert result.returncode == 2
    modes = {p: p.stat().st_mode & 0o777 for p in [data_dir, *data_dir.rglob("*")]}
    assert {str(p): m for p, m in modes.items() if m & 0o077} == {}


def test_a_data_dir_too_deep_for_sqlite_says_the_path_is_too_long(tmp_path: Path) -> None:
    """SQLite opens paths of at most 512 bytes; deeper, it failed as if access were denied."""
    deep = tmp_path.joinpath(*["熟人小区数据文件夹很长的名字"] * 14)
    done = shuren("demo", "--data-dir", deep, "--scale", 20)
    assert done.returncode == 2
    assert "路径太长" in done.stderr and "层级浅一些" in done.stderr
    assert "没有权限" not in done.stderr
    assert not (deep / "shuren.sqlite3").exists()
