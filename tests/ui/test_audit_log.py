"""The audit log in the window: 设置 → 查看审计日志 (filters, the chain's state, Excel), and the
window's own entries (start, a phone shown whole, documents with full names, every sync)."""

from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from desktop.domain.audit import AuditEvent
from desktop.services import audit
from desktop.services.demo import make_demo
from desktop.store.audit_log import audit_path
from desktop.ui.dialogs.audit_log import AuditLogDialog
from desktop.ui.pages.people import PeoplePage
from desktop.ui.phones import REVEAL_LINK
from tests.ui.test_meetings_visits_pages import meeting  # noqa: F401 - a fixture used below
from tests.ui.test_phone_masking import first_row_with_phone
from tests.ui.test_sync_scheduler import (  # noqa: F401 - fixtures used below
    network,
    office,
    scheduler,
    tick,
    unset_office,
)


def kinds(data_dir: Path) -> list[str]:
    return [e.event.value for e in audit.entries(data_dir)]


@pytest.fixture
def dialog(ctx, qtbot):
    def open_dialog() -> AuditLogDialog:
        shown = AuditLogDialog(ctx)
        qtbot.addWidget(shown)
        qtbot.waitUntil(lambda: shown.loaded, timeout=5000)
        return shown

    return open_dialog


def shown_events(dialog: AuditLogDialog) -> list[str]:
    return [e.event.value for e in dialog.model.rows]


def refreshed(dialog: AuditLogDialog, qtbot) -> None:
    dialog.loaded = False
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)


def test_the_dialog_lists_filters_and_says_the_chain_is_whole(ctx, qtbot, dialog, qtmodeltester):
    audit.record(ctx.data_dir, AuditEvent.START)
    audit.record(ctx.data_dir, AuditEvent.LEDGER_EXPORT, kind="needs", count=12)
    audit.record(ctx.data_dir, AuditEvent.SYNC, "failed", reason="offline")
    shown = dialog()
    qtmodeltester.check(shown.model)
    assert shown_events(shown) == ["start", "ledger_export", "sync"]
    model = shown.model
    assert model.index(1, model.EVENT).data() == "导出台账"
    assert model.index(1, model.CONCERNING).data() == "类别 需求，数量 12"
    assert model.index(2, model.OUTCOME).data() == "失败"
    assert shown.chain_label.text() == "链完整：3 条，哈希链核对无误。"

    shown.event.setCurrentIndex(shown.event.findData("ledger_export"))
    refreshed(shown, qtbot)
    assert shown_events(shown) == ["ledger_export"]
    shown.event.setCurrentIndex(0)  # 全部事件
    tomorrow = date.today() + timedelta(days=1)
    shown.set_range(tomorrow, tomorrow + timedelta(days=3))
    refreshed(shown, qtbot)
    assert shown_events(shown) == [] and not shown.export_button.isEnabled()
    shown.set_range(date.today(), date.today())
    refreshed(shown, qtbot)
    assert len(shown_events(shown)) == 3


def test_a_changed_entry_is_named_on_the_page(ctx, dialog):
    for _ in range(3):
        audit.record(ctx.data_dir, AuditEvent.START)
    import sqlite3

    with closing(sqlite3.connect(audit_path(ctx.data_dir), isolation_level=None)) as con:
        con.execute("DROP TRIGGER audit_entry_no_update")
        con.execute("UPDATE audit_entry SET event = 'sync' WHERE id = 3")
    shown = dialog()
    assert "第 2 条之后被改动" in shown.chain_label.text()


def test_the_shown_entries_export_to_excel(ctx, qtbot, dialog, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    audit.record(ctx.data_dir, AuditEvent.START)
    audit.record(ctx.data_dir, AuditEvent.PHONE_REVEAL, kind="people", ids=[7])
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    shown = dialog()
    shown.event.setCurrentIndex(shown.event.findData("phone_reveal"))
    refreshed(shown, qtbot)
    out = tmp_path / "审计日志.xlsx"
    shown.export_to(out)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "1" in said[0] and str(out) in said[0]
    sheet = load_workbook(out).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(audit.HEADS)
    assert rows[1][0] == 2 and rows[1][3:] == ["显示完整号码", "成功", "类别 人员，编号 7"]
    assert len(rows) == 2


def test_settings_opens_the_audit_log(ctx, qtbot):
    from desktop.ui.pages.settings import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.audit_button.text() == "查看审计日志"
    page.audit_button.click()
    opened = page.findChildren(AuditLogDialog)
    assert len(opened) == 1 and opened[0].windowTitle() == "审计日志"
    qtbot.waitUntil(lambda: opened[0].loaded, timeout=5000)
    opened[0].close()


# -- what the window notes --------------------------------------------------------------------


def test_the_window_notes_its_start_and_a_phone_shown_whole(ctx, qtbot):
    from desktop.services.people import get_person
    from desktop.ui.main_window import MainWindow

    make_demo(ctx.db, scale=40, seed=7)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data_file_ok is True, timeout=10_000)
    assert kinds(ctx.data_dir) == ["start"]
    page = PeoplePage(ctx)  # on the window's events, as the window's own pages are
    qtbot.addWidget(page)
    first = first_row_with_phone(page)
    record_id = page.row_id(page.model.row_at(first))
    page.details.anchorClicked.emit(QUrl(REVEAL_LINK))
    (entry,) = audit.entries(ctx.data_dir, events=[AuditEvent.PHONE_REVEAL])
    assert entry.concerning == {"ids": [record_id], "kind": "people"}
    person = get_person(ctx.db, record_id)
    data = audit_path(ctx.data_dir).read_bytes()
    assert person.phone and person.phone.encode() not in data
    assert person.name.encode() not in data


def test_the_archive_minutes_and_sign_in_sheet_are_noted(
    ctx,
    meeting,  # noqa: F811 - the fixture imported above
    qtbot,
    monkeypatch,
):
    from desktop.ui.pages.meetings import MeetingsPage
    from desktop.ui.print_preview import PrintPreview

    shown = []
    monkeypatch.setattr(PrintPreview, "exec", lambda dialog: shown.append(dialog) or 0)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    for count, which in enumerate(("public", "archive", "signin"), start=1):
        page.print_selected(which)
        qtbot.waitUntil(lambda count=count: len(shown) == count, timeout=20_000)
    assert [(e.event.value, e.concerning) for e in audit.entries(ctx.data_dir)] == [
        ("print_archive", {"ids": [meeting.id], "kind": "minutes"}),
        ("print_archive", {"ids": [meeting.id], "kind": "signin"}),
    ]


def test_every_sync_attempt_is_noted(
    ctx,
    qtbot,
    scheduler,  # noqa: F811 - the fixtures imported above
    office,  # noqa: F811
):
    assert scheduler.sync_now()
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=10_000)
    office.configure(server=office.dead_url)  # the line is down
    tick(qtbot, scheduler)
    first, second = audit.entries(ctx.data_dir, events=[AuditEvent.SYNC])
    assert (first.outcome.value, first.concerning["version"]) == ("ok", 1)
    assert first.concerning["bytes"] > 0
    assert second.outcome.value == "failed" and second.concerning["reason"]
    assert second.at >= first.at >= datetime(2000, 1, 1)
