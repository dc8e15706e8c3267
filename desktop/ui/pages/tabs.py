"""A page made of tabs, declared: each tab's attribute, its widget class and its title."""

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.context import AppContext
from desktop.ui.i18n import translate


class TabsPage(QTabWidget):
    """Builds its tabs in order, each as tab_class(ctx) kept as the named attribute."""

    context: ClassVar[str]  # the titles are QT_TRANSLATE_NOOP(context, ...)
    tabs: ClassVar[tuple[tuple[str, Callable[[AppContext], QWidget], str], ...]]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for name, tab_class, title in self.tabs:
            tab = tab_class(ctx)
            setattr(self, name, tab)
            self.addTab(tab, translate(self.context, title))
