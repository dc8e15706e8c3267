"""The needs list."""

from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.needs import NeedQuery, NeedRow, NeedStatus, Urgency
from desktop.services import needs
from desktop.store.database import Database
from desktop.ui.columns import widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import need_status_label, urgency_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import (
    Column,
    field_column,
    label_column,
    registered_column,
    title_column,
)
from desktop.ui.status import Tone, need_tone


def status_text(row: NeedRow) -> str:
    label = need_status_label(row.status)
    if row.overdue:
        return translate("NeedTableModel", "{status} · overdue").format(status=label)
    return label


class NeedTableModel(QueryTableModel[NeedRow]):
    REGISTERED, TITLE, CATEGORY, RAISED_BY, BUILDING, URGENCY, STATUS, DUE = range(8)
    # What the secretary acts on first: the status (with 已逾期), the title, the deadline.
    ORDER = (STATUS, TITLE, DUE, URGENCY, CATEGORY, BUILDING, RAISED_BY, REGISTERED)

    def __init__(self, db: Database, parent: Any = None) -> None:
        statuses = [need_status_label(s) for s in NeedStatus]
        overdue = [
            translate("NeedTableModel", "{status} · overdue").format(status=s) for s in statuses
        ]
        super().__init__(
            {
                self.REGISTERED: registered_column(translate("NeedTableModel", "Registered")),
                self.TITLE: title_column(translate("NeedTableModel", "Title")),
                self.CATEGORY: field_column(translate("NeedTableModel", "Category"), "category"),
                self.RAISED_BY: field_column(translate("NeedTableModel", "Raised by"), "raised_by"),
                self.BUILDING: field_column(translate("NeedTableModel", "Building"), "building"),
                self.URGENCY: label_column(
                    translate("NeedTableModel", "Urgency"),
                    urgency_label,
                    lambda row: row.urgency,
                    Urgency,
                    sort="urgency",
                ),
                self.STATUS: Column(
                    translate("NeedTableModel", "Status"),
                    status_text,
                    sort="status",
                    tone=lambda row: need_tone(row.status, row.overdue),
                    bold=lambda row: row.overdue,
                    samples=(*statuses, *overdue),
                ),
                self.DUE: Column(
                    translate("NeedTableModel", "Due"),
                    lambda row: format_date(row.due_on),
                    sort="due",
                    ink=lambda row: Tone.OVERDUE if row.overdue else None,
                    bold=lambda row: row.overdue,
                    samples=(widest_date(),),
                ),
            },
            db,
            NeedQuery(),
            needs.list_needs,
            needs.count_needs,
            parent,
            name="needs",
        )
