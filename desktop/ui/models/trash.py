"""The trash list: records of every kind, newest deletion first."""

from typing import Any

from desktop.domain.dates import to_local
from desktop.domain.kinds import RecordKind
from desktop.services.trash import TrashItem
from desktop.ui.i18n import translate
from desktop.ui.models.table import Column, ListModel, date_column, wide_column


def kind_label(kind: RecordKind) -> str:
    return {
        RecordKind.PERSON: translate("TrashTableModel", "Person"),
        RecordKind.ORGANIZATION: translate("TrashTableModel", "Organization"),
        RecordKind.NEED: translate("TrashTableModel", "Need"),
        RecordKind.RESOURCE: translate("TrashTableModel", "Resource"),
        RecordKind.PROJECT: translate("TrashTableModel", "Project"),
        RecordKind.VISIT: translate("TrashTableModel", "Visit"),
        RecordKind.MEETING: translate("TrashTableModel", "Meeting"),
        RecordKind.COMPACT: translate("TrashTableModel", "Compact"),
        RecordKind.PATROL: translate("TrashTableModel", "Joint patrol"),
        RecordKind.ORGANIZATION_ACTIVITY: translate(
            "TrashTableModel", "Self-organization activity"
        ),
        RecordKind.PARTNER_AGREEMENT: translate("TrashTableModel", "Partner agreement"),
        RecordKind.PARTNER_ACTIVITY: translate("TrashTableModel", "Partner activity"),
        RecordKind.EVALUATION: translate("TrashTableModel", "Evaluation"),
    }.get(kind, kind.value)


class TrashTableModel(ListModel[TrashItem]):
    KIND, TITLE, DELETED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.KIND: Column(
                    translate("TrashTableModel", "Kind"), lambda row: kind_label(row.kind)
                ),
                self.TITLE: wide_column(
                    translate("TrashTableModel", "Name"), lambda row: row.title
                ),
                self.DELETED: date_column(
                    translate("TrashTableModel", "Deleted on"), lambda row: to_local(row.deleted_at)
                ),
            },
            parent,
        )

    @property
    def items(self) -> list[TrashItem]:
        return self.rows

    def set_items(self, items: list[TrashItem]) -> None:
        self.set_rows(items)
