"""What every record form shares: Ctrl+S saves, Esc asks before throwing away changes, and each
field's problem shown under it — once the field is left or 保存 is pressed, never before
anything is typed. 保存 is never greyed out: pressing it with something missing says what, in a
line above the buttons, and puts the cursor there."""

import logging
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from typing import Any, ClassVar, NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.phone import phone_doubt
from desktop.services import drafts
from desktop.store.database import Database
from desktop.ui.access import name_controls, name_unnamed
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import change_signal, input_value, knows
from desktop.ui.i18n import translate
from desktop.ui.inputs import PhoneEdit
from desktop.ui.messages import phone_doubt_text, problem_text
from desktop.ui.operations import change
from desktop.ui.widgets import FieldError, focus_target

AUTOSAVE_MS = 30_000
log = logging.getLogger(__name__)


def run_form(dialog: "RecordForm") -> bool:
    """Show a record form; True when it saved (the change was already reported)."""
    return bool(dialog.exec() and dialog.saved)


class RecordForm(QDialog):
    """Subclasses add rows with ``add_field``, implement ``problems()`` and ``save()``."""

    ctx: AppContext  # set by each subclass before it saves

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.saved: Any = None  # what the service returned, once saved
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.errors: dict[str, FieldError] = {}
        self._fields: dict[str, tuple[str, QWidget, QWidget]] = {}  # key → label, widget, row
        self._not_before: dict[str, str] = {}  # a date's key → the date it may not precede
        self._opened_with: dict[str, str | None] = {}  # a line's text as the form opened
        self._touched: set[str] = set()  # fields left once: their problems show from then on
        self._show_all = False  # after 保存 was pressed: every problem shows
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("RecordForm", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("RecordForm", "Cancel")
        )
        self.save_button.setToolTip(translate("RecordForm", "Save (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            translate("RecordForm", "Close without saving (Esc)")
        )
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        # The note on ＊ until 保存 finds something missing: then what is missing, in red.
        self.summary = QLabel(wordWrap=True)
        self._show_note()
        # The fields scroll when the screen is small (1366×768 office screens); 保存 and
        # 取消 stay in view below them.
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.addLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        # Not a stop of its own for Tab: it follows the field that has the cursor.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_clicked)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self._dirty = False
        self._autosave: QTimer | None = None
        self._draft_id: int | None = None

    def enable_autosave(self, db: Database, kind: str, draft_id: int | None = None) -> None:
        """Every 30 s while changed, keep a draft; it is offered back after a crash and
        dropped when the form is saved or closed on purpose."""
        self._db, self._draft_kind, self._draft_id = db, kind, draft_id
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()

    def autosave(self) -> None:
        if not self._dirty or self._autosave is None:
            return
        try:
            self._draft_id = drafts.save_draft(
                self._db, self._draft_kind, self.current(), self._draft_id
            )
        except Exception:  # a failed autosave must never cost the form itself
            log.warning("autosave failed", exc_info=True)

    def current(self):
        raise NotImplementedError

    def done(self, result: int) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            drafts.discard_draft(self._db, self._draft_id)
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        # Lists and tables a subclass put beside the rows (in tabs) are named by their tab.
        name_unnamed(self, self.windowTitle())
        # As tall as the fields need, but never taller than the screen.
        screen = self.screen().availableGeometry() if self.screen() else None
        wanted = self.body.sizeHint().height() + self.buttons.sizeHint().height() + 80
        if screen is not None:
            self.resize(max(self.width(), self.minimumWidth()), min(wanted, screen.height() - 60))
        super().showEvent(event)

    @property
    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_field(
        self,
        key: str,
        label: str,
        widget: QWidget,
        required: bool = False,
        *,
        checked: bool = False,
        not_before: str = "",
    ) -> None:
        """A row: label (＊ when required), the widget and its error line beneath. The label
        names the field for screen readers too.

        ``checked``: the domain finds something wrong here besides a missing value (a date
        before another, a reason a status asks for, a number out of range). Its error line
        keeps its room from the start, so the rows below never move when a reason appears;
        other rows stay compact (a reason only a service finds, e.g. a name already used,
        appears on save). A required field keeps its room anyway.

        ``not_before``: the key of the date this one may not precede, when it is not the row
        just above; a date out of order then names it (“不能早于登记日期”)."""
        target = focus_target(widget)
        # A choice that always holds a value (a list, a date) cannot be left empty.
        typed = isinstance(target, QLineEdit | QPlainTextEdit | QTextEdit) or (
            isinstance(target, QComboBox) and target.isEditable()
        )
        reserve = (required and typed) or checked or bool(not_before)
        error = FieldError(reserve=reserve or isinstance(widget, PhoneEdit))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        if not_before:
            self._not_before[key] = not_before
        caption = QLabel(f"{label}{'＊' if required else ''}")
        if target is not None:
            caption.setBuddy(target)
        if label and not widget.accessibleName():
            widget.setAccessibleName(label)
        self.form.addRow(caption, box)
        name_controls(widget, label)
        if required:
            widget.setAccessibleDescription(translate("RecordForm", "Required"))
        self.errors[key] = error
        self._fields[key] = (label, widget, box)
        self._opened_with[key] = widget.text() if isinstance(widget, QLineEdit) else None

    def watch(self, signal) -> None:
        signal.connect(self.changed)

    def watch_inputs(self, *widgets: QWidget) -> None:
        """Each input's change marks the form changed and revalidates it (in the order given)."""
        for widget in widgets:
            self.watch(change_signal(widget))

    def show_row(self, key: str, shown: bool) -> None:
        """Show or hide a field's row, its label with it."""
        box = self._fields[key][2]
        label = self.form.labelForField(box)
        box.setVisible(shown)
        if label is not None:
            label.setVisible(shown)

    def changed(self, *_args: object) -> None:
        self._dirty = True
        self.revalidate()

    def revalidate(self) -> bool:
        """Show the problem (or else the warning) of each field left once, or of every field
        after 保存 was pressed; True when nothing stops saving."""
        problems = self.problems()
        warnings = self.warnings()
        for key, label in self.errors.items():
            shown = self._show_all or key in self._touched
            if shown and key in problems:
                label.set_error(self._problem_text(key, problems[key]))
            elif shown and key in warnings:
                label.set_error(warnings[key], warning=True)
            else:
                label.set_error(None)
            self._describe(key)
        if not problems and self.summary.objectName() == "formSummary":
            self._show_note()  # all put right: the note on ＊ again
        return not problems

    def _problem_text(self, key: str, problem: Problem) -> str:
        earlier = self._not_before.get(key)
        if problem is Problem.DATE_ORDER and earlier in self._fields:
            return translate("RecordForm", "This date cannot be earlier than {field}.").format(
                field=self._fields[earlier][0]
            )
        return problem_text(problem)

    def is_valid(self) -> bool:
        """Nothing stops saving (warnings do not)."""
        return not self.problems()

    def show_problems(self, problems: dict[str, Problem]) -> None:
        """Problems the service found that the form could not know (e.g. duplicate names)."""
        for key, problem in problems.items():
            if key in self.errors:
                self.errors[key].set_error(self._problem_text(key, problem))
                self._describe(key)
        self._explain_problems(problems)

    def problems(self) -> dict[str, Problem]:
        raise NotImplementedError

    def warnings(self) -> dict[str, str]:
        """What looks wrong but may be right (a phone number that is neither a mobile nor a
        landline): shown under the field like a problem, never stopping 保存."""
        found = {}
        for key, (_label, widget, _box) in self._fields.items():
            if isinstance(widget, PhoneEdit) and (doubt := phone_doubt(widget.text())):
                found[key] = phone_doubt_text(doubt, widget.text())
        return found

    def save(self) -> bool:
        """Store the record; True closes the dialog."""
        raise NotImplementedError

    def store(
        self,
        save_record: Callable[[], object],
        on_failure: Callable[[Exception], bool] | None = None,
    ) -> bool:
        """Run a service's save for ``save()`` through the one change helper: the result goes
        to ``self.saved`` and the pages hear what changed; problems the service found show
        under their fields; a record deleted meanwhile is said, and the form stays open with
        what she typed. ``on_failure`` may take a form's own errors first."""

        def failed(error: Exception) -> bool:
            if on_failure is not None and on_failure(error):
                return True
            if isinstance(error, ValidationError):
                self.show_problems(error.problems)
                return True
            if isinstance(error, NotFoundError):
                self.record_gone()
                return True
            return False

        def keep(result: object) -> None:
            self.saved = result

        return change(self.ctx.events, self, save_record, on_done=keep, on_failure=failed)

    def record_gone(self) -> bool:
        """Say that the record went to the trash (or for good) while the form was open; False,
        so the form stays open and nothing typed is lost."""
        QMessageBox.warning(
            self,
            self.windowTitle(),
            translate(
                "RecordForm",
                "This record was moved to the trash or deleted meanwhile, so it cannot be "
                "saved. What you typed is still here: restore the record from the trash and "
                "save again, or copy what you typed into a new record.",
            ),
        )
        return False

    def _save_clicked(self) -> None:
        warnings = self.warnings()
        # A warning on a value typed now that the secretary has not seen yet stops this press
        # once; the next one saves. A record opened as it was stored saves at once.
        unseen = [
            k for k, text in warnings.items() if self.errors[k].text() != text and self._typed(k)
        ]
        self._show_all = True
        problems = self.problems()
        if not self.revalidate():
            self._explain_problems(problems)
            return
        if unseen:
            self._explain(
                translate(
                    "RecordForm", "Please check {fields}; if it is right, press Save again."
                ).format(fields=self._names(unseen)),
                unseen[0],
            )
            return
        if self.save():
            self._dirty = False
            self.accept()

    # -- telling what is wrong --------------------------------------------------------------
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """A field is left when the focus goes to another field or button of this form; a
        pop-up (calendar, list, suggestions) or another window does not count."""
        if old is None or new is None or new.window() is not self:
            return
        left = self._key_of(old)
        if left is not None and left != self._key_of(new) and left not in self._touched:
            self._touched.add(left)
            self.revalidate()

    def _typed(self, key: str) -> bool:
        widget = self._fields[key][1]
        return not isinstance(widget, QLineEdit) or widget.text() != self._opened_with[key]

    def _key_of(self, widget: QWidget) -> str | None:
        rows = {box: key for key, (_label, _widget, box) in self._fields.items()}
        current: QWidget | None = widget
        while current is not None and current is not self:
            if current in rows:
                return rows[current]
            current = current.parentWidget()
        return None

    def _describe(self, key: str) -> None:
        """A screen reader reads the reason with the field's name when the field gets focus."""
        _label, widget, _box = self._fields[key]
        text = self.errors[key].text()
        required = translate("RecordForm", "Required") if "＊" in self._caption(key) else ""
        widget.setAccessibleDescription(text or required)

    def _caption(self, key: str) -> str:
        caption = self.form.labelForField(self._fields[key][2])
        return caption.text() if isinstance(caption, QLabel) else ""

    def _names(self, keys: list[str]) -> str:
        """“姓名”、“电话”: the fields' labels as the form shows them."""
        names = [self._fields[k][0] or self._fields[k][1].property("text") or k for k in keys]
        return "、".join(f"“{name}”" for name in names)

    def _explain_problems(self, problems: dict[str, Problem]) -> None:
        keys = [k for k in self._fields if k in problems]  # in the form's order
        if not keys:
            return
        missing = [k for k in keys if problems[k] is Problem.REQUIRED]
        wrong = [k for k in keys if problems[k] is not Problem.REQUIRED]
        if missing and wrong:
            text = translate(
                "RecordForm", "Not saved yet: please fill in {missing} and correct {wrong}."
            ).format(missing=self._names(missing), wrong=self._names(wrong))
        elif missing:
            text = translate("RecordForm", "Not saved yet: please fill in {fields}.").format(
                fields=self._names(missing)
            )
        else:
            text = translate(
                "RecordForm", "Not saved yet: please correct {fields} (see the note under it)."
            ).format(fields=self._names(wrong))
        self._explain(text, keys[0])

    def _explain(self, text: str, key: str) -> None:
        """Say it above the buttons and put the cursor in the field concerned."""
        self.summary.setObjectName("formSummary")
        self.summary.setText(text)
        self._repolish(self.summary)
        _label, widget, box = self._fields[key]
        self.scroll.ensureWidgetVisible(box)
        target = focus_target(widget)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_note(self) -> None:
        self.summary.setObjectName("formNote")
        self.summary.setText(translate("RecordForm", "Fields marked ＊ are required."))
        self._repolish(self.summary)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def reject(self) -> None:
        if self._dirty:
            answer = QMessageBox.question(
                self,
                translate("RecordForm", "Discard changes?"),
                translate("RecordForm", "You have changed this record. Close without saving?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def is_stored(record: object | None) -> bool:
    """A record read from the database, not one about to be added: it has an id (a kind of
    record without one, e.g. a member of a group, counts as soon as it is given)."""
    return record is not None and getattr(record, "id", 0) is not None


class Titles(NamedTuple):
    """A record dialog's titles, marked for translation where the dialog declares them
    (``QT_TRANSLATE_NOOP(context, text)``) and translated as it opens: the context they are
    marked in, the title of a new record and that of a stored one (the same when not given)."""

    context: str
    new: str
    edit: str | None = None

    def pick(self, stored: bool) -> str:
        return translate(self.context, self.edit if stored and self.edit else self.new)


def _declared(cls: type) -> set[str]:
    """The attributes a record dialog (and its bases up to RecordDialog) declares with a type."""
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass is RecordDialog:
            return names
        names.update(getattr(klass, "__annotations__", {}))
    return names


class RecordDialog(RecordForm):
    """A form on one record of the domain, new or stored.

    It opens on ``record`` (or on ``blank()`` when none is given), is titled by ``titles``
    (chosen by whether the record is stored) and ``build()``s its widgets and rows from
    ``self.record``. Then every row's input marks the form changed and revalidates it, the
    form checks itself and the cursor goes to the row ``starts_in`` names. A subclass
    implements ``current()`` (``edited(...)`` keeps what the form does not show) and names the
    domain's check as ``validate`` and the service that stores the record as
    ``save_record``; the form does the rest.

    What else a dialog needs from its caller it declares as a class attribute with its type
    (``draft_id: int | None = None``) and the caller passes by name; it is set before
    ``blank()`` and ``build()`` read it."""

    titles: ClassVar[Titles]
    # The domain's check of current(): {field: problem}.
    validate: ClassVar[Callable[[Any], dict[str, Problem]] | None] = None
    # The service that stores current(): save_record(db, record) returns the stored record.
    save_record: ClassVar[Callable[[Database, Any], object] | None] = None
    # The row the cursor starts in: its key, "" for the first row, None to leave it to Qt.
    starts_in: ClassVar[str | None] = ""

    def __init__(
        self,
        ctx: AppContext,
        record: Any = None,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        **options: Any,
    ) -> None:
        declared = _declared(type(self))
        for name, value in options.items():
            if name not in declared:
                raise TypeError(f"{type(self).__name__} declares no option {name!r}")
            setattr(self, name, value)
        super().__init__(title or self.titles.pick(is_stored(record)), parent)
        self.ctx = ctx
        self.record = record if record is not None else self.blank()
        self.build()
        self.finish()

    def blank(self) -> Any:
        """The record a new one starts from (``self.ctx`` is set); a dialog whose new record
        is always the same names its factory instead (``blank = partial(Need, title="")``)."""
        raise NotImplementedError

    def build(self) -> None:
        """Create the widgets from ``self.record`` and add the rows, in the order Tab walks."""
        raise NotImplementedError

    def finish(self) -> None:
        """Watch every row's input, check the form as it opened (nothing changed yet) and put
        the cursor in its first field. An input the form cannot watch by its kind (a row of
        several inputs, an editor of its own) is watched by the dialog that built it."""
        self.watch_inputs(
            *(
                widget
                for _label, widget, _box in self._fields.values()
                if knows(change_signal, widget)
            )
        )
        self._dirty = False
        self.revalidate()
        if self.starts_in is not None:
            key = self.starts_in or next(iter(self._fields))
            self._fields[key][1].setFocus()

    def edited(self, **shown: object) -> Any:
        """The record as the form opened it, with the fields the form shows as they are now:
        what it does not show (id, uuid, the record it belongs to) is kept."""
        return replace(self.record, **shown)

    def edited_rows(self, **others: object) -> Any:
        """``edited`` with every row that ``row_values`` reads, and ``others``: the fields the
        form shows another way (a row of several inputs, a list) or reads otherwise."""
        return self.edited(**(self.row_values() | others))

    def row_values(self) -> dict[str, object]:
        """What each row whose key names a field of the record holds now, read by its input's
        kind (``input_value``); a row of several inputs or one read another way is left to the
        dialog, which gives it to ``edited`` itself."""
        names = {f.name for f in fields(self.record)} if is_dataclass(self.record) else set()
        return {
            key: input_value(widget)
            for key, (_label, widget, _box) in self._fields.items()
            if key in names and knows(input_value, widget)
        }

    def problems(self) -> dict[str, Problem]:
        if type(self).validate is None:
            raise NotImplementedError
        return type(self).validate(self.current())

    def save(self) -> bool:
        store_record = type(self).save_record
        if store_record is None:
            raise NotImplementedError
        record, db = self.current(), self.ctx.db
        return self.store(lambda: store_record(db, record), self.save_failed)

    def save_failed(self, error: Exception) -> bool:
        """A failure the subclass explains itself (True when it did); the form explains the
        rest (problems under their fields, a record deleted meanwhile)."""
        return False
