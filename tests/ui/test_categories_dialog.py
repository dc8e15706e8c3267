"""需求类别: adding and renaming go through the one change helper; a refused name is said."""

from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.services import needs
from desktop.ui.dialogs.categories import CategoriesDialog


def test_a_category_added_is_listed_and_the_pages_hear_of_it(ctx, qtbot, monkeypatch) -> None:
    dialog = CategoriesDialog(ctx)
    qtbot.addWidget(dialog)
    heard: list[str] = []
    ctx.events.data_changed.connect(heard.append)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("加装电梯", True))
    dialog.edit(None)
    assert "加装电梯" in [c.name for c in needs.list_categories(ctx.db)]
    assert "加装电梯" in [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert heard == ["need_categories"]


def test_an_empty_name_is_refused_with_a_warning(ctx, qtbot, monkeypatch) -> None:
    dialog = CategoriesDialog(ctx)
    qtbot.addWidget(dialog)
    before = needs.list_categories(ctx.db)
    warned: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog.edit(before[0])
    assert warned == ["此项必填。"]
    assert needs.list_categories(ctx.db) == before


def test_cancel_changes_nothing(ctx, qtbot, monkeypatch) -> None:
    dialog = CategoriesDialog(ctx)
    qtbot.addWidget(dialog)
    before = needs.list_categories(ctx.db)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("不要", False))
    dialog.edit(before[0])
    assert needs.list_categories(ctx.db) == before
