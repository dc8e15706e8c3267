"""关于熟人小区: the version, the build date (or that this is a development copy), the data
file's revision, and every bundled font and library with its version and licence, whose full
texts 查看许可证全文 shows."""

from datetime import UTC, datetime
from importlib import metadata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableWidget

from desktop import __version__, build_info
from desktop.build_info import write_build_info
from desktop.licences import FONTS, LIBRARIES
from desktop.services.demo import make_demo
from desktop.store.schema import HEAD, read_revision
from desktop.ui.dialogs.about import AboutDialog
from desktop.ui.fonts import app_font
from desktop.ui.pages.settings import SettingsPage


def shown_texts(dialog: AboutDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def about(ctx, qtbot) -> AboutDialog:
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_the_version_and_says_a_checkout_is_a_development_copy(about):
    texts = shown_texts(about)
    assert __version__ in texts
    assert "开发版本（未打包）" in texts


def test_shows_the_build_date_in_beijing_time_from_the_bundle_file(
    ctx, qtbot, tmp_path, monkeypatch
):
    info = tmp_path / "build_info.json"
    write_build_info(info, built_at=datetime(2026, 3, 1, 17, 30, tzinfo=UTC), commit="0123abc")
    monkeypatch.setattr(build_info, "build_info_file", lambda: info)
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    texts = shown_texts(dialog)
    assert "2026-03-02 01:30（北京时间） · 源码 0123abc" in texts  # UTC+8: the next day
    assert not any("开发版本" in text for text in texts)


def test_shows_the_revision_of_a_demo_data_file(ctx, qtbot):
    make_demo(ctx.db, scale=5, seed=1)
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    revision = read_revision(ctx.db.path)
    assert revision == HEAD
    assert revision in shown_texts(dialog)


def test_every_bundled_library_is_listed_with_its_version_and_licence(about):
    listed = {row[0]: row for row in rows(about.libraries_table)}
    for name in LIBRARIES:
        dist = metadata.distribution(name)  # PackageNotFoundError: a listed library is missing
        row = listed[dist.metadata["Name"]]
        assert row[1] == dist.version
        assert row[2], f"{name}: no licence read from its metadata"
    assert [row[0] for row in rows(about.libraries_table)][:3] == ["Python", "Qt", "SQLite"]


def test_the_fonts_licences_are_listed_and_their_texts_shown(about):
    assert [row[1] for row in rows(about.fonts_table)] == [font.licence for font in FONTS]
    texts = about.show_texts(about.fonts_table, 1)
    assert texts.names.currentItem().text() == FONTS[1].family
    assert "SIL OPEN FONT LICENSE" in texts.text.toPlainText()
    texts.names.setCurrentRow(0)
    assert "Apache License" in texts.text.toPlainText()
    texts.close()


def test_every_library_has_its_licence_text(about):
    """The text from its dist-info (what the bundle copies); Qt's: the GNU texts we ship."""
    texts = about.show_texts()
    for row, component in enumerate(about.components()):
        texts.names.setCurrentRow(row)
        shown = texts.text.toPlainText()
        assert shown.startswith(component.name)
        assert f"许可证：{component.licence}" in shown
        if component.name in LIBRARIES or component.name == "Qt":
            assert "━━━━" in shown, f"{component.name}: no licence text shipped"
    qt = about.components().index(next(c for c in about.components() if c.name == "Qt"))
    texts.names.setCurrentRow(qt)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts.text.toPlainText()
    texts.close()


def test_a_component_without_a_shipped_text_names_its_licence_and_homepage(about, monkeypatch):
    sqlite = next(c for c in about.components() if c.name == "SQLite")
    texts = about.show_texts()
    texts.names.setCurrentRow(about.components().index(sqlite))
    shown = texts.text.toPlainText()
    assert "许可证：blessing" in shown and "主页：https://sqlite.org" in shown
    assert "本副本未附带此许可证的全文" in shown
    texts.close()


def test_fits_a_1024x768_screen_at_the_largest_text(ctx, qtbot):
    QApplication.setFont(app_font(ctx.font_families, "extra_large"))
    try:
        dialog = AboutDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        area = dialog.screen().availableGeometry()
        assert dialog.width() <= min(area.width(), 1024) and dialog.height() <= area.height()
        scroll_width = dialog.body.parentWidget().width()  # the scroll area's viewport
        assert dialog.body.minimumSizeHint().width() <= scroll_width  # nothing cut sideways
        for table in (dialog.fonts_table, dialog.libraries_table):
            assert table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            last = table.rowCount() - 1  # every row in sight: the dialog scrolls, not the table
            bottom = table.rowViewportPosition(last) + table.rowHeight(last)
            assert bottom <= table.viewport().height()
    finally:
        QApplication.setFont(app_font(ctx.font_families))


@pytest.mark.parametrize("where", ["settings", "help menu"])
def test_opened_from_settings_and_the_help_menu(ctx, qtbot, monkeypatch, where):
    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    if where == "settings":
        page = SettingsPage(ctx)
        qtbot.addWidget(page)
        button = next(b for b in page.findChildren(QPushButton) if b.text() == "关于熟人小区")
        button.click()
    else:
        from desktop.ui.main_window import MainWindow

        window = MainWindow(ctx)
        qtbot.addWidget(window)
        help_menu = next(a.menu() for a in window.menuBar().actions() if "帮助" in a.text())
        next(a for a in help_menu.actions() if a.text() == "关于熟人小区").trigger()
    assert len(opened) == 1
    assert opened[0].windowTitle() == "关于熟人小区"
