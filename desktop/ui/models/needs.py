"""The needs list."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.domain.dates import format_date
from desktop.domain.needs import NeedQuery, NeedRow, NeedStatus, Urgency
from desktop.services import needs
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import need_status_label, urgency_label
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.status import need_tone


def status_text(row: NeedRow) -> str:
    label = need_status_label(row.status)
    if row.overdue:
        return translate("NeedTableModel", "{status} · overdue").format(status=label)
    return label


class NeedTableModel(PagedTableModel[NeedRow]):
    REGISTERED, TITLE, CATEGORY, RAISED_BY, BUILDING, URGENCY, STATUS, DUE = range(8)
    sort_keys = (
        "registered",
        "title",
        "category",
        "raised_by",
        "building",
        "urgency",
        "status",
        "due",
    )

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.query = NeedQuery()
        self.headers = (
            translate("NeedTableModel", "Registered"),
            translate("NeedTableModel", "Title"),
            translate("NeedTableModel", "Category"),
            translate("NeedTableModel", "Raised by"),
            translate("NeedTableModel", "Building"),
            translate("NeedTableModel", "Urgency"),
            translate("NeedTableModel", "Status"),
            translate("NeedTableModel", "Due"),
        )
        statuses = [need_status_label(s) for s in NeedStatus]
        overdue = [
            translate("NeedTableModel", "{status} · overdue").format(status=s) for s in statuses
        ]
        # What the secretary acts on first: the status (with 已逾期), the title, the deadline.
        self.plan = ColumnPlan(
            name="needs",
            order=(
                self.STATUS,
                self.TITLE,
                self.DUE,
                self.URGENCY,
                self.CATEGORY,
                self.BUILDING,
                self.RAISED_BY,
                self.REGISTERED,
            ),
            stretch=self.TITLE,
            elide=frozenset({self.TITLE}),
            samples={
                self.STATUS: (*statuses, *overdue),
                self.URGENCY: tuple(urgency_label(u) for u in Urgency),
                self.DUE: (widest_date(),),
                self.REGISTERED: (widest_date(),),
            },
        )
        super().__init__(
            fetch=lambda after, limit: needs.list_needs(db, self.query, after=after, limit=limit),
            count=lambda: needs.count_needs(db, self.query),
            parent=parent,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending

    def display(self, row: NeedRow, column: int) -> str:
        match column:
            case self.REGISTERED:
                return format_date(row.registered_on)
            case self.TITLE:
                return row.title
            case self.CATEGORY:
                return row.category
            case self.RAISED_BY:
                return row.raised_by
            case self.BUILDING:
                return row.building
            case self.URGENCY:
                return urgency_label(row.urgency)
            case self.STATUS:
                return status_text(row)
            case self.DUE:
                return format_date(row.due_on)
        return ""

    def extra_data(self, row: NeedRow, column: int, role: int) -> Any:
        tone = need_tone(row.status, row.overdue)
        if column == self.STATUS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return tone.background
            if role == Qt.ItemDataRole.ForegroundRole:
                return tone.foreground
        if column == self.DUE and row.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return tone.foreground
        if row.overdue and role == Qt.ItemDataRole.FontRole and column in (self.DUE, self.STATUS):
            font = QFont()
            font.setBold(True)
            return font
        return None
