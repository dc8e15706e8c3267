"""需求清单: residents' needs, followed from 待受理 to 已解决."""

from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox

from desktop.domain.dates import format_date, format_local_datetime
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.domain.needs import NeedRow, NeedStatus
from desktop.services import meetings, needs, neighborhood, patrols, projects, visits
from desktop.ui.dialogs.categories import CategoriesDialog
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.need import NeedDialog
from desktop.ui.dialogs.project import ProjectDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import (
    need_source_label,
    need_status_label,
    satisfaction_label,
    urgency_label,
    visit_kind_label,
)
from desktop.ui.models.needs import NeedTableModel
from desktop.ui.pages.list_page import (
    ListPage,
    Records,
    details_links,
    details_table,
    filter_combo,
    refill_combo,
)
from desktop.ui.pages.periods import period_combo, period_range

OPEN, OVERDUE = "open", "overdue"
_QUOTED = 30  # characters of an issue or a finding quoted in a link


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


class NeedsPage(ListPage):
    model_class = NeedTableModel
    ledger = LedgerKind.NEEDS
    reloads_on = (RecordKind.NEED, RecordKind.NEED_CATEGORY, RecordKind.PROJECT)
    records = Records(NeedDialog, needs.get_need, needs.delete_needs)

    def search_hint(self) -> str:
        return translate("NeedsPage", "Search title, name, phone or address")

    def trashed_text(self) -> str:
        return translate("NeedsPage", "{count} need(s) moved to the trash.")

    def add_tools(self) -> None:
        self.project_action = QAction(translate("NeedsPage", "Create project"), self)
        self.project_action.triggered.connect(self.create_project)
        self.categories_action = QAction(translate("NeedsPage", "Categories…"), self)
        self.categories_action.triggered.connect(self.edit_categories)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.project_action)
        self.toolbar.addAction(self.categories_action)

    def make_filters(self) -> list[QComboBox | QCheckBox]:
        self.status_filter = filter_combo(
            translate("NeedsPage", "All statuses"),
            (
                (translate("NeedsPage", "Not yet closed"), OPEN),
                (translate("NeedsPage", "Overdue"), OVERDUE),
                *((need_status_label(status), status) for status in NeedStatus),
            ),
        )
        self.category_filter = QComboBox()
        self.building_filter = QComboBox()
        self._fill_choices()
        self.period_filter = period_combo()
        self.dispute_filter = QCheckBox(translate("NeedsPage", "Property disputes only"))
        return [
            self.status_filter,
            self.category_filter,
            self.building_filter,
            self.period_filter,
            self.dispute_filter,
        ]

    def _fill_choices(self) -> None:
        refill_combo(
            self.category_filter,
            translate("NeedsPage", "All categories"),
            ((c.name, c.id) for c in needs.list_categories(self.ctx.db)),
        )
        refill_combo(
            self.building_filter,
            translate("NeedsPage", "All buildings"),
            ((b, b) for b in self._buildings()),
        )

    def _buildings(self) -> list[str]:
        listed = [b.name for b in neighborhood.list_buildings(self.ctx.db)]
        return listed + [b for b in needs.needs_buildings(self.ctx.db) if b not in listed]

    def data_changed(self, kind: str) -> None:
        if kind in (RecordKind.NEED_CATEGORY.value, RecordKind.BUILDING.value):
            self._fill_choices()
        super().data_changed(kind)

    def apply_filters(self) -> None:
        q = self.model.query
        status = self.status_filter.currentData()
        q.status = status if isinstance(status, NeedStatus) else None
        q.open_only = status == OPEN
        q.overdue_only = status == OVERDUE
        q.category_id = self.category_filter.currentData()
        q.building = self.building_filter.currentData()
        q.disputes_only = self.dispute_filter.isChecked()
        q.registered_from, q.registered_to = period_range(self.period_filter.currentData())
        self.reload()

    def empty_text(self) -> str:
        return translate(
            "NeedsPage", 'There are no needs yet. Click "New" or import them from Excel.'
        )

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        self.project_action.setEnabled(len(self.selected_rows()) == 1)

    def details_html(self, row: NeedRow) -> str:
        try:
            need = needs.get_need(self.ctx.db, row.id)
        except NotFoundError:
            return ""
        address = " ".join(p for p in (need.building, need.unit, need.room) if p)
        status = need_status_label(need.status)
        if row.overdue:
            status += translate("NeedsPage", " (overdue)")
        lines = [
            (translate("NeedsPage", "Status"), status),
            (translate("NeedsPage", "Reason"), need.status_reason),
            (translate("NeedsPage", "Category"), row.category),
            (
                translate("NeedsPage", "Property dispute"),
                translate("NeedsPage", "Yes") if need.is_dispute else "",
            ),
            (translate("NeedsPage", "Raised by"), need.raised_by),
            (translate("NeedsPage", "Phone"), need.phone),
            (translate("NeedsPage", "Address"), address),
            (translate("NeedsPage", "Source"), need_source_label(need.source)),
            (translate("NeedsPage", "Urgency"), urgency_label(need.urgency)),
            (translate("NeedsPage", "Registered on"), format_date(need.registered_on)),
            (translate("NeedsPage", "Due by"), format_date(need.due_on)),
            (translate("NeedsPage", "Handled by"), need.handled_by),
            (translate("NeedsPage", "Description"), need.description),
            (translate("NeedsPage", "How it was solved"), need.solution),
            (
                translate("NeedsPage", "Satisfaction"),
                satisfaction_label(need.satisfaction) if need.satisfaction else "",
            ),
        ]
        linked = [(p.id, p.title) for p in projects.projects_of_need(self.ctx.db, need.id)]
        history = [
            (
                0,
                f"{format_local_datetime(h.changed_at)}  {need_status_label(h.to_status)}"
                + (f"：{h.note}" if h.note else ""),
            )
            for h in needs.status_history(self.ctx.db, need.id)
        ]
        history_html = "".join(f"<li>{escape(text)}</li>" for _id, text in history)
        history_heading = escape(translate("NeedsPage", "History"))
        return (
            details_table(need.title, lines)
            + self._origins_html(need.id or 0)
            + details_links(translate("NeedsPage", "Projects answering it"), "projects", linked)
            + f"<h4>{history_heading}</h4><ul>{history_html}</ul>"
        )

    def _origins_html(self, need_id: int) -> str:
        """Where the need came from: the visit, the meeting topic or the patrol finding, each
        a link that opens its record."""
        db = self.ctx.db
        came_from = [
            (
                RecordKind.VISIT,
                v.id,
                translate("NeedsPage", "{date} {kind}: {resident}, {issue}").format(
                    date=format_date(v.visited_on),
                    kind=visit_kind_label(v.kind),
                    resident=v.resident,
                    issue=_quoted(v.issue),
                ),
            )
            for v in visits.visits_of_need(db, need_id)
        ] + [
            (
                RecordKind.MEETING,
                meeting_id,
                translate("NeedsPage", "{date} {meeting}, topic: {topic}").format(
                    date=format_date(starts_at), meeting=title, topic=topic
                ),
            )
            for meeting_id, title, starts_at, topic in meetings.topics_of_need(db, need_id)
        ]
        if (found := patrols.finding_of_need(db, need_id)) is not None:
            patrol, finding = found
            came_from.append(
                (
                    RecordKind.PATROL,
                    patrol.id,
                    translate("NeedsPage", "{date} joint patrol ({route}): {finding}").format(
                        date=format_date(patrol.held_on),
                        route=_quoted(patrol.route),
                        finding=_quoted(finding),
                    ),
                )
            )
        if not came_from:
            return ""
        links = "".join(
            f"<li><a href='{kind.value}:{record_id}'>{escape(label)}</a></li>"
            for kind, record_id, label in came_from
        )
        heading = escape(translate("NeedsPage", "Where it came from"))
        return f"<h4>{heading}</h4><ul>{links}</ul>"

    def create_project(self) -> None:
        """From a need: a new project that answers it."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        dialog = ProjectDialog(self.ctx, parent=self)
        dialog.title_edit.setText(rows[0].title)
        dialog.need_links.add(rows[0].id, rows[0].title)
        run_form(dialog)

    def edit_categories(self) -> None:
        CategoriesDialog(self.ctx, self).exec()
