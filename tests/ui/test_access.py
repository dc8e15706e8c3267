"""Keyboard and screen readers: every control that takes the keyboard has a name a screen reader
can say, forms are walked by Tab in the order the eye reads them, and the 记录 menu and the
tooltips show the shortcuts that work."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QTabWidget,
    QWidget,
)

from desktop.services.demo import make_demo
from desktop.ui.access import accessible_name  # what a screen reader says
from desktop.ui.main_window import MainWindow
from tests.ui.test_dialog_lengths import CASES, Fill


def takes_the_keyboard(widget: QWidget, window: QWidget) -> bool:
    return bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.isVisibleTo(window)
    )


def unnamed(window: QWidget, where: str) -> list[str]:
    return [
        f"{where}: {type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in [window, *window.findChildren(QWidget)]
        if takes_the_keyboard(w, window) and not accessible_name(w).strip()
    ]


@pytest.fixture
def window(ctx, qtbot):
    make_demo(ctx.db, scale=20, seed=3)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_control_of_every_page_and_tab_has_a_name(window) -> None:
    missing = []
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        title = window.navigation.item(row).text()
        page = window.pages.currentWidget()
        tabs = [page] if isinstance(page, QTabWidget) else []
        tabs += page.findChildren(QTabWidget)
        missing += unnamed(window, title)
        for widget in tabs:
            for index in range(widget.count()):
                widget.setCurrentIndex(index)
                missing += unnamed(window, f"{title} / {widget.tabText(index)}")
    assert sorted(set(missing)) == []


@pytest.mark.parametrize("make", CASES, ids=[c.__name__.removesuffix("_case") for c in CASES])
def test_every_control_of_every_form_has_a_name(ctx, qtbot, make) -> None:
    dialog = make(ctx, Fill()).dialog
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog, dialog.windowTitle()) == []


def other_dialogs(ctx) -> list[QWidget]:
    """The dialogs that are not record forms, each as the window opens it."""
    from desktop.domain.compacts import CompactVersion
    from desktop.ui.dialogs.categories import CategoriesDialog
    from desktop.ui.dialogs.compact import AdoptDialog, CompareDialog
    from desktop.ui.dialogs.indicator_records import IndicatorRecordsDialog
    from desktop.ui.dialogs.picker import RecordPicker
    from desktop.ui.dialogs.street_restore import StreetRestoreDialog

    versions = [CompactVersion(1, "文明养犬公约"), CompactVersion(2, "文明养犬公约")]
    return [
        CategoriesDialog(ctx),
        AdoptDialog(ctx),
        CompareDialog(versions),
        IndicatorRecordsDialog("协商议事会", list, lambda _kind, _id: None),
        RecordPicker("关联需求", lambda _text: [(1, "3栋电梯经常停运")]),
        StreetRestoreDialog(ctx.data_dir),
    ]


def test_every_control_of_the_other_dialogs_has_a_name(ctx, qtbot) -> None:
    missing = []
    for dialog in other_dialogs(ctx):
        qtbot.addWidget(dialog)
        dialog.show()
        missing += unnamed(dialog, dialog.windowTitle())
    assert missing == [], "\n".join(missing)


def in_a_view(widget: QWidget) -> bool:
    """A cell's editor: the table moves between its cells itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("make", CASES, ids=[c.__name__.removesuffix("_case") for c in CASES])
def test_tab_walks_a_form_top_to_bottom_then_to_save(ctx, qtbot, make) -> None:
    dialog = make(ctx, Fill()).dialog
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    stops, widget = [], dialog.nextInFocusChain()
    while widget is not dialog:
        if takes_the_keyboard(widget, dialog) and widget.isEnabled() and not in_a_view(widget):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    # The chain is a ring: read it from just after the last button.
    buttons = dialog.buttons.buttons()
    last = max(i for i, w in enumerate(stops) if w in buttons)
    stops = stops[last + 1 :] + stops[: last + 1]
    assert set(stops[-len(buttons) :]) == set(buttons)  # after the last field: 保存 · 取消
    stops = stops[: -len(buttons)]
    # Where each field sits in the form, not scrolled yet. (Not through dialog.scroll.widget():
    # with PySide6 6.11 a later garbage collection then crashes, with or without this code.)
    tops = [w.mapTo(dialog, QPoint(0, 0)).y() for w in stops]
    back = [
        f"{type(a).__name__} ({accessible_name(a)}) → {type(b).__name__} ({accessible_name(b)})"
        for a, b, ya, yb in zip(stops, stops[1:], tops, tops[1:], strict=False)
        if yb < ya - 8  # a row above the one before: the eye would not go there
    ]
    assert back == []


# -- shortcuts ---------------------------------------------------------------------------------
@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    # A synthetic Ctrl+key leaves Qt believing Ctrl is still held: a later test's
    # selectRow() would then toggle the row off instead of selecting it.
    qtbot.keyRelease(window, Qt.Key.Key_Control)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The titles of the forms a shortcut opened (not shown: the test goes on)."""
    from desktop.ui.dialogs.form import RecordForm

    titles: list[str] = []
    monkeypatch.setattr(RecordForm, "exec", lambda form: titles.append(form.windowTitle()) or 0)
    return titles


CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_n_works_from_the_navigation_and_only_for_the_page_shown(active, qtbot, opened):
    active.go_to(active.needs)
    active.navigation.setFocus()
    qtbot.keyClick(active.navigation, Qt.Key.Key_N, CTRL)
    active.go_to(active.resources)  # the needs page, hidden now, does not answer any more
    qtbot.keyClick(active.navigation, Qt.Key.Key_N, CTRL)
    assert opened == ["新建需求", "新建资源"]


def test_enter_and_f2_open_the_selected_record(active, qtbot, opened):
    page = active.needs
    active.go_to(page)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    assert opened == ["编辑需求", "编辑需求"]


def test_enter_opens_the_selected_committee_term(active, ctx, qtbot, opened):
    from datetime import date

    from desktop.domain.committee import CommitteeMember, CommitteeTerm
    from desktop.domain.roster import Organization, OrganizationKind
    from desktop.services import committee, organizations

    board = organizations.save_organization(
        ctx.db, Organization(OrganizationKind.OWNERS_COMMITTEE, "翠竹苑业委会")
    )
    members = [CommitteeMember(f"委员{i}", "委员", i < 4) for i in range(7)]
    committee.save_term(
        ctx.db, CommitteeTerm(board.id, date(2024, 6, 1), date(2024, 6, 1), members=members)
    )
    page = active.committee
    active.go_to(page)
    table = page.terms.table
    assert table.rowCount() > 0
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == ["编辑业委会届次"]


def test_delete_asks_first(active, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.No
    )
    active.go_to(active.needs)
    active.needs.view.selectRow(0)
    active.navigation.setFocus()
    qtbot.keyClick(active.navigation, Qt.Key.Key_Delete)
    assert asked == ["移入回收站"]


def test_ctrl_f_puts_the_cursor_in_the_search_box(active, qtbot):
    active.go_to(active.visits)
    active.navigation.setFocus()
    qtbot.keyClick(active.navigation, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is active.visits.search
    roster = active.roster
    active.go_to(roster)
    roster.setCurrentIndex(1)  # 组织: its own search box
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is roster.currentWidget().search


def test_the_records_menu_and_the_tooltips_show_the_shortcuts(active):
    menu = active.record_menu.menu
    assert menu.title() == "记录(&R)"
    assert [m.menuAction() for m in active.menuBar().findChildren(type(menu))]  # in the bar
    active.go_to(active.needs)
    menu.aboutToShow.emit()
    shown = [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]
    assert shown[:3] == [("新建", "Ctrl+N"), ("编辑", "F2"), ("删除", "Del")]
    assert shown[-1] == ("查找", "Ctrl+F")
    assert active.needs.new_action.toolTip() == "新建（Ctrl+N）"
    assert active.needs.delete_action.toolTip() == "删除（Del）"
    assert "Ctrl+F" in active.needs.search.toolTip()
    active.go_to(active.settings_page)  # no toolbar: said so, and 查找 greyed out
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in menu.actions() if not a.isSeparator()] == [False, False]


# -- focus ----------------------------------------------------------------------------------
def focus_shows(widget: QWidget, elsewhere: QWidget) -> bool:
    """The window around ``widget`` looks different once ``widget`` has the keyboard."""
    window = widget.window()
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).adjusted(-6, -6, 6, 6)
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    before = window.grab(area).toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    return widget.hasFocus() and window.grab(area).toImage() != before


def test_the_focus_shows_on_every_kind_of_control(active, ctx, qtbot, qapp) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox

    from desktop.ui.access import show_focus_everywhere
    from desktop.ui.dialogs.person import PersonDialog

    show_focus_everywhere(qapp)  # as the session does
    page = active.needs
    active.go_to(page)
    page.view.selectRow(0)
    controls = {
        "navigation": active.navigation,
        "list": page.view,
        "search box": page.search,
        "filter": page.findChildren(QComboBox)[0],
        "check box filter": page.findChildren(QCheckBox)[0],
        "details": page.details,
    }
    hidden = [
        n
        for n, w in controls.items()
        if not focus_shows(w, page.search if w is active.navigation else active.navigation)
    ]
    form = PersonDialog(ctx, None, active)
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "_dirty", False))
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    fields = {
        "line": form.name,
        "drop-down": form.building,
        "editable drop-down": form.unit,
        "check box": form.party,
        "text box": form.note,
        "保存": form.save_button,
        "取消": form.buttons.buttons()[-1],
    }
    hidden += [f"form {n}" for n, w in fields.items() if not focus_shows(w, form.phone)]
    assert hidden == []


def tab_stops(window: QWidget, start: QWidget) -> list[QWidget]:
    stops, widget = [], start.nextInFocusChain()
    while widget is not start:
        if takes_the_keyboard(widget, window) and widget.isEnabled():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def test_tab_walks_a_list_page_from_search_to_filters_list_details_then_status(window) -> None:
    window.sync_label.show()  # the status bar's sync state, as when sync is set up
    for page in (window.needs, window.resources, window.projects, window.visits, window.meetings):
        window.go_to(page)
        stops = tab_stops(window, window.navigation)
        assert stops == [
            page.search,
            *page._filter_widgets,
            page.view,
            page.details_toggle,
            page.details,
            window.sync_label,
        ], window.navigation.currentItem().text()
