"""The shape of a page (or tab) that is not a list: built once, read, and read again when
records of the kinds it shows change."""

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.domain.kinds import RecordKind
from desktop.ui.context import AppContext
from desktop.ui.operations import change
from desktop.ui.widgets import confirm


class WatchingPage(QWidget):
    """A page or tab lays out its parts in ``build``, then reads its records in ``reload``, and
    reads them again when records of the kinds in ``reloads_on`` change (one that reads only
    part of them again overrides ``_data_changed``)."""

    reloads_on: ClassVar[tuple[RecordKind, ...]] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build()
        ctx.events.data_changed.connect(self._data_changed)
        self.reload()

    def build(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _data_changed(self, kind: str) -> None:
        if kind in {k.value for k in self.reloads_on}:
            self.reload()

    def side_by_side(self, left: QWidget, right: QWidget, widths: tuple[int, int]) -> None:
        """The two columns, the secretary able to move the line between them."""
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes(list(widths))
        QVBoxLayout(self).addWidget(splitter)

    def change_if_confirmed(self, title: str, question: str, work: Callable[[], Any]) -> None:
        """Ask first; on yes, make the change the one way the window changes data."""
        if confirm(self, title, question):
            change(self.ctx.events, self, work)
