"""Read-only tables whose columns are declared once each: a ``Column`` says its heading, how
a row's cell reads, how it looks (a status label's colours, bold, numbers to the right),
whether a header click sorts it, and how the view lays it out. ``RowTableModel`` serves
``data()`` and ``headerData()`` for every list from those declarations.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.domain.dates import format_date
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.phones import masked_phone
from desktop.ui.status import Tone

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def one_line(text: str) -> str:
    """Free text in a cell: its line breaks become spaces."""
    return text.replace("\n", " ")


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column of a list. ``header`` is already translated; ``text`` words a row's cell
    (its tooltip too, so a cut title can still be read whole)."""

    header: str
    text: Callable[[Row], str]
    sort: str | None = None  # the service's sort key; None: a header click does not sort
    tone: Callable[[Row], Tone | None] | None = None  # a status label: background and text
    ink: Callable[[Row], Tone | None] | None = None  # the text's colour only
    bold: Callable[[Row], bool] | None = None
    right: bool = False  # amounts line up on the right
    stretch: bool = False  # takes the room left (a title)
    elide: bool = False  # free text that may be cut with …
    samples: tuple[str, ...] = ()  # values it can hold that the first rows may not show

    def look(self, row: Row, role: int) -> Any:
        """What the cell shows for a role other than its text."""
        tone = self.tone(row) if self.tone else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return tone.background if tone else None
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = tone or (self.ink(row) if self.ink else None)
            return tone.foreground if tone else None
        if role == Qt.ItemDataRole.FontRole and self.bold and self.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and self.right:
            return RIGHT
        return None


# The kinds of column the lists share, each declared once.


def field_column(header: str, field: str, *, elide: bool = False) -> Column[Any]:
    """A row's own text, sorted by the service's key of the same name as the row's field."""
    return Column(header, attrgetter(field), sort=field, elide=elide)


def phone_column(header: str, field: str, *, sorts: bool = True) -> Column[Any]:
    """A row's phone, masked as every list shows phones (138****5678, 0755-********); the
    search still finds it by the whole number or any part of it. ``sorts``: by the service's
    key of the field's name."""
    read = attrgetter(field)
    return Column(header, lambda row: masked_phone(read(row)), sort=field if sorts else None)


def wide_column(header: str, text: Callable[[Row], str], *, sort: str | None = None) -> Column[Row]:
    """The column that takes the room left: a title or free text, cut with … when too long."""
    return Column(header, text, sort=sort, stretch=True, elide=True)


def title_column(header: str) -> Column[Any]:
    """A record's title: the wide column, sorted by title."""
    return wide_column(header, attrgetter("title"), sort="title")


def note_column(header: str, note: Callable[[Row], str]) -> Column[Row]:
    """Free text that may run over several lines, shown on one in the wide column."""
    return wide_column(header, lambda row: one_line(note(row)))


def date_column(
    header: str,
    day: Callable[[Row], date | None],
    *,
    sort: str | None = None,
    widest: bool = True,
) -> Column[Row]:
    """A day as 2026年9月3日. ``widest``: measured by the widest date too, for a list whose
    first rows are all the view reads (a short list read whole is measured by its rows)."""
    return Column(
        header,
        lambda row: format_date(day(row)),
        sort=sort,
        samples=(widest_date(),) if widest else (),
    )


def registered_column(header: str) -> Column[Any]:
    """The day a record was registered, sorted by it."""
    return date_column(header, attrgetter("registered_on"), sort="registered")


def label_column(
    header: str,
    label: Callable[[Any], str],
    value: Callable[[Row], Any],
    values: Iterable[Any],
    *,
    sort: str | None = None,
    tone: Callable[[Row], Tone | None] | None = None,
) -> Column[Row]:
    """A kind or state in words; every word it can take is measured."""
    return Column(
        header,
        lambda row: label(value(row)),
        sort=sort,
        tone=tone,
        samples=tuple(label(v) for v in values),
    )


def count_column(header: str, count: Callable[[Row], int]) -> Column[Row]:
    """How many of something a row links to; empty for none, so the figures stand out."""
    return Column(header, lambda row: str(count(row)) if count(row) else "")


def plan_of(columns: tuple[Column[Any], ...], name: str, order: tuple[int, ...]) -> ColumnPlan:
    """The view's layout (columns.py) from the columns' own ``stretch``/``elide``/``samples``;
    ``name`` keeps the secretary's choice of columns, ``order`` puts the important first."""
    stretch = [i for i, column in enumerate(columns) if column.stretch]
    return ColumnPlan(
        name=name,
        order=order,
        stretch=stretch[0] if stretch else None,
        elide=frozenset(i for i, column in enumerate(columns) if column.elide),
        samples={i: column.samples for i, column in enumerate(columns) if column.samples},
    )


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows of plain data, laid out by ``columns``: a mapping from each column's
    number (the model's constants, 0, 1, 2 …) to its ``Column``. ``ORDER``: the columns a
    view shows first, the important first (the rest follow in number order)."""

    ORDER: tuple[int, ...] = ()

    def __init__(
        self,
        columns: Mapping[int, Column[Row]],
        parent: Any = None,
        *,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        # Every number from 0 on, none missing: a KeyError here is a gap in the declaration.
        self.columns = tuple(columns[i] for i in range(len(columns)))
        self.plan = plan_of(self.columns, name, self.ORDER)
        self._rows: list[Row] = []

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, index.column()) or None
        return self.columns[index.column()].look(row, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def display(self, row: Row, column: int) -> str:
        """The cell's words ("" outside the columns)."""
        return self.columns[column].text(row) if 0 <= column < len(self.columns) else ""


class ListModel(RowTableModel[Row]):
    """A short list read whole and set at once."""

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Row]:
        return self._rows
