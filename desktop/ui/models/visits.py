"""The visits list (接待走访)."""

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.dates import format_date
from desktop.domain.visits import FollowUpState, VisitKind, VisitQuery, VisitRow
from desktop.services import visits
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import visit_kind_label
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.status import Tone


class VisitTableModel(PagedTableModel[VisitRow]):
    VISITED, KIND, RESIDENT, BUILDING, ISSUE, FOLLOW_UP, NEED = range(7)
    sort_keys = ("visited", None, "resident", "building", None, "follow_up", None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.query = VisitQuery()
        self.headers = (
            translate("VisitTableModel", "Date"),
            translate("VisitTableModel", "Kind"),
            translate("VisitTableModel", "Resident"),
            translate("VisitTableModel", "Building"),
            translate("VisitTableModel", "What was raised"),
            translate("VisitTableModel", "Follow up on"),
            translate("VisitTableModel", "Need"),
        )
        self.plan = ColumnPlan(
            name="visits",
            order=(
                self.VISITED,
                self.ISSUE,
                self.FOLLOW_UP,
                self.NEED,
                self.RESIDENT,
                self.BUILDING,
                self.KIND,
            ),
            stretch=self.ISSUE,
            elide=frozenset({self.ISSUE}),
            samples={
                self.VISITED: (widest_date(),),
                self.FOLLOW_UP: (
                    translate("VisitTableModel", "{date} (not done)").format(date=widest_date()),
                ),
                self.KIND: tuple(visit_kind_label(k) for k in VisitKind),
                self.NEED: (translate("VisitTableModel", "Registered"),),
            },
        )
        super().__init__(
            fetch=lambda after, limit: visits.list_visits(db, self.query, after=after, limit=limit),
            count=lambda: visits.count_visits(db, self.query),
            parent=parent,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending

    def display(self, row: VisitRow, column: int) -> str:
        match column:
            case self.VISITED:
                return format_date(row.visited_on)
            case self.KIND:
                return visit_kind_label(row.kind)
            case self.RESIDENT:
                return row.resident
            case self.BUILDING:
                return row.building
            case self.ISSUE:
                return row.issue.replace("\n", " ")
            case self.FOLLOW_UP:
                return follow_up_text(row, date.today())
            case self.NEED:
                return translate("VisitTableModel", "Registered") if row.need_id else ""
        return ""

    def extra_data(self, row: VisitRow, column: int, role: int) -> Any:
        overdue = row.follow_up_state(date.today()) is FollowUpState.OVERDUE
        if column == self.FOLLOW_UP and overdue and role == Qt.ItemDataRole.ForegroundRole:
            return Tone.OVERDUE.foreground
        return None


def follow_up_text(row: VisitRow, today: date) -> str:
    """The follow-up's day and, once it is due, where it stands: 已回访 or 未回访 (red)."""
    state = row.follow_up_state(today)
    day = format_date(row.follow_up_on)
    if state is FollowUpState.DONE:
        return translate("VisitTableModel", "{date} (done)").format(date=day)
    if state is FollowUpState.OVERDUE:
        return translate("VisitTableModel", "{date} (not done)").format(date=day)
    return day
