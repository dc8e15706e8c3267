"""The meeting editor keeps one row per person with all their roles, says as it happens what
would make the minutes contradict themselves, and 定稿 refuses such minutes."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.meetings import Attendance, Meeting, Participant, ParticipantRole
from desktop.domain.roster import Person
from desktop.services import meetings, people
from desktop.ui.dialogs import meeting as meeting_dialog
from desktop.ui.dialogs.meeting import MeetingDialog, RolesButton
from desktop.ui.pages.meetings import MeetingsPage

R = ParticipantRole


@pytest.fixture
def lin(ctx) -> int:
    return people.save_person(ctx.db, Person(name="林磊玉", phone="13812345678")).id


def roles_in(dialog: MeetingDialog, row: int) -> tuple[ParticipantRole, ...]:
    button = dialog.participants.cellWidget(row, 0)
    assert isinstance(button, RolesButton)
    return button.roles()


def test_inviting_a_listed_person_again_adds_the_role_to_their_row(ctx, lin, qtbot, monkeypatch):
    dialog = MeetingDialog(ctx, Meeting(title="议事会"))
    qtbot.addWidget(dialog)

    class Picker:
        def __init__(self, *_args):
            pass

        def exec(self):
            return 1

        def chosen(self):
            return [(lin, "林磊玉")]

    monkeypatch.setattr(meeting_dialog, "RecordPicker", Picker)
    for role in (R.BUILDING_LEADER, R.OWNERS_COMMITTEE):
        dialog.role_for_new.setCurrentIndex(dialog.role_for_new.findData(role))
        dialog.invite_from_roster()
    assert dialog.participants.rowCount() == 1
    assert roles_in(dialog, 0) == (R.BUILDING_LEADER, R.OWNERS_COMMITTEE)
    assert dialog.participants.cellWidget(0, 0).text() == "楼栋长、业主委员会"
    dialog.save_button.click()
    [saved] = dialog.saved.participants
    assert (saved.name, saved.roles) == ("林磊玉", (R.BUILDING_LEADER, R.OWNERS_COMMITTEE))


def test_roles_are_ticked_in_a_menu_and_one_always_stays(ctx, qtbot):
    dialog = MeetingDialog(ctx, Meeting(title="议事会"))
    qtbot.addWidget(dialog)
    dialog.add_participant(Participant(R.TALENT, "汪文雨"))
    button: RolesButton = dialog.participants.cellWidget(0, 0)
    button.actions_by_role[R.RESIDENT_REPRESENTATIVE].trigger()
    assert button.roles() == (R.TALENT, R.RESIDENT_REPRESENTATIVE)
    button.actions_by_role[R.TALENT].trigger()
    assert button.roles() == (R.RESIDENT_REPRESENTATIVE,)
    button.actions_by_role[R.RESIDENT_REPRESENTATIVE].trigger()  # the last one stays ticked
    assert button.roles() == (R.RESIDENT_REPRESENTATIVE,)
    assert dialog.current().participants[0].roles == (R.RESIDENT_REPRESENTATIVE,)


def test_one_person_typed_in_two_rows_is_said_at_once_and_is_not_saved(ctx, qtbot):
    dialog = MeetingDialog(ctx, Meeting(title="议事会"))
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_dirty", False))
    dialog.show()
    assert dialog.contradiction_note.text() == ""
    dialog.add_participant(Participant(R.TALENT, "汪文雨"))
    dialog.add_participant(Participant(R.RESIDENT_REPRESENTATIVE, "汪文雨"))
    assert "“汪文雨”列了不止一行" in dialog.contradiction_note.text()
    assert dialog.save_button.isEnabled()  # 保存 is never greyed: pressed, it says why not
    dialog.save_button.click()
    assert dialog.saved is None and dialog.isVisible()
    dialog.participants.selectRow(1)
    dialog._remove_rows(dialog.participants)
    assert dialog.contradiction_note.text() == ""


def test_an_absent_host_is_said_but_a_draft_still_saves(ctx, qtbot):
    draft = Meeting(
        title="议事会",
        host="王书记",
        recorder="李伟",
        participants=[
            Participant(R.BRANCH, "王书记", attendance=Attendance.EXCUSED),
            Participant(R.BRANCH, "李伟", attendance=Attendance.PRESENT),
        ],
    )
    dialog = MeetingDialog(ctx, draft)
    qtbot.addWidget(dialog)
    assert "主持人“王书记”登记为请假或缺席" in dialog.contradiction_note.text()
    assert dialog.save_button.isEnabled()
    dialog.participants.cellWidget(0, 3).setCurrentIndex(
        dialog.participants.cellWidget(0, 3).findData(Attendance.PRESENT)
    )
    assert dialog.contradiction_note.text() == ""
    dialog.recorder.setText("陈静")  # not on the list: nothing to contradict
    assert dialog.contradiction_note.text() == ""


def test_finalize_is_refused_with_the_reason(ctx, qtbot, monkeypatch):
    saved = meetings.save_meeting(
        ctx.db,
        Meeting(
            title="议事会",
            starts_at=datetime.now().replace(microsecond=0) - timedelta(days=1),
            host="王书记",
            recorder="李伟",
            participants=[
                Participant(R.BRANCH, "王书记", attendance=Attendance.PRESENT),
                Participant(R.BRANCH, "李伟", attendance=Attendance.ABSENT),
            ],
        ),
    )
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    page.finalize_action.trigger()
    assert not meetings.get_meeting(ctx.db, saved.id).is_final
    assert len(told) == 1
    assert "纪要还不能定稿" in told[0] and "记录人“李伟”登记为请假或缺席" in told[0]
    assert page.finalize_action.isEnabled()  # still a draft


def test_details_list_every_role_of_a_person(ctx, qtbot):
    meetings.save_meeting(
        ctx.db,
        Meeting(
            title="议事会",
            participants=[
                Participant(R.BUILDING_LEADER, "林磊玉", more_roles=(R.OWNERS_COMMITTEE,))
            ],
        ),
    )
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    assert "楼栋长、业主委员会：林磊玉" in page.details.toPlainText()
