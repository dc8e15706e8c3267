"""居民: the people of the roster."""

from PySide6.QtWidgets import QComboBox, QMessageBox

from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import PersonRole, PersonRow
from desktop.services import neighborhood, people
from desktop.ui.dialogs.person import PersonDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import right_label, role_label
from desktop.ui.models.people import PeopleTableModel
from desktop.ui.pages.list_page import ListPage, Records, details_table, filter_combo, refill_combo


class PeoplePage(ListPage):
    model_class = PeopleTableModel
    reloads_on = (RecordKind.PERSON, RecordKind.BUILDING)
    records = Records(PersonDialog, people.get_person, people.delete_people)

    def search_hint(self) -> str:
        return translate("PeoplePage", "Search name, phone or room (e.g. 张伟, 1380, 1203)")

    def trashed_text(self) -> str:
        return translate("PeoplePage", "{count} person(s) moved to the trash.")

    def make_filters(self) -> list[QComboBox]:
        self.role_filter = filter_combo(
            translate("PeoplePage", "All roles"), ((role_label(r), r) for r in PersonRole)
        )
        self.building_filter = QComboBox()
        self._fill_buildings()
        self.party_filter = filter_combo(
            translate("PeoplePage", "Party members and others"),
            (
                (translate("PeoplePage", "Party members"), True),
                (translate("PeoplePage", "Not party members"), False),
            ),
        )
        return [self.role_filter, self.building_filter, self.party_filter]

    def _fill_buildings(self) -> None:
        refill_combo(
            self.building_filter,
            translate("PeoplePage", "All buildings"),
            ((b.name, b.id) for b in neighborhood.list_buildings(self.ctx.db)),
        )

    def data_changed(self, kind: str) -> None:
        if kind == RecordKind.BUILDING.value:
            self._fill_buildings()
        super().data_changed(kind)

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

    def trashed(self, moved: int, rows: list[PersonRow]) -> None:
        super().trashed(moved, rows)
        if moved < len(rows):
            QMessageBox.information(
                self,
                translate("PeoplePage", "Move to trash"),
                translate("PeoplePage", "Some records had already been moved to the trash."),
            )
