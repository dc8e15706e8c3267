"""Settings: text size scales the whole window at once; a backup can be made on demand, and
the backups are listed with their check and can be put back."""

import os
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.kinds import RecordKind
from desktop.domain.roster import PeopleQuery
from desktop.services.backups import back_up_now, last_backup_time
from desktop.services.people import list_people
from desktop.store.schema import HEAD
from desktop.ui.fonts import BASE_POINT_SIZE, app_font
from desktop.ui.pages.settings import SettingsPage, backup_status_text
from tests.services.conftest import add_person
from tests.store.damage import zero_page


def test_extra_large_text_applies_and_is_remembered(ctx, qtbot):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    button = next(b for b in page.text_group.buttons() if b.text() == "特大")
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert QApplication.font().pointSizeF() == BASE_POINT_SIZE * 1.5
        assert ctx.settings.value("text_scale") == "extra_large"
    finally:
        QApplication.setFont(app_font(ctx.font_families))


def test_back_up_now_runs_in_background_and_reports(ctx, qtbot):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.backup_label.text() == "尚未备份"
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backup_label.text().startswith("上次备份"), timeout=5000)
    assert last_backup_time(ctx.data_dir) is not None
    assert page.backup_button.isEnabled()


def test_the_backup_time_is_shown_in_beijing_time(ctx, qtbot):
    path = back_up_now(ctx.db, ctx.data_dir)
    made = datetime(2026, 11, 25, 6, 30, tzinfo=UTC).timestamp()  # 14:30 in Shanghai
    os.utime(path, (made, made))
    assert backup_status_text(ctx) == "上次备份：2026年11月25日 14:30"


# -- 从备份恢复 ------------------------------------------------------------------------------


def made_at(path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def shown_backups(page: SettingsPage) -> list[list[str]]:
    table = page.backup_table
    return [
        [table.item(row, col).text() for col in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


@pytest.fixture
def page(ctx, qtbot):
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    return widget


def test_backups_are_listed_with_time_revision_counts_and_check(ctx, qtbot, page):
    add_person(ctx.db, "张伟华")
    first = back_up_now(ctx.db, ctx.data_dir)
    made_at(first, datetime(2026, 11, 24, 6, 30, tzinfo=UTC))
    add_person(ctx.db, "李伟")
    second = back_up_now(ctx.db, ctx.data_dir)
    made_at(second, datetime(2026, 11, 25, 6, 30, tzinfo=UTC))
    spoilt = back_up_now(ctx.db, ctx.data_dir)
    zero_page(spoilt, "person")
    made_at(spoilt, datetime(2026, 11, 26, 1, 0, tzinfo=UTC))

    page.show()
    qtbot.waitUntil(lambda: page.backup_table.rowCount() == 3, timeout=5000)

    header = [
        page.backup_table.horizontalHeaderItem(c).text()
        for c in range(page.backup_table.columnCount())
    ]
    assert header == [
        "备份时间",
        "数据版本",
        "需求",
        "资源",
        "项目",
        "人员",
        "走访",
        "会议",
        "检查结果",
    ]
    rows = shown_backups(page)
    assert rows[0][0] == "2026年11月26日 09:00"  # Beijing time, newest first
    assert rows[0][-1] == "已损坏，不能恢复"
    assert rows[1] == [
        "2026年11月25日 14:30",
        f"{HEAD}（当前版本）",
        "0",
        "0",
        "0",
        "2",
        "0",
        "0",
        "完好",
    ]
    assert rows[2][0] == "2026年11月24日 14:30" and rows[2][5] == "1"
    assert page.backups_note.text().startswith("共 3 份备份")
    # The newest backup that can be restored is chosen; a damaged one cannot be.
    assert page.selected_backup().path == second
    assert page.restore_button.isEnabled()
    page.backup_table.selectRow(0)
    assert not page.restore_button.isEnabled()


def test_restore_asks_first_then_replaces_and_refreshes_every_page(ctx, qtbot, page, monkeypatch):
    add_person(ctx.db, "张伟华")
    chosen = back_up_now(ctx.db, ctx.data_dir)
    made_at(chosen, datetime(2026, 11, 25, 6, 30, tzinfo=UTC))
    add_person(ctx.db, "李伟")
    page.show()
    qtbot.waitUntil(lambda: page.restore_button.isEnabled(), timeout=5000)

    asked: list[str] = []
    answer = {"press": "取消"}

    def reply(box):
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == answer["press"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", reply)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert asked[0].startswith(
        "用2026年11月25日 14:30 的备份（需求 0 条、资源 0 条、项目 0 条、人员 1 条）"
    )
    assert "替换" in asked[0] and "另存为一份备份" in asked[0]
    assert names(ctx) == ["张伟华", "李伟"]  # cancelled: nothing changed

    answer["press"] = "恢复"
    changed: list[str] = []
    ctx.events.data_changed.connect(changed.append)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)

    assert told[0].startswith("已恢复2026年11月25日 14:30 的备份")
    assert names(ctx) == ["张伟华"]
    assert set(changed) == {kind.value for kind in RecordKind}
    # What it replaced is a backup of its own, listed with the rest.
    qtbot.waitUntil(lambda: page.backup_table.rowCount() == 2, timeout=5000)
    assert shown_backups(page)[0][5] == "2"


def names(ctx) -> list[str]:
    people = list_people(ctx.db, PeopleQuery(), offset=0, limit=10)
    return sorted(p.name for p in people)
