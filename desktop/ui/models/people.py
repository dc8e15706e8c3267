"""The people list of the roster."""

from typing import Any

from desktop.domain.roster import PeopleQuery, PersonRow
from desktop.services import people
from desktop.store.database import Database
from desktop.ui.i18n import translate
from desktop.ui.labels import role_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import Column, field_column, phone_column, wide_column


class PeopleTableModel(QueryTableModel[PersonRow]):
    NAME, PHONE, BUILDING, UNIT, ROOM, PARTY, ROLES = range(7)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.NAME: field_column(translate("PeopleTableModel", "Name"), "name"),
                self.PHONE: phone_column(translate("PeopleTableModel", "Phone"), "phone"),
                self.BUILDING: field_column(translate("PeopleTableModel", "Building"), "building"),
                self.UNIT: field_column(translate("PeopleTableModel", "Unit"), "unit"),
                self.ROOM: field_column(translate("PeopleTableModel", "Room"), "room"),
                self.PARTY: Column(
                    translate("PeopleTableModel", "Party member"),
                    lambda row: translate("PeopleTableModel", "Yes") if row.is_party_member else "",
                    sort="party",
                ),
                self.ROLES: wide_column(translate("PeopleTableModel", "Roles"), roles_text),
            },
            db,
            PeopleQuery(),
            people.list_people,
            people.count_people,
            parent,
            name="people",
        )


def roles_text(row: PersonRow) -> str:
    return "、".join(role_label(r) for r in sorted(row.roles, key=lambda r: r.value))
