"""居民: the people of the roster."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox

from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Person, PersonRole, PersonRow
from desktop.services import neighborhood, people
from desktop.ui.dialogs.person import PersonDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import right_label, role_label
from desktop.ui.models.people import PeopleTableModel
from desktop.ui.pages.list_page import Filter, ListPage, Records, details_table
from desktop.ui.phones import Phone


class PeoplePage(ListPage):
    model_class = PeopleTableModel
    kind = RecordKind.PERSON
    reloads_on = (RecordKind.PERSON, RecordKind.BUILDING)
    records = Records(PersonDialog, people.get_person, people.delete_people)

    context = "PeoplePage"
    search_hint = QT_TRANSLATE_NOOP(
        "PeoplePage", "Search name, phone or room (e.g. 张伟, 1380, 1203)"
    )
    trashed_text = QT_TRANSLATE_NOOP("PeoplePage", "{count} person(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "PeoplePage", 'There are no people in the roster yet. Click "New" to add the first one.'
    )
    filter_specs = (
        Filter.of_enum(
            "role_filter", QT_TRANSLATE_NOOP("PeoplePage", "All roles"), PersonRole, "role"
        ),
        Filter(
            "building_filter",
            QT_TRANSLATE_NOOP("PeoplePage", "All buildings"),
            lambda db: ((b.name, b.id) for b in neighborhood.list_buildings(db)),
            "building_id",
            refill_on=(RecordKind.BUILDING,),
        ),
        Filter.of_two(
            "party_filter",
            QT_TRANSLATE_NOOP("PeoplePage", "Party members and others"),
            (QT_TRANSLATE_NOOP("PeoplePage", "Party members"), True),
            (QT_TRANSLATE_NOOP("PeoplePage", "Not party members"), False),
            "party_member",
        ),
    )

    def details_html(self, row: PersonRow, person: Person) -> str:
        unit = (
            translate("PeoplePage", "unit {unit}").format(unit=person.address.unit)
            if person.address.unit
            else ""
        )
        lines = [
            (translate("PeoplePage", "Phone"), Phone(person.phone)),
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
