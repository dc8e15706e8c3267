"""A record form hears every kind of input it watches: typing, choosing, ticking, a date, a
number, an edited cell each mark the form changed (so closing it asks first)."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.errors import Problem
from desktop.ui.dialogs.fields import change_signal, text_box
from desktop.ui.dialogs.form import RecordForm
from desktop.ui.inputs import OptionalDate, choice_combo, date_edit, editable_combo


class _Form(RecordForm):
    def problems(self) -> dict[str, Problem]:
        return {}


def _typed_line(w: QLineEdit) -> None:
    w.setText("张伟")


def _typed_text(w) -> None:
    w.setPlainText("楼道灯坏了")


def _chosen(w: QComboBox) -> None:
    w.setCurrentIndex(1)


def _typed_into_combo(w: QComboBox) -> None:
    w.setEditText("5栋")


def _ticked(w: QCheckBox) -> None:
    w.setChecked(True)


def _dated(w) -> None:
    w.setDate(QDate(2026, 1, 2))


def _timed(w: QDateTimeEdit) -> None:
    w.setDateTime(QDateTime(2026, 1, 2, 9, 0, 0))


def _optional_dated(w: OptionalDate) -> None:
    w.set_value(date(2026, 1, 2))


def _counted(w) -> None:
    w.setValue(3)


def _cell_edited(w: QTableWidget) -> None:
    w.item(0, 0).setText("漏水")


def _table() -> QTableWidget:
    table = QTableWidget(1, 1)
    table.setItem(0, 0, QTableWidgetItem(""))
    return table


INPUTS = {
    "line": (lambda: QLineEdit(), _typed_line),
    "text box": (lambda: text_box(""), _typed_text),
    "fixed list": (lambda: choice_combo([("一", 1), ("二", 2)], 1), _chosen),
    "list to type into": (lambda: editable_combo(["1栋"], "", 10), _typed_into_combo),
    "tick": (lambda: QCheckBox("党员"), _ticked),
    "date": (lambda: date_edit(date(2025, 1, 1)), _dated),
    "date and time": (lambda: QDateTimeEdit(QDateTime(2025, 1, 1, 9, 0, 0)), _timed),
    "optional date": (lambda: OptionalDate(None, "设定"), _optional_dated),
    "whole number": (lambda: QSpinBox(), _counted),
    "decimal number": (lambda: QDoubleSpinBox(), _counted),
    "table": (_table, _cell_edited),
}


@pytest.mark.parametrize("kind", INPUTS)
def test_a_change_to_any_watched_input_marks_the_form_changed(qtbot, kind: str) -> None:
    make, change = INPUTS[kind]
    form = _Form("测试")
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "_dirty", False))
    widget = make()
    form.add_field("field", "字段", widget)
    form.watch_inputs(widget)
    assert not form._dirty
    change(widget)
    assert form._dirty


def test_a_widget_that_holds_no_value_is_refused(qapp) -> None:
    with pytest.raises(TypeError):
        change_signal(QLabel("说明"))
    with pytest.raises(TypeError):
        change_signal(QWidget())


def test_a_hidden_row_hides_its_label_too(qtbot) -> None:
    form = _Form("测试")
    qtbot.addWidget(form)
    form.add_field("field", "字段", QLineEdit())
    form.show()
    box = form.errors["field"].parentWidget()
    label = form.form.labelForField(box)
    form.show_row("field", False)
    assert not box.isVisible() and not label.isVisible()
    form.show_row("field", True)
    assert box.isVisible() and label.isVisible()
