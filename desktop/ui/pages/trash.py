"""回收站: restore what was deleted; destroying it for good is a second, explicit step."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.services import trash
from desktop.services.trash import TRASHABLE, TrashItem
from desktop.ui.columns import ColumnFitter
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.models.trash import TrashTableModel
from desktop.ui.operations import change
from desktop.ui.widgets import count_text, make_table_view


class TrashPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TrashTableModel(self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.columns = ColumnFitter(self.view, self.model.plan)
        self.restore_button = QPushButton(translate("TrashPage", "Restore"))
        self.purge_button = QPushButton(translate("TrashPage", "Delete permanently…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.count_label = QLabel()
        self.hint = QLabel(
            translate(
                "TrashPage",
                "Deleted records wait here. Restore puts them back in their "
                "list; deleting permanently cannot be undone.",
            )
        )
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch()
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.events.data_changed.connect(self._data_changed)
        self.reload()

    def _data_changed(self, kind: str) -> None:
        if kind in {k.value for k in TRASHABLE}:
            self.reload()

    def reload(self) -> None:
        self.model.set_items(trash.list_trash(self.ctx.db))
        self.count_label.setText(count_text(len(self.model.items)))
        self._selection_changed()

    def selected(self) -> list[TrashItem]:
        return [self.model.items[i.row()] for i in self.view.selectionModel().selectedRows()]

    def _selection_changed(self, *_args: object) -> None:
        has = bool(self.selected())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def restore_selected(self) -> None:
        items = self.selected()
        if not items:
            return

        def restored(count: int) -> None:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(
                    translate("TrashPage", "{count} record(s) restored.").format(count=count), 8000
                )

        change(self.ctx.events, self, lambda: trash.restore(self.ctx.db, items), on_done=restored)

    def purge_selected(self) -> None:
        items = self.selected()
        if not items:
            return
        answer = QMessageBox.warning(
            self,
            translate("TrashPage", "Delete permanently"),
            translate(
                "TrashPage", "Permanently delete {count} record(s)? This cannot be undone."
            ).format(count=len(items)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            change(self.ctx.events, self, lambda: trash.purge(self.ctx.db, items))
