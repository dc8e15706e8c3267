"""`shuren list needs|resources|projects [--json]` as a real process."""

import json
from pathlib import Path

import pytest

from desktop.store.database import open_database
from tests.services.test_ledger import MARKUP, RARE, fill
from tests.test_cli import one_chinese_line, shuren


@pytest.fixture(scope="module")
def lists_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("lists") / "data"
    data_dir.mkdir()
    db = open_database(data_dir)
    try:
        ids = fill(db)
        from desktop.services.needs import delete_needs

        delete_needs(db, ids["needs"][2:])  # the trash is not listed
    finally:
        db.close()
    return data_dir


def listed(data_dir: Path, kind: str) -> dict:
    result = shuren("list", kind, "--data-dir", data_dir, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # the whole of stdout is one JSON document


def test_list_json(lists_dir: Path) -> None:
    document = listed(lists_dir, "needs")
    assert (document["kind"], document["count"], len(document["items"])) == ("needs", 2, 2)
    first = document["items"][0]
    assert first["title"] == f"电梯异响 {RARE}"
    assert first["description"] == f"{MARKUP}\n第二行，含控制字符"
    assert (first["status"], first["urgency"], first["source"]) == (
        "resolved",
        "critical",
        "reception_day",
    )
    assert (first["registered_on"], first["due_on"], first["category"]) == (
        "2026-03-01",
        "2026-03-15",
        "设施维修",
    )
    assert len(first["uuid"]) == 36 and isinstance(first["id"], int)
    assert document["items"][1]["status_reason"] == "转街道城管"

    resources = listed(lists_dir, "resources")
    assert [r["title"] for r in resources["items"]] == [f"党群活动室 {RARE}", "法律咨询"]
    assert resources["items"][0]["kind"] == "venue"

    projects = listed(lists_dir, "projects")
    assert projects["count"] == 2
    project = projects["items"][0]
    assert (project["budget"], project["spent"], project["rating_average"]) == (
        "123456.78",
        "0.10",
        "4.35",
    )  # exact amounts, as text
    assert project["initiator"] == "王䶮" and project["stage"] == "completed"
    assert set(project["need_uuids"]) == {n["uuid"] for n in document["items"]}
    assert len(project["resource_uuids"]) == 2


def test_list_needs_as_text(lists_dir: Path) -> None:
    result = shuren("list", "needs", "--data-dir", lists_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "共 2 条"
    assert lines[0].split("\t")[1:] == [f"电梯异响 {RARE}", "已解决", "2026-03-01"]


def test_list_needs_without_a_database(tmp_path: Path) -> None:
    result = shuren("list", "projects", "--data-dir", tmp_path / "empty")
    assert result.returncode == 2
    assert "没有数据文件" in one_chinese_line(result.stderr)
