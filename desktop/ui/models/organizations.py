"""The organizations list of the roster."""

from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations
from desktop.store.database import Database
from desktop.ui.i18n import translate
from desktop.ui.labels import organization_kind_label
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.models.table import Column, label_column, phone_column, wide_column


class OrganizationTableModel(PagedTableModel[Organization]):
    """A short list, kept in kind-then-name order: a header click does not sort it."""

    KIND, NAME, CONTACT, PHONE, TERM = range(5)
    ORDER = (NAME, KIND, CONTACT, PHONE, TERM)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.text = ""
        self.kind: OrganizationKind | None = None
        super().__init__(
            {
                self.KIND: label_column(
                    translate("OrganizationTableModel", "Kind"),
                    organization_kind_label,
                    lambda row: row.kind,
                    OrganizationKind,
                ),
                self.NAME: wide_column(
                    translate("OrganizationTableModel", "Name"), lambda row: row.name
                ),
                self.CONTACT: Column(
                    translate("OrganizationTableModel", "Contact"), lambda row: row.contact_name
                ),
                self.PHONE: phone_column(
                    translate("OrganizationTableModel", "Phone"), "phone", sorts=False
                ),
                self.TERM: Column(translate("OrganizationTableModel", "Term"), term_text),
            },
            # A short list, paged by offset: the rows loaded so far come before ``after``.
            fetch=lambda after, limit: organizations.list_organizations(
                db, self.text, self.kind, 0 if after is None else self.rowCount(), limit
            ),
            count=lambda: organizations.count_organizations(db, self.text, self.kind),
            parent=parent,
            name="organizations",
        )


def term_text(row: Organization) -> str:
    if row.term_start or row.term_end:
        return f"{format_date(row.term_start)} – {format_date(row.term_end)}"
    return ""
