"""A table model that reads its rows from SQL page by page (canFetchMore / fetchMore).

Filtering and sorting happen in SQL; the view never holds more rows than were scrolled to.
"""

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.listing import ListQuery
from desktop.store.database import Database
from desktop.ui.models.table import Column, Index, Row, RowTableModel

PAGE_SIZE = 200


class PagedTableModel(RowTableModel[Row]):
    """Subclasses declare their ``columns`` (table.py; a column's ``sort`` is the service's
    sort key) and say how rows are fetched and counted."""

    def __init__(
        self,
        columns: Mapping[int, Column[Row]],
        fetch: Callable[[Row | None, int], list[Row]],
        count: Callable[[], int],
        parent: Any = None,
        *,
        name: str = "",
    ) -> None:
        """``fetch(after, limit)``: up to ``limit`` rows following ``after``, the last row
        already loaded (None for the first page), in the list's order. Services page by keyset
        from it, so the 500th page costs what the first does. ``count()``: all matching rows."""
        super().__init__(columns, parent, name=name)
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
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        if key:
            self.set_sort(key, order == Qt.SortOrder.DescendingOrder)
            self.refresh()

    def set_sort(self, key: str, descending: bool) -> None:
        """Remember the order; the next refresh() asks SQL for it."""


class QueryTableModel(PagedTableModel[Row]):
    """A list whose filters and order live in ``query`` (the page sets its filters there);
    ``list_rows(db, query, after=, limit=)`` and ``count_rows(db, query)`` are its service's."""

    def __init__(
        self,
        columns: Mapping[int, Column[Row]],
        db: Database,
        query: ListQuery,
        list_rows: Callable[..., list[Row]],
        count_rows: Callable[[Database, Any], int],
        parent: Any = None,
        *,
        name: str = "",
    ) -> None:
        self.query: Any = query
        super().__init__(
            columns,
            fetch=lambda after, limit: list_rows(db, self.query, after=after, limit=limit),
            count=lambda: count_rows(db, self.query),
            parent=parent,
            name=name,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending
