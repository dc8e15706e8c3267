"""Pieces the record dialogs build their rows from, so each dialog says only what is its own:
a text box, names suggested from the roster, which signal tells that an input changed, the
楼栋 / 单元 / 房号 inputs and row, a list with its buttons, an OK/Cancel button row, a name asked
for in a small box and its refusal shown."""

from collections.abc import Callable, Iterable, Mapping

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
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.domain.roster import PeopleQuery, PersonRow
from desktop.services import neighborhood, people
from desktop.store.database import Database
from desktop.ui.context import AppContext
from desktop.ui.inputs import OptionalDate, YuanEdit, editable_combo, line_edit
from desktop.ui.messages import problem_text


def text_box(value: str, height: int = 64) -> QPlainTextEdit:
    """A few lines of text; Tab moves on to the next field instead of typing a tab."""
    box = QPlainTextEdit(value)
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


def name_and_rooms(row: PersonRow) -> str:
    """“张伟（3栋 2单元 1203）”; a part not known leaves its space (“张伟（ 2单元 1203）”)."""
    return f"{row.name}（{row.building} {row.unit} {row.room}）".replace("（  ）", "")


def person_label(row: PersonRow) -> str:
    """“张伟（3栋 2单元 1203）”, the address trimmed; the name alone when there is none."""
    address = f"{row.building} {row.unit} {row.room}".strip()
    return f"{row.name}（{address}）" if address else row.name


class RosterNames:
    """What a name picker suggests from the roster, e.g. “张伟（3栋 2单元 1203）” → 张伟 (or the
    label itself with ``keep_label``); ``shown`` tells which person each label offered last
    stands for. Holds the database, never the form (see LinkList on reference cycles)."""

    def __init__(
        self,
        db: Database,
        label: Callable[[PersonRow], str] = name_and_rooms,
        keep_label: bool = False,
    ) -> None:
        self._db = db
        self._label = label
        self._keep_label = keep_label
        self.shown: dict[str, PersonRow] = {}

    def __call__(self, text: str) -> list[tuple[str, str]]:
        rows = people.list_people(self._db, PeopleQuery(text=text), 0, 15)
        self.shown = {self._label(r): r for r in rows}
        return [(label, label if self._keep_label else r.name) for label, r in self.shown.items()]


def person_suggestions(ctx: AppContext, text: str) -> list[tuple[str, str]]:
    """“张伟（3栋 2单元 1203）” → 张伟, for the name pickers."""
    return RosterNames(ctx.db)(text)


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


def input_value(widget: QWidget) -> object:
    """What an input holds, read by its kind: the date (or None) of an optional date, the
    amount of a money field, a date, the text one may type into a combo or the choice of a
    fixed one, the text of a line or a text box, the tick, the number."""
    if isinstance(widget, OptionalDate | YuanEdit):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    raise TypeError(f"no value known for {type(widget).__name__}")


def knows(read: Callable[[QWidget], object], widget: QWidget) -> bool:
    """Whether ``read`` (``change_signal``, ``input_value``) knows the input's kind."""
    try:
        read(widget)
    except TypeError:
        return False
    return True


def typed_address(
    db: Database,
    text: tuple[str, str, str],
    max_length: Mapping[str, int],
    hints: tuple[str, str],
) -> tuple[QComboBox, QLineEdit, QLineEdit]:
    """楼栋 picked from the neighborhood's buildings or typed, 单元 and 房号 typed, for records that
    keep an address as text (needs, visits); ``hints`` are the unit's and room's placeholders."""
    building_text, unit_text, room_text = text
    buildings = [""] + [b.name for b in neighborhood.list_buildings(db)]
    building = editable_combo(buildings, building_text, max_length["building"])
    unit = line_edit(unit_text, max_length["unit"])
    unit.setPlaceholderText(hints[0])
    room = line_edit(room_text, max_length["room"])
    room.setPlaceholderText(hints[1])
    return building, unit, room


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


def ask_name(parent: QWidget, title: str, prompt: str, name: str = "") -> str | None:
    """A name typed in a small box (a category's, a grid's), ``None`` when cancelled."""
    typed, ok = QInputDialog.getText(parent, title, prompt, text=name)
    return typed if ok else None


def warn_invalid(parent: QWidget, title: str) -> Callable[[Exception], bool]:
    """A ``change(on_failure=...)`` for a name the domain refuses: its first problem is shown
    as a warning; any other error is left to ``change``."""

    def refused(error: Exception) -> bool:
        if not isinstance(error, ValidationError):
            return False
        QMessageBox.warning(parent, title, problem_text(next(iter(error.problems.values()))))
        return True

    return refused
