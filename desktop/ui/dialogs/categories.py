"""The editable list of need categories."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.needs import NeedCategory
from desktop.services import needs
from desktop.services.needs import CategoryInUseError
from desktop.ui.access import name_unnamed
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import ask_name, warn_invalid
from desktop.ui.i18n import translate
from desktop.ui.operations import change


class CategoriesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("CategoriesDialog", "Need categories"))
        self.list = QListWidget()
        add = QPushButton(translate("CategoriesDialog", "Add…"))
        rename = QPushButton(translate("CategoriesDialog", "Rename…"))
        delete = QPushButton(translate("CategoriesDialog", "Delete"))
        add.clicked.connect(lambda: self.edit(None))
        rename.clicked.connect(lambda: self.current() and self.edit(self.current()))
        delete.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("CategoriesDialog", "Close")
        )
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (add, rename, delete):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(close)
        name_unnamed(self, self.windowTitle())
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for category in needs.list_categories(self.ctx.db):
            item = QListWidgetItem(category.name)
            item.setData(Qt.ItemDataRole.UserRole, category)
            self.list.addItem(item)

    def current(self) -> NeedCategory | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit(self, category: NeedCategory | None) -> None:
        name = ask_name(
            self,
            self.windowTitle(),
            translate("CategoriesDialog", "Category name:"),
            category.name if category else "",
        )
        if name is None:
            return
        edited = NeedCategory(name=name, id=category.id if category else None)
        change(
            self.ctx.events,
            self,
            lambda: needs.save_category(self.ctx.db, edited),
            on_done=lambda _saved: self.reload(),
            on_failure=warn_invalid(self, self.windowTitle()),
        )

    def delete(self) -> None:
        category = self.current()
        if category is None or category.id is None:
            return

        def refused(error: Exception) -> bool:
            if not isinstance(error, CategoryInUseError):
                return False
            QMessageBox.information(
                self,
                self.windowTitle(),
                translate(
                    "CategoriesDialog",
                    '{count} need(s) (trash included) use "{name}"; it cannot be deleted. '
                    "Rename it instead.",
                ).format(count=error.needs, name=error.name),
            )
            return True

        change(
            self.ctx.events,
            self,
            lambda: needs.delete_category(self.ctx.db, category.id),
            on_done=lambda _none: self.reload(),
            on_failure=refused,
        )
