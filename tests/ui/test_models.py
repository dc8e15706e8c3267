"""Every table model passes Qt's model tester, on real data."""

from desktop.domain.roster import PeopleQuery
from desktop.services.demo import make_demo
from desktop.services.people import delete_people, list_people
from desktop.services.trash import list_trash
from desktop.ui.models.organizations import OrganizationTableModel
from desktop.ui.models.paged import PAGE_SIZE
from desktop.ui.models.people import PeopleTableModel
from desktop.ui.models.trash import TrashTableModel


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
