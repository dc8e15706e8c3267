"""A need's return visit (回访日期): stored, checked, and carried by the Excel ledger."""

from datetime import date
from pathlib import Path

import openpyxl

from desktop.domain.errors import Problem
from desktop.domain.ledger import LedgerKind
from desktop.domain.needs import Need, NeedQuery, NeedStatus, Satisfaction, validate_need
from desktop.services import needs
from desktop.services.ledger import export_ledger, import_ledger
from desktop.store.database import Database, open_database


def _resolved(db: Database, **fields) -> Need:
    category = needs.list_categories(db)[0].id
    need = Need(
        title="楼道灯不亮",
        category_id=category,
        registered_on=date(2026, 3, 1),
        status=NeedStatus.IN_PROGRESS,
        **fields,
    )
    return needs.save_need(db, need)


def test_the_return_visit_is_kept_and_read_back(db: Database) -> None:
    saved = _resolved(db, satisfaction=Satisfaction.SATISFIED, followed_up_on=date(2026, 3, 20))
    assert needs.get_need(db, saved.id).followed_up_on == date(2026, 3, 20)


def test_a_return_visit_before_the_need_was_registered_is_refused() -> None:
    need = Need(title="楼道灯不亮", category_id=1, registered_on=date(2026, 3, 1))
    need.followed_up_on = date(2026, 2, 28)
    assert validate_need(need)["followed_up_on"] is Problem.DATE_ORDER


def test_the_ledger_carries_the_return_visit_both_ways(db: Database, tmp_path: Path) -> None:
    _resolved(db, followed_up_on=date(2026, 3, 20))
    path = tmp_path / "需求.xlsx"
    export_ledger(db, LedgerKind.NEEDS, path)
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    column = headers.index("回访日期")
    assert sheet.cell(2, column + 1).value.date() == date(2026, 3, 20)

    (tmp_path / "另一个支部").mkdir()
    other = open_database(tmp_path / "另一个支部")
    try:
        report = import_ledger(other, LedgerKind.NEEDS, path)
        assert not report.errors
        (row,) = needs.list_needs(other, NeedQuery())
        assert needs.get_need(other, row.id).followed_up_on == date(2026, 3, 20)
    finally:
        other.close()
