"""Record a joint patrol of the building leaders: date, route, who, and what was found where."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from desktop.domain.federation import (
    FINDING_MAX_LENGTH,
    Finding,
    Patrol,
    clean_patrol,
    validate_patrol,
)
from desktop.services import neighborhood, patrols
from desktop.ui.dialogs.fields import list_with_buttons, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import date_edit, editable_combo

DESCRIPTION, BUILDING = range(2)


class PatrolDialog(RecordDialog):
    validate = validate_patrol
    save_record = patrols.save_patrol

    titles = Titles(
        "PatrolDialog",
        QT_TRANSLATE_NOOP("PatrolDialog", "New joint patrol"),
        QT_TRANSLATE_NOOP("PatrolDialog", "Edit patrol"),
    )
    starts_in = "route"

    blank = Patrol

    def build(self) -> None:
        ctx = self.ctx
        self.setMinimumWidth(620)
        p = self.record
        self.held_on = date_edit(p.held_on)
        self.route = text_box(p.route, 48)
        self.route.setPlaceholderText(
            translate("PatrolDialog", "e.g. 1栋 → 2栋 → underground car park → east gate")
        )
        self.participants = text_box(p.participants, 48)
        self.participants.setPlaceholderText(
            translate("PatrolDialog", "Building leaders, property staff … separated by 、")
        )
        self.note = text_box(p.note, 48)
        self.buildings = [""] + [b.name for b in neighborhood.list_buildings(ctx.db)]
        self.findings = QTableWidget(0, 2)
        self.findings.setHorizontalHeaderLabels(
            [translate("PatrolDialog", "What was found"), translate("PatrolDialog", "Building")]
        )
        self.findings.verticalHeader().hide()
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.findings.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BUILDING, QHeaderView.ResizeMode.Fixed)
        self.findings.setColumnWidth(BUILDING, 130)
        self.findings.setMinimumHeight(150)
        self._ids: list[int | None] = []
        self._needs: list[int | None] = []
        for finding in p.findings:
            self.add_finding(finding)
        add = QPushButton(translate("PatrolDialog", "Add a finding"))
        add.clicked.connect(lambda: self.add_finding(Finding("")))
        self.remove = QPushButton(translate("PatrolDialog", "Remove the finding"))
        self.remove.clicked.connect(self.remove_finding)
        box = list_with_buttons(self.findings, (add, self.remove), view_stretch=0, tight=True)

        self.add_field("held_on", translate("PatrolDialog", "Date"), self.held_on, True)
        self.add_field("route", translate("PatrolDialog", "Route"), self.route, True)
        self.add_field("participants", translate("PatrolDialog", "Who"), self.participants, True)
        self.add_field("findings", translate("PatrolDialog", "Findings"), box, checked=True)
        self.add_field("note", translate("PatrolDialog", "Note"), self.note)
        self.watch_inputs(self.findings)  # its row holds the table and its buttons

    def add_finding(self, finding: Finding) -> None:
        row = self.findings.rowCount()
        self.findings.blockSignals(True)  # no "changed" for a half-built row
        self.findings.insertRow(row)
        item = QTableWidgetItem(finding.description)
        self.findings.setItem(row, DESCRIPTION, item)
        combo = editable_combo(self.buildings, finding.building, FINDING_MAX_LENGTH["building"])
        combo.currentTextChanged.connect(self.changed)
        self.findings.setCellWidget(row, BUILDING, combo)
        self._ids.append(finding.id)
        self._needs.append(finding.need_id)
        self.findings.blockSignals(False)
        if not finding.description:
            self.findings.setCurrentCell(row, DESCRIPTION)
            self.findings.editItem(item)
        self.changed()

    def remove_finding(self) -> None:
        row = self.findings.currentRow()
        if row < 0:
            return
        self.findings.removeRow(row)
        del self._ids[row], self._needs[row]
        self.changed()

    def current(self) -> Patrol:
        findings = []
        for row in range(self.findings.rowCount()):
            item = self.findings.item(row, DESCRIPTION)
            combo = self.findings.cellWidget(row, BUILDING)
            findings.append(
                Finding(
                    item.text() if item else "",
                    combo.currentText(),
                    self._needs[row],
                    self._ids[row],
                )
            )
        return clean_patrol(self.edited_rows(findings=findings))
