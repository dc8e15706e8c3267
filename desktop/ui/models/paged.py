"""A table model that reads its rows from SQL page by page (canFetchMore / fetchMore).

Filtering and sorting happen in SQL; the view never holds more rows than were scrolled to.
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.columns import ColumnPlan

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows of plain data with column headers; ``display`` words each cell."""

    headers: Sequence[str] = ()
    plan: ColumnPlan = ColumnPlan()  # which columns come first, which stretches (columns.py)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, index.column()) or None
        return self.extra_data(row, index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        return None


class PagedTableModel(RowTableModel[Row]):
    """Subclasses set ``headers`` / ``sort_keys`` and implement ``display`` (and maybe more)."""

    sort_keys: Sequence[str | None] = ()  # per column: the service's sort key, None = not sortable

    def __init__(
        self,
        fetch: Callable[[Row | None, int], list[Row]],
        count: Callable[[], int],
        parent: Any = None,
    ) -> None:
        """``fetch(after, limit)``: up to ``limit`` rows following ``after``, the last row
        already loaded (None for the first page), in the list's order. Services page by keyset
        from it, so the 500th page costs what the first does. ``count()``: all matching rows."""
        super().__init__(parent)
        self._fetch = fetch
        self._count = count
        self._total = 0

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self.beginResetModel()
        self._total = self._count()
        self._rows = self._fetch(None, PAGE_SIZE) if self._total else []
        self.endResetModel()

    def total(self) -> int:
        """Rows matching the filters, loaded or not (the “共 N 条” figure)."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._fetch(self._rows[-1] if self._rows else None, PAGE_SIZE)
        if not more:
            self._total = len(self._rows)  # the table shrank under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.sort_keys) and self.sort_keys[column]:
            self.set_sort(str(self.sort_keys[column]), order == Qt.SortOrder.DescendingOrder)
            self.refresh()

    def set_sort(self, key: str, descending: bool) -> None:
        """Remember the order; the next refresh() asks SQL for it."""
