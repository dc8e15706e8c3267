"""居民: the people of the roster."""

from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import PersonRole, PersonRow
from desktop.services import neighborhood, people
from desktop.ui.context import AppContext
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.person import PersonDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import right_label, role_label
from desktop.ui.models.people import PeopleTableModel
from desktop.ui.pages.list_page import ListPage, details_table


class PeoplePage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PeopleTableModel(ctx.db, self)
        self.build(translate("PeoplePage", "Search name, phone or room (e.g. 张伟, 1380, 1203)"))
        self.role_filter = QComboBox()
        self.role_filter.addItem(translate("PeoplePage", "All roles"), None)
        for role in PersonRole:
            self.role_filter.addItem(role_label(role), role)
        self.building_filter = QComboBox()
        self.party_filter = QComboBox()
        self.party_filter.addItem(translate("PeoplePage", "Party members and others"), None)
        self.party_filter.addItem(translate("PeoplePage", "Party members"), True)
        self.party_filter.addItem(translate("PeoplePage", "Not party members"), False)
        for combo in (self.role_filter, self.building_filter, self.party_filter):
            self.add_filter(combo)
        self._fill_buildings()
        ctx.events.data_changed.connect(self._data_changed)
        self.reload()

    def _fill_buildings(self) -> None:
        current = self.building_filter.currentData()
        self.building_filter.blockSignals(True)
        self.building_filter.clear()
        self.building_filter.addItem(translate("PeoplePage", "All buildings"), None)
        for b in neighborhood.list_buildings(self.ctx.db):
            self.building_filter.addItem(b.name, b.id)
        self.building_filter.setCurrentIndex(max(0, self.building_filter.findData(current)))
        self.building_filter.blockSignals(False)

    def _data_changed(self, kind: str) -> None:
        if kind == RecordKind.BUILDING.value:
            self._fill_buildings()
        if kind in (RecordKind.PERSON.value, RecordKind.BUILDING.value):
            self.reload()

    def apply_filters(self) -> None:
        q = self.model.query
        q.role = self.role_filter.currentData()
        q.building_id = self.building_filter.currentData()
        q.party_member = self.party_filter.currentData()
        self.reload()

    def empty_text(self) -> str:
        return translate(
            "PeoplePage", 'There are no people in the roster yet. Click "New" to add the first one.'
        )

    def details_html(self, row: PersonRow) -> str:
        try:
            person = people.get_person(self.ctx.db, row.id)
        except NotFoundError:
            return ""
        unit = (
            translate("PeoplePage", "unit {unit}").format(unit=person.address.unit)
            if person.address.unit
            else ""
        )
        lines = [
            (translate("PeoplePage", "Phone"), person.phone),
            (
                translate("PeoplePage", "Address"),
                f"{row.building} {unit} {person.address.room}".strip(),
            ),
            (
                translate("PeoplePage", "Party member"),
                translate("PeoplePage", "Yes")
                if person.is_party_member
                else translate("PeoplePage", "No"),
            ),
            (
                translate("PeoplePage", "Roles"),
                "、".join(role_label(r) for r in PersonRole if r in person.roles),
            ),
        ]
        if PersonRole.TALENT in person.roles:
            lines.append((translate("PeoplePage", "Skills"), person.skills))
            lines.append(
                (
                    translate("PeoplePage", "Four rights"),
                    "、".join(right_label(r) for r in person.talent_rights),
                )
            )
        lines.append((translate("PeoplePage", "Note"), person.note))
        return details_table(person.name, lines)

    def create_record(self) -> None:
        dialog = PersonDialog(self.ctx, parent=self)
        run_form(dialog)

    def edit_record(self, row: PersonRow) -> None:
        self.open_form(
            people.get_person, row.id, lambda person: PersonDialog(self.ctx, person, parent=self)
        )

    def delete_records(self, rows: list[PersonRow]) -> None:
        said = translate("PeoplePage", "{count} person(s) moved to the trash.")

        def moved(count: int) -> None:
            self.status_message(said.format(count=count))
            if count < len(rows):
                QMessageBox.information(
                    self,
                    translate("PeoplePage", "Move to trash"),
                    translate("PeoplePage", "Some records had already been moved to the trash."),
                )

        self.change(lambda: people.delete_people(self.ctx.db, [r.id for r in rows]), moved)
