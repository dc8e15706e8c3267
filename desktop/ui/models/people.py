"""The people list of the roster."""

from typing import Any

from desktop.domain.roster import PeopleQuery, PersonRow
from desktop.services import people
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan
from desktop.ui.i18n import translate
from desktop.ui.labels import role_label
from desktop.ui.models.paged import PagedTableModel


class PeopleTableModel(PagedTableModel[PersonRow]):
    NAME, PHONE, BUILDING, UNIT, ROOM, PARTY, ROLES = range(7)
    sort_keys = ("name", "phone", "building", "unit", "room", "party", None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.query = PeopleQuery()
        self.headers = (
            translate("PeopleTableModel", "Name"),
            translate("PeopleTableModel", "Phone"),
            translate("PeopleTableModel", "Building"),
            translate("PeopleTableModel", "Unit"),
            translate("PeopleTableModel", "Room"),
            translate("PeopleTableModel", "Party member"),
            translate("PeopleTableModel", "Roles"),
        )
        self.plan = ColumnPlan(name="people", stretch=self.ROLES, elide=frozenset({self.ROLES}))
        super().__init__(
            fetch=lambda after, limit: people.list_people(db, self.query, after=after, limit=limit),
            count=lambda: people.count_people(db, self.query),
            parent=parent,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending

    def display(self, row: PersonRow, column: int) -> str:
        match column:
            case self.NAME:
                return row.name
            case self.PHONE:
                return row.phone
            case self.BUILDING:
                return row.building
            case self.UNIT:
                return row.unit
            case self.ROOM:
                return row.room
            case self.PARTY:
                return translate("PeopleTableModel", "Yes") if row.is_party_member else ""
            case self.ROLES:
                return "、".join(role_label(r) for r in sorted(row.roles, key=lambda r: r.value))
        return ""
