"""贤达能人 tab: each talented resident's discovery date, cultivation, and use of the four
rights (counts and the list). Uses from meetings and projects are refreshed in the background
when the tab is shown and whenever meetings or projects change."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import TalentRight
from desktop.domain.talents import Cultivation, RightUse
from desktop.services import talents
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.talent_record import CultivationDialog, DiscoveryDialog, RightUseDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import right_label
from desktop.ui.models.federation import CultivationModel, RightUseModel, TalentModel
from desktop.ui.operations import change
from desktop.ui.pages.federation_parts import Section
from desktop.ui.pages.watching import WatchingPage


class TalentsTab(WatchingPage):
    def build(self) -> None:
        self.refreshing = False
        self.again = False
        self.people = Section(translate("TalentsTab", "Talented residents"), TalentModel(self))
        self.people.button(
            translate("TalentsTab", "Discovered on…"), self.set_discovered, needs_row=True
        )
        self.people.view.selectionModel().selectionChanged.connect(lambda *_a: self.load_detail())
        self.summary = QLabel(wordWrap=True)
        self.cultivation = Section(translate("TalentsTab", "Cultivation"), CultivationModel(self))
        self.cultivation.button(translate("TalentsTab", "Add"), self.add_cultivation)
        self.cultivation.button(translate("TalentsTab", "Delete"), self.delete_cultivation, True)
        self.uses = Section(translate("TalentsTab", "Use of the four rights"), RightUseModel(self))
        self.uses.button(translate("TalentsTab", "Record by hand"), self.add_use)
        self.delete_use_button = self.uses.button(
            translate("TalentsTab", "Delete"), self.delete_use, True
        )
        for section in (self.cultivation, self.uses):
            section.view.selectionModel().selectionChanged.connect(
                lambda *_a: self._detail_buttons()
            )
        self.rules = QLabel(
            translate(
                "TalentsTab",
                "Read from the records: present as a talented resident at a finalized meeting = "
                "deliberation; initiator of a project = suggestion; organizer or implementer = "
                "supervision. Evaluations and anything else are recorded by hand.",
            ),
            wordWrap=True,
        )
        self.rules.setObjectName("formNote")
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.cultivation)
        inner.addWidget(self.uses)
        column.addWidget(inner, 1)
        column.addWidget(self.rules)
        self.side_by_side(self.people, detail, (520, 480))

    def _data_changed(self, kind: str) -> None:
        if kind in (RecordKind.MEETING.value, RecordKind.PROJECT.value, RecordKind.PERSON.value):
            self.refresh_uses()  # a meeting finalized, a project's parties changed …
        elif kind == RecordKind.TALENT.value:
            self.reload()

    def refresh_uses(self) -> None:
        """Derive the uses from meetings and projects off the GUI thread; reload if any
        changed."""
        if self.refreshing:
            self.again = True  # a change arrived while reading: read once more after
            return
        self.refreshing, self.again = True, False

        def done(changes: int) -> None:
            if not isValid(self):  # the page closed while the work ran
                return
            self.refreshing = False
            if self.again:
                self.refresh_uses()
            if not changes:  # changed uses were reported, and this page reloads on that
                self.reload()

        def failed(_exc: Exception) -> bool:
            if not isValid(self):
                return True
            self.refreshing = False
            self.summary.setText(
                translate(
                    "TalentsTab",
                    "The uses from meetings and projects could not be read. "
                    "Close and open this page again; if it persists, restart the app.",
                )
            )
            return True  # said on the page, where the uses would show

        change(
            self.ctx.events,
            self,
            lambda: talents.refresh_right_uses(self.ctx.db),
            on_done=done,
            on_failure=failed,
            background=True,
        )

    def reload(self) -> None:
        self.people.set_rows(
            talents.list_talents(self.ctx.db),
            translate(
                "TalentsTab",
                "No talented residents yet. Give a resident the role "
                '"Talented resident" under People and organizations.',
            ),
        )
        self.load_detail()

    def load_detail(self) -> None:
        self.people.update_buttons()
        person = self.people.current()
        if person is None:
            self.summary.setText("")
            self.cultivation.set_rows([])
            self.uses.set_rows([])
        else:
            counts = "，".join(f"{right_label(r)} {person.uses.get(r, 0)}" for r in TalentRight)
            discovered = format_date(person.discovered_on) or translate("TalentsTab", "not set")
            self.summary.setText(
                translate(
                    "TalentsTab", "{name} — discovered: {date}; rights used: {counts}"
                ).format(name=person.name, date=discovered, counts=counts)
            )
            self.cultivation.set_rows(
                talents.list_cultivation(self.ctx.db, person.id),
                translate("TalentsTab", "No cultivation recorded."),
            )
            self.uses.set_rows(
                talents.list_right_uses(self.ctx.db, person.id),
                translate("TalentsTab", "No use of the four rights recorded."),
            )
        for section in (self.cultivation, self.uses):
            first = section.buttons.itemAt(0).widget()
            assert isinstance(first, QPushButton)
            first.setEnabled(person is not None)
        self._detail_buttons()

    def _detail_buttons(self) -> None:
        self.cultivation.update_buttons()
        self.uses.update_buttons()
        use = self.uses.current()
        # Uses read from meetings and projects go only with their record.
        self.delete_use_button.setEnabled(use is not None and not use.derived)

    def set_discovered(self) -> None:
        person = self.people.current()
        if person is not None:
            dialog = DiscoveryDialog(self.ctx, person.id, person.name, person.discovered_on, self)
            dialog.exec()  # a save reports its change itself

    def add_cultivation(self) -> None:
        person = self.people.current()
        if person is not None:
            dialog = CultivationDialog(self.ctx, Cultivation(person.id), self)
            run_form(dialog)

    def delete_cultivation(self) -> None:
        item = self.cultivation.current()
        if item is None or item.id is None:
            return
        self._delete(
            translate("TalentsTab", "Delete this cultivation record?"),
            lambda: talents.delete_cultivation(self.ctx.db, item.id),
        )

    def add_use(self) -> None:
        person = self.people.current()
        if person is not None:
            dialog = RightUseDialog(self.ctx, RightUse(person.id, TalentRight.EVALUATION), self)
            run_form(dialog)

    def delete_use(self) -> None:
        use = self.uses.current()
        if use is None or use.id is None or use.derived:
            return
        self._delete(
            translate("TalentsTab", "Delete this record of a right used?"),
            lambda: talents.delete_right_use(self.ctx.db, use.id),
        )

    def _delete(self, question: str, work: Callable[[], object]) -> None:
        self.change_if_confirmed(translate("TalentsTab", "Delete"), question, work)
