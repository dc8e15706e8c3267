"""Small widgets every list page shares: debounced search, count, empty state, field errors."""

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import translate

SEARCH_DELAY_MS = 200


def count_text(total: int) -> str:
    """“共 1,234 条” — the figure always visible above a list."""
    return translate("Widgets", "{count} in total").format(count=f"{total:,}")


class SearchBox(QLineEdit):
    """Emits ``search_changed`` once typing pauses, so each keystroke is not a query."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        self.setToolTip(translate("Widgets", "{hint} (Ctrl+F)").format(hint=placeholder))
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.text().strip()))
        self.textChanged.connect(lambda _text: self._timer.start())

    def sizeHint(self) -> QSize:
        """Wide enough for its hint (“搜索标题、提出人、电话或住址”) at the text size in force."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self.placeholderText()) + 3 * metrics.horizontalAdvance(
            "中"
        )
        return QSize(max(hint.width(), width), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(
            max(hint.width(), 10 * self.fontMetrics().horizontalAdvance("中")), hint.height()
        )


class EmptyState(QWidget):
    """Explains an empty list and offers the first action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch()
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.label.setObjectName("emptyLabel")
        self.button = QPushButton()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.button)
        row.addStretch()
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addStretch()

    def show_message(self, text: str, action: str | None) -> None:
        self.label.setText(text)
        self.button.setVisible(bool(action))
        if action:
            self.button.setText(action)


class FieldError(QLabel):
    """The reason under a form field, in red text (the words, not only the colour); a
    warning (``warning=True``) in brown, for what may be right after all.

    ``reserve``: the line keeps one line of room while empty, so the rows below do not move
    when a reason appears. A line that had to show a reason keeps its room from then on."""

    def __init__(self, parent: QWidget | None = None, *, reserve: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setProperty("warning", False)
        self.reserve = reserve
        self._fit_one_line()
        self.setVisible(reserve)

    def set_error(self, text: str | None, *, warning: bool = False) -> None:
        if bool(self.property("warning")) != (bool(text) and warning):
            self.setProperty("warning", bool(text) and warning)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setText(text or "")
        self.reserve = self.reserve or bool(text)
        self.setVisible(self.reserve)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            self._fit_one_line()
        super().changeEvent(event)

    def _fit_one_line(self) -> None:
        self.setMinimumHeight(self.fontMetrics().lineSpacing())


def focus_target(widget: QWidget) -> QWidget | None:
    """The control inside ``widget`` that takes the keyboard: itself, or its first child that
    does (an address row's building box, a date's check box)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and not child.isHidden():
            return child
    return None


def make_table_view(parent: QWidget | None = None) -> QTableView:
    """A list view: whole-row selection, sortable headers, fixed-width columns (no
    ResizeToContents: it reads every row and took 82 s at 100k)."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


def make_short_table(headers: list[str], *, stretch_last: bool = True) -> QTableWidget:
    """A short list read whole, one record a row: whole-row single selection, read-only, no
    row numbers; ``stretch_last``: the last column takes the room left."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.No,
) -> bool:
    """Ask before deleting or moving to the trash; No, the safe answer, is the default unless
    the caller says otherwise (NoButton: Qt chooses, as a plain question does)."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, default
    )
    return answer == QMessageBox.StandardButton.Yes
