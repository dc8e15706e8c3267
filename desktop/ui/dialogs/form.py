"""What every record form shares: 保存 enabled only when valid, Ctrl+S saves, Esc asks before
throwing away changes, and each field's problem shown under it."""

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.services import drafts
from desktop.store.database import Database
from desktop.ui.events import AppEvents
from desktop.ui.i18n import translate
from desktop.ui.messages import problem_text
from desktop.ui.widgets import FieldError

AUTOSAVE_MS = 30_000
log = logging.getLogger(__name__)


def run_form(dialog: "RecordForm", events: AppEvents, kind: RecordKind) -> bool:
    """Show a record form; when it saved, report the change (the pages refresh). True then."""
    if dialog.exec() and dialog.saved:
        events.changed(kind)
        return True
    return False


class RecordForm(QDialog):
    """Subclasses add rows with ``add_field``, implement ``problems()`` and ``save()``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.errors: dict[str, FieldError] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("RecordForm", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("RecordForm", "Cancel")
        )
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(translate("RecordForm", "Fields marked ＊ are required."))
        note.setObjectName("formNote")
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
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_clicked)
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
        # As tall as the fields need, but never taller than the screen.
        screen = self.screen().availableGeometry() if self.screen() else None
        wanted = self.body.sizeHint().height() + self.buttons.sizeHint().height() + 80
        if screen is not None:
            self.resize(max(self.width(), self.minimumWidth()), min(wanted, screen.height() - 60))
        super().showEvent(event)

    @property
    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_field(self, key: str, label: str, widget: QWidget, required: bool = False) -> None:
        """A row: label (＊ when required), the widget and its error line beneath."""
        error = FieldError()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(f"{label}{'＊' if required else ''}", box)
        self.errors[key] = error

    def watch(self, signal) -> None:
        signal.connect(self.changed)

    def changed(self, *_args: object) -> None:
        self._dirty = True
        self.revalidate()

    def revalidate(self) -> bool:
        problems = self.problems()
        for key, label in self.errors.items():
            label.set_error(problem_text(problems[key]) if key in problems else None)
        self.save_button.setEnabled(not problems)
        return not problems

    def show_problems(self, problems: dict[str, Problem]) -> None:
        """Problems the service found that the form could not know (e.g. duplicate names)."""
        for key, problem in problems.items():
            if key in self.errors:
                self.errors[key].set_error(problem_text(problem))

    def problems(self) -> dict[str, Problem]:
        raise NotImplementedError

    def save(self) -> bool:
        """Store the record; True closes the dialog."""
        raise NotImplementedError

    def store(self, save_record: Callable[[], object]) -> bool:
        """Run a service's save for ``save()``: the result goes to ``self.saved``; problems the
        service found show under their fields; a record deleted meanwhile keeps the form open."""
        try:
            self.saved = save_record()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except NotFoundError:
            return False
        return True

    def _save_clicked(self) -> None:
        if self.revalidate() and self.save():
            self._dirty = False
            self.accept()

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
