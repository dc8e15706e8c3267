"""An action item's owner is picked like other names: a participant of the meeting or a person
of the roster, or a role typed as it is; the notice-board copy hides a resident picked so."""

from datetime import datetime

import pytest

from desktop.domain.meetings import ActionItem, Meeting, Participant, ParticipantRole
from desktop.domain.roster import Address, Building, Person
from desktop.services import meetings, neighborhood, people
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.inputs import NamePicker
from desktop.ui.pages.meetings import MeetingsPage
from tests.documents.conftest import pdftotext
from tests.ui.keyboard import type_text


@pytest.fixture
def meeting(ctx):
    building = neighborhood.save_building(ctx.db, Building("3栋", unit_count=2))
    people.save_person(
        ctx.db, Person("王小五", address=Address(building_id=building.id, unit="1", room="101"))
    )
    return meetings.save_meeting(
        ctx.db,
        Meeting(
            title="楼道堆物清理",
            starts_at=datetime(2026, 11, 25, 14, 30),
            participants=[
                Participant(ParticipantRole.BRANCH, "李书记", "党支部书记"),
                Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "张三明", "3栋"),
            ],
            actions=[ActionItem("张贴清理通知", "物业")],
        ),
    )


def owner_picker(dialog: MeetingDialog, row: int) -> NamePicker:
    picker = dialog.action_table.cellWidget(row, 1)
    assert isinstance(picker, NamePicker)
    return picker


def pick(qtbot, picker: NamePicker, typed: str, label: str) -> None:
    type_text(picker, typed)
    picker._timer.stop()  # no pop-up here (the offscreen platform warns); what it would offer:
    offered = dict(picker._suggest(picker.text()))
    assert label in offered, offered
    picker._values = offered
    picker._picked(label)
    qtbot.waitUntil(lambda: picker.text() == label.split("（")[0])


def test_an_owner_is_a_participant_or_a_person_of_the_roster(ctx, meeting, qtbot):
    dialog = MeetingDialog(ctx, meetings.get_meeting(ctx.db, meeting.id))
    qtbot.addWidget(dialog)
    assert owner_picker(dialog, 0).text() == "物业"  # a role, as typed before
    dialog.add_action(ActionItem("入户告知"))
    dialog.action_table.item(1, 0).setText("入户告知")
    pick(qtbot, owner_picker(dialog, 1), "张三", "张三明（居民代表）")
    dialog.add_action(ActionItem("清点杂物"))
    dialog.action_table.item(2, 0).setText("清点杂物")
    pick(qtbot, owner_picker(dialog, 2), "王小", "王小五（3栋 1 101）")
    dialog.save_button.click()
    saved = meetings.get_meeting(ctx.db, meeting.id)
    assert [a.owner for a in saved.actions] == ["物业", "张三明", "王小五"]


def test_the_notice_board_copy_hides_a_resident_picked_as_owner(
    ctx, meeting, qtbot, monkeypatch, tmp_path
):
    from desktop.ui.print_preview import PrintPreview

    saved = meetings.get_meeting(ctx.db, meeting.id)
    saved.actions.append(ActionItem("清点杂物", "王小五"))
    saved.actions.append(ActionItem("通报进展", "李书记"))
    meetings.save_meeting(ctx.db, saved)
    shown: list[PrintPreview] = []
    monkeypatch.setattr(PrintPreview, "exec", lambda dialog: shown.append(dialog) or 0)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    page.print_selected("public")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    pdf = tmp_path / "公示.pdf"
    pdf.write_bytes(shown[0].pdf)
    body = "".join(pdftotext(pdf).split())
    assert "王小五" not in body and "王*五" in body  # a resident of the roster
    assert "张三明" not in body
    assert "李书记" in body  # an office holder at the meeting keeps the name
