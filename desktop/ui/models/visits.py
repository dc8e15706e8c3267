"""The visits list (接待走访)."""

from datetime import date
from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.visits import FollowUpState, VisitKind, VisitQuery, VisitRow
from desktop.services import visits
from desktop.store.database import Database
from desktop.ui.columns import widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import visit_kind_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import Column, date_column, field_column, label_column, note_column
from desktop.ui.status import Tone


class VisitTableModel(QueryTableModel[VisitRow]):
    VISITED, KIND, RESIDENT, BUILDING, ISSUE, FOLLOW_UP, NEED = range(7)
    ORDER = (VISITED, ISSUE, FOLLOW_UP, NEED, RESIDENT, BUILDING, KIND)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.VISITED: date_column(
                    translate("VisitTableModel", "Date"), lambda row: row.visited_on, sort="visited"
                ),
                self.KIND: label_column(
                    translate("VisitTableModel", "Kind"),
                    visit_kind_label,
                    lambda row: row.kind,
                    VisitKind,
                ),
                self.RESIDENT: field_column(translate("VisitTableModel", "Resident"), "resident"),
                self.BUILDING: field_column(translate("VisitTableModel", "Building"), "building"),
                self.ISSUE: note_column(
                    translate("VisitTableModel", "What was raised"), lambda row: row.issue
                ),
                self.FOLLOW_UP: Column(
                    translate("VisitTableModel", "Follow up on"),
                    lambda row: follow_up_text(row, date.today()),
                    sort="follow_up",
                    ink=follow_up_tone,
                    samples=(
                        translate("VisitTableModel", "{date} (not done)").format(
                            date=widest_date()
                        ),
                    ),
                ),
                self.NEED: Column(
                    translate("VisitTableModel", "Need"),
                    lambda row: translate("VisitTableModel", "Registered") if row.need_id else "",
                    samples=(translate("VisitTableModel", "Registered"),),
                ),
            },
            db,
            VisitQuery(),
            visits.list_visits,
            visits.count_visits,
            parent,
            name="visits",
        )


def follow_up_tone(row: VisitRow) -> Tone | None:
    """Red once the follow-up is due and not done."""
    overdue = row.follow_up_state(date.today()) is FollowUpState.OVERDUE
    return Tone.OVERDUE if overdue else None


def follow_up_text(row: VisitRow, today: date) -> str:
    """The follow-up's day and, once it is due, where it stands: 已回访 or 未回访 (red)."""
    state = row.follow_up_state(today)
    day = format_date(row.follow_up_on)
    if state is FollowUpState.DONE:
        return translate("VisitTableModel", "{date} (done)").format(date=day)
    if state is FollowUpState.OVERDUE:
        return translate("VisitTableModel", "{date} (not done)").format(date=day)
    return day
