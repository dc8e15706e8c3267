"""Settings: text size scales the whole window at once; a backup can be made on demand."""

import os
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.backups import back_up_now, last_backup_time
from desktop.ui.fonts import BASE_POINT_SIZE, app_font
from desktop.ui.pages.settings import SettingsPage, backup_status_text


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
