"""Add or edit a person of the roster."""

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QWidget,
)

from desktop.domain.roster import (
    ADDRESS_MAX_LENGTH,
    PERSON_MAX_LENGTH,
    Address,
    Person,
    PersonRole,
    TalentRight,
    clean_person,
    validate_person,
)
from desktop.services import neighborhood, people
from desktop.ui.dialogs.fields import address_row, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import line_edit, phone_edit
from desktop.ui.labels import right_label, role_label


class PersonDialog(RecordDialog):
    validate = validate_person
    save_record = people.save_person
    titles = Titles(
        "PersonDialog",
        QT_TRANSLATE_NOOP("PersonDialog", "New person"),
        QT_TRANSLATE_NOOP("PersonDialog", "Edit person"),
    )

    blank = partial(Person, name="")

    def build(self) -> None:
        # Fields are created and added in the order of the rows: Tab walks them so.
        self._build_name_and_phone()
        address = self._build_address()
        roles_box = self._build_roles()
        rights_box = self._build_talent()
        self.note = text_box(self.record.note, 70)
        self._add_rows(address, roles_box, rights_box)
        self._watch_fields()
        self._talent_fields()

    def _build_name_and_phone(self) -> None:
        self.name = line_edit(self.record.name, PERSON_MAX_LENGTH["name"])
        self.name.setPlaceholderText(translate("PersonDialog", "Full name, e.g. 张伟"))
        self.phone = phone_edit(self.record.phone, PERSON_MAX_LENGTH["phone"])
        self.phone.setPlaceholderText(
            translate("PersonDialog", "e.g. 13812345678 or 0755-12345678")
        )

    def _build_address(self) -> QWidget:
        """楼栋 / 单元 / 房号 in one row; the units offered follow the building."""
        self.building = QComboBox()
        self.building.addItem(translate("PersonDialog", "(not set)"), None)
        self.buildings = {b.id: b for b in neighborhood.list_buildings(self.ctx.db)}
        for b in self.buildings.values():
            self.building.addItem(b.name, b.id)
        self.building.setCurrentIndex(
            max(0, self.building.findData(self.record.address.building_id))
        )
        self.unit = QComboBox(editable=True)
        self.unit.lineEdit().setMaxLength(ADDRESS_MAX_LENGTH["unit"])
        self.room = line_edit(self.record.address.room, ADDRESS_MAX_LENGTH["room"])
        self.room.setPlaceholderText(translate("PersonDialog", "e.g. 1203"))
        self._fill_units(self.record.address.unit)
        return address_row(self.building, self.unit, self.room, room_stretch=2)

    def _build_roles(self) -> QWidget:
        """Party membership and the roles, two to a line."""
        self.party = QCheckBox(
            translate("PersonDialog", "Party member"), checked=self.record.is_party_member
        )
        self.roles = {
            r: QCheckBox(role_label(r), checked=r in self.record.roles) for r in PersonRole
        }
        roles_box = QWidget()
        grid = QGridLayout(roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.roles.values()):
            grid.addWidget(box, i // 2, i % 2)
        return roles_box

    def _build_talent(self) -> QWidget:
        """What a talent can do and the four rights they were given."""
        self.skills = line_edit(self.record.skills, PERSON_MAX_LENGTH["skills"])
        self.skills.setPlaceholderText(translate("PersonDialog", "e.g. legal advice, plumbing"))
        self.rights = {
            r: QCheckBox(right_label(r), checked=r in self.record.talent_rights)
            for r in TalentRight
        }
        rights_box = QWidget()
        rights_row = QHBoxLayout(rights_box)
        rights_row.setContentsMargins(0, 0, 0, 0)
        for box in self.rights.values():
            rights_row.addWidget(box)
        return rights_box

    def _add_rows(self, address: QWidget, roles_box: QWidget, rights_box: QWidget) -> None:
        self.add_field("name", translate("PersonDialog", "Name"), self.name, required=True)
        self.add_field("phone", translate("PersonDialog", "Phone"), self.phone)
        self.add_field("building", translate("PersonDialog", "Building / unit / room"), address)
        self.add_field("party", "", self.party)
        self.add_field("roles", translate("PersonDialog", "Roles"), roles_box)
        self.add_field("skills", translate("PersonDialog", "Skills"), self.skills)
        self.add_field("rights", translate("PersonDialog", "Four rights"), rights_box)
        self.add_field("note", translate("PersonDialog", "Note"), self.note)

    def _watch_fields(self) -> None:
        """Every change revalidates the form and marks it changed; the talent's fields
        follow the talent role."""
        self.watch_inputs(self.room, self.unit)  # with the building: one row of three
        self.building.currentIndexChanged.connect(
            lambda _i: self._fill_units(self.unit.currentText())
        )
        self.watch_inputs(self.building, *self.roles.values(), *self.rights.values())
        self.roles[PersonRole.TALENT].toggled.connect(self._talent_fields)

    def _fill_units(self, current: str) -> None:
        building = self.buildings.get(self.building.currentData())
        count = building.unit_count if building else 0
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItems([str(n) for n in range(1, count + 1)])
        self.unit.setEditText(current)
        self.unit.lineEdit().setPlaceholderText(translate("PersonDialog", "Unit"))
        self.unit.blockSignals(False)

    def _talent_fields(self) -> None:
        is_talent = self.roles[PersonRole.TALENT].isChecked()
        self.skills.setEnabled(is_talent)
        for box in self.rights.values():
            box.setEnabled(is_talent)

    def current(self) -> Person:
        return clean_person(
            self.edited_rows(
                address=Address(
                    building_id=self.building.currentData(),
                    unit=self.unit.currentText(),
                    room=self.room.text(),
                ),
                is_party_member=self.party.isChecked(),
                roles=frozenset(r for r, box in self.roles.items() if box.isChecked()),
                talent_rights=frozenset(r for r, box in self.rights.items() if box.isChecked()),
            )
        )
