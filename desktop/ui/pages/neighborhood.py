"""小区与楼栋: the neighborhood's name, its grids and its buildings."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import (
    NEIGHBORHOOD_MAX_LENGTH,
    Building,
    Grid,
    Neighborhood,
    validate_neighborhood,
)
from desktop.services import neighborhood
from desktop.services.neighborhood import BuildingInUseError
from desktop.ui.dialogs.building import BuildingDialog
from desktop.ui.dialogs.form import run_form
from desktop.ui.i18n import translate
from desktop.ui.messages import problem_text
from desktop.ui.operations import change
from desktop.ui.pages.watching import WatchingPage
from desktop.ui.widgets import FieldError, confirm, make_short_table


def with_buttons(box: QGroupBox, view: QWidget, *buttons: tuple[str, Callable[[], None]]) -> None:
    """Lay out ``box``: the list, then a row of buttons (each a text and what it does)."""
    row = QHBoxLayout()
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, slot=slot: slot())
        row.addWidget(button)
    layout = QVBoxLayout(box)
    layout.addWidget(view)
    layout.addLayout(row)


class NeighborhoodPage(WatchingPage):
    reloads_on = (RecordKind.GRID, RecordKind.BUILDING, RecordKind.NEIGHBORHOOD)

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._neighborhood_box())
        row = QHBoxLayout()
        row.addWidget(self._grids_box(), 1)
        row.addWidget(self._buildings_box(), 2)
        layout.addLayout(row, 1)

    # -- the neighborhood -----------------------------------------------------------------
    def _neighborhood_box(self) -> QGroupBox:
        box = QGroupBox(translate("NeighborhoodPage", "Neighborhood"))
        form = QFormLayout(box)
        self.hood_fields: dict[str, tuple[QLineEdit, FieldError]] = {}
        for key, label in (
            ("name", translate("NeighborhoodPage", "Neighborhood name")),
            ("community", translate("NeighborhoodPage", "Community")),
            ("street", translate("NeighborhoodPage", "Street office")),
        ):
            edit, error = QLineEdit(maxLength=NEIGHBORHOOD_MAX_LENGTH[key]), FieldError()
            edit.textChanged.connect(self._hood_edited)
            column = QVBoxLayout()
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(f"{label}＊", column)
            self.hood_fields[key] = (edit, error)
        self.hood_save = QPushButton(translate("NeighborhoodPage", "Save"))
        self.hood_save.clicked.connect(self._save_hood)
        form.addRow("", self.hood_save)
        return box

    def _hood(self) -> Neighborhood:
        return Neighborhood(**{k: e.text() for k, (e, _err) in self.hood_fields.items()})

    def _hood_edited(self) -> None:
        problems = validate_neighborhood(self._hood())
        for key, (_edit, error) in self.hood_fields.items():
            error.set_error(problem_text(problems[key]) if key in problems else None)
        self.hood_save.setEnabled(not problems and self._hood() != self._saved_hood)

    def _save_hood(self) -> None:
        def saved(hood: Neighborhood) -> None:
            self._saved_hood = hood
            self._hood_edited()

        change(
            self.ctx.events,
            self,
            lambda: neighborhood.save_neighborhood(self.ctx.db, self._hood()),
            on_done=saved,
            # The fields show their problems as she types; 保存 is enabled only without any.
            on_failure=lambda error: isinstance(error, ValidationError),
        )

    # -- grids ----------------------------------------------------------------------------
    def _grids_box(self) -> QGroupBox:
        box = QGroupBox(translate("NeighborhoodPage", "Grids"))
        self.grid_list = QListWidget()
        self.grid_list.itemDoubleClicked.connect(lambda _i: self._rename_grid())
        with_buttons(
            box,
            self.grid_list,
            (translate("NeighborhoodPage", "Add"), lambda: self._edit_grid(None)),
            (translate("NeighborhoodPage", "Rename"), self._rename_grid),
            (translate("NeighborhoodPage", "Delete"), self._delete_grid),
        )
        return box

    def _current_grid(self) -> Grid | None:
        item = self.grid_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _rename_grid(self) -> None:
        if (grid := self._current_grid()) is not None:
            self._edit_grid(grid)

    def _edit_grid(self, grid: Grid | None) -> None:
        name, ok = QInputDialog.getText(
            self,
            translate("NeighborhoodPage", "Grid"),
            translate("NeighborhoodPage", "Grid name:"),
            text=grid.name if grid else "",
        )
        if not ok:
            return

        def refused(error: Exception) -> bool:
            if not isinstance(error, ValidationError):
                return False
            QMessageBox.warning(
                self,
                translate("NeighborhoodPage", "Grid"),
                problem_text(next(iter(error.problems.values()))),
            )
            return True

        edited = Grid(name=name, id=grid.id if grid else None)
        change(
            self.ctx.events,
            self,
            lambda: neighborhood.save_grid(self.ctx.db, edited),
            on_failure=refused,
        )

    def _delete_grid(self) -> None:
        grid = self._current_grid()
        if grid is None:
            return
        if confirm(
            self,
            translate("NeighborhoodPage", "Delete grid"),
            translate(
                "NeighborhoodPage",
                'Delete the grid "{name}"? Its buildings stay in the list without a grid.',
            ).format(name=grid.name),
            default=QMessageBox.StandardButton.NoButton,
        ):
            change(
                self.ctx.events, self, lambda: neighborhood.delete_grid(self.ctx.db, grid.id or 0)
            )

    # -- buildings ------------------------------------------------------------------------
    def _buildings_box(self) -> QGroupBox:
        box = QGroupBox(translate("NeighborhoodPage", "Buildings"))
        self.building_table = make_short_table(
            [
                translate("NeighborhoodPage", "Building"),
                translate("NeighborhoodPage", "Grid"),
                translate("NeighborhoodPage", "Units"),
            ]
        )
        self.building_table.itemActivated.connect(lambda _i: self._edit_building(True))
        with_buttons(
            box,
            self.building_table,
            (translate("NeighborhoodPage", "Add"), lambda: self._edit_building(False)),
            (translate("NeighborhoodPage", "Edit"), lambda: self._edit_building(True)),
            (translate("NeighborhoodPage", "Delete"), self._delete_building),
        )
        return box

    def _current_building(self) -> Building | None:
        row = self.building_table.currentRow()
        item = self.building_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _edit_building(self, existing: bool) -> None:
        building = self._current_building() if existing else None
        if existing and building is None:
            return
        dialog = BuildingDialog(self.ctx, building, self, grids=self.grids)
        run_form(dialog)

    def _delete_building(self) -> None:
        building = self._current_building()
        if building is None:
            return
        if not confirm(
            self,
            translate("NeighborhoodPage", "Delete building"),
            translate("NeighborhoodPage", 'Delete the building "{name}"?').format(
                name=building.name
            ),
            default=QMessageBox.StandardButton.NoButton,
        ):
            return

        def refused(error: Exception) -> bool:
            if isinstance(error, BuildingInUseError):
                QMessageBox.information(
                    self,
                    translate("NeighborhoodPage", "Delete building"),
                    translate(
                        "NeighborhoodPage",
                        '{count} person(s) in the roster (trash included) live in "{name}". '
                        "Move them to another building first.",
                    ).format(count=error.people, name=error.name),
                )
            return isinstance(error, DomainError)

        change(
            self.ctx.events,
            self,
            lambda: neighborhood.delete_building(self.ctx.db, building.id or 0),
            on_failure=refused,
        )

    # -- refresh --------------------------------------------------------------------------
    def reload(self) -> None:
        self._saved_hood = neighborhood.get_neighborhood(self.ctx.db)
        for key, (edit, _error) in self.hood_fields.items():
            edit.blockSignals(True)
            edit.setText(getattr(self._saved_hood, key))
            edit.blockSignals(False)
        self._hood_edited()
        self.grids = neighborhood.list_grids(self.ctx.db)
        grid_names = {g.id: g.name for g in self.grids}
        self.grid_list.clear()
        for g in self.grids:
            item = QListWidgetItem(g.name)
            item.setData(Qt.ItemDataRole.UserRole, g)
            self.grid_list.addItem(item)
        buildings = neighborhood.list_buildings(self.ctx.db)
        self.building_table.setRowCount(len(buildings))
        for row, b in enumerate(buildings):
            name = QTableWidgetItem(b.name)
            name.setData(Qt.ItemDataRole.UserRole, b)
            self.building_table.setItem(row, 0, name)
            self.building_table.setItem(row, 1, QTableWidgetItem(grid_names.get(b.grid_id, "")))
            self.building_table.setItem(row, 2, QTableWidgetItem(str(b.unit_count)))
