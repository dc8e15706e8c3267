"""Pieces the tabs of the 楼栋与自组织 page share: a titled table with its buttons."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.columns import ColumnFitter
from desktop.ui.models.federation import ListModel
from desktop.ui.widgets import make_table_view


class Section(QWidget):
    """A heading, buttons beside it, a one-row-at-a-time table and a line for an empty list."""

    def __init__(self, title: str, model: ListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = QLabel(f"<b>{title}</b>")
        self.buttons = QHBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch()
        head.addLayout(self.buttons)
        self.view: QTableView = make_table_view()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setModel(model)
        self.columns = ColumnFitter(self.view, model.plan)  # widths from the font and the rows
        self.empty = QLabel(wordWrap=True)
        self.empty.setObjectName("emptyLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def button(self, text: str, slot: Callable[[], None], needs_row: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        button.setProperty("needs_row", needs_row)
        self.buttons.addWidget(button)
        return button

    def set_rows(self, rows: list, empty_text: str = "") -> None:
        """Fill the table, keeping the selected row (by position) when it is still there."""
        keep = self.current_index()
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(min(max(keep, 0), len(rows) - 1))
        self.empty.setText(empty_text if not rows else "")
        self.empty.setVisible(not rows and bool(empty_text))
        self.update_buttons()

    def current_index(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def current(self):
        index = self.current_index()
        return self.model.row_at(index) if 0 <= index < self.model.rowCount() else None

    def update_buttons(self) -> None:
        selected = self.current() is not None
        for i in range(self.buttons.count()):
            widget = self.buttons.itemAt(i).widget()
            if isinstance(widget, QPushButton) and widget.property("needs_row"):
                widget.setEnabled(selected)
