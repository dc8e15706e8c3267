"""Deleting a grid or a building on the neighborhood tab asks first, as a plain question:
Yes or No, with the default button left to Qt."""

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.roster import Building, Grid
from desktop.services import neighborhood
from desktop.ui.pages.neighborhood import NeighborhoodPage


@pytest.fixture
def page(ctx, qtbot):
    grid = neighborhood.save_grid(ctx.db, Grid(name="一网格"))
    neighborhood.save_building(ctx.db, Building(name="1栋", grid_id=grid.id))
    widget = NeighborhoodPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


YES_NO = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No


def _answering(monkeypatch, answer):
    """Record what is asked; the defaults are Qt's own for a plain question."""
    asked = []

    def question(
        _parent, title, _text, buttons=YES_NO, default=QMessageBox.StandardButton.NoButton
    ):
        asked.append((title, buttons, default))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_deleting_a_building_asks_and_no_keeps_it(page, ctx, monkeypatch):
    asked = _answering(monkeypatch, QMessageBox.StandardButton.No)
    page.building_table.setCurrentCell(0, 0)
    page._delete_building()
    assert asked == [("删除楼栋", YES_NO, QMessageBox.StandardButton.NoButton)]
    assert [b.name for b in neighborhood.list_buildings(ctx.db)] == ["1栋"]


def test_deleting_a_building_yes_deletes_it(page, ctx, monkeypatch):
    _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    page.building_table.setCurrentCell(0, 0)
    page._delete_building()
    assert neighborhood.list_buildings(ctx.db) == []


def test_deleting_a_grid_asks_and_yes_deletes_it(page, ctx, monkeypatch):
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    page.grid_list.setCurrentRow(0)
    page._delete_grid()
    assert asked == [("删除网格", YES_NO, QMessageBox.StandardButton.NoButton)]
    assert neighborhood.list_grids(ctx.db) == []
