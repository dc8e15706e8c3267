"""Compacts: start from a template, edit the draft (numbers follow), adopt, revise, compare."""

from datetime import date

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.domain.compacts import Adoption, CompactState
from desktop.services import compacts
from desktop.ui.dialogs.compact import CompactEditor, CompareDialog, comparison_html
from desktop.ui.models.compacts import CompactTableModel
from desktop.ui.pages.compacts import CompactsPage


@pytest.fixture
def compact(ctx):
    return compacts.create_from_template(ctx.db, "文明养犬")


def test_model_passes_modeltester(ctx, compact, qtmodeltester):
    model = CompactTableModel(ctx.db)
    model.refresh()
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_new_compact_from_a_template_opens_the_editor(ctx, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("停车秩序", True))
    opened = []
    monkeypatch.setattr(CompactEditor, "exec", lambda d: opened.append(d.title_edit.text()) or 0)
    page = CompactsPage(ctx)
    qtbot.addWidget(page)
    page.create_record()
    assert opened == ["停车秩序公约"]
    assert page.model.total() == 1


def test_editor_numbers_follow_moves_splits_and_deletes(ctx, compact, qtbot):
    editor = CompactEditor(ctx, compact.id, compact.draft)
    qtbot.addWidget(editor)
    first = editor.entries.item(0).text()
    assert first.startswith("第一条")
    editor.entries.setCurrentRow(0)
    editor.move(1)  # the first article becomes the second
    assert editor.entries.item(1).text().endswith(first.split("　", 1)[1])
    assert editor.entries.item(1).text().startswith("第二条")
    editor.entries.setCurrentRow(0)
    cursor = editor.text.textCursor()
    cursor.setPosition(4)
    editor.text.setTextCursor(cursor)
    editor.split()
    assert editor.entries.count() == 8
    assert editor.entries.item(7).text().startswith("第八条")
    editor.entries.setCurrentRow(7)
    editor.delete()
    editor.add_chapter()
    assert any(
        editor.entries.item(i).text().startswith("第一章") for i in range(editor.entries.count())
    )
    editor.save_button.click()
    saved = compacts.get_compact(ctx.db, compact.id).draft
    assert len(saved.articles()) == 7


def test_adopted_compact_is_revised_not_edited_and_compared(ctx, compact, qtbot, monkeypatch):
    compacts.adopt(ctx.db, compact.id, 1, Adoption(None, date(2026, 11, 25), 30, 1, 0, 90))
    page = CompactsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    assert page.revise_action.isEnabled() and not page.adopt_action.isEnabled()
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )

    def edit(editor):
        editor.entries.setCurrentRow(1)
        editor.text.setPlainText(editor.text.toPlainText() + "夜间使用反光犬绳。")
        return editor.save() and 1

    monkeypatch.setattr(CompactEditor, "exec", edit)
    page.open_record(compact.id)
    assert asked and "修订" in asked[0]
    c = compacts.get_compact(ctx.db, compact.id)
    assert c.state is CompactState.REVISING
    assert c.current.articles()[1] != c.draft.articles()[1]
    html = comparison_html(c.current, c.draft)
    assert "修改" in html and html.count("修改") == 1
    dialog = CompareDialog(c.versions)
    qtbot.addWidget(dialog)
    assert "夜间使用反光犬绳" in dialog.view.toPlainText()


def test_print_a3_poster_through_the_preview(ctx, compact, qtbot, monkeypatch):
    from desktop.ui.print_preview import PrintPreview

    shown = []
    monkeypatch.setattr(PrintPreview, "exec", lambda p: shown.append(p) or 0)
    page = CompactsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    page.print_selected("A3")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    size = shown[0].document.pagePointSize(0)
    assert round(size.width()) == 842 and round(size.height()) == 1191  # A3 in points


def test_comparison_prints_through_the_preview(ctx, compact, qtbot, monkeypatch):
    from desktop.ui.print_preview import PrintPreview

    compacts.adopt(ctx.db, compact.id, 1, Adoption(None, date(2026, 11, 25)))
    c = compacts.start_revision(ctx.db, compact.id)
    draft = c.draft
    draft.chapters[0].articles.append("新增一条。")
    c = compacts.save_draft(ctx.db, compact.id, draft)
    shown = []
    monkeypatch.setattr(PrintPreview, "exec", lambda p: shown.append(p) or 0)
    dialog = CompareDialog(c.versions)
    qtbot.addWidget(dialog)
    dialog.print_comparison()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "修订对照表" in shown[0].windowTitle()
    assert shown[0].page_count() >= 1
