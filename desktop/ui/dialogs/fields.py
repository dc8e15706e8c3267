"""Pieces the record dialogs build their rows from, so each dialog says only what is its own:
which signal tells that an input changed, the 楼栋 / 单元 / 房号 row, a list with its buttons,
an OK/Cancel button row."""

from collections.abc import Iterable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.inputs import OptionalDate


def change_signal(widget: QWidget) -> SignalInstance:
    """The signal an input sends when its value changes: its text for a line, a text box or a
    list one may type into, the choice for a fixed list, the date, the tick, the number, an
    edited cell."""
    if isinstance(widget, OptionalDate):
        return widget.changed
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged if widget.isEditable() else widget.currentIndexChanged
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    if isinstance(widget, QTableWidget | QListWidget):
        return widget.itemChanged
    raise TypeError(f"no change signal known for {type(widget).__name__}")


def address_row(building: QWidget, unit: QWidget, room: QWidget, room_stretch: int = 1) -> QWidget:
    """楼栋 / 单元 / 房号 side by side in one row, the building widest."""
    address = QWidget()
    row = QHBoxLayout(address)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(building, 2)
    row.addWidget(unit, 1)
    row.addWidget(room, room_stretch)
    return address


def list_with_buttons(
    view: QWidget,
    buttons: Iterable[QWidget],
    box: QWidget | None = None,
    *,
    view_stretch: int = 1,
    tight: bool = False,
) -> QWidget:
    """A list or table with its buttons in a row beneath it, pushed to the left; laid out in
    ``box`` (a new widget when none is given), without margins when ``tight``."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch()
    if box is None:
        box = QWidget()
    column = QVBoxLayout(box)
    if tight:
        column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(view, view_stretch)
    column.addLayout(row)
    return box


def ok_cancel(dialog: QDialog, ok_text: str, cancel_text: str) -> QDialogButtonBox:
    """OK and Cancel with the dialog's own words, accepting or rejecting it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
