"""A page of the main window is one declaration (``PageSpec`` in ``PAGES``): the navigation, the
lazy building, the window's handle and where a record link goes all follow from it."""

import sys
import types
from importlib import import_module
from typing import ClassVar

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.domain.kinds import RecordKind
from desktop.paths import icons_dir
from desktop.ui.dialogs.indicator_records import openable
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import registry
from desktop.ui.pages.registry import PAGES, PageSpec


class TinyPage(QWidget):
    """A page as small as a page can be: built with the context (and, here, the scheduler)."""

    built: ClassVar[list["TinyPage"]] = []

    def __init__(self, ctx, scheduler) -> None:
        super().__init__()
        self.ctx, self.scheduler = ctx, scheduler
        self.opened: list[int] = []
        QVBoxLayout(self).addWidget(QLineEdit())
        TinyPage.built.append(self)

    def open_record(self, record_id: int) -> None:
        self.opened.append(record_id)


def test_a_new_page_is_one_declaration(ctx, qtbot, monkeypatch) -> None:
    module = types.ModuleType("desktop.ui.pages.tiny")
    module.TinyPage = TinyPage  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.ui.pages.tiny", module)
    monkeypatch.setattr(TinyPage, "built", [])
    assert not openable(RecordKind.TALENT)  # a kind no page opens yet
    tiny = PageSpec(
        "tiny",
        lambda: "Tiny",
        "app",
        "tiny:TinyPage",
        opens=(RecordKind.TALENT,),
        window_args=("sync_scheduler",),
        attribute="tiny_page",
    )
    monkeypatch.setattr(registry, "PAGES", (*PAGES, tiny))
    assert openable(RecordKind.TALENT)  # the 统计 page's lists of records link to it too

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    row = window.navigation.count() - 1
    assert window.navigation.count() == len(PAGES) + 1
    assert window.navigation.item(row).text() == "Tiny"
    assert TinyPage.built == []  # listed, not built: only the home page is at start

    window.navigation.setCurrentRow(row)
    assert len(TinyPage.built) == 1
    page = TinyPage.built[0]
    assert window.pages.currentWidget() is page
    assert window.pages.indexOf(page) == row  # in its stand-in's place
    assert page.ctx is ctx and page.scheduler is window.sync_scheduler
    assert window.tiny_page is page and window.page("tiny") is page

    window.navigation.setCurrentRow(0)
    ctx.events.record_requested.emit(RecordKind.TALENT.value, 7)
    assert window.pages.currentWidget() is page
    assert window.navigation.currentRow() == row
    assert page.opened == [7]
    assert len(TinyPage.built) == 1  # built once


def test_each_page_is_declared_once_and_can_be_built(ctx, qtbot) -> None:
    names = [spec.name for spec in PAGES]
    handles = [spec.handle for spec in PAGES]
    kinds = [kind for spec in PAGES for kind in spec.opens]
    assert len(set(names)) == len(names)
    assert len(set(handles)) == len(handles)
    assert len(set(kinds)) == len(kinds)  # a link opens on one page
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for spec in PAGES:
        # A handle the window already has would hide the page (``window.pages`` is the stack).
        assert not hasattr(QWidget, spec.handle) and spec.handle not in vars(window), spec
        assert not hasattr(MainWindow, spec.handle), spec
        assert (icons_dir() / f"{spec.icon}.svg").is_file(), spec
        assert spec.label(), spec
        module, cls = spec.build.split(":")
        assert isinstance(getattr(import_module(f"desktop.ui.pages.{module}"), cls), type), spec
        assert all(hasattr(window, attribute) for attribute in spec.window_args), spec
