"""`shuren indicators [--period P] [--baseline P] [--json]`: fixed keys, text, bad periods."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from desktop.cli import main
from desktop.domain.indicators import DEFINITIONS, INDICATOR_KEYS
from desktop.domain.meetings import Meeting, Topic
from desktop.domain.needs import Need
from desktop.services.meetings import finalize_meeting, save_meeting
from desktop.services.needs import list_categories, save_need
from desktop.store.database import open_database
from desktop.store.models import NeedRecord
from tests.test_cli import db_file, one_chinese_line, sha256, shuren

RARE = "欧阳䶮𠮷 <b>&"


@pytest.fixture(scope="module")
def figures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One final meeting with two consensus items in 2026Q1; disputes: 1 in Q1, 2 in 2025Q4."""
    data_dir = tmp_path_factory.mktemp("indicators") / "data"
    data_dir.mkdir()
    db = open_database(data_dir)
    try:
        meeting = save_meeting(
            db,
            Meeting(
                title=RARE,
                starts_at=datetime(2026, 2, 1, 19, 0),
                topics=[Topic("加装电梯", consensus="同意"), Topic(RARE, consensus=RARE)],
            ),
        )
        assert meeting.id is not None
        finalize_meeting(db, meeting.id)
        category = next(c.id for c in list_categories(db) if c.name == "物业服务")
        for day in (date(2026, 3, 1), date(2025, 11, 1), date(2025, 12, 1)):
            need = save_need(db, Need(title=RARE, category_id=category, registered_on=day))
            with db.session() as s:
                s.execute(
                    update(NeedRecord).where(NeedRecord.id == need.id).values(is_dispute=True)
                )
    finally:
        db.close()
    return data_dir


def test_json_has_exactly_the_fixed_keys_and_leaves_the_file_alone(figures_dir: Path) -> None:
    before = sha256(db_file(figures_dir))
    result = shuren("indicators", "--data-dir", figures_dir, "--period", "2026Q1", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert list(document) == ["period", "baseline", *INDICATOR_KEYS]
    assert (document["period"], document["baseline"]) == ("2026Q1", "2025Q4")
    assert (document["meetings_held"], document["consensus_reached"]) == (1, 2)
    assert document["property_disputes"] == 1
    assert document["property_disputes_change_pct"] == -50.0
    assert document["needs_by_category"]["物业服务"] == 1
    assert document["needs_by_status"] == {
        "pending": 1,
        "in_progress": 0,
        "resolved": 0,
        "referred": 0,
        "rejected": 0,
    }
    assert sha256(db_file(figures_dir)) == before


def test_text_lists_every_figure_with_its_chinese_title(figures_dir: Path, capsys) -> None:
    args = ["indicators", "--data-dir", str(figures_dir), "--period", "2026", "--baseline", "2024"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "统计期：2026年（2026年1月1日至2026年12月31日），基期：2024年"
    assert [line.split("\t")[0] for line in lines[1:]] == [
        DEFINITIONS[k].title for k in INDICATOR_KEYS
    ]
    shown = dict(line.split("\t") for line in lines[1:])
    assert shown["召开协商议事会"] == "1"
    assert shown["物业矛盾较基期增减"] == "基期为 0，无法比较（本期 1 件，基期 0 件）"
    assert shown["需求（按状态）"] == "共 1 条：待受理 1"


@pytest.mark.parametrize("option", ["--period", "--baseline"])
def test_a_bad_period_exits_2_with_one_chinese_line(figures_dir: Path, capsys, option) -> None:
    assert main(["indicators", "--data-dir", str(figures_dir), option, "2026Q5", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "2026Q3" in one_chinese_line(captured.err)


def test_a_data_dir_without_a_database(tmp_path: Path, capsys) -> None:
    assert main(["indicators", "--data-dir", str(tmp_path), "--json"]) == 2
    assert "没有数据文件" in one_chinese_line(capsys.readouterr().err)
