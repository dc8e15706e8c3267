"""Phones are masked on screen (138****5678, 0755-********): in every list, tooltip and
details pane of the window. “显示完整号码” shows one record's numbers whole until the selection
changes, and tells ``phone_revealed`` which record; the form still edits the whole number and
the search still finds a record by its whole number or its last four digits."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTextBrowser, QWidget

from desktop.domain.masking import mask_phone, mask_phones
from desktop.services.demo import make_demo
from desktop.ui.i18n import translate
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import list_page
from desktop.ui.pages.list_page import ListPage
from desktop.ui.pages.needs import NeedsPage
from desktop.ui.pages.organizations import OrganizationsPage
from desktop.ui.pages.partners import PartnersPage
from desktop.ui.pages.people import PeoplePage
from desktop.ui.pages.resources import ResourcesPage
from desktop.ui.pages.visits import VisitsPage
from desktop.ui.phones import REVEAL_LINK

ROWS_READ = 12  # of each list: their details panes are read one by one
# Any run of digits long enough to be a whole phone (a mobile's 11; a landline's 7 or 8 after
# its area code): a masked number shows at most four digits in a row.
WHOLE_NUMBER = re.compile(r"\d{7,}")
PAGES_WITH_PHONES = (PeoplePage, OrganizationsPage, NeedsPage, ResourcesPage, VisitsPage)


def show_text() -> str:
    """The link beside a masked number, “显示完整号码” (once the language is installed)."""
    return translate("Phones", "Show full number")


def whole_phones(text: str) -> list[str]:
    """The phone numbers ``text`` shows whole: what the notice board's masking would hide."""
    if mask_phones(text) == text and not WHOLE_NUMBER.search(text.replace("-", "")):
        return []
    return [text]


def model_texts(view: QAbstractItemView) -> list[str]:
    """Every cell's words and tooltip in a view, the rows of a tree too."""
    model, texts = view.model(), []
    if model is None:
        return texts

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            column = 0
            while (index := model.index(row, column, parent)).isValid():
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        texts.append(value)
                column += 1
            if model.rowCount(first := model.index(row, 0, parent)):
                walk(first)

    walk(QModelIndex())
    return texts


def shown_texts(window: QWidget) -> list[str]:
    """What the window shows in words: lists and trees, panes, labels and tooltips."""
    texts: list[str] = []
    for view in window.findChildren(QAbstractItemView):
        texts += model_texts(view)
    for browser in window.findChildren(QTextBrowser):
        texts.append(browser.toPlainText())
    for label in window.findChildren(QLabel):
        texts += [label.text(), label.toolTip()]
    return [t for t in texts if t]


def test_the_window_shows_no_whole_phone_anywhere(ctx, qtbot):
    """Every page visited, every list page's first rows selected one by one: no list cell,
    tooltip, details pane or label shows a whole number; and the pages whose records have
    phones did show masked ones, each with its “显示完整号码”."""
    make_demo(ctx.db, scale=40, seed=7)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    found: list[str] = []
    offered: set[str] = set()
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for text in shown_texts(window):
            found += whole_phones(text)
        for page in window.findChildren(ListPage):
            for r in range(min(ROWS_READ, page.model.rowCount())):
                page.view.selectRow(r)
                pane = page.details.toPlainText()
                found += whole_phones(pane)
                if "****" in pane and show_text() in pane:
                    offered.add(type(page).__name__)
    assert found == []
    assert {p.__name__ for p in PAGES_WITH_PHONES} <= offered


def test_lists_with_a_phone_column_show_it_masked(ctx, qtbot):
    make_demo(ctx.db, scale=40, seed=7)
    for page_class in (PeoplePage, OrganizationsPage):
        page = page_class(ctx)
        qtbot.addWidget(page)
        model = page.model
        phone = model.PHONE
        shown = [
            (model.row_at(r).phone, model.index(r, phone).data()) for r in range(model.rowCount())
        ]
        with_phone = [(whole, cell) for whole, cell in shown if whole]
        assert with_phone, page_class.__name__
        for whole, cell in with_phone:
            assert cell == mask_phone(whole) != whole
            assert model.index(0, phone).data(Qt.ItemDataRole.ToolTipRole) == shown[0][1]


def demo_page(ctx, qtbot, page_class):
    """The page on a small demo neighborhood, shown."""
    make_demo(ctx.db, scale=40, seed=7)
    page = page_class(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def first_row_with_phone(page: ListPage) -> int:
    """The first row whose details pane offers a masked phone."""
    for r in range(page.model.rowCount()):
        page.view.selectRow(r)
        if show_text() in page.details.toPlainText():
            return r
    raise AssertionError(f"no record with a phone on {type(page).__name__}")


@pytest.mark.parametrize("page_class", PAGES_WITH_PHONES, ids=lambda c: c.__name__)
def test_show_reveals_one_record_until_the_selection_changes(ctx, qtbot, page_class):
    page = demo_page(ctx, qtbot, page_class)
    first = first_row_with_phone(page)
    record_id = page.row_id(page.model.row_at(first))
    pane = page.details.toPlainText()
    assert show_text() in pane and "****" in pane
    assert whole_phones(pane) == []
    assert f'href="{REVEAL_LINK}"' in page.details.toHtml()

    with qtbot.waitSignal(ctx.events.phone_revealed) as revealed:
        page.details.anchorClicked.emit(QUrl(REVEAL_LINK))
    assert revealed.args == [page.kind.value, record_id]
    shown = page.details.toPlainText()
    assert show_text() not in shown and "****" not in shown
    assert whole_phones(shown)  # the whole number is there now

    other = next(r for r in range(page.model.rowCount()) if r != first)
    page.view.selectRow(other)
    assert whole_phones(page.details.toPlainText()) == []
    page.view.selectRow(first)  # back again: masked, until shown again
    again = page.details.toPlainText()
    assert show_text() in again and whole_phones(again) == []


def test_the_form_opened_from_the_list_edits_the_whole_number(ctx, qtbot, monkeypatch):
    page = demo_page(ctx, qtbot, PeoplePage)
    row = first_row_with_phone(page)
    person = page.model.row_at(row)
    assert page.model.index(row, page.model.PHONE).data() == mask_phone(person.phone)
    opened = []
    monkeypatch.setattr(list_page, "run_form", lambda form: opened.append(form) or False)
    page.edit_action.trigger()
    assert [form.phone.text() for form in opened] == [person.phone]
    for form in opened:
        form.deleteLater()


@pytest.mark.parametrize("page_class", (PeoplePage, NeedsPage), ids=lambda c: c.__name__)
def test_search_by_the_whole_number_or_its_last_four_still_finds_the_record(ctx, qtbot, page_class):
    page = demo_page(ctx, qtbot, page_class)
    row = first_row_with_phone(page)
    record_id = page.row_id(page.model.row_at(row))
    phone = page.records.fetch(ctx.db, record_id).phone
    for typed in (phone, phone[-4:]):
        page.set_search(typed)
        ids = [page.row_id(page.model.row_at(r)) for r in range(page.model.rowCount())]
        assert record_id in ids, typed
        page.view.selectRow(ids.index(record_id))
        pane = page.details.toPlainText()
        assert mask_phone(phone) in pane and phone not in pane


def test_partner_heading_masks_the_contact_phone_until_shown(ctx, qtbot):
    page = demo_page(ctx, qtbot, PartnersPage)
    row = next(
        r for r, partner in enumerate(page.partner_list) if partner.phone and partner.contact_name
    )
    page.units.setCurrentRow(row)
    partner = page.partner_list[row]
    assert mask_phone(partner.phone) in page.heading.text()
    assert partner.phone not in page.heading.text()
    with qtbot.waitSignal(ctx.events.phone_revealed) as revealed:
        page.heading.linkActivated.emit(REVEAL_LINK)
    assert revealed.args == ["organizations", partner.id]
    assert partner.phone in page.heading.text() and show_text() not in page.heading.text()
    page.units.setCurrentRow(next(r for r in range(page.units.count()) if r != row))
    page.units.setCurrentRow(row)
    assert partner.phone not in page.heading.text()
