"""Record forms driven from the keyboard: a reason shows under a field once it is left or when
保存 is pressed, never before anything is typed; Ctrl+S with something missing says what and
puts the cursor there; a doubtful phone number is a warning, not a refusal; a reason that
appears never moves the rows below it."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.needs import NeedQuery
from desktop.domain.roster import Person
from desktop.domain.visits import Visit, VisitKind
from desktop.services import needs, people, visits
from desktop.ui.dialogs.form import RecordForm
from desktop.ui.dialogs.need import NeedDialog
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.dialogs.person import PersonDialog
from desktop.ui.dialogs.resource import ResourceDialog
from desktop.ui.dialogs.visit import VisitDialog
from tests.ui.keyboard import type_text


def shown(qtbot, dialog: RecordForm) -> RecordForm:
    # A form left changed would ask 放弃修改？ when the test closes it.
    qtbot.addWidget(dialog, before_close_func=lambda form: setattr(form, "_dirty", False))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the secretary presses it: to whatever has the focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def save_with_ctrl_s(qtbot) -> None:
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def top(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


NEW_FORMS = [PersonDialog, NeedDialog, VisitDialog, ResourceDialog, OrganizationDialog]


@pytest.mark.parametrize("form", NEW_FORMS, ids=[f.__name__ for f in NEW_FORMS])
def test_a_new_form_opens_without_any_red_line(ctx, qtbot, form) -> None:
    dialog = shown(qtbot, form(ctx))
    assert not dialog.is_valid()  # something is required …
    assert {k: e.text() for k, e in dialog.errors.items() if e.text()} == {}  # … but not yet said
    assert dialog.save_button.isEnabled()  # pressing it says what is missing


def test_a_required_field_says_so_once_it_is_left(ctx, qtbot) -> None:
    dialog = shown(qtbot, PersonDialog(ctx))
    assert QApplication.focusWidget() is dialog.name
    press(qtbot, Qt.Key.Key_Tab)  # left empty
    assert QApplication.focusWidget() is dialog.phone
    assert dialog.errors["name"].text() == "此项必填。"
    type_text(dialog.name, "张伟")
    assert dialog.errors["name"].text() == ""  # put right: gone as it is typed


def test_ctrl_s_with_a_required_field_empty_says_which_and_goes_there(ctx, qtbot) -> None:
    dialog = shown(qtbot, NeedDialog(ctx))
    dialog.phone.setFocus()
    type_text(dialog.phone, "13812345678")
    save_with_ctrl_s(qtbot)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.summary.text() == "还没有保存：请填写“标题”。"
    assert dialog.summary.isVisible()
    assert QApplication.focusWidget() is dialog.title_edit
    assert dialog.errors["title"].text() == "此项必填。"
    assert needs.count_needs(ctx.db, NeedQuery()) == 0
    type_text(dialog.title_edit, "3栋电梯经常停运")
    assert dialog.summary.text() == "标 ＊ 的为必填项。"  # all put right
    save_with_ctrl_s(qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert needs.count_needs(ctx.db, NeedQuery()) == 1


def test_a_short_phone_number_is_doubted_then_saved_as_typed(ctx, qtbot) -> None:
    dialog = shown(qtbot, VisitDialog(ctx))
    type_text(dialog.resident, "张伟")
    type_text(dialog.issue, "车位被占")
    type_text(dialog.phone, "123")
    assert dialog.errors["phone"].text() == ""  # still typing
    save_with_ctrl_s(qtbot)  # a doubt not yet seen: said first
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors["phone"].text() == "手机号是 11 位，这里是 3 位，请核对。"
    assert dialog.errors["phone"].property("warning") is True  # brown, not red
    assert dialog.summary.text() == "请核对“联系电话”；无误的话，再按一次“保存”即可保存。"
    assert QApplication.focusWidget() is dialog.phone
    save_with_ctrl_s(qtbot)  # seen: a warning never refuses
    assert dialog.result() == dialog.DialogCode.Accepted
    assert visits.get_visit(ctx.db, dialog.saved.id).phone == "123"


@pytest.mark.parametrize(
    ("typed", "warning"),
    [
        ("13812345678", ""),
        ("0755-26881234", ""),
        ("26881234", "座机号请加区号，如 0755-26881234。"),
        ("12345678901", "不像手机号或座机号，请核对。"),
    ],
)
def test_a_phone_is_checked_when_the_field_is_left(ctx, qtbot, typed, warning) -> None:
    dialog = shown(qtbot, PersonDialog(ctx))
    type_text(dialog.name, "张伟")
    type_text(dialog.phone, typed)
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.errors["phone"].text() == warning
    assert dialog.is_valid()
    dialog.save_button.click()
    if warning:
        dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert people.get_person(ctx.db, dialog.saved.id).phone == typed


def test_a_stored_doubtful_phone_does_not_hold_up_saving(ctx, qtbot) -> None:
    from desktop.domain.roster import Person

    person = people.save_person(ctx.db, Person(name="张伟", phone="26881234"))
    dialog = shown(qtbot, PersonDialog(ctx, person))
    dialog.skills.setFocus()
    save_with_ctrl_s(qtbot)  # the number was not typed now: no second press needed
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_reason_appearing_moves_no_row(ctx, qtbot) -> None:
    dialog = shown(qtbot, PersonDialog(ctx))
    rows = [dialog.phone, dialog.building, dialog.skills, dialog.note]
    before = [top(w) for w in rows]
    press(qtbot, Qt.Key.Key_Tab)  # 姓名 left empty: 此项必填。
    type_text(dialog.phone, "1381234567")
    press(qtbot, Qt.Key.Key_Tab)  # a doubtful phone: its warning
    QApplication.processEvents()
    assert dialog.errors["name"].text() and dialog.errors["phone"].text()
    assert [top(w) for w in rows] == before
    # NeedDialog: 标题 and the 原因 a status change asks for.
    need = shown(qtbot, NeedDialog(ctx))
    rows = [need.category, need.phone, need.status, need.handled_by, need.note]
    before = [top(w) for w in rows]
    need.save_button.click()
    QApplication.processEvents()
    assert need.errors["title"].text()
    assert [top(w) for w in rows] == before


def test_a_record_deleted_while_its_form_is_open_is_said_and_nothing_typed_is_lost(
    ctx, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.domain.resources import Resource
    from desktop.services import resources

    saved = resources.save_resource(ctx.db, Resource(title="活动室"))
    form = ResourceDialog(ctx, saved)
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "_dirty", False))
    form.show()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    type_text(form.title_edit, "（周末）")
    resources.delete_resources(ctx.db, [saved.id])  # from another window, meanwhile
    form.save_button.click()
    assert form.isVisible() and form.saved is None
    assert len(told) == 1 and "回收站" in told[0] and "无法保存" in told[0]
    assert form.title_edit.text().endswith("（周末）")


def test_a_record_form_is_titled_by_whether_its_record_is_stored(ctx, qtbot) -> None:
    """新建 on a blank or unsaved record, 编辑 on a stored one; saving keeps the stored
    record's identity (id, uuid) though the form does not show it."""
    stored = people.save_person(ctx.db, Person(name="张伟", phone="13812345678"))
    blank = PersonDialog(ctx)
    unsaved = VisitDialog(ctx, Visit(kind=VisitKind.DOOR_KNOCKING))
    opened = PersonDialog(ctx, stored)
    for dialog in (blank, unsaved, opened):
        qtbot.addWidget(dialog)
    assert blank.windowTitle() == "新建人员"
    assert unsaved.windowTitle() == "新建接待走访"
    assert opened.windowTitle() == "编辑人员"
    opened.name.setText("张伟伟")
    edited = opened.current()
    assert (edited.id, edited.uuid, edited.name) == (stored.id, stored.uuid, "张伟伟")
    assert blank.current().id is None


def test_a_return_visit_before_the_registration_names_the_registration(ctx, qtbot) -> None:
    """The date out of order is not the row just above: the line says which date it means."""
    dialog = shown(qtbot, NeedDialog(ctx))
    dialog.title_edit.setText("楼道灯不亮")
    dialog.followed_up_on.set_value(dialog.registered_on.date().toPython().replace(year=2020))
    save_with_ctrl_s(qtbot)
    assert dialog.errors["followed_up_on"].text() == "这个日期不能早于登记日期。"
    assert dialog.isVisible()  # nothing saved


def test_a_dialog_takes_the_options_it_declares_and_no_other(ctx, qtbot):
    dialog = VisitDialog(ctx, draft_id=7)
    qtbot.addWidget(dialog)
    assert dialog.draft_id == 7
    assert VisitDialog.draft_id is None  # the declaration's default stays for the next one
    with pytest.raises(TypeError, match="ResourceDialog declares no option 'draft_id'"):
        ResourceDialog(ctx, draft_id=7)
    with pytest.raises(TypeError, match="save_record"):
        VisitDialog(ctx, save_record=print)  # the form's own settings are not options
