"""The records behind a figure of the 统计 page: date, kind and title, read in the background.
Double-click (or Enter) follows the record to its page where the app has one."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.indicators import IndicatorRecord
from desktop.ui.access import name_unnamed
from desktop.ui.i18n import translate
from desktop.ui.messages import unexpected_error_text
from desktop.ui.pages import registry
from desktop.ui.tasks import run_task
from desktop.ui.widgets import count_text, make_table_view

Index = QModelIndex | QPersistentModelIndex


def openable(kind: RecordKind) -> bool:
    """Whether the main window opens records of ``kind`` (on the page that declares it); the
    others are listed only."""
    return registry.page_opening(kind) is not None


def kind_label(kind: RecordKind) -> str:
    # By member name: the partner kinds arrive with the partners' part of the app.
    labels = {
        "NEED": translate("IndicatorRecords", "Need"),
        "MEETING": translate("IndicatorRecords", "Deliberation meeting"),
        "PROJECT": translate("IndicatorRecords", "Project"),
        "VISIT": translate("IndicatorRecords", "Visit"),
        "ORGANIZATION": translate("IndicatorRecords", "Self-organization"),
        "PERSON": translate("IndicatorRecords", "Person"),
        "TALENT": translate("IndicatorRecords", "Talented resident"),
        "PARTNER_AGREEMENT": translate("IndicatorRecords", "Partner agreement"),
        "PARTNER_ACTIVITY": translate("IndicatorRecords", "Partner activity"),
    }
    return labels.get(kind.name, kind.value)


class IndicatorRecordModel(QAbstractTableModel):
    DATE, KIND, TITLE = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[IndicatorRecord] = []
        self.headers = (
            translate("IndicatorRecords", "Date"),
            translate("IndicatorRecords", "Kind"),
            translate("IndicatorRecords", "Title"),
        )

    def set_records(self, records: list[IndicatorRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (format_date(record.on), kind_label(record.kind), record.title)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and openable(record.kind):
            return translate("IndicatorRecords", "Double-click to open this record")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class IndicatorRecordsDialog(QDialog):
    """Lists what ``load()`` returns (run on a pool thread); ``open_record(kind, id)`` on a
    double-click of a record the window can open."""

    def __init__(
        self,
        title: str,
        load: Callable[[], list[IndicatorRecord]],
        open_record: Callable[[str, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._open_record = open_record
        self.heading = QLabel(title)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a category may be called "<b>"
        self.heading.setObjectName("recordsHeading")
        self.heading.setWordWrap(True)
        self.status = QLabel(translate("IndicatorRecords", "Reading the records…"))
        self.status.setWordWrap(True)
        self.model = IndicatorRecordModel(self)
        self.view = make_table_view(self)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        self.view.setModel(self.model)
        self.view.setColumnWidth(IndicatorRecordModel.DATE, 150)
        self.view.setColumnWidth(IndicatorRecordModel.KIND, 130)
        self.view.activated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        name_unnamed(self, title)
        self.resize(720, 480)
        self.loading = True
        run_task(load, self._loaded, self._failed)

    def _loaded(self, records: list[IndicatorRecord]) -> None:
        self.loading = False
        self.model.set_records(records)
        hint = (
            translate("IndicatorRecords", "Double-click a record to open it.")
            if any(openable(r.kind) for r in records)
            else ""
        )
        self.status.setText(f"{count_text(len(records))}  {hint}".strip())

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText(unexpected_error_text(exc))

    def _activated(self, index: QModelIndex) -> None:
        record = self.model.records[index.row()]
        if openable(record.kind):
            self._open_record(record.kind.value, record.id)
