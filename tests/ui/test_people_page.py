"""The residents page driven like a secretary: search, add, edit, delete, restore."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.roster import Address, PeopleQuery, Person, PersonRole
from desktop.services import neighborhood, people
from desktop.services.demo import make_demo
from desktop.ui.dialogs.person import PersonDialog
from desktop.ui.pages.people import PeoplePage
from desktop.ui.pages.trash import TrashPage
from tests.ui.keyboard import type_text


@pytest.fixture
def page(ctx, qtbot):
    make_demo(ctx.db, scale=300, seed=5)
    widget = PeoplePage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_count_is_shown_and_matches_the_list(page, ctx):
    assert page.count_label.text() == "共 300 条"
    assert page.model.total() == people.count_people(ctx.db, PeopleQuery())


def test_two_character_chinese_search_is_debounced_and_filters(page, ctx, qtbot):
    name = people.list_people(ctx.db, PeopleQuery(), 0, 1)[0].name
    two = name[:2]
    expected = people.count_people(ctx.db, PeopleQuery(text=two))
    type_text(page.search, two)
    assert page.model.total() == 300  # nothing happens until typing pauses
    qtbot.waitUntil(lambda: page.model.total() == expected, timeout=2000)
    assert page.count_label.text() == f"共 {expected:,} 条"
    assert all(
        two in page.model.row_at(r).name
        or two in page.model.row_at(r).phone
        or two in page.model.row_at(r).room
        for r in range(page.model.rowCount())
    )


def test_no_match_offers_to_clear_filters(page, qtbot):
    type_text(page.search, "没有这个人")
    qtbot.waitUntil(lambda: page.model.total() == 0, timeout=2000)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.button.text() == "清除搜索和筛选"
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert page.model.total() == 300
    assert page.search.text() == ""


def test_empty_roster_explains_itself(ctx, qtbot):
    widget = PeoplePage(ctx)
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.empty
    assert "还没有人员" in widget.empty.label.text()
    assert widget.empty.button.text() == "新建"


def test_role_filter(page, ctx):
    index = page.role_filter.findData(PersonRole.BUILDING_LEADER)
    page.role_filter.setCurrentIndex(index)
    expected = people.count_people(ctx.db, PeopleQuery(role=PersonRole.BUILDING_LEADER))
    assert 0 < page.model.total() == expected


def test_new_person_with_rare_characters_round_trips(ctx, qtbot):
    building = neighborhood.save_building(ctx.db, neighborhood.Building(name="3栋", unit_count=2))
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert not dialog.is_valid()  # a name is required
    type_text(dialog.name, "欧阳䶮𠮷堃喆")
    type_text(dialog.phone, "1234")
    dialog.room.setFocus()  # the phone field is left: its warning shows
    assert "11 位" in dialog.errors["phone"].text()
    assert dialog.is_valid()  # a warning, not a refusal
    dialog.phone.clear()
    type_text(dialog.phone, "0755-26881234")
    assert dialog.errors["phone"].text() == ""
    dialog.building.setCurrentIndex(dialog.building.findData(building.id))
    dialog.unit.setEditText("2")
    type_text(dialog.room, "1203")
    dialog.roles[PersonRole.TALENT].setChecked(True)
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = people.get_person(ctx.db, dialog.saved.id)
    assert saved.name == "欧阳䶮𠮷堃喆"
    assert saved.phone == "0755-26881234"
    assert saved.address == Address(building_id=building.id, unit="2", room="1203")
    assert saved.roles == frozenset({PersonRole.TALENT})


def test_escape_on_changed_form_asks_before_discarding(ctx, qtbot, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "张伟")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "未保存" in asked[0]
    assert dialog.isVisible()  # Cancel keeps the work
    assert people.count_people(ctx.db, PeopleQuery()) == 0


def test_edit_updates_list_through_the_change_signal(page, ctx, qtbot, monkeypatch):
    page.view.selectRow(0)
    row = page.selected_rows()[0]
    person = people.get_person(ctx.db, row.id)
    person.name = "阿喆"  # a1: by pinyin on the first page, as the list is loaded
    people.save_person(ctx.db, person)
    from desktop.domain.kinds import RecordKind

    ctx.events.changed(RecordKind.PERSON)
    names = [page.model.row_at(r).name for r in range(page.model.rowCount())]
    assert "阿喆" in names
    assert "阿喆" in page.details.toPlainText() or page.selected_rows()


def test_delete_asks_then_moves_to_trash_and_restore_brings_back(page, ctx, qtbot, monkeypatch):
    questions = []

    def yes(*args, **kwargs):
        questions.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    trash_page = TrashPage(ctx)
    qtbot.addWidget(trash_page)
    page.view.selectRow(0)
    victim = page.selected_rows()[0]
    page.delete_action.trigger()
    assert questions == ["将 1 条记录移入回收站？之后可以在“回收站”中恢复。"]
    assert page.model.total() == 299
    assert page.count_label.text() == "共 299 条"
    assert [i.id for i in trash_page.model.items] == [victim.id]
    trash_page.view.selectRow(0)
    trash_page.restore_selected()
    assert page.model.total() == 300
    assert trash_page.model.items == []


def test_purge_needs_a_second_explicit_confirmation(ctx, qtbot, monkeypatch):
    person = people.save_person(ctx.db, Person(name="李四"))
    people.delete_people(ctx.db, [person.id])
    trash_page = TrashPage(ctx)
    qtbot.addWidget(trash_page)
    trash_page.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    trash_page.purge_selected()
    assert people.count_people(ctx.db, PeopleQuery(), deleted=True) == 1
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    trash_page.purge_selected()
    assert people.count_people(ctx.db, PeopleQuery(), deleted=True) == 0
    assert trash_page.model.items == []
