"""首次使用: the first start on an empty data folder, and the short guide that follows.

Before any database exists, the welcome asks how to begin: set up this neighborhood, get the
branch's data back from the street office (a new PC, a dead disk), or look at the demo
neighborhood first (in a window of its own, so no made-up record lands in her data folder).
Once the window is up on a new data file, the guide asks for the neighborhood's name, its
community and street, then its buildings, then offers the Excel ledgers, the street office
or the demo. It can be closed at any step (what was entered is kept) and reopened from
帮助 → 首次使用向导."""

import logging
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.ledger import LedgerKind
from desktop.domain.roster import (
    BUILDING_MAX_LENGTH,
    NEIGHBORHOOD_MAX_LENGTH,
    Building,
    Neighborhood,
    validate_name,
    validate_neighborhood,
)
from desktop.services import neighborhood
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.messages import problem_text
from desktop.ui.operations import change
from desktop.ui.widgets import FieldError

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

BUILDING_SUFFIX = "栋"  # buildings added by number are named as residents say them: 3栋
MAX_BUILDING_NUMBER = 200
GUIDE_SIZE_EM = (46, 32)  # the guide's width and height, in characters of the text size


class FirstStart(Enum):
    QUIT = "quit"
    NEW = "new"  # a new, empty data file; the guide follows once the window is up
    RESTORED = "restored"  # the street office's copy is in place (in the welcome: asked for)
    DEMO = "demo"  # the demo neighborhood was opened in its own window instead


def choice_row(grid: QGridLayout, title: str, description: str) -> QPushButton:
    """One way to go on: a button, and beside it what it does, in the text size she chose
    (wrapped, never cut)."""
    row = grid.rowCount()
    button = QPushButton(title)
    button.setAccessibleDescription(description)
    button.setMinimumWidth(button.sizeHint().width() + 16)
    label = QLabel(description, wordWrap=True)
    label.setObjectName("formNote")
    grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(label, row, 1)
    grid.setColumnStretch(1, 1)
    return button


# -- before the database: the welcome ---------------------------------------------------------
class WelcomeDialog(QDialog):
    """Three ways to begin, each said in a sentence; Enter sets up a new neighborhood."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("FirstStart", "Welcome to Shuren Xiaoqu"))
        self.choice = FirstStart.QUIT
        intro = QLabel(
            translate(
                "FirstStart",
                "There is no data in this data folder yet. How would you like to begin?",
            ),
            wordWrap=True,
        )
        self.choices = QGridLayout()
        self.choices.setVerticalSpacing(12)
        self.new_button = self._choice(
            FirstStart.NEW,
            translate("FirstStart", "Set up my neighborhood"),
            translate(
                "FirstStart",
                "Enter the neighborhood's name, community, street and buildings, then import "
                "your Excel ledgers or start recording.",
            ),
        )
        self.restore_button = self._choice(
            FirstStart.RESTORED,
            translate("FirstStart", "Restore from the street office…"),
            translate(
                "FirstStart",
                "This branch used Shuren Xiaoqu before and synced with the street office (a "
                "new PC, or a disk that failed): get its data back with the street office's "
                "address and the branch's token.",
            ),
        )
        self.demo_button = self._choice(
            FirstStart.DEMO,
            translate("FirstStart", "Look at the demo data first"),
            translate(
                "FirstStart",
                "Open a made-up demo neighborhood to see how the app works. Your data folder "
                "stays as it is; the next time you open Shuren Xiaoqu you start here again.",
            ),
        )
        self.quit_button = QPushButton(translate("FirstStart", "Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.new_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(self.choices)
        layout.addSpacing(6)
        layout.addLayout(bottom)
        self.setMinimumWidth(620)
        self.new_button.setFocus()

    def _choice(self, choice: FirstStart, text: str, description: str) -> QPushButton:
        button = choice_row(self.choices, text, description)
        button.clicked.connect(lambda: self._chosen(choice))
        return button

    def _chosen(self, choice: FirstStart) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        self.choice = FirstStart.QUIT
        super().reject()


def ask_first_start(data_dir: Path, lang: str | None = None) -> FirstStart:
    """Asked before the database is created. NEW: go on with an empty data file (the guide
    follows); RESTORED: the street office's copy is in place; DEMO: the demo window was
    started; QUIT: she chose to leave. Nothing is written in ``data_dir`` but a restore."""
    from desktop.ui.dialogs.street_restore import StreetRestoreDialog

    while True:
        welcome = WelcomeDialog()
        welcome.exec()
        choice = welcome.choice
        welcome.deleteLater()
        if choice is FirstStart.RESTORED:
            dialog = StreetRestoreDialog(data_dir)
            restored = dialog.exec()
            dialog.deleteLater()
            if restored:
                return FirstStart.RESTORED
            continue
        if choice is FirstStart.DEMO and not open_demo(None, lang):
            continue
        return choice


# -- the demo, in a window of its own ---------------------------------------------------------
def demo_command(lang: str | None) -> tuple[str, list[str]]:
    """How to start this same program on the demo neighborhood (``shuren --demo``)."""
    if getattr(sys, "frozen", False):  # a bundle: the program is the app itself
        program, args = sys.executable, ["--demo"]
    else:
        program, args = sys.executable, ["-m", "desktop", "--demo"]
    if lang:
        args += ["--lang", lang]
    return program, args


def start_detached(program: str, args: list[str]) -> bool:
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


def open_demo(parent: QWidget | None, lang: str | None, text_scale: str | None = None) -> bool:
    """Start the demo window (its own data folder, its own process) and say so. The text size
    she chose goes with it. False, after telling her, when it could not be started."""
    from desktop.store.datadir import demo_data_dir

    if text_scale:
        try:
            folder = demo_data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
            settings.setValue("text_scale", text_scale)
            settings.sync()
        except OSError:
            log.warning("text size not passed on to the demo", exc_info=True)
    program, args = demo_command(lang)
    if start_detached(program, args):
        log.info("demo window started")
        return True
    log.error("demo window could not be started")
    QMessageBox.warning(
        parent,
        translate("FirstStart", "Demo neighborhood"),
        translate(
            "FirstStart",
            "The demo neighborhood could not be opened. Start Shuren Xiaoqu again and try once "
            "more; if it keeps happening, ask the street office for help.",
        ),
    )
    return False


# -- after the database: the guide ------------------------------------------------------------
def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class NeighborhoodStep(QWizardPage):
    """The neighborhood's name, its community and street; saved on 下一步."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(translate("FirstStartGuide", "1. Your neighborhood"))
        self.setSubTitle(
            translate(
                "FirstStartGuide",
                "They head the minutes and the reports to the street office, and show in the "
                "status bar.",
            )
        )
        form = QFormLayout(self)
        saved = neighborhood.get_neighborhood(ctx.db)
        self.fields: dict[str, tuple[QLineEdit, FieldError]] = {}
        for key, label, example in (
            ("name", translate("FirstStartGuide", "Neighborhood name"), "翠竹苑"),
            ("community", translate("FirstStartGuide", "Community"), "翠竹社区"),
            ("street", translate("FirstStartGuide", "Street office"), "南园街道"),
        ):
            edit = QLineEdit(getattr(saved, key), maxLength=NEIGHBORHOOD_MAX_LENGTH[key])
            edit.setPlaceholderText(
                translate("FirstStartGuide", "e.g. {example}").format(example=example)
            )
            error = FieldError()
            edit.textChanged.connect(self._edited)
            column = QVBoxLayout()
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(f"{label}＊", column)
            self.fields[key] = (edit, error)
        note = QLabel(
            translate(
                "FirstStartGuide",
                "You can close this guide at any step: what you entered is kept, and "
                "Help → First-start guide opens it again.",
            ),
            wordWrap=True,
        )
        note.setObjectName("formNote")
        form.addRow(note)
        self._touched = False

    def value(self) -> Neighborhood:
        return Neighborhood(**{k: edit.text() for k, (edit, _e) in self.fields.items()})

    def _edited(self) -> None:
        self._touched = True
        self._show_problems()
        self.completeChanged.emit()

    def _show_problems(self) -> None:
        problems = validate_neighborhood(self.value()) if self._touched else {}
        for key, (_edit, error) in self.fields.items():
            error.set_error(problem_text(problems[key]) if key in problems else None)

    def initializePage(self) -> None:
        self.fields["name"][0].setFocus()

    def isComplete(self) -> bool:
        return not validate_neighborhood(self.value())

    def validatePage(self) -> bool:
        hood = self.value()
        if neighborhood.get_neighborhood(self.ctx.db) == hood:
            return True

        def refused(error: Exception) -> bool:
            if not isinstance(error, ValidationError):
                return False
            self._touched = True
            self._show_problems()
            return True

        return change(
            self.ctx.events,
            self,
            lambda: neighborhood.save_neighborhood(self.ctx.db, hood),
            on_failure=refused,
        )


class BuildingsStep(QWizardPage):
    """The buildings: a run of numbered ones at once (1栋 to 12栋), or one by its name."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(translate("FirstStartGuide", "2. Buildings"))
        self.setSubTitle(
            translate(
                "FirstStartGuide",
                "Forms offer them when you record a resident, a need or a visit. Grids and the "
                "number of units can be set later under People and organizations → "
                "Neighborhood and buildings.",
            )
        )
        self.first = QSpinBox(minimum=1, maximum=MAX_BUILDING_NUMBER, value=1)
        self.last = QSpinBox(minimum=1, maximum=MAX_BUILDING_NUMBER, value=10)
        for box in (self.first, self.last):
            box.setSuffix(BUILDING_SUFFIX)
        self.add_run_button = QPushButton(translate("FirstStartGuide", "Add"))
        self.add_run_button.clicked.connect(self.add_run)
        run = QHBoxLayout()
        run.addWidget(QLabel(translate("FirstStartGuide", "Numbered buildings from")))
        run.addWidget(self.first)
        run.addWidget(QLabel(translate("FirstStartGuide", "to")))
        run.addWidget(self.last)
        run.addWidget(self.add_run_button)
        run.addStretch()
        self.name = QLineEdit(maxLength=BUILDING_MAX_LENGTH["name"])
        self.name.setPlaceholderText(translate("FirstStartGuide", "or one by its name, e.g. A座"))
        self.name.returnPressed.connect(self.add_named)
        self.add_named_button = QPushButton(translate("FirstStartGuide", "Add"))
        self.add_named_button.clicked.connect(self.add_named)
        named = QHBoxLayout()
        named.addWidget(self.name, 1)
        named.addWidget(self.add_named_button)
        self.message = QLabel(wordWrap=True)
        self.list = QListWidget()
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(4)
        self.remove_button = QPushButton(translate("FirstStartGuide", "Remove the chosen building"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems()))
        )
        self.count_label = _bold(QLabel())
        layout = QVBoxLayout(self)
        layout.addLayout(run)
        layout.addLayout(named)
        layout.addWidget(self.message)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reload()

    def initializePage(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        buildings = neighborhood.list_buildings(self.ctx.db)
        for b in buildings:
            self.list.addItem(b.name)
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, b.id)
        self.count_label.setText(
            translate("FirstStartGuide", "Buildings so far: {count}").format(count=len(buildings))
            if buildings
            else translate("FirstStartGuide", "No buildings yet.")
        )
        self.remove_button.setEnabled(False)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self, names: list[str]) -> None:
        existing = set(self.names())
        new = [name for name in names if name not in existing]

        def save_all() -> None:
            for name in new:
                neighborhood.save_building(self.ctx.db, Building(name=name))

        if new and not change(self.ctx.events, self, save_all):
            return
        added = len(new)
        skipped = len(names) - added
        self.message.setText(
            translate(
                "FirstStartGuide",
                "{added} building(s) added; {skipped} were there already and stay as they are.",
            ).format(added=added, skipped=skipped)
            if skipped
            else translate("FirstStartGuide", "{count} building(s) added.").format(count=added)
        )
        self.reload()

    def add_run(self) -> None:
        first, last = sorted((self.first.value(), self.last.value()))
        self._add([f"{n}{BUILDING_SUFFIX}" for n in range(first, last + 1)])

    def add_named(self) -> None:
        problem = validate_name(self.name.text())
        if problem is not None:
            self.message.setText(problem_text(problem))
            return
        self._add([" ".join(self.name.text().split())])
        self.name.clear()

    def remove_selected(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return

        def refused(error: Exception) -> bool:
            if not isinstance(error, DomainError):
                return False
            # Residents live there: the roster page explains and refuses.
            self.message.setText(
                translate(
                    "FirstStartGuide",
                    "This building has residents in the roster, so it stays. Move them first "
                    "under People and organizations.",
                )
            )
            return True

        building_id = items[0].data(Qt.ItemDataRole.UserRole)
        if change(
            self.ctx.events,
            self,
            lambda: neighborhood.delete_building(self.ctx.db, building_id),
            on_failure=refused,
        ):
            self.message.setText("")
            self.reload()


class NextStep(QWizardPage):
    """Bring what exists: the Excel ledgers, the street office's copy; or look at the demo."""

    import_requested = Signal(object)  # a LedgerKind
    restore_requested = Signal()
    demo_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstStartGuide", "3. Bring in your records"))
        self.setSubTitle(
            translate(
                "FirstStartGuide",
                'Or click "Finish" and record as you go: every list page has "New".',
            )
        )
        ledgers = _bold(QLabel(translate("FirstStartGuide", "Import a ledger from Excel")))
        ledgers_note = QLabel(
            translate(
                "FirstStartGuide",
                "Each of the three lists has its ledger. The workbook is checked first; nothing "
                "is written until you confirm.",
            ),
            wordWrap=True,
        )
        self.import_buttons: dict[LedgerKind, QPushButton] = {}
        row = QHBoxLayout()
        for kind, text in (
            (LedgerKind.NEEDS, translate("FirstStartGuide", "Needs ledger…")),
            (LedgerKind.RESOURCES, translate("FirstStartGuide", "Resources ledger…")),
            (LedgerKind.PROJECTS, translate("FirstStartGuide", "Projects ledger…")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=kind: self.import_requested.emit(k))
            row.addWidget(button)
            self.import_buttons[kind] = button
        row.addStretch()
        others = QGridLayout()
        others.setVerticalSpacing(12)
        self.restore_button = choice_row(
            others,
            translate("FirstStartGuide", "Restore from the street office…"),
            translate(
                "FirstStartGuide",
                "This branch's data is already at the street office (it used Shuren Xiaoqu "
                "before): get it back. It replaces what is here; the data replaced is kept.",
            ),
        )
        self.restore_button.clicked.connect(self.restore_requested)
        self.demo_button = choice_row(
            others,
            translate("FirstStartGuide", "Look at the demo data"),
            translate(
                "FirstStartGuide",
                "Opens a made-up demo neighborhood in a window of its own. Your data is not "
                "touched; close that window to come back here.",
            ),
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.message = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(ledgers)
        layout.addWidget(ledgers_note)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(_bold(QLabel(translate("FirstStartGuide", "Or"))))
        layout.addLayout(others)
        layout.addWidget(self.message)
        layout.addStretch()


class FirstStartGuide(QWizard):
    """Three short steps; 稍后再说 leaves it, keeping what was entered."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("FirstStartGuide", "First-start guide"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, translate("FirstStartGuide", "< Back")),
            (QWizard.WizardButton.NextButton, translate("FirstStartGuide", "Next >")),
            (QWizard.WizardButton.FinishButton, translate("FirstStartGuide", "Finish")),
            (QWizard.WizardButton.CancelButton, translate("FirstStartGuide", "Later")),
        ):
            self.setButtonText(button, text)
        self.neighborhood_step = NeighborhoodStep(ctx)
        self.buildings_step = BuildingsStep(ctx)
        self.next_step = NextStep()
        for page in (self.neighborhood_step, self.buildings_step, self.next_step):
            self.addPage(page)
        # Sized in characters, so 大 and 特大 text get the room they need (a wrapped label
        # does not make the wizard grow by itself); never beyond the screen.
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(GUIDE_SIZE_EM[0] * em, GUIDE_SIZE_EM[1] * em)

    def showEvent(self, event: QShowEvent) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height() - 40))
        super().showEvent(event)


def open_guide(window: "MainWindow") -> FirstStartGuide:
    """The guide over the window (帮助 → 首次使用向导, the home page, the first start)."""
    guide = FirstStartGuide(window.ctx, window)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    steps = guide.next_step

    def import_ledger(kind: LedgerKind) -> None:
        guide.accept()
        # After the guide has gone: the file dialog and the import's questions are the page's.
        QTimer.singleShot(0, window, lambda: start_import(window, kind))

    def restore() -> None:
        from desktop.ui.restore import restore_from_street

        if restore_from_street(guide, window.ctx):
            guide.accept()  # the data it showed was replaced

    def demo() -> None:
        text_scale = str(window.ctx.settings.value("text_scale", "standard"))
        if open_demo(guide, window.ctx.lang, text_scale):
            steps.message.setText(
                translate(
                    "FirstStartGuide",
                    "The demo neighborhood opens in a window of its own (it takes a few "
                    "seconds). Close it when you are done: this window keeps your data.",
                )
            )

    steps.import_requested.connect(import_ledger)
    steps.restore_requested.connect(restore)
    steps.demo_requested.connect(demo)
    guide.open()
    return guide


def start_import(window: "MainWindow", kind: LedgerKind) -> None:
    """The list's page, and its 导入 (file, trial run, confirmation)."""
    name = {
        LedgerKind.NEEDS: "needs",
        LedgerKind.RESOURCES: "resources",
        LedgerKind.PROJECTS: "projects",
    }[kind]
    page = window.page(name)
    window.go_to(page)
    page.ledger.choose_import()


def open_guide_at_start(window: "MainWindow") -> None:
    """On a new data file: the guide, once the start-up check of the file allows writes."""
    if window.data_file_ok:
        QTimer.singleShot(0, window, lambda: open_guide(window))
        return

    def checked(health: object) -> None:
        window.ctx.events.data_file_checked.disconnect(checked)
        if window.data_file_ok:
            QTimer.singleShot(0, window, lambda: open_guide(window))

    window.ctx.events.data_file_checked.connect(checked)
