"""Input widgets the record forms share: optional dates, yuan amounts, pickers by name."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from desktop.domain.money import format_yuan, parse_yuan
from desktop.ui.i18n import translate

DATE_FORMAT = "yyyy年M月d日"


def date_edit(value: date | None = None) -> QDateEdit:
    """A date with a calendar pop-up, shown as 2026年11月25日; today by default."""
    edit = QDateEdit(calendarPopup=True, displayFormat=DATE_FORMAT)
    edit.setDate(QDate(value) if value else QDate.currentDate())
    return edit


def line_edit(text: str, max_length: int) -> QLineEdit:
    """One line of at most ``max_length`` characters, the field's limit in the domain. The
    limit is set before the text: a QLineEdit cuts what is longer than its maxLength."""
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    edit.setText(text)
    return edit


class PhoneEdit(QLineEdit):
    """A phone number. The form warns under it when the number is neither a mobile nor a
    landline with its area code, and saves it all the same."""


def phone_edit(text: str, max_length: int) -> PhoneEdit:
    """A phone field of at most ``max_length`` characters (set before the text)."""
    edit = PhoneEdit()
    edit.setMaxLength(max_length)
    edit.setText(text)
    edit.setPlaceholderText(translate("Inputs", "e.g. 13812345678 or 0755-12345678"))
    return edit


def editable_combo(items: list[str], text: str, max_length: int) -> QComboBox:
    """A drop-down to choose from or type in, of at most ``max_length`` characters."""
    combo = QComboBox(editable=True)
    combo.lineEdit().setMaxLength(max_length)
    combo.addItems(items)
    combo.setEditText(text)
    return combo


def choice_combo(items: list[tuple[str, object]], current: object) -> QComboBox:
    """A drop-down of (label, value) pairs with ``current`` chosen (else the first)."""
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class OptionalDate(QWidget):
    """A date that may be left empty (no due date, no end date yet)."""

    changed = Signal()

    def __init__(self, value: date | None, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, checked=value is not None)
        self.edit = date_edit(value)
        self.edit.setEnabled(value is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value))


class YuanEdit(QLineEdit):
    """An amount in yuan, exact to the fen: “12,345.67”."""

    def __init__(self, value: Decimal, parent: QWidget | None = None) -> None:
        super().__init__(format_yuan(value), parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0.00")

    def value(self) -> Decimal | None:
        """None while the text is not an amount."""
        return parse_yuan(self.text()) if self.text().strip() else Decimal("0.00")


class NamePicker(QLineEdit):
    """Free text that suggests names from the roster after two characters are typed.

    ``suggest(text)`` returns ``(label, value)`` pairs; choosing one puts ``value`` in the
    field and calls ``on_pick(value)``. A name that matches nobody is kept as typed.
    ``max_length``: the field's limit in the domain (set before the text: a QLineEdit cuts
    what is longer than its maxLength).
    """

    def __init__(
        self,
        text: str,
        suggest: Callable[[str], list[tuple[str, str]]],
        on_pick: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
        *,
        max_length: int,
    ) -> None:
        super().__init__(parent)
        self.setMaxLength(max_length)
        self.setText(text)
        self._suggest = suggest
        self._on_pick = on_pick
        self._values: dict[str, str] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._refresh)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.setPlaceholderText(translate("NamePicker", "Type two characters of a name or room"))

    def _refresh(self) -> None:
        text = self.text().strip()
        pairs = self._suggest(text) if len(text) >= 2 else []
        self._values = dict(pairs)
        self._model.setStringList([label for label, _value in pairs])
        if pairs:
            self.completer().complete()

    def _picked(self, label: str) -> None:
        value = self._values.get(label, label)
        # The completer writes the label; put the plain name back.
        QTimer.singleShot(0, lambda: self.setText(value))
        if self._on_pick:
            self._on_pick(label)
