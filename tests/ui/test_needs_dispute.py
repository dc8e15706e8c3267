"""The 物业矛盾 mark in the need form and the 只看物业矛盾 filter on the needs page."""

from datetime import date

from desktop.domain.needs import Need, NeedQuery
from desktop.services import needs
from desktop.ui.dialogs.need import NeedDialog
from desktop.ui.pages.needs import NeedsPage
from tests.ui.keyboard import type_text


def category(ctx, name: str) -> int:
    return next(c.id for c in needs.list_categories(ctx.db) if c.name == name)


def test_the_mark_only_applies_to_property_services(ctx, qtbot):
    dialog = NeedDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.title_edit, "物业费上涨但保洁变差")
    dialog.category.setCurrentIndex(dialog.category.findData(category(ctx, "物业服务")))
    assert dialog.dispute.isEnabled()
    dialog.dispute.setChecked(True)
    # Another category: the mark is cleared and greyed, and its label says why.
    dialog.category.setCurrentIndex(dialog.category.findData(category(ctx, "设施维修")))
    assert not dialog.dispute.isChecked() and not dialog.dispute.isEnabled()
    assert "物业服务" in dialog.dispute.text()
    dialog.category.setCurrentIndex(dialog.category.findData(category(ctx, "物业服务")))
    dialog.dispute.setChecked(True)
    assert dialog.is_valid()
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.is_dispute
    assert needs.count_needs(ctx.db, NeedQuery(disputes_only=True)) == 1


def test_only_disputes_filter(ctx, qtbot):
    property_id = category(ctx, "物业服务")
    for title, flag in (("物业报修一周无人上门", True), ("物业公示栏破损", False)):
        needs.save_need(
            ctx.db,
            Need(
                title=title,
                category_id=property_id,
                is_dispute=flag,
                registered_on=date(2026, 5, 1),
            ),
        )
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.total() == 2
    page.dispute_filter.setChecked(True)
    assert page.model.total() == 1
    assert page.model.row_at(0).title == "物业报修一周无人上门"
    page.view.selectRow(0)
    assert "物业矛盾" in page.details.toPlainText() or "Property dispute" in (
        page.details.toPlainText()
    )
    page.clear_filters()
    assert page.model.total() == 2
