"""Visits, meetings and the home page, driven like a secretary."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Attendance,
    Meeting,
    Participant,
    ParticipantRole,
    Topic,
)
from desktop.domain.needs import NeedQuery, NeedSource
from desktop.domain.visits import Visit, VisitKind
from desktop.services import drafts, meetings, needs, visits
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.dialogs.visit import VisitDialog
from desktop.ui.models.meetings import MeetingTableModel
from desktop.ui.models.visits import VisitTableModel
from desktop.ui.pages.home import HomePage
from desktop.ui.pages.meetings import MeetingsPage
from desktop.ui.pages.visits import VisitsPage
from tests.ui.keyboard import type_text

TODAY = date.today()


@pytest.fixture
def visit(ctx):
    return visits.save_visit(
        ctx.db,
        Visit(
            kind=VisitKind.DOOR_KNOCKING,
            resident="欧阳䶮",
            building="3栋",
            issue="楼道灯不亮 A&B <b>\n晚上看不见",
            follow_up_on=TODAY,
        ),
    )


@pytest.fixture
def meeting(ctx):
    return meetings.save_meeting(
        ctx.db,
        Meeting(
            title="关于3栋加装电梯的协商议事会",
            starts_at=datetime.now().replace(microsecond=0) + timedelta(days=2),
            place="党群服务中心",
            host="李书记",
            recorder="王敏",
            participants=[
                Participant(ParticipantRole.BRANCH, "李书记", attendance=Attendance.PRESENT),
                Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "张三明"),
            ],
            topics=[Topic("加装电梯", "各方发言", 20, 1, 2, "同意启动加装")],
            actions=[ActionItem("联系施工单位", "物业", TODAY + timedelta(days=7))],
        ),
    )


def test_models_pass_modeltester(ctx, visit, meeting, qtmodeltester):
    for model in (VisitTableModel(ctx.db), MeetingTableModel(ctx.db)):
        model.refresh()
        assert model.rowCount() == 1
        qtmodeltester.check(model)


def test_register_a_visit_as_a_need(ctx, visit, qtbot):
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    assert page.need_action.isEnabled()
    page.need_action.trigger()
    need_id = visits.get_visit(ctx.db, visit.id).need_id
    need = needs.get_need(ctx.db, need_id)
    assert need.source is NeedSource.DOOR_KNOCKING
    assert need.raised_by == "欧阳䶮"
    page.view.selectRow(0)
    assert not page.need_action.isEnabled()  # once only
    assert f"needs:{need_id}" in page.details.toHtml()
    assert "楼道灯不亮 A&B <b>" in page.details.toPlainText()


def test_new_visit_dialog_validates_and_saves(ctx, qtbot):
    dialog = VisitDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.is_valid()
    type_text(dialog.resident, "喆一")
    type_text(dialog.issue, "车位被占")
    assert dialog.is_valid()
    dialog.save_button.click()
    assert visits.get_visit(ctx.db, dialog.saved.id).resident == "喆一"


def test_visit_autosave_keeps_a_draft_until_saved(ctx, qtbot):
    dialog = VisitDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.resident, "李四")
    type_text(dialog.issue, "噪音")
    dialog.autosave()  # what the 30 s timer does
    pending = drafts.pending_drafts(ctx.db)
    assert [d.record.resident for d in pending] == ["李四"]
    dialog.save_button.click()
    assert drafts.pending_drafts(ctx.db) == []


def test_meeting_editor_round_trip_and_autosave(ctx, meeting, qtbot):
    dialog = MeetingDialog(ctx, meetings.get_meeting(ctx.db, meeting.id))
    qtbot.addWidget(dialog)
    assert dialog.participants.rowCount() == 2
    assert dialog.topic_list.count() == 1
    dialog.add_topic()
    dialog.topic_title.setText("停车秩序")
    dialog.votes[0].setValue(15)
    dialog.consensus.setPlainText("施划临时车位")
    dialog.autosave()
    (draft,) = drafts.pending_drafts(ctx.db)
    assert [t.title for t in draft.record.topics] == ["加装电梯", "停车秩序"]
    dialog.save_button.click()
    saved = meetings.get_meeting(ctx.db, meeting.id)
    assert [t.title for t in saved.topics] == ["加装电梯", "停车秩序"]
    assert saved.topics[1].votes_for == 15 and saved.topics[1].votes_against is None
    assert saved.topics[1].consensus == "施划临时车位"
    assert saved.actions[0].id == meeting.actions[0].id  # kept, so links survive edits
    assert drafts.pending_drafts(ctx.db) == []


def test_finalized_minutes_are_not_edited_but_corrected(ctx, meeting, qtbot, monkeypatch):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.finalize_action.trigger()
    assert meetings.get_meeting(ctx.db, meeting.id).is_final
    assert page.model.index(0, MeetingTableModel.STATE).data() == "已定稿"
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    page.open_record(meeting.id)
    assert "已定稿" in told[0]
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("记录人更正为王敏。", True)
    )
    page.view.selectRow(0)
    page.amend_action.trigger()
    assert [a.text for a in meetings.get_meeting(ctx.db, meeting.id).amendments] == [
        "记录人更正为王敏。"
    ]
    page.view.selectRow(0)
    assert "记录人更正为王敏。" in page.details.toPlainText()


def test_home_page_lists_what_is_due_with_counts(ctx, visit, meeting, qtbot):
    page = HomePage(ctx)
    qtbot.addWidget(page)
    assert page.boxes["follow_ups"].title() == "本周需回访（1）"
    assert page.boxes["upcoming"].title() == "近期会议（1）"
    assert page.boxes["actions"].title() == "待落实事项（1）"
    overdue = needs.count_needs(ctx.db, NeedQuery(overdue_only=True))
    assert page.boxes["overdue"].title() == f"逾期未办结的需求（{overdue}）"
    requested = []
    ctx.events.record_requested.connect(lambda kind, rid: requested.append((kind, rid)))
    page.upcoming.itemActivated.emit(page.upcoming.item(0, 0))
    assert requested == [(RecordKind.MEETING.value, meeting.id)]


def test_home_page_action_item_becomes_a_project_then_done(ctx, meeting, qtbot):
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.actions.selectRow(0)
    page.create_project()
    item = meetings.get_meeting(ctx.db, meeting.id).actions[0]
    assert item.project_id is not None and item.status is ActionStatus.IN_PROGRESS
    page.actions.selectRow(0)
    page.mark_done()
    assert page.boxes["actions"].title() == "待落实事项（0）"


def test_print_goes_through_the_preview(ctx, meeting, qtbot, monkeypatch, tmp_path):
    from desktop.ui.print_preview import PrintPreview

    shown = []

    def capture(dialog):
        shown.append(dialog)
        return 0

    monkeypatch.setattr(PrintPreview, "exec", capture)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    page.print_selected("public")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    preview = shown[0]
    assert preview.page_count() >= 1
    assert preview.pdf.startswith(b"%PDF")
    assert "公示" in preview.windowTitle()
    target = tmp_path / "纪要.pdf"
    preview.save_to(target)
    assert target.read_bytes() == preview.pdf


def test_printing_to_a_pdf_printer_renders_every_page(ctx, meeting, qtbot, tmp_path):
    import io

    from PySide6.QtPrintSupport import QPrinter

    from desktop.documents import write_signin_sheet
    from desktop.ui.print_preview import PrintPreview

    stream = io.BytesIO()
    write_signin_sheet(meetings.get_meeting(ctx.db, meeting.id), "翠竹苑", stream)
    preview = PrintPreview("签到表", stream.getvalue())
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    preview.print_to(printer)
    assert out.stat().st_size > 1000
    assert out.read_bytes().count(b"/Type /Page\n") + out.read_bytes().count(b"/Type /Page ") >= 1


def test_drafts_left_by_a_crash_are_offered_back(ctx, qtbot, monkeypatch):
    from desktop.ui.main_window import MainWindow

    draft_meeting = Meeting(title="没保存的议事会", topics=[Topic("停车")])
    draft_id = drafts.save_draft(ctx.db, drafts.MEETING, draft_meeting, None)
    reopened = []

    def answer_open(box):
        button = next(b for b in box.buttons() if b.text() == "重新打开")
        button.click()
        return 0

    def editor(dialog):
        reopened.append((dialog.title_edit.text(), dialog.topics[0].title, dialog._draft_id))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_open)
    monkeypatch.setattr(MeetingDialog, "exec", editor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.offer_drafts()
    assert reopened == [("没保存的议事会", "停车", draft_id)]
    drafts.discard_draft(ctx.db, draft_id)  # the window's own start-up offer finds none
