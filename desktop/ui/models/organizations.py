"""The organizations list of the roster."""

from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan
from desktop.ui.i18n import translate
from desktop.ui.labels import organization_kind_label
from desktop.ui.models.paged import PagedTableModel


class OrganizationTableModel(PagedTableModel[Organization]):
    KIND, NAME, CONTACT, PHONE, TERM = range(5)
    sort_keys = (None, None, None, None, None)  # a short list, kept in kind-then-name order

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.text = ""
        self.kind: OrganizationKind | None = None
        self.headers = (
            translate("OrganizationTableModel", "Kind"),
            translate("OrganizationTableModel", "Name"),
            translate("OrganizationTableModel", "Contact"),
            translate("OrganizationTableModel", "Phone"),
            translate("OrganizationTableModel", "Term"),
        )
        self.plan = ColumnPlan(
            name="organizations",
            order=(self.NAME, self.KIND, self.CONTACT, self.PHONE, self.TERM),
            stretch=self.NAME,
            elide=frozenset({self.NAME}),
            samples={self.KIND: tuple(organization_kind_label(k) for k in OrganizationKind)},
        )
        super().__init__(
            # A short list, paged by offset: the rows loaded so far come before ``after``.
            fetch=lambda after, limit: organizations.list_organizations(
                db, self.text, self.kind, 0 if after is None else self.rowCount(), limit
            ),
            count=lambda: organizations.count_organizations(db, self.text, self.kind),
            parent=parent,
        )

    def display(self, row: Organization, column: int) -> str:
        match column:
            case self.KIND:
                return organization_kind_label(row.kind)
            case self.NAME:
                return row.name
            case self.CONTACT:
                return row.contact_name
            case self.PHONE:
                return row.phone
            case self.TERM:
                if row.term_start or row.term_end:
                    return f"{format_date(row.term_start)} – {format_date(row.term_end)}"
        return ""
