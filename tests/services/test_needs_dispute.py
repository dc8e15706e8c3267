"""Property disputes (物业矛盾): needs of category 物业服务 flagged as disputes — saved, filtered,
refused on other categories, carried by the ledger and by `shuren list needs --json`."""

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.errors import Problem, ValidationError
from desktop.domain.ledger import LedgerKind
from desktop.domain.needs import Need, NeedQuery, validate_need
from desktop.services.ledger import export_ledger, import_ledger
from desktop.services.needs import count_needs, get_need, list_needs, save_need
from desktop.store.database import Database
from tests.services.test_ledger import NEEDS_HEADERS, category_id, cells, needs_row, write_sheet
from tests.test_cli import shuren


def dispute(db: Database, title: str = "物业费上涨但保洁变差", **fields: object) -> Need:
    need = Need(
        title=title,
        category_id=category_id(db, "物业服务"),
        is_dispute=True,
        registered_on=date(2026, 5, 1),
        **fields,
    )  # type: ignore[arg-type]
    return save_need(db, need)


def test_a_dispute_is_saved_and_read_back(db: Database) -> None:
    saved = dispute(db)
    assert saved.is_dispute is True
    assert get_need(db, saved.id or 0).is_dispute is True
    saved.is_dispute = False
    assert get_need(db, save_need(db, saved).id or 0).is_dispute is False


def test_the_service_refuses_a_dispute_of_another_category(db: Database) -> None:
    need = Need(title="路灯不亮", category_id=category_id(db, "设施维修"), is_dispute=True)
    with pytest.raises(ValidationError) as caught:
        save_need(db, need)
    assert caught.value.problems == {"is_dispute": Problem.DISPUTE_CATEGORY}
    assert count_needs(db, NeedQuery()) == 0
    # The rule itself: only checked once the category's name is known.
    assert validate_need(need) == {}
    assert validate_need(need, "物业服务") == {}


def test_filter_shows_only_disputes(db: Database) -> None:
    kept = dispute(db, "物业报修一周无人上门")
    save_need(db, Need(title="物业公示栏破损", category_id=category_id(db, "物业服务")))
    save_need(db, Need(title="楼道灯坏", category_id=category_id(db, "设施维修")))
    query = NeedQuery(disputes_only=True)
    assert [r.id for r in list_needs(db, query)] == [kept.id]
    assert count_needs(db, query) == 1
    assert count_needs(db, NeedQuery()) == 3


def test_ledger_writes_yes_or_no_and_reads_it_back(db: Database, tmp_path: Path) -> None:
    dispute(db, "物业 <b>&</b> 欧阳䶮𠮷")
    save_need(
        db,
        Need(
            title="楼道灯坏",
            category_id=category_id(db, "设施维修"),
            registered_on=date(2026, 5, 2),
        ),
    )
    path = tmp_path / "needs.xlsx"
    assert export_ledger(db, LedgerKind.NEEDS, path) == 2
    rows = cells(path)
    column = rows[0].index("物业矛盾")
    assert [(r[1], r[column]) for r in rows[1:]] == [
        ("物业 <b>&</b> 欧阳䶮𠮷", "是"),
        ("楼道灯坏", "否"),
    ]
    # Turn the first off and import again: the flag follows the sheet.
    rows[1][column] = "否"
    report = import_ledger(db, "needs", write_sheet(tmp_path / "back.xlsx", rows))
    assert report.ok and (report.updated, report.unchanged) == (1, 1), report.errors
    assert count_needs(db, NeedQuery(disputes_only=True)) == 0


def test_ledger_import_refuses_a_dispute_of_another_category(db: Database, tmp_path: Path) -> None:
    rows = [NEEDS_HEADERS, needs_row(物业矛盾="是"), needs_row(物业矛盾="也许")]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "n.xlsx", rows))
    errors = sorted(report.errors, key=lambda e: e.row)
    assert [(e.row, e.column) for e in errors] == [(2, "物业矛盾"), (3, "物业矛盾")]
    assert "物业服务" in errors[0].message
    assert "“也许”应为“是”或“否”" in errors[1].message
    assert count_needs(db, NeedQuery()) == 0
    good = [NEEDS_HEADERS, needs_row(类别="物业服务", 物业矛盾="是"), needs_row()]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "good.xlsx", good))
    assert report.ok and report.created == 2
    assert count_needs(db, NeedQuery(disputes_only=True)) == 1


def test_list_needs_json_has_the_flag(db: Database, data_dir: Path) -> None:
    dispute(db)
    save_need(
        db,
        Need(
            title="楼道灯坏",
            category_id=category_id(db, "设施维修"),
            registered_on=date(2026, 5, 2),
        ),
    )
    result = shuren("list", "needs", "--data-dir", data_dir, "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["items"]
    assert [(i["title"], i["is_dispute"]) for i in items] == [
        ("物业费上涨但保洁变差", True),
        ("楼道灯坏", False),
    ]
