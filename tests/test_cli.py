"""The command line as scripts and the street office use it: run as a real process."""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.schema import HEAD

ROOT = Path(__file__).resolve().parent.parent
SCALE = 2000
SEED = 5
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def shuren(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def one_chinese_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert CHINESE.search(lines[0]), stderr
    assert "Traceback" not in stderr
    return lines[0]


def db_file(data_dir: Path) -> Path:
    return data_dir / "shuren.sqlite3"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listed(data_dir: Path) -> dict:
    result = shuren("list", "people", "--data-dir", data_dir, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # the whole of stdout is one JSON document


def without_ids(document: dict) -> list[dict]:
    return [{k: v for k, v in item.items() if k != "id"} for item in document["items"]]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli") / "demo"
    result = shuren("demo", "--data-dir", data_dir, "--scale", SCALE, "--seed", SEED)
    assert result.returncode == 0, result.stderr
    assert str(SCALE) in result.stdout
    assert db_file(data_dir).exists()
    # A cleanly closed database has no WAL left: the file alone holds everything.
    assert not (data_dir / "shuren.sqlite3-wal").exists()
    return data_dir


@pytest.fixture
def demo_copy(demo_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(demo_dir, target)
    return target


def test_list_json_is_one_document_with_every_person(demo_dir: Path) -> None:
    document = listed(demo_dir)
    assert document["kind"] == "people"
    assert document["count"] == SCALE
    assert len(document["items"]) == SCALE
    assert len({item["id"] for item in document["items"]}) == SCALE
    first = document["items"][0]
    assert set(first) >= {
        "id",
        "uuid",
        "name",
        "phone",
        "building",
        "unit",
        "room",
        "party_member",
        "roles",
        "skills",
        "talent_rights",
        "note",
    }
    assert sum(item["party_member"] for item in document["items"]) > 0
    committee = [i for i in document["items"] if "owners_committee_member" in i["roles"]]
    assert len(committee) == 7


def test_list_as_text(demo_dir: Path) -> None:
    result = shuren("list", "people", "--data-dir", demo_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == f"共 {SCALE} 人"
    assert len(lines) == SCALE + 1


def test_check_a_sound_database(demo_dir: Path) -> None:
    digest = sha256(db_file(demo_dir))
    result = shuren("check", "--data-dir", demo_dir)
    assert result.returncode == 0, result.stderr
    assert HEAD in result.stdout
    assert result.stderr == ""
    assert sha256(db_file(demo_dir)) == digest


def test_same_seed_same_records(demo_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert shuren("demo", "--data-dir", again, "--scale", SCALE, "--seed", SEED).returncode == 0
    assert without_ids(listed(again)) == without_ids(listed(demo_dir))


def test_other_seed_other_records(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert shuren("demo", "--data-dir", a, "--scale", 50, "--seed", 1).returncode == 0
    assert shuren("demo", "--data-dir", b, "--scale", 50, "--seed", 2).returncode == 0
    first, second = listed(a), listed(b)
    assert first["count"] == second["count"] == 50
    assert without_ids(first) != without_ids(second)


def test_demo_refuses_a_data_dir_with_records(demo_copy: Path) -> None:
    digest = sha256(db_file(demo_copy))
    result = shuren("demo", "--data-dir", demo_copy, "--scale", 10)
    assert result.returncode == 2
    one_chinese_line(result.stderr)
    assert sha256(db_file(demo_copy)) == digest


@pytest.fixture
def newer_dir(demo_copy: Path) -> Path:
    con = sqlite3.connect(db_file(demo_copy))
    try:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
    finally:
        con.close()
    assert not (demo_copy / "shuren.sqlite3-wal").exists()
    return demo_copy


@pytest.mark.parametrize("command", [("check",), ("list", "people", "--json")])
def test_newer_database_is_refused_and_left_alone(newer_dir: Path, command: tuple) -> None:
    digest = sha256(db_file(newer_dir))
    result = shuren(*command, "--data-dir", newer_dir)
    assert result.returncode == 1
    assert "9999" in one_chinese_line(result.stderr)
    assert result.stdout == ""
    assert sha256(db_file(newer_dir)) == digest
    assert not (newer_dir / "backups").exists()


def damage_table_pages(path: Path, pages: int = 3, table: str = "person") -> list[int]:
    """Overwrite the middle of a few of ``table``'s b-tree leaf pages (the demo fills several
    lists, so a page in the middle of the file may belong to any of them)."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        leaves = [
            n
            for (n,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
    finally:
        con.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Byte 0 of a b-tree page is its type; 0x0d marks a table leaf.
    assert all(data[(n - 1) * page_size] == 0x0D for n in leaves)
    chosen = leaves[len(leaves) // 2 :][:pages]
    assert len(chosen) == pages, f"only {len(leaves)} leaf pages in {table}"
    for number in chosen:
        start = (number - 1) * page_size + page_size // 2 - 256
        data[start : start + 512] = b"\xa5" * 512
    path.write_bytes(bytes(data))
    return chosen


def sqlite_sees_damage(path: Path) -> bool:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        con.close()


def test_check_finds_damaged_pages(demo_copy: Path) -> None:
    path = db_file(demo_copy)
    damage_table_pages(path)
    assert sqlite_sees_damage(path)
    digest = sha256(path)
    result = shuren("check", "--data-dir", demo_copy)
    assert result.returncode == 1
    assert "损坏" in one_chinese_line(result.stderr)
    assert sha256(path) == digest


def test_check_keeps_a_multiline_sqlite_report_on_one_line(demo_copy: Path) -> None:
    path = db_file(demo_copy)
    data = bytearray(path.read_bytes())
    data[36:40] = (3).to_bytes(4, "big")  # header: 3 free pages, though there are none
    path.write_bytes(bytes(data))
    assert sqlite_sees_damage(path)
    result = shuren("check", "--data-dir", demo_copy)
    assert result.returncode == 1
    assert "损坏" in one_chinese_line(result.stderr)


def test_list_on_a_damaged_file_says_so_without_a_traceback(demo_copy: Path) -> None:
    damage_table_pages(db_file(demo_copy))
    result = shuren("list", "people", "--data-dir", demo_copy, "--json")
    assert result.returncode == 1
    assert "损坏" in one_chinese_line(result.stderr)
    assert result.stdout == ""


def test_check_without_a_database(data_dir: Path) -> None:
    result = shuren("check", "--data-dir", data_dir)
    assert result.returncode == 2
    one_chinese_line(result.stderr)
    assert not db_file(data_dir).exists()


@pytest.mark.parametrize(
    "command",
    [("demo", "--scale", "5"), ("check",), ("list", "people"), ("list", "people", "--json")],
)
def test_data_dir_that_cannot_be_created(tmp_path: Path, command: tuple) -> None:
    # Tests run as root, so permissions would not stop anything: put the dir inside a file.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = shuren(*command, "--data-dir", blocker / "data")
    assert result.returncode == 2
    line = one_chinese_line(result.stderr)
    assert "数据目录" in line
    assert result.stdout == ""
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],  # --data-dir is required
        ["demo", "--data-dir", "{dir}", "--scale", "0"],
        ["demo", "--data-dir", "{dir}", "--scale", "100001"],
        ["demo", "--data-dir", "{dir}", "--scale", "abc"],
        ["demo", "--data-dir", "{dir}", "--seed", "x"],
        ["list", "nonsense", "--data-dir", "{dir}"],
        ["list", "--data-dir", "{dir}"],
        ["check", "--data-dir", "{dir}", "--bogus"],
        ["--bogus"],
        ["--lang", "fr"],
    ],
)
def test_bad_usage_exits_2(data_dir: Path, argv: list[str]) -> None:
    result = shuren(*(a.replace("{dir}", str(data_dir)) for a in argv))
    assert result.returncode == 2
    one_chinese_line(result.stderr)
    assert result.stdout == ""
    assert not db_file(data_dir).exists()
