"""接待走访: reception-day and door-knocking visits; one action turns a visit into a need."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.visits import Visit, VisitKind, VisitRow
from desktop.services import needs, visits
from desktop.services.visits import AlreadyANeedError
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.visit import VisitDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import referral_label, satisfaction_label, visit_kind_label
from desktop.ui.models.visits import VisitTableModel
from desktop.ui.pages.list_page import (
    Filter,
    ListPage,
    Records,
    details_links,
    details_table,
)
from desktop.ui.phones import Phone


class VisitsPage(ListPage):
    model_class = VisitTableModel
    kind = RecordKind.VISIT
    reloads_on = (RecordKind.VISIT, RecordKind.NEED)
    records = Records(VisitDialog, visits.get_visit, visits.delete_visits)

    context = "VisitsPage"
    search_hint = QT_TRANSLATE_NOOP("VisitsPage", "Search resident, phone, address or issue")
    trashed_text = QT_TRANSLATE_NOOP("VisitsPage", "{count} visit(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "VisitsPage",
        'No visits recorded yet. Click "New" after a reception day or a door-knocking round.',
    )
    filter_specs = (
        Filter.of_enum(
            "kind_filter", QT_TRANSLATE_NOOP("VisitsPage", "All visits"), VisitKind, "kind"
        ),
    )

    def add_tools(self) -> None:
        self.need_action = QAction(translate("VisitsPage", "Register as need"), self)
        self.need_action.triggered.connect(self.register_need)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.need_action)

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        rows = self.selected_rows()
        self.need_action.setEnabled(len(rows) == 1 and rows[0].need_id is None)

    def details_html(self, row: VisitRow, v: Visit) -> str:
        lines = [
            (translate("VisitsPage", "Kind"), visit_kind_label(v.kind)),
            (translate("VisitsPage", "Date"), format_date(v.visited_on)),
            (translate("VisitsPage", "Phone"), Phone(v.phone)),
            (
                translate("VisitsPage", "Address"),
                " ".join(x for x in (v.building, v.unit, v.room) if x),
            ),
            (translate("VisitsPage", "What was raised"), v.issue),
            (translate("VisitsPage", "How it was handled"), v.handling),
            (
                translate("VisitsPage", "Referred to"),
                referral_label(v.referred_to) if v.referred_to else "",
            ),
            (translate("VisitsPage", "Follow up on"), format_date(v.follow_up_on)),
            (translate("VisitsPage", "Outcome"), v.outcome),
            (
                translate("VisitsPage", "Satisfaction"),
                satisfaction_label(v.satisfaction) if v.satisfaction else "",
            ),
        ]
        need = []
        if v.need_id is not None:
            try:
                need = [(v.need_id, needs.get_need(self.ctx.db, v.need_id).title)]
            except NotFoundError:
                need = []
        return details_table(v.resident, lines) + details_links(
            translate("VisitsPage", "The need it became"), RecordKind.NEED.value, need
        )

    def edit_visit(self, visit: Visit, draft_id: int | None = None) -> None:
        run_form(self.make_form(visit, draft_id=draft_id))

    def register_need(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return

        def already(error: Exception) -> bool:
            if not isinstance(error, AlreadyANeedError):
                return False
            QMessageBox.information(
                self,
                self.need_action.text(),
                translate("VisitsPage", "This visit is already registered as a need."),
            )
            return True

        self.change(
            lambda: visits.visit_to_need(self.ctx.db, rows[0].id),
            lambda need: self.status_message(
                translate("VisitsPage", 'Registered as need "{title}".').format(title=need.title)
            ),
            already,
        )
