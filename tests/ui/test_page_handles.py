"""The Python side of every page stays alive while the page does.

Walking Qt's focus chain from Python (``nextInFocusChain``) made each widget a Python child of
the one before; when the page stand-ins were freed, the list pages' search box and table header
handles went dead with them, and the next text-size change crashed the app (a segfault in the
filter row's layout)."""

from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import isValid

from desktop.ui.main_window import MainWindow
from desktop.ui.pages.list_page import ListPage


def dead_handles(window: MainWindow) -> list[str]:
    dead = []
    for page in window.findChildren(ListPage):
        name = type(page).__name__
        dead += [
            f"{name}: filter row item {i}"
            for i, item in enumerate(page.filters._items)
            if not isValid(item)
        ]
        for handle in ("search", "view", "details", "details_toggle"):
            if not isValid(getattr(page, handle)):
                dead.append(f"{name}: {handle}")
        if not isValid(page.columns.header):
            dead.append(f"{name}: table header")
    return dead


def test_every_page_visited_keeps_its_widgets_reachable(ctx, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the stand-ins go
    qtbot.wait(20)
    assert window.findChildren(ListPage), "no list page was built"
    assert dead_handles(window) == []
