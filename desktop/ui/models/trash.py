"""The trash list: records of every kind, newest deletion first."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop.domain.dates import format_date, to_local
from desktop.domain.kinds import RecordKind
from desktop.services.trash import TrashItem
from desktop.ui.i18n import translate
from desktop.ui.models.paged import Index


def kind_label(kind: RecordKind) -> str:
    return {
        RecordKind.PERSON: translate("TrashTableModel", "Person"),
        RecordKind.ORGANIZATION: translate("TrashTableModel", "Organization"),
    }.get(kind, kind.value)


class TrashTableModel(QAbstractTableModel):
    KIND, TITLE, DELETED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[TrashItem] = []
        self.headers = (
            translate("TrashTableModel", "Kind"),
            translate("TrashTableModel", "Name"),
            translate("TrashTableModel", "Deleted on"),
        )

    def set_items(self, items: list[TrashItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self.items[index.row()]
        match index.column():
            case self.KIND:
                return kind_label(item.kind)
            case self.TITLE:
                return item.title
            case self.DELETED:
                return format_date(to_local(item.deleted_at))
        return None
