"""The trash list: records of every kind, newest deletion first."""

from typing import Any

from desktop.domain.dates import format_date, to_local
from desktop.domain.kinds import RecordKind
from desktop.services.trash import TrashItem
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.models.paged import RowTableModel


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


class TrashTableModel(RowTableModel[TrashItem]):
    KIND, TITLE, DELETED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("TrashTableModel", "Kind"),
            translate("TrashTableModel", "Name"),
            translate("TrashTableModel", "Deleted on"),
        )
        self.plan = ColumnPlan(
            stretch=self.TITLE,
            elide=frozenset({self.TITLE}),
            samples={self.DELETED: (widest_date(),)},
        )

    @property
    def items(self) -> list[TrashItem]:
        return self._rows

    def set_items(self, items: list[TrashItem]) -> None:
        self.beginResetModel()
        self._rows = items
        self.endResetModel()

    def display(self, row: TrashItem, column: int) -> str:
        match column:
            case self.KIND:
                return kind_label(row.kind)
            case self.TITLE:
                return row.title
            case self.DELETED:
                return format_date(to_local(row.deleted_at))
        return ""
