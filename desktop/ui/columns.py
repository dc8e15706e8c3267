"""Column widths from font metrics and a sample of values, and the columns a person chose.

A column is as wide as its heading and the widest of a sample (the rows loaded first, plus the
widest values it can hold, such as every status word): never ResizeToContents, which reads
every row (82 s at 100k). Free text such as a title may be cut with … (the tooltip has it all);
the title column takes the room left. Widths follow the text size at once. Which columns are
shown, and in what order, is kept in the data folder's settings.ini.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QStyle, QTableView, QTreeView

from desktop.domain.dates import format_date
from desktop.ui.i18n import translate

SAMPLE_ROWS = 200  # the first page: what a person sees first, and cheap to measure
ELIDE_CAP_EM = 14  # free text wider than this is cut, with the whole text in the tooltip
KEY_CAP_EM = 24  # a guard against a pathological value in a column never meant to be cut
STRETCH_FLOOR_EM = 10  # the title column never gets narrower than this to make room


def widest_date() -> str:
    """A date as wide as any: two-digit month and day."""
    return format_date(date(2026, 12, 28))


@dataclass(frozen=True)
class ColumnPlan:
    """How a list lays out its columns (logical column numbers, as in the model).

    ``order``: the columns shown first, most important first; the rest follow in model order.
    ``stretch``: the column that takes the room left (a title). ``elide``: free text that may
    be cut with …. ``samples``: values a column can hold that the first rows may not show.
    ``name``: where the secretary's choice is kept in settings.ini (empty: not kept).
    """

    name: str = ""
    order: tuple[int, ...] = ()
    stretch: int | None = None
    elide: frozenset[int] = frozenset()
    samples: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    hidden: frozenset[int] = frozenset()  # hidden unless the secretary shows them


def em(font: QFont) -> int:
    """The width of one Chinese character: the unit widths are counted in."""
    return max(1, QFontMetrics(font).horizontalAdvance("中"))


def cell_margin(view: QAbstractItemView) -> int:
    """What an item view puts around a cell's text (the style's focus margin on each side),
    plus the grid line."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return 2 * margin + 1


def row_height(font: QFont) -> int:
    return round(QFontMetrics(font).height() * 1.4) + 2


def _parse(text: object, count: int) -> list[int] | None:
    """A list of column numbers saved as "3,1,0"; None when absent or not for this list."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        numbers = [int(part) for part in text.split(",")]
    except ValueError:
        return None
    if any(not 0 <= n < count for n in numbers) or len(set(numbers)) != len(numbers):
        return None
    return numbers


class ColumnFitter(QObject):
    """Keeps ``view``'s columns fitted to its text; attach once the model is set.

    Columns a view stretches itself (QHeaderView.Stretch: equal quarters of a year) are
    given a minimum instead, so the view asks for the room rather than cutting the text.
    """

    fitted = Signal()  # after each fit: e.g. a view of fixed height sets it again

    def __init__(
        self,
        view: QTableView | QTreeView,
        plan: ColumnPlan | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.plan = plan or ColumnPlan()
        self.settings = settings if self.plan.name else None
        self.header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        self._busy = False  # set while the fitter itself resizes sections
        self._manual: set[int] = set()  # columns the secretary resized by hand
        self._floor: tuple[int, int] | None = None  # (column, width) the stretch keeps at least
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(lambda: self.fit(grow_only=True))
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.dataChanged,
            model.layoutChanged,
            model.headerDataChanged,
        ):
            signal.connect(self._fit_soon)
        # The stretch is done here: Qt's stretched last section may end narrower than its text.
        self.header.setStretchLastSection(False)
        self.header.sectionResized.connect(self._section_resized)
        self._viewport = view.viewport()
        view.installEventFilter(self)
        self._viewport.installEventFilter(self)
        if self.plan.name:
            self.header.setSectionsMovable(True)
            self.header.setFirstSectionMovable(True)
            self.header.sectionMoved.connect(self._moved)
            self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.header.customContextMenuRequested.connect(self._menu)
            self.header.setToolTip(
                translate(
                    "Columns",
                    "Right-click a heading to choose the columns shown; drag a heading to move "
                    "its column.",
                )
            )
        self._arrange(self._saved("columns"), self._saved("hidden"))
        self.fit()

    def _fit_soon(self, *_args: object) -> None:
        """Rows came or went: one grow-only fit once the model is done (not one per cell)."""
        self._timer.start()

    # -- widths ---------------------------------------------------------------------------
    def fit(self, grow_only: bool = False) -> None:
        """Set every shown column's width from the font and the sample; ``grow_only`` keeps
        columns that are already wide enough (and those resized by hand) as they are."""
        view, header = self.view, self.header
        font = view.font()
        unit = em(font)
        self._busy = True
        try:
            if isinstance(view, QTableView):
                rows = view.verticalHeader()
                rows.setMinimumSectionSize(QFontMetrics(font).height() + 4)
                rows.setDefaultSectionSize(row_height(font))
            if self._equal_columns():
                self._fit_equal_columns(unit)
                return
            stretch = self.stretch_column()
            for column in range(header.count()):
                if header.isSectionHidden(column) or column == stretch:
                    continue
                if grow_only and column in self._manual:
                    continue
                width = self.wanted_width(column, unit)
                if not grow_only or width > header.sectionSize(column):
                    header.resizeSection(column, width)
            self._floor = None if stretch is None else (stretch, self.wanted_width(stretch, unit))
        finally:
            self._busy = False
        self.stretch()
        self.fitted.emit()

    def _equal_columns(self) -> bool:
        header = self.header
        return header.count() > 0 and all(
            header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
            for c in range(header.count())
        )

    def _fit_equal_columns(self, unit: int) -> None:
        view, header = self.view, self.header
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        widest = max((self.wanted_width(c, unit) for c in shown), default=0)
        header.setMinimumSectionSize(widest)
        rows = view.verticalHeader() if isinstance(view, QTableView) else None
        side = rows.sizeHint().width() if rows is not None and not rows.isHidden() else 0
        view.setMinimumWidth(side + len(shown) * widest + 2 * view.frameWidth())
        self.fitted.emit()

    def wanted_width(self, column: int, unit: int | None = None) -> int:
        unit = unit or em(self.view.font())
        heading = max(self.header.sectionSizeHint(column), 0)
        cells = self.cells_width(column)
        if column == self.plan.stretch:
            cells = min(cells, STRETCH_FLOOR_EM * unit)
        elif column in self.plan.elide:
            cells = min(cells, ELIDE_CAP_EM * unit)
        else:
            cells = min(cells, KEY_CAP_EM * unit)
        return max(heading, cells)

    def cells_width(self, column: int) -> int:
        view = self.view
        base = view.font()
        metrics: dict[str, QFontMetrics] = {}
        margin = cell_margin(view)
        widest = 0
        for text, font, indent in self._sample(column):
            if not text:
                continue
            key = font.key() if font is not None else ""
            if key not in metrics:
                metrics[key] = QFontMetrics(font if font is not None else base)
            widest = max(widest, metrics[key].horizontalAdvance(text) + indent)
        return widest + margin + 2 if widest else 0

    def _sample(self, column: int) -> Iterable[tuple[str, QFont | None, int]]:
        for text in self.plan.samples.get(column, ()):
            yield text, None, 0
        model = self.view.model()
        tree = isinstance(self.view, QTreeView)
        indent = self.view.indentation() if tree else 0
        decorated = 1 if tree and self.view.rootIsDecorated() else 0
        seen = 0
        pending: list[tuple[QModelIndex, int]] = [(QModelIndex(), 0)]
        while pending and seen < SAMPLE_ROWS:
            parent, depth = pending.pop(0)
            for row in range(model.rowCount(parent)):
                if seen >= SAMPLE_ROWS:
                    break
                seen += 1
                index = model.index(row, column, parent)
                if not tree and self.view.columnSpan(row, column) > 1:
                    continue  # a cell across several columns: not this column's width
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                font = model.data(index, Qt.ItemDataRole.FontRole)
                shift = indent * (depth + decorated) if column == 0 else 0
                yield (
                    "" if text is None else str(text),
                    font if isinstance(font, QFont) else None,
                    shift,
                )
                if tree:
                    first = model.index(row, 0, parent)
                    if model.hasChildren(first):
                        pending.append((first, depth + 1))

    def stretch_column(self) -> int | None:
        """The plan's (a title), or else the last column shown."""
        header = self.header
        if self.plan.stretch is not None:
            return None if header.isSectionHidden(self.plan.stretch) else self.plan.stretch
        for visual in reversed(range(header.count())):
            column = header.logicalIndex(visual)
            if not header.isSectionHidden(column):
                return column
        return None

    def stretch(self) -> None:
        """The title column takes the room the others leave, never less than its floor."""
        column = self.stretch_column()
        header = self.header
        if column is None:
            return
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != column and not header.isSectionHidden(c)
        )
        if self._floor is None or self._floor[0] != column:  # another column is last now
            self._floor = (column, self.wanted_width(column))
        width = max(self._floor[1], self.view.viewport().width() - others)
        if header.sectionSize(column) != width:
            self._busy = True
            try:
                header.resizeSection(column, width)
            finally:
                self._busy = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if self._busy:
            return
        if column != self.stretch_column():
            self._manual.add(column)
            self.stretch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange and watched is self.view:
            self._manual.clear()
            # The header learns of the new font in its own event: measure after it has.
            QTimer.singleShot(0, self, self.fit)
        elif kind == QEvent.Type.Resize and watched is self._viewport:
            self.stretch()
        return False

    # -- the columns shown and their order ------------------------------------------------
    def _saved(self, key: str) -> list[int] | None:
        if self.settings is None:
            return None
        return _parse(self.settings.value(f"{self.plan.name}/{key}"), self.header.count())

    def _arrange(self, order: list[int] | None, hidden: list[int] | None) -> None:
        header = self.header
        count = header.count()
        if order is None or len(order) != count:
            first = [c for c in self.plan.order if 0 <= c < count]
            order = first + [c for c in range(count) if c not in first]
        hidden_set = set(self.plan.hidden if hidden is None else hidden)
        header.blockSignals(True)
        try:
            for position, column in enumerate(order):
                header.moveSection(header.visualIndex(column), position)
            for column in range(count):
                header.setSectionHidden(column, column in hidden_set)
        finally:
            header.blockSignals(False)
        header.viewport().update()

    def shown_order(self) -> list[int]:
        """The columns as they stand, left to right (hidden ones included)."""
        return [self.header.logicalIndex(v) for v in range(self.header.count())]

    def set_hidden(self, column: int, hidden: bool) -> None:
        self.header.setSectionHidden(column, hidden)
        if not hidden:
            self._busy = True
            try:
                self.header.resizeSection(column, self.wanted_width(column))
            finally:
                self._busy = False
        self._save()
        self.stretch()

    def restore_defaults(self) -> None:
        self._arrange(None, None)
        self._manual.clear()
        if self.settings is not None:
            self.settings.remove(f"{self.plan.name}/columns")
            self.settings.remove(f"{self.plan.name}/hidden")
        self.fit()

    def _moved(self, *_args: object) -> None:
        self._save()

    def _save(self) -> None:
        if self.settings is None:
            return
        header = self.header
        hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
        self.settings.setValue(f"{self.plan.name}/columns", ",".join(map(str, self.shown_order())))
        self.settings.setValue(f"{self.plan.name}/hidden", ",".join(map(str, hidden)))
        self.stretch()

    def menu(self) -> QMenu:
        """One checkable entry per column (the last one shown cannot be hidden), then 恢复默认."""
        menu = QMenu(self.view)
        model = self.view.model()
        header = self.header
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for column in self.shown_order():
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(title), menu, checkable=True)
            action.setChecked(column in shown)
            action.setEnabled(not (column in shown and len(shown) == 1))
            action.toggled.connect(lambda on, c=column: self.set_hidden(c, not on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(translate("Columns", "Restore the default columns"))
        reset.triggered.connect(self.restore_defaults)
        return menu

    def _menu(self, position: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.header.mapToGlobal(position))
