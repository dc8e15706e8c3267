"""Pick records (needs, resources) to link, by searching their titles."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.access import name_unnamed
from desktop.ui.dialogs.fields import ok_cancel
from desktop.ui.i18n import translate
from desktop.ui.widgets import SearchBox

Search = Callable[[str], list[tuple[int, str]]]


class RecordPicker(QDialog):
    def __init__(self, title: str, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 440)
        self._search = search
        self.box = SearchBox(translate("RecordPicker", "Search by title"))
        self.box.search_changed.connect(self.refresh)
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = ok_cancel(
            self, translate("RecordPicker", "Link"), translate("RecordPicker", "Cancel")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        name_unnamed(self, self.windowTitle())
        self.refresh("")

    def refresh(self, text: str) -> None:
        self.results.clear()
        for record_id, label in self._search(text):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.results.addItem(item)

    def chosen(self) -> list[tuple[int, str]]:
        return [
            (item.data(Qt.ItemDataRole.UserRole), item.text())
            for item in self.results.selectedItems()
        ]
