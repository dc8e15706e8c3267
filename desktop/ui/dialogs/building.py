"""Add or edit a building."""

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QSpinBox

from desktop.domain.errors import Problem
from desktop.domain.roster import BUILDING_MAX_LENGTH, Building, Grid, validate_name
from desktop.services import neighborhood
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import line_edit


class BuildingDialog(RecordDialog):
    save_record = neighborhood.save_building

    titles = Titles(
        "BuildingDialog",
        QT_TRANSLATE_NOOP("BuildingDialog", "New building"),
        QT_TRANSLATE_NOOP("BuildingDialog", "Edit building"),
    )
    starts_in = None

    grids: list[Grid]  # the neighborhood's grids, offered in the form

    blank = partial(Building, name="")

    def build(self) -> None:
        grids = self.grids
        self.name = line_edit(self.record.name, BUILDING_MAX_LENGTH["name"])
        self.name.setPlaceholderText(translate("BuildingDialog", "e.g. 3栋"))
        self.grid = QComboBox()
        self.grid.addItem(translate("BuildingDialog", "(no grid)"), None)
        for g in grids:
            self.grid.addItem(g.name, g.id)
        self.grid.setCurrentIndex(max(0, self.grid.findData(self.record.grid_id)))
        self.units = QSpinBox(minimum=1, maximum=99, value=self.record.unit_count)
        self.add_field("name", translate("BuildingDialog", "Building"), self.name, required=True)
        self.add_field("grid", translate("BuildingDialog", "Grid"), self.grid)
        self.add_field(
            "unit_count", translate("BuildingDialog", "Number of units"), self.units, required=True
        )

    def problems(self) -> dict[str, Problem]:
        problem = validate_name(self.name.text())
        return {"name": problem} if problem else {}

    def current(self) -> Building:
        return self.edited_rows(grid_id=self.grid.currentData())
