"""Every table model passes Qt's model tester, on real data."""

import pytest
from PySide6.QtCore import Qt

from desktop.domain.roster import PeopleQuery
from desktop.services.demo import make_demo
from desktop.services.people import delete_people, list_people
from desktop.services.trash import list_trash
from desktop.ui.models.needs import NeedTableModel
from desktop.ui.models.organizations import OrganizationTableModel
from desktop.ui.models.paged import PAGE_SIZE
from desktop.ui.models.people import PeopleTableModel
from desktop.ui.models.projects import ProjectTableModel
from desktop.ui.models.resources import ResourceTableModel
from desktop.ui.models.table import Column, RowTableModel
from desktop.ui.models.trash import TrashTableModel
from desktop.ui.status import Tone, stage_tone


def test_people_model_pages_and_passes_modeltester(ctx, qtmodeltester):
    make_demo(ctx.db, scale=450, seed=2)
    model = PeopleTableModel(ctx.db)
    model.refresh()
    assert model.total() == 450
    assert model.rowCount() == PAGE_SIZE  # only the first page is read
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_people_model_sorts_in_sql(ctx, qtmodeltester):
    make_demo(ctx.db, scale=300, seed=4)
    model = PeopleTableModel(ctx.db)
    model.refresh()
    model.sort(PeopleTableModel.ROOM, order=model_order_descending())
    rooms = [model.index(r, PeopleTableModel.ROOM).data() for r in range(model.rowCount())]
    expected = [
        p.room for p in list_people(ctx.db, PeopleQuery(sort="room", descending=True), 0, PAGE_SIZE)
    ]
    assert rooms == expected
    assert rooms == sorted(rooms, reverse=True)
    qtmodeltester.check(model)


def model_order_descending():
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder


def test_organization_model(ctx, qtmodeltester):
    make_demo(ctx.db, scale=20, seed=1)
    model = OrganizationTableModel(ctx.db)
    model.refresh()
    assert model.total() >= 10
    names = {model.index(r, OrganizationTableModel.NAME).data() for r in range(model.rowCount())}
    assert "翠竹苑业主委员会" in names
    qtmodeltester.check(model)


def test_trash_model(ctx, qtmodeltester):
    make_demo(ctx.db, scale=30, seed=1)
    delete_people(ctx.db, [1, 2, 3])
    model = TrashTableModel()
    model.set_items(list_trash(ctx.db))
    assert model.rowCount() == 3
    assert model.index(0, TrashTableModel.KIND).data() == "人员"
    qtmodeltester.check(model)


def test_cells_look_as_their_columns_say(ctx, qtmodeltester):
    """Each list's columns declare their look once; the cells show it: a status as a coloured
    label, an overdue need's status and deadline in bold with the deadline red, amounts to the
    right, an expired resource's date red, the words again as the tooltip."""
    make_demo(ctx.db, scale=120, seed=3)
    need_model, project_model, resource_model = (
        NeedTableModel(ctx.db),
        ProjectTableModel(ctx.db),
        ResourceTableModel(ctx.db),
    )
    for model in (need_model, project_model, resource_model):
        model.refresh()
        qtmodeltester.check(model)

    role = Qt.ItemDataRole
    late = [r for r in range(need_model.rowCount()) if need_model.row_at(r).overdue]
    on_time = [r for r in range(need_model.rowCount()) if not need_model.row_at(r).overdue]
    assert late and on_time
    status = need_model.index(late[0], NeedTableModel.STATUS)
    due = need_model.index(late[0], NeedTableModel.DUE)
    assert status.data(role.BackgroundRole) == Tone.OVERDUE.background
    assert due.data(role.ForegroundRole) == Tone.OVERDUE.foreground
    assert due.data(role.BackgroundRole) is None  # only the label is filled
    assert status.data(role.FontRole).bold() and due.data(role.FontRole).bold()
    assert need_model.index(on_time[0], NeedTableModel.DUE).data(role.FontRole) is None
    assert need_model.index(on_time[0], NeedTableModel.DUE).data(role.ForegroundRole) is None
    assert status.data(role.ToolTipRole) == status.data()

    budget = project_model.index(0, ProjectTableModel.BUDGET)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert budget.data(role.TextAlignmentRole) == right
    assert project_model.index(0, ProjectTableModel.TITLE).data(role.TextAlignmentRole) is None
    stage = project_model.index(0, ProjectTableModel.STAGE)
    assert stage.data(role.BackgroundRole) == stage_tone(project_model.row_at(0).stage).background

    expired = [r for r in range(resource_model.rowCount()) if resource_model.row_at(r).expired]
    assert expired
    valid_until = resource_model.index(expired[0], ResourceTableModel.VALID_UNTIL)
    assert valid_until.data(role.BackgroundRole) == Tone.OVERDUE.background
    assert "过期" in valid_until.data()
    assert need_model.headerData(0, Qt.Orientation.Horizontal) == "登记日期"
    assert need_model.headerData(0, Qt.Orientation.Vertical) is None


def test_column_numbers_leave_no_gap():
    """A list's columns are numbered 0, 1, 2 … by its constants; a gap is a mistake."""
    with pytest.raises(KeyError):
        RowTableModel({0: Column("a", str), 2: Column("c", str)})
