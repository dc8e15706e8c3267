"""共建单位 page, its dialogs and the home page's 三个一 warning, driven like a secretary."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need
from desktop.domain.partners import PartnerActivity, PartnerActivityKind, PartnerType
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import needs, organizations, partners
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.dialogs.partner_activity import ActivityDialog
from desktop.ui.dialogs.picker import RecordPicker
from desktop.ui.pages.home import HomePage
from desktop.ui.pages.partners import PartnersPage
from tests.ui.keyboard import type_text

LAST_YEAR = date.today().year - 1
NAME = "欧阳䶮𠮷 <b>&学校</b>"


@pytest.fixture
def school(ctx) -> int:
    org = organizations.save_organization(
        ctx.db,
        Organization(OrganizationKind.PARTNER_UNIT, NAME, partner_type=PartnerType.SCHOOL),
    )
    for kind, day in (
        (PartnerActivityKind.PAIRING, date(LAST_YEAR, 3, 31)),
        (PartnerActivityKind.PRACTICAL_SERVICE, date(LAST_YEAR, 4, 1)),
    ):
        partners.save_activity(ctx.db, PartnerActivity(org.id, kind, day, "", "活动 <i>A&B</i>"))
    return org.id


def page_for(ctx, qtbot) -> PartnersPage:
    page = PartnersPage(ctx)
    qtbot.addWidget(page)
    return page


def cell(page: PartnersPage, row: int, column: int) -> tuple[str, str, str]:
    item = page.grid.item(row, column)
    return item.data(Qt.ItemDataRole.UserRole), item.text(), item.background().color().name()


def test_empty_page_offers_the_first_partner(ctx, qtbot):
    page = page_for(ctx, qtbot)
    assert page.stack.currentWidget() is page.empty
    assert not page.new_activity_action.isEnabled()


def test_tracker_grid_in_words_and_colour(ctx, school, qtbot):
    page = page_for(ctx, qtbot)
    assert page.units.item(0).text().startswith(NAME)  # markup kept as typed
    page.year.setCurrentIndex(page.year.findData(LAST_YEAR))
    met, missing = cell(page, 0, 0), cell(page, 1, 0)
    assert (met[0], missing[0]) == ("met", "missing")
    assert cell(page, 0, 1)[0] == "missing" and cell(page, 1, 1)[0] == "met"
    assert cell(page, 2, 0)[0] == "missing"  # the year's mediation
    assert met[1] != missing[1] and met[1] and missing[1]  # words, not colour alone
    assert met[2] != missing[2]
    assert page.activity_table.rowCount() == 2
    page.tabs.setCurrentIndex(0)
    page.activity_table.selectRow(0)
    assert "活动 <i>A&B</i>" in page.details.toPlainText()
    assert page.edit_action.isEnabled() and page.delete_action.isEnabled()


def test_record_an_activity_with_a_linked_need(ctx, school, qtbot, monkeypatch):
    category = needs.list_categories(ctx.db)[0].id
    need = needs.save_need(ctx.db, Need(title="老人量血压", category_id=category))
    page = page_for(ctx, qtbot)

    def pick(picker: RecordPicker) -> int:
        picker.results.item(0).setSelected(True)
        return 1

    def fill(dialog: ActivityDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerActivityKind.DISPUTE_MEDIATION))
        type_text(dialog.description, "调处停车纠纷")
        dialog.need_links.pick()
        assert dialog.save_button.isEnabled()
        return dialog.save() and 1

    monkeypatch.setattr(RecordPicker, "exec", pick)
    monkeypatch.setattr(ActivityDialog, "exec", fill)
    page.new_activity_action.trigger()
    (saved,) = [a for a in partners.list_activities(ctx.db, school) if a.held_on.year > LAST_YEAR]
    assert (saved.kind, saved.description, saved.need_ids) == (
        PartnerActivityKind.DISPUTE_MEDIATION,
        "调处停车纠纷",
        [need.id],
    )
    # The page heard the change: this year's tab lists it, the tracker counts it.
    assert page.activity_table.rowCount() == 1
    assert cell(page, 2, 0)[0] == "met"


def test_an_activity_without_description_cannot_be_saved(ctx, school, qtbot):
    dialog = ActivityDialog(ctx, PartnerActivity(school, PartnerActivityKind.PAIRING))
    qtbot.addWidget(dialog)
    assert not dialog.is_valid()
    dialog.save_button.click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors["description"].isVisibleTo(dialog)
    assert dialog.errors["description"].text() == "此项必填。"


def test_delete_an_activity_to_the_trash(ctx, school, qtbot, monkeypatch):
    page = page_for(ctx, qtbot)
    page.year.setCurrentIndex(page.year.findData(LAST_YEAR))
    page.activity_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.delete_action.trigger()
    assert len(partners.list_activities(ctx.db, school)) == 1
    assert page.activity_table.rowCount() == 1


def test_organization_dialog_sets_the_partner_type_for_partner_units_only(ctx, qtbot):
    dialog = OrganizationDialog(ctx)
    qtbot.addWidget(dialog)
    box = dialog.errors["partner_type"].parentWidget()
    assert not box.isVisibleTo(dialog)  # a self-organization by default
    dialog.kind.setCurrentIndex(dialog.kind.findData(OrganizationKind.PARTNER_UNIT))
    assert box.isVisibleTo(dialog)
    type_text(dialog.name, "南园供电所")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData(PartnerType.ENTERPRISE))
    assert dialog.save()
    assert [(p.name, p.partner_type) for p in partners.list_partners(ctx.db)] == [
        ("南园供电所", PartnerType.ENTERPRISE)
    ]


def test_home_warns_of_a_gap_and_opens_the_partner(ctx, school, qtbot, monkeypatch):
    from desktop.services import home

    real = partners.quota_gaps
    monkeypatch.setattr(
        home.partners, "quota_gaps", lambda db, _today: real(db, date(LAST_YEAR - 1, 3, 20))
    )
    page = HomePage(ctx)
    qtbot.addWidget(page)
    texts = page.sections["quota"].row_texts()
    assert len(texts) == 2 and all(NAME in t and "12" in t for t in texts)
    requested = []
    ctx.events.record_requested.connect(lambda kind, rid: requested.append((kind, rid)))
    page.quota.itemActivated.emit(page.quota.item(0, 0))
    assert requested == [(RecordKind.PARTNER_UNIT.value, school)]
    partners_page = page_for(ctx, qtbot)
    other = organizations.save_organization(
        ctx.db, Organization(OrganizationKind.PARTNER_UNIT, "甲单位")
    )
    ctx.events.changed(RecordKind.ORGANIZATION)
    partners_page.open_record(school)
    assert partners_page.current_partner().id == school
    partners_page.open_record(other.id)
    assert partners_page.current_partner().id == other.id
