"""The three list pages driven like a secretary: filters, links, status flow, trash."""

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import NeedQuery, NeedStatus
from desktop.domain.projects import ProjectStage
from desktop.services import needs, projects
from desktop.ui.dialogs.need import NeedDialog
from desktop.ui.dialogs.project import ProjectDialog
from desktop.ui.models.needs import NeedTableModel
from desktop.ui.models.projects import ProjectTableModel
from desktop.ui.models.resources import ResourceTableModel
from desktop.ui.pages.needs import NeedsPage
from desktop.ui.pages.projects import ProjectsPage
from desktop.ui.pages.resources import ResourcesPage
from desktop.ui.status import Tone
from tests.ui.keyboard import type_text
from tests.ui.lists_data import fill


@pytest.fixture
def data(ctx):
    return fill(ctx.db)


def test_models_pass_modeltester(ctx, data, qtmodeltester):
    for model in (NeedTableModel(ctx.db), ResourceTableModel(ctx.db), ProjectTableModel(ctx.db)):
        model.refresh()
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_overdue_needs_are_red_and_say_so(ctx, data, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    model = page.model
    overdue = [r for r in range(model.rowCount()) if model.row_at(r).overdue]
    assert len(overdue) == 2
    index = model.index(overdue[0], NeedTableModel.STATUS)
    assert "逾期" in index.data()  # the word, not only the colour
    assert index.data(Qt.ItemDataRole.BackgroundRole) == Tone.OVERDUE.background


def test_status_filter_and_count(ctx, data, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    assert page.count_label.text() == "共 5 条"
    page.status_filter.setCurrentIndex(page.status_filter.findData("overdue"))
    assert page.model.total() == 2
    assert page.count_label.text() == "共 2 条"
    page.status_filter.setCurrentIndex(page.status_filter.findData(NeedStatus.RESOLVED))
    assert page.model.total() == 1
    page.building_filter.setCurrentIndex(page.building_filter.findData("3栋"))
    assert page.model.total() == 0
    assert page.stack.currentWidget() is page.empty


def test_two_character_search_on_needs(ctx, data, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    type_text(page.search, "电梯")
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=2000)
    assert page.model.row_at(0).title == "3栋电梯经常停运"


def test_details_show_history_and_link_to_project(ctx, data, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).title == "3栋电梯经常停运"
    )
    page.view.selectRow(row)
    html = page.details.toHtml()
    assert "加装电梯" in html
    assert f"projects:{data['projects'][0]}" in html
    requested = []
    ctx.events.record_requested.connect(lambda kind, rid: requested.append((kind, rid)))
    page.details.anchorClicked.emit(QUrl(f"projects:{data['projects'][0]}"))
    assert requested == [(RecordKind.PROJECT.value, data["projects"][0])]


@pytest.mark.parametrize("page_class", [NeedsPage, ResourcesPage, ProjectsPage])
def test_a_row_whose_record_went_meanwhile_shows_no_details(ctx, data, qtbot, page_class):
    """Another window moved the record to the trash and this list has not reloaded yet."""
    page = page_class(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    assert page.details.toPlainText().strip()
    page.view.clearSelection()
    page.records.delete(ctx.db, [page.model.row_at(0).id])  # no change announced
    page.view.selectRow(0)
    assert page.details.toPlainText().strip() == ""


def test_markup_in_titles_is_shown_literally(ctx, data, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    row = next(r for r in range(page.model.rowCount()) if "A&B" in page.model.row_at(r).title)
    page.view.selectRow(row)
    assert "楼上装修噪音扰民 A&B <b>" in page.details.toPlainText()


def test_referring_a_need_requires_a_reason_and_keeps_history(ctx, data, qtbot):
    need = needs.get_need(ctx.db, data["needs"][1])
    dialog = NeedDialog(ctx, need)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData(NeedStatus.REFERRED))
    assert not dialog.is_valid()
    dialog.save_button.click()  # says why, under the field
    assert dialog.errors["status_reason"].text() == "请说明原因。"
    type_text(dialog.reason, "转社区工作站")
    type_text(dialog.note, "已电话告知居民")
    assert dialog.is_valid()
    dialog.save_button.click()
    history = needs.status_history(ctx.db, need.id)
    assert [h.to_status for h in history] == [NeedStatus.PENDING, NeedStatus.REFERRED]
    assert history[-1].note == "已电话告知居民"


def test_status_choices_follow_the_flow(ctx, data, qtbot):
    resolved = needs.get_need(ctx.db, data["needs"][4])
    dialog = NeedDialog(ctx, resolved)
    qtbot.addWidget(dialog)
    choices = {dialog.status.itemData(i) for i in range(dialog.status.count())}
    assert choices == {NeedStatus.RESOLVED, NeedStatus.IN_PROGRESS}  # reopen only


def test_create_project_from_a_need(ctx, data, qtbot, monkeypatch):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).title == "独居老人需要助餐"
    )
    page.view.selectRow(row)
    shown = []

    def run(dialog):
        shown.append(dialog)
        assert dialog.title_edit.text() == "独居老人需要助餐"
        assert dialog.need_links.ids() == [page.model.row_at(row).id]
        return dialog.save() and 1

    monkeypatch.setattr(ProjectDialog, "exec", run)
    page.project_action.trigger()
    assert shown
    linked = projects.projects_of_need(ctx.db, page.model.row_at(row).id)
    assert [p.title for p in linked] == ["独居老人需要助餐"]


def test_completing_a_project_offers_to_resolve_its_needs(ctx, data, qtbot, monkeypatch):
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    project_id = data["projects"][0]
    for stage in (ProjectStage.IN_PROGRESS, ProjectStage.AWAITING_ACCEPTANCE):
        p = projects.get_project(ctx.db, project_id)
        p.stage = stage
        projects.save_project(ctx.db, p)
    asked = []

    def complete(dialog):
        dialog.stage.setCurrentIndex(dialog.stage.findData(ProjectStage.COMPLETED))
        return dialog.save() and 1

    monkeypatch.setattr(ProjectDialog, "exec", complete)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    page.open_record(project_id)
    assert asked and "2" in asked[0]
    for need_id in data["needs"][:2]:
        assert needs.get_need(ctx.db, need_id).status is NeedStatus.RESOLVED
    assert needs.count_needs(ctx.db, NeedQuery(open_only=True)) == 2


def test_resources_page_lists_projects_using_it(ctx, data, qtbot):
    page = ResourcesPage(ctx)
    qtbot.addWidget(page)
    assert page.model.total() == 1
    assert page.model.index(0, ResourceTableModel.PROJECTS).data() == "1"
    page.view.selectRow(0)
    assert "加装电梯" in page.details.toPlainText()


def test_delete_need_goes_to_trash_and_comes_back(ctx, data, qtbot, monkeypatch):
    from desktop.ui.pages.trash import TrashPage

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = NeedsPage(ctx)
    trash = TrashPage(ctx)
    qtbot.addWidget(page)
    qtbot.addWidget(trash)
    page.view.selectRow(0)
    page.delete_action.trigger()
    assert page.model.total() == 4
    assert [i.kind for i in trash.model.items] == [RecordKind.NEED]
    assert trash.model.index(0, 0).data() == "需求"
    trash.view.selectRow(0)
    trash.restore_selected()
    assert page.model.total() == 5
