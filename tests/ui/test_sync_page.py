"""The 同步 page and the status bar: settings, 测试连接, 立即同步 with progress, the shrink
question — driven through the real widgets and the real client, against a real street office
(tests/ui/street_office.py)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.sync import config
from desktop.sync.client import Cancelled, ShrinkRefused
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.sync import SyncPage
from desktop.ui.sync_scheduler import SyncScheduler, human_size
from tests.ui.street_office import (
    BRANCH_NAME,
    CHUNK,
    OFFLINE,
    WRONG_TOKEN,
    StreetOffice,
    settled,
    shrink_since_last_upload,
)

SERVER = "https://street.example.cn:8765"  # typed into the page, never contacted
TOKEN = "0123456789ab." + "s" * 43


@pytest.fixture
def office(ctx, shared_street, monkeypatch):
    street = StreetOffice(shared_street, ctx.data_dir, monkeypatch)
    yield street
    street.close()


@pytest.fixture
def page(ctx, qtbot):
    scheduler = SyncScheduler(ctx.data_dir, ctx.events)
    widget = SyncPage(ctx, scheduler)
    qtbot.addWidget(widget, before_close_func=settled(qtbot))
    widget.show()
    qtbot.waitUntil(lambda: scheduler.state.loaded and widget._saved is not None, timeout=5000)
    return widget


@pytest.fixture
def window(ctx, qtbot, office):
    """The main window with the street office already set up (the scheduler not started:
    the tests pull every trigger themselves)."""
    office.configure()
    win = MainWindow(ctx)
    qtbot.addWidget(win, before_close_func=settled(qtbot))
    win.show()
    win.go_to(win.sync_page)
    qtbot.waitUntil(lambda: win.sync_scheduler.state.configured, timeout=5000)
    return win


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def spy(monkeypatch, name: str) -> list:
    """Record the calls of a config function and let it do its work."""
    calls: list = []
    real = getattr(config, name)

    def recording(*args):
        calls.append(args[1:])
        return real(*args)

    monkeypatch.setattr(config, name, recording)
    return calls


def test_an_empty_page_says_sync_is_not_set_up(page):
    assert page.server_edit.text() == "" and page.token_edit.text() == ""
    assert not page.sync_button.isEnabled()
    assert page.next_label.text().startswith("未设置")
    assert page.error_label.text() == "无"
    assert page.token_edit.echoMode() == QLineEdit.EchoMode.Password


def test_save_keeps_the_address_and_the_token_apart(page, ctx, qtbot, monkeypatch):
    saved_configs = spy(monkeypatch, "save_config")
    saved_tokens = spy(monkeypatch, "save_token")
    qtbot.keyClicks(page.server_edit, SERVER + "/")
    qtbot.keyClicks(page.token_edit, TOKEN)
    page.auto_check.setChecked(False)
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.scheduler.state.configured, timeout=5000)
    assert saved_configs == [(config.SyncConfig(server=SERVER, ca_file=None, auto=False),)]
    assert saved_tokens == [(TOKEN,)]
    assert page.server_edit.text() == SERVER  # normalised: no trailing slash
    assert page.settings_message.text() == "已保存。"
    assert not page.save_button.isEnabled()  # nothing left to save
    assert page.sync_button.isEnabled()
    assert config.load_token(ctx.data_dir) == TOKEN


def test_show_reveals_the_token(page, qtbot):
    qtbot.keyClicks(page.token_edit, TOKEN)
    page.show_token.setChecked(True)
    assert page.token_edit.echoMode() == QLineEdit.EchoMode.Normal
    page.show_token.setChecked(False)
    assert page.token_edit.echoMode() == QLineEdit.EchoMode.Password


def test_a_plain_http_address_is_refused_under_the_field(page, qtbot, monkeypatch):
    saved_configs = spy(monkeypatch, "save_config")
    qtbot.keyClicks(page.server_edit, "http://street.example.cn:8765")
    qtbot.keyClicks(page.token_edit, "not-a-token")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.server_error.isVisible(), timeout=5000)
    assert "https://" in page.server_error.text()
    assert "令牌格式不对" in page.token_error.text()
    assert saved_configs == []
    assert not page.scheduler.state.configured


def test_test_connection_names_the_branch(page, office, ctx, qtbot):
    qtbot.keyClicks(page.server_edit, office.url + "/")  # as typed: normalised before use
    qtbot.keyClicks(page.token_edit, office.token)
    click(qtbot, page.test_button)
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=5000)
    assert page.settings_message.text() == (
        f"连接成功：街道办登记的支部为 {BRANCH_NAME}（尚未保存，请点“保存”）"
    )
    assert office.requests == [("GET", "")]  # asked for the branch, nothing sent
    assert config.load_token(ctx.data_dir) is None  # the typed settings only, not saved


def test_test_connection_failure_says_what_to_do(page, office, qtbot):
    qtbot.keyClicks(page.server_edit, office.url)
    qtbot.keyClicks(page.token_edit, office.wrong_token)
    click(qtbot, page.test_button)
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=5000)
    assert page.settings_message.text() == WRONG_TOKEN


def test_test_connection_needs_both_fields(page, office, qtbot):
    qtbot.keyClicks(page.server_edit, office.url)
    click(qtbot, page.test_button)
    assert page.settings_message.text() == "请先填写服务器地址和令牌。"
    # A test under way keeps the button disabled until it ends: none was started.
    assert page.test_button.isEnabled()
    assert office.requests == []


def test_saved_settings_are_shown_again(ctx, qtbot, office):
    office.configure(auto=False)
    scheduler = SyncScheduler(ctx.data_dir, ctx.events)
    page = SyncPage(ctx, scheduler)
    qtbot.addWidget(page, before_close_func=settled(qtbot))
    qtbot.waitUntil(lambda: page.server_edit.text() == office.url, timeout=5000)
    assert page.token_edit.text() == office.token
    assert not page.auto_check.isChecked()
    assert not page.save_button.isEnabled()


def test_sync_now_shows_progress_then_the_result(window, office, qtbot):
    page = window.sync_page
    office.hold_upload()  # its first part sent
    click(qtbot, page.sync_button)
    assert office.held.wait(10)
    total = office.payload_length
    assert total is not None and total // 1024 > CHUNK // 1024 == 2  # really half-way
    total_kib = total // 1024
    qtbot.waitUntil(
        lambda: page.progress_label.text() == f"已上传 约 2 KB / 约 {total_kib} KB", timeout=5000
    )
    assert page.progress_bar.isVisible() and page.progress_bar.value() == 2000 // total_kib
    assert page.cancel_button.isVisible()
    assert not page.sync_button.isEnabled()
    assert window.sync_label.text() == f"同步中…… {200 // total_kib}%"
    office.release()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("已同步 "), timeout=10_000)
    assert office.version() == 1
    assert page.outcome_label.text() == (
        f"同步完成：上传了 {human_size(total)}，街道办现在是第 1 版。"
    )
    assert not page.progress_bar.isVisible()
    assert page.last_success_label.text().startswith("20")
    assert page.error_label.text() == "无"
    qtbot.waitUntil(lambda: page.pending_label.text() == "没有，街道办的数据已是最新", timeout=5000)


def test_a_failure_shows_in_plain_chinese_in_both_places(window, office, qtbot):
    office.configure(server=office.dead_url)  # nothing listens there
    click(qtbot, window.sync_page.sync_button)
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("同步失败"), timeout=5000)
    assert window.sync_label.text() == "同步失败：" + OFFLINE.rstrip("。")
    assert "连不上街道办服务器" in window.sync_page.error_label.text()
    assert "Traceback" not in window.sync_label.toolTip()


def test_the_status_bar_opens_the_sync_page(window, qtbot):
    window.go_to(window.home)
    click(qtbot, window.sync_label)
    assert window.pages.currentWidget() is window.sync_page
    assert window.navigation.currentItem().text() == "同步"


def test_cancel_stops_the_sync(window, office, qtbot):
    page = window.sync_page
    office.hold_upload()
    click(qtbot, page.sync_button)
    assert office.held.wait(10)
    click(qtbot, page.cancel_button)
    office.release()
    qtbot.waitUntil(lambda: not window.sync_scheduler.state.running, timeout=10_000)
    assert page.outcome_label.text().startswith("已取消")
    assert page.error_label.text() == "无"
    assert isinstance(office.outcomes[0], Cancelled)
    assert office.version() is None  # the upload was never finished
    assert not any(path.endswith("/finish") for _method, path in office.requests)


def test_shrink_after_sync_now_asks_and_uploads_only_on_confirm(
    window, office, ctx, qtbot, monkeypatch
):
    shrink_since_last_upload(ctx.db, office)
    asked = []

    def answer(box):
        asked.append((box.text(), box.defaultButton().text()))
        next(b for b in box.buttons() if b.text() == "确认并上传").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    click(qtbot, window.sync_page.sync_button)
    qtbot.waitUntil(lambda: len(office.calls) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not window.sync_scheduler.state.running, timeout=10_000)
    assert office.calls == [False, True]
    assert isinstance(office.outcomes[0], ShrinkRefused)
    text, default = asked[0]
    assert "需求清单：从 24 条减少到 3 条" in text
    assert default == "不上传"
    assert window.sync_label.text().startswith("已同步 ")
    assert office.version() == 2


def test_shrink_declined_uploads_nothing(window, office, ctx, qtbot, monkeypatch):
    shrink_since_last_upload(ctx.db, office)
    asked = []

    def decline(box):
        asked.append(box.text())
        box.defaultButton().click()  # Enter: the default
        return 0

    monkeypatch.setattr(QMessageBox, "exec", decline)
    click(qtbot, window.sync_page.sync_button)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    # Her answer is acted on as the question returns: an upload would be under way by now.
    assert not window.sync_scheduler.state.running
    assert window.sync_scheduler.state.shrunk is not None
    assert office.calls == [False]
    assert office.version() == 1
    assert window.sync_page.confirm_button.isVisible()  # she can still change her mind


def test_shrink_from_the_timer_shows_a_button_not_a_dialog(window, office, ctx, qtbot):
    shrink_since_last_upload(ctx.db, office, with_organizations=30)
    scheduler = window.sync_scheduler
    scheduler._started = True  # as after start(), without a real network backend
    scheduler._timer.timeout.emit()
    qtbot.waitUntil(lambda: scheduler.state.shrunk is not None, timeout=10_000)
    page = window.sync_page
    assert page.confirm_button.isVisible()
    assert "需求清单：从 24 条减少到 3 条" in page.shrink_label.text()
    assert "组织：从 30 条减少到 3 条" in page.shrink_label.text()
    assert window.sync_label.text() == "同步暂停：记录少了很多，请确认"
    click(qtbot, page.confirm_button)
    qtbot.waitUntil(lambda: office.calls == [False, True], timeout=10_000)
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=10_000)
    assert not page.confirm_button.isVisible()
    assert office.version() == 2
    scheduler.stop()


def test_against_a_real_street_office(ctx, qtbot, shared_street):
    """The whole round through the window alone: typed, tested, saved, synced twice."""
    from tests.sync.conftest import add_branch

    _branch, token = add_branch(shared_street, "翠竹苑小区党支部")
    win = MainWindow(ctx)
    qtbot.addWidget(win, before_close_func=settled(qtbot))
    win.show()
    page = win.sync_page
    win.go_to(page)
    qtbot.waitUntil(lambda: page._saved is not None, timeout=5000)
    qtbot.keyClicks(page.server_edit, shared_street.url)
    qtbot.keyClicks(page.token_edit, token)
    click(qtbot, page.test_button)
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
    assert page.settings_message.text().startswith("连接成功：街道办登记的支部为 翠竹苑小区党支部")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=5000)
    click(qtbot, page.sync_button)
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("已同步 "), timeout=30_000)
    assert page.outcome_label.text().endswith("街道办现在是第 1 版。")
    qtbot.waitUntil(
        lambda: page.pending_label.text() == "没有，街道办的数据已是最新", timeout=10_000
    )
    click(qtbot, page.sync_button)  # nothing changed since: nothing to send
    qtbot.waitUntil(lambda: not win.sync_scheduler.state.running, timeout=30_000)
    assert page.outcome_label.text() == "同步完成：街道办的数据已是最新，无需上传。"


def test_another_pcs_copy_is_shown_compared_and_merged(
    ctx, qtbot, tmp_path, monkeypatch, shared_street
):
    """This window's folder and a second PC's copy of it, both recording: the secretary sees
    the divergence, the difference, and merges."""
    import shutil
    from datetime import date

    from desktop.domain.needs import Need
    from desktop.services import needs
    from desktop.sync.client import sync_once
    from desktop.sync.snapshot import take_snapshot
    from tests.sync.conftest import add_branch

    def add_need(db, title):
        category = needs.list_categories(db)[0].id
        need = Need(title=title, category_id=category, raised_by="住户", registered_on=date.today())
        needs.save_need(db, need)

    _branch, token = add_branch(shared_street, "翠竹苑小区党支部")
    config.save_config(ctx.data_dir, config.SyncConfig(server=shared_street.url))
    config.save_token(ctx.data_dir, token)
    add_need(ctx.db, "两台电脑都有的需求")
    sync_once(ctx.data_dir)
    other = tmp_path / "laptop"  # the folder copied to a laptop after that sync
    other.mkdir()
    take_snapshot(ctx.data_dir / "shuren.sqlite3", other / "shuren.sqlite3")
    shutil.copytree(ctx.data_dir / "sync", other / "sync")
    from desktop.store.database import open_database

    laptop = open_database(other)
    add_need(laptop, "笔记本上登记的需求")
    laptop.close()
    sync_once(other)
    add_need(ctx.db, "办公室电脑登记的需求")

    win = MainWindow(ctx)
    qtbot.addWidget(win, before_close_func=settled(qtbot))
    win.show()
    page = win.sync_page
    win.go_to(page)
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=5000)
    click(qtbot, page.sync_button)
    box = page.diverged_box
    qtbot.waitUntil(lambda: box.isVisible(), timeout=30_000)
    assert "本支部的数据已由另一台电脑更新" in box.message.text()
    assert win.sync_label.text() == "同步暂停：另一台电脑更新了街道办的数据"
    assert page.next_label.text() == "已暂停，请在上方选择处理方式"

    click(qtbot, box.compare_button)
    qtbot.waitUntil(lambda: box.compare_button.isEnabled(), timeout=30_000)
    shown = box.differences.toPlainText()
    assert "只在本机：“办公室电脑登记的需求”" in shown
    assert "“笔记本上登记的需求”" in shown

    def go_ahead(message_box):
        assert "合并" in message_box.text()
        next(b for b in message_box.buttons() if b.text() == "确定").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", go_ahead)
    changed = []
    ctx.events.data_changed.connect(changed.append)
    click(qtbot, box.merge_button)
    qtbot.waitUntil(lambda: "第 3 版" in box.outcome.text(), timeout=60_000)
    assert "从另一台电脑加入：需求 1 条。" in box.outcome.text()
    assert not box.merge_button.isVisible()
    assert "needs" in changed
    titles = {n.title for n in needs.list_needs(ctx.db, needs.NeedQuery(), limit=1000)}
    assert {"笔记本上登记的需求", "办公室电脑登记的需求"} <= titles
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("已同步 "), timeout=10_000)
