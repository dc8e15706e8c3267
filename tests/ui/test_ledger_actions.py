"""导入 · 导出 from the list pages: background work with progress, trial first, clear errors."""

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import NeedQuery
from desktop.services import needs
from desktop.services.ledger import LedgerFileError, import_ledger
from desktop.ui.pages.needs import NeedsPage
from tests.services.hostile_xlsx import MIB, huge_cell
from tests.trash_items import purge_records
from tests.ui.lists_data import fill


@pytest.fixture
def page(ctx, qtbot):
    fill(ctx.db)
    widget = NeedsPage(ctx)
    qtbot.addWidget(widget)
    return widget


def wait_idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.ledger.busy, timeout=10_000)


def test_export_runs_in_background_and_writes_the_ledger(page, tmp_path, qtbot, monkeypatch):
    target = tmp_path / "需求台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.ledger.export_action.trigger()
    assert page.ledger.busy  # the window is free while the workbook is written
    wait_idle(qtbot, page)
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]][:3] == ["编号", "标题", "描述"]
    assert sheet.max_row == 1 + 5


def test_import_checks_first_then_asks_then_writes(page, ctx, tmp_path, qtbot, monkeypatch):
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.ledger.export_action.trigger()
    wait_idle(qtbot, page)
    gone = page.model.row_at(0).id
    needs.delete_needs(ctx.db, [gone])
    purge_records(ctx.db, RecordKind.NEED, [gone])
    page.reload()
    assert page.model.total() == 4

    asked = []

    def confirm(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    page.ledger.import_action.trigger()
    qtbot.waitUntil(lambda: page.model.total() == 5, timeout=10_000)
    assert "新增 1 条" in asked[0] and "未写入" in asked[0]
    assert needs.count_needs(ctx.db, NeedQuery()) == 5


def test_a_file_that_is_not_a_workbook_is_told_plainly(page, ctx, tmp_path, qtbot, monkeypatch):
    bad = tmp_path / "不是表格.xlsx"
    bad.write_text("hello", encoding="utf-8")
    told = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    page.ledger.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "不是表格.xlsx" in told[0] or "工作簿" in told[0] or "Excel" in told[0]
    assert needs.count_needs(ctx.db, NeedQuery()) == 5


def test_bad_rows_are_listed_and_nothing_is_written(page, ctx, tmp_path, qtbot, monkeypatch):
    source = tmp_path / "有错.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "需求清单"
    sheet.append(
        [
            "编号",
            "标题",
            "描述",
            "提出人",
            "联系电话",
            "楼栋",
            "单元",
            "房号",
            "类别",
            "来源",
            "紧急程度",
            "状态",
            "登记日期",
            "办结期限",
            "解决情况",
            "满意度",
        ]
    )
    sheet.append(
        [
            "",
            "新需求",
            "",
            "",
            "",
            "",
            "",
            "",
            "设施维修",
            "其他",
            "一般",
            "待受理",
            "2026-13-45",
            "",
            "",
            "",
        ]
    )
    book.save(source)
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page.ledger.import_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "第 2 行" in shown[0] and "登记日期" in shown[0]
    assert needs.count_needs(ctx.db, NeedQuery()) == 5


def test_a_hostile_workbook_is_refused_with_the_limit_it_breaks(
    page, ctx, tmp_path, qtbot, monkeypatch
):
    # One cell of 1 GB in a 1 MB file whose directory says 90 MB: stopped while unpacking.
    bad = huge_cell(tmp_path / "台账.xlsx", 1024 * MIB, declared=90 * MIB)
    with pytest.raises(LedgerFileError) as caught:
        import_ledger(ctx.db, "needs", bad, dry_run=True)
    told = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    page.ledger.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [str(caught.value)]  # the same sentence as on the command line
    assert "单元格的内容超过了上限 32,767 个字符" in told[0]
    assert needs.count_needs(ctx.db, NeedQuery()) == 5
