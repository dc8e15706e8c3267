"""The meetings list."""

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.dates import format_date
from desktop.domain.meetings import MeetingKind, MeetingQuery, MeetingRow
from desktop.services import meetings
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import meeting_kind_label
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.status import Tone


def minutes_state(final: bool) -> str:
    return (
        translate("MeetingTableModel", "Final")
        if final
        else translate("MeetingTableModel", "Draft")
    )


class MeetingTableModel(PagedTableModel[MeetingRow]):
    STARTS, TITLE, KIND, PLACE, PRESENT, TOPICS, CONSENSUS, OPEN_ACTIONS, STATE = range(9)
    sort_keys = ("starts", "title", "kind", None, None, None, None, None, None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.query = MeetingQuery()
        self.headers = (
            translate("MeetingTableModel", "Date"),
            translate("MeetingTableModel", "Meeting"),
            translate("MeetingTableModel", "Kind"),
            translate("MeetingTableModel", "Place"),
            translate("MeetingTableModel", "Present"),
            translate("MeetingTableModel", "Topics"),
            translate("MeetingTableModel", "Consensus"),
            translate("MeetingTableModel", "Open actions"),
            translate("MeetingTableModel", "Minutes"),
        )
        # When, what, whether the minutes are final, and what came of it; the place last.
        self.plan = ColumnPlan(
            name="meetings",
            order=(
                self.STARTS,
                self.TITLE,
                self.STATE,
                self.TOPICS,
                self.CONSENSUS,
                self.OPEN_ACTIONS,
                self.PRESENT,
                self.KIND,
                self.PLACE,
            ),
            stretch=self.TITLE,
            elide=frozenset({self.TITLE, self.PLACE}),
            samples={
                self.STARTS: (f"{widest_date()} 20:30",),
                self.KIND: tuple(meeting_kind_label(k) for k in MeetingKind),
                self.STATE: (minutes_state(True), minutes_state(False)),
            },
        )
        super().__init__(
            fetch=lambda after, limit: meetings.list_meetings(
                db, self.query, after=after, limit=limit
            ),
            count=lambda: meetings.count_meetings(db, self.query),
            parent=parent,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending

    def display(self, row: MeetingRow, column: int) -> str:
        match column:
            case self.STARTS:
                return f"{format_date(row.starts_at)} {row.starts_at:%H:%M}"
            case self.TITLE:
                return row.title
            case self.KIND:
                return meeting_kind_label(row.kind)
            case self.PLACE:
                return row.place
            case self.PRESENT:
                return str(row.attendees)
            case self.TOPICS:
                return str(row.topics)
            case self.CONSENSUS:
                return str(row.consensus)
            case self.OPEN_ACTIONS:
                return str(row.open_actions) if row.open_actions else ""
            case self.STATE:
                return minutes_state(row.final)
        return ""

    def extra_data(self, row: MeetingRow, column: int, role: int) -> Any:
        if column == self.STATE:
            tone = Tone.DONE if row.final else Tone.WAITING
            if role == Qt.ItemDataRole.BackgroundRole:
                return tone.background
            if role == Qt.ItemDataRole.ForegroundRole:
                return tone.foreground
        return None
