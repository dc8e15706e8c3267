"""The people list of the roster."""

from typing import Any

from desktop.domain.roster import PeopleQuery, PersonRow
from desktop.services import people
from desktop.store.database import Database
from desktop.ui.i18n import translate
from desktop.ui.labels import role_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import Column, wide_column


class PeopleTableModel(QueryTableModel[PersonRow]):
    NAME, PHONE, BUILDING, UNIT, ROOM, PARTY, ROLES = range(7)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.NAME: Column(
                    translate("PeopleTableModel", "Name"), lambda row: row.name, sort="name"
                ),
                self.PHONE: Column(
                    translate("PeopleTableModel", "Phone"), lambda row: row.phone, sort="phone"
                ),
                self.BUILDING: Column(
                    translate("PeopleTableModel", "Building"),
                    lambda row: row.building,
                    sort="building",
                ),
                self.UNIT: Column(
                    translate("PeopleTableModel", "Unit"), lambda row: row.unit, sort="unit"
                ),
                self.ROOM: Column(
                    translate("PeopleTableModel", "Room"), lambda row: row.room, sort="room"
                ),
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
