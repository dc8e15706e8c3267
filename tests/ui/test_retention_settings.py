"""保存期限 in 设置: the years are kept in settings.ini; 预览并清除… lists what would go, and
only the confirmation clears it; both are announced for the audit log."""

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import update

from desktop.domain.needs import Need, NeedStatus
from desktop.services.needs import change_status, get_need, list_categories, save_need
from desktop.store.models import NeedStatusChangeRecord
from desktop.ui.pages.settings import SettingsPage
from desktop.ui.retention import YEARS_KEY

PHONE = "13987654321"


def old_need(ctx, title: str, closed: date) -> int:
    saved = save_need(
        ctx.db,
        Need(title=title, category_id=list_categories(ctx.db)[0].id, phone=PHONE, room="1203"),
    )
    change_status(ctx.db, saved.id, NeedStatus.RESOLVED)
    with ctx.db.session() as s:
        s.execute(
            update(NeedStatusChangeRecord)
            .where(NeedStatusChangeRecord.need_id == saved.id)
            .values(changed_at=datetime(closed.year, closed.month, closed.day))
        )
    return saved.id


@pytest.fixture
def box(ctx, qtbot):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.retention.today = lambda: date(2030, 6, 1)
    return page.retention


def test_three_years_by_default_remembered_and_announced(ctx, qtbot, box) -> None:
    choices = [box.years.itemText(i) for i in range(box.years.count())]
    assert choices[0] == "不清除" and choices[1] == "1 年" and choices[-1] == "10 年"
    assert box.years.currentText() == "3 年"
    with qtbot.waitSignal(ctx.events.retention_changed) as changed:
        box.years.setCurrentIndex(0)
    assert changed.args == [0]
    assert ctx.settings.value(YEARS_KEY) == 0
    assert not box.preview_button.isEnabled()  # off: nothing to preview
    box.years.setCurrentIndex(5)
    assert SettingsPage(ctx).retention.years.currentText() == "5 年"


def test_preview_then_confirm_clears_and_says_how_many(ctx, qtbot, box) -> None:
    old = old_need(ctx, "楼道灯坏了", date(2025, 1, 10))
    recent = old_need(ctx, "电梯停运", date(2029, 1, 10))
    box.preview_button.click()
    qtbot.waitUntil(lambda: box.dialog is not None and box.dialog.isVisible(), timeout=5000)
    dialog = box.dialog
    assert dialog.summary.text() == (
        "将清除 2027年6月1日 之前结束的 1 条需求、0 条走访记录中的电话和房号。"
        "记录本身保留。此操作无法撤销。"
    )
    rows = [
        [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
        for r in range(dialog.table.rowCount())
    ]
    assert rows == [["需求", "楼道灯坏了", "2025年1月10日"]]
    assert PHONE not in dialog.summary.text()
    assert get_need(ctx.db, old).phone == PHONE  # nothing yet
    with qtbot.waitSignal(ctx.events.retention_applied, timeout=5000) as applied:
        dialog.clear_button.click()
    assert applied.args == [1]
    assert box.note.text() == "已清除 1 条需求、0 条走访记录中的电话和房号。"
    assert (get_need(ctx.db, old).phone, get_need(ctx.db, old).room) == ("", "")
    assert get_need(ctx.db, recent).phone == PHONE


def test_cancel_clears_nothing(ctx, qtbot, box) -> None:
    old = old_need(ctx, "楼道灯坏了", date(2025, 1, 10))
    box.preview_button.click()
    qtbot.waitUntil(lambda: box.dialog is not None and box.dialog.isVisible(), timeout=5000)
    box.dialog.reject()
    assert box.dialog.result() == QDialog.DialogCode.Rejected
    assert get_need(ctx.db, old).phone == PHONE


def test_nothing_old_enough_is_said_without_a_dialog(ctx, qtbot, box) -> None:
    old_need(ctx, "电梯停运", date(2029, 1, 10))
    box.preview_button.click()
    qtbot.waitUntil(lambda: box.note.text() == "没有超过期限、仍留有电话或房号的已结束需求或走访。")
    assert box.dialog is None
