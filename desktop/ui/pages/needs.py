"""需求清单: residents' needs, followed from 待受理 to 已解决."""

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction

from desktop.domain.dates import format_date, format_local_datetime
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.domain.needs import Need, NeedRow, NeedStatus
from desktop.services import meetings, needs, neighborhood, patrols, projects, visits
from desktop.store.database import Database
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
    Filter,
    ListPage,
    Records,
    details_links,
    details_table,
)
from desktop.ui.pages.periods import REGISTERED
from desktop.ui.phones import Phone

OPEN, OVERDUE = "open", "overdue"
_QUOTED = 30  # characters of an issue or a finding quoted in a link


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


def _statuses(_db: Database) -> list[tuple[str, Any]]:
    """The status filter: the two views that span statuses, then each status."""
    return [
        (translate("NeedsPage", "Not yet closed"), OPEN),
        (translate("NeedsPage", "Overdue"), OVERDUE),
        *((need_status_label(status), status) for status in NeedStatus),
    ]


def _set_status(query: Any, status: Any) -> None:
    query.status = status if isinstance(status, NeedStatus) else None
    query.open_only = status == OPEN
    query.overdue_only = status == OVERDUE


def _buildings(db: Database) -> list[str]:
    """The buildings listed, then those only named on needs."""
    listed = [b.name for b in neighborhood.list_buildings(db)]
    return listed + [b for b in needs.needs_buildings(db) if b not in listed]


class NeedsPage(ListPage):
    model_class = NeedTableModel
    ledger = LedgerKind.NEEDS
    kind = RecordKind.NEED
    reloads_on = (RecordKind.NEED, RecordKind.NEED_CATEGORY, RecordKind.PROJECT)
    records = Records(NeedDialog, needs.get_need, needs.delete_needs)

    context = "NeedsPage"
    search_hint = QT_TRANSLATE_NOOP("NeedsPage", "Search title, name, phone or address")
    trashed_text = QT_TRANSLATE_NOOP("NeedsPage", "{count} need(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "NeedsPage", 'There are no needs yet. Click "New" or import them from Excel.'
    )
    filter_specs = (
        Filter(
            "status_filter", QT_TRANSLATE_NOOP("NeedsPage", "All statuses"), _statuses, _set_status
        ),
        Filter(
            "category_filter",
            QT_TRANSLATE_NOOP("NeedsPage", "All categories"),
            lambda db: ((c.name, c.id) for c in needs.list_categories(db)),
            "category_id",
            refill_on=(RecordKind.NEED_CATEGORY, RecordKind.BUILDING),
        ),
        Filter(
            "building_filter",
            QT_TRANSLATE_NOOP("NeedsPage", "All buildings"),
            lambda db: ((b, b) for b in _buildings(db)),
            "building",
            refill_on=(RecordKind.NEED_CATEGORY, RecordKind.BUILDING),
        ),
        REGISTERED,
        Filter.check(
            "dispute_filter",
            QT_TRANSLATE_NOOP("NeedsPage", "Property disputes only"),
            "disputes_only",
        ),
    )

    def add_tools(self) -> None:
        self.project_action = QAction(translate("NeedsPage", "Create project"), self)
        self.project_action.triggered.connect(self.create_project)
        self.categories_action = QAction(translate("NeedsPage", "Categories…"), self)
        self.categories_action.triggered.connect(self.edit_categories)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.project_action)
        self.toolbar.addAction(self.categories_action)

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        self.project_action.setEnabled(len(self.selected_rows()) == 1)

    def details_html(self, row: NeedRow, need: Need) -> str:
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
            (translate("NeedsPage", "Phone"), Phone(need.phone)),
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
