"""The meetings list."""

from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.meetings import MeetingKind, MeetingQuery, MeetingRow
from desktop.services import meetings
from desktop.store.database import Database
from desktop.ui.columns import widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import meeting_kind_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import Column, count_column, label_column, title_column
from desktop.ui.status import Tone


def minutes_state(final: bool) -> str:
    return (
        translate("MeetingTableModel", "Final")
        if final
        else translate("MeetingTableModel", "Draft")
    )


class MeetingTableModel(QueryTableModel[MeetingRow]):
    STARTS, TITLE, KIND, PLACE, PRESENT, TOPICS, CONSENSUS, OPEN_ACTIONS, STATE = range(9)
    # When, what, whether the minutes are final, and what came of it; the place last.
    ORDER = (STARTS, TITLE, STATE, TOPICS, CONSENSUS, OPEN_ACTIONS, PRESENT, KIND, PLACE)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.STARTS: Column(
                    translate("MeetingTableModel", "Date"),
                    lambda row: f"{format_date(row.starts_at)} {row.starts_at:%H:%M}",
                    sort="starts",
                    samples=(f"{widest_date()} 20:30",),
                ),
                self.TITLE: title_column(translate("MeetingTableModel", "Meeting")),
                self.KIND: label_column(
                    translate("MeetingTableModel", "Kind"),
                    meeting_kind_label,
                    lambda row: row.kind,
                    MeetingKind,
                    sort="kind",
                ),
                self.PLACE: Column(
                    translate("MeetingTableModel", "Place"), lambda row: row.place, elide=True
                ),
                self.PRESENT: Column(
                    translate("MeetingTableModel", "Present"), lambda row: str(row.attendees)
                ),
                self.TOPICS: Column(
                    translate("MeetingTableModel", "Topics"), lambda row: str(row.topics)
                ),
                self.CONSENSUS: Column(
                    translate("MeetingTableModel", "Consensus"), lambda row: str(row.consensus)
                ),
                self.OPEN_ACTIONS: count_column(
                    translate("MeetingTableModel", "Open actions"), lambda row: row.open_actions
                ),
                self.STATE: label_column(
                    translate("MeetingTableModel", "Minutes"),
                    minutes_state,
                    lambda row: row.final,
                    (True, False),
                    tone=lambda row: Tone.DONE if row.final else Tone.WAITING,
                ),
            },
            db,
            MeetingQuery(),
            meetings.list_meetings,
            meetings.count_meetings,
            parent,
            name="meetings",
        )
