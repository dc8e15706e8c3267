"""A figure card on the 统计 page: the big number, its Chinese title, a one-line definition,
and “口径说明” for the full written definition. Clicking the card (or Enter on it) asks for
the records behind the figure."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.indicators import Definition
from desktop.ui.i18n import translate

# The number is this many times the text size, so it scales with 标准 / 大 / 特大.
NUMBER_SCALE = 2.2


def definition_html(definition: Definition) -> str:
    """The full written definition: what is counted, from which records, which date decides."""
    rows = (
        (translate("FigureCard", "What is counted"), definition.counted),
        (translate("FigureCard", "From which records"), definition.records),
        (translate("FigureCard", "Which date decides the period"), definition.period_rule),
    )
    parts = "".join(f"<p><b>{escape(head)}</b><br>{escape(text)}</p>" for head, text in rows)
    return f"<h3>{escape(definition.title)}</h3>{parts}"


class DefinitionDialog(QDialog):
    def __init__(self, definition: Definition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("FigureCard", "How it is counted: {title}").format(title=definition.title)
        )
        self.text = QLabel(definition_html(definition))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class FigureCard(QFrame):
    """One figure. ``activated`` asks for the list of records behind it."""

    activated = Signal(str)

    def __init__(self, key: str, definition: Definition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.definition = definition
        self.setObjectName("figureCard")
        self.setAccessibleName(definition.title)
        self.setAccessibleDescription(definition.counted)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(translate("FigureCard", "Click to list the records behind this figure"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.title = QLabel(definition.title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("figureTitle")
        self.title.setWordWrap(True)
        self.number = QLabel("…")
        self.number.setObjectName("figureNumber")
        self.note = QLabel()  # e.g. the change against the baseline; hidden when empty
        self.note.setObjectName("figureNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.summary = QLabel(definition.counted)
        self.summary.setObjectName("figureSummary")
        self.summary.setWordWrap(True)
        self.explain = QPushButton(translate("FigureCard", "How it is counted"))
        self.explain.setObjectName("figureExplain")
        self.explain.setCursor(Qt.CursorShape.PointingHandCursor)
        self.explain.clicked.connect(self.show_definition)

        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.number)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addStretch()  # a taller neighbour in the row leaves room below, not between
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.explain)
        layout.addLayout(row)
        self._scale_number()
        self.definition_dialog: DefinitionDialog | None = None

    def set_value(self, value: int | None, note: str = "") -> None:
        self.number.setText("…" if value is None else f"{value:,}")
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def show_definition(self) -> None:
        self.definition_dialog = DefinitionDialog(self.definition, self)
        self.definition_dialog.open()

    def _scale_number(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        font.setBold(True)
        self.number.setFont(font)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.FontChange:
            self._scale_number()  # 设置 → 特大 changes the application font
        super().changeEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.key)
            return
        super().keyPressEvent(event)
