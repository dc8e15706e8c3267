"""组织: property company, owners' committee, self-organizations, partner units."""

from PySide6.QtWidgets import QComboBox

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import organization_kind_label
from desktop.ui.models.organizations import OrganizationTableModel
from desktop.ui.pages.list_page import ListPage, Records, details_table, filter_combo


class OrganizationsPage(ListPage):
    model_class = OrganizationTableModel
    reloads_on = (RecordKind.ORGANIZATION,)
    records = Records(
        form=OrganizationDialog, fetch=None, delete=organizations.delete_organizations
    )

    def search_hint(self) -> str:
        return translate("OrganizationsPage", "Search name, contact or phone")

    def trashed_text(self) -> str:
        return translate("OrganizationsPage", "{count} organization(s) moved to the trash.")

    def make_filters(self) -> list[QComboBox]:
        self.kind_filter = filter_combo(
            translate("OrganizationsPage", "All kinds"),
            ((organization_kind_label(k), k) for k in OrganizationKind),
        )
        return [self.kind_filter]

    def apply_filters(self) -> None:
        self.model.kind = self.kind_filter.currentData()
        self.reload()

    def empty_text(self) -> str:
        return translate(
            "OrganizationsPage",
            "No organizations yet. Add the property company, the owners' committee, "
            'self-organizations and partner units with "New".',
        )

    def details_html(self, row: Organization) -> str:
        lines = [
            (translate("OrganizationsPage", "Kind"), organization_kind_label(row.kind)),
            (translate("OrganizationsPage", "Contact person"), row.contact_name),
            (translate("OrganizationsPage", "Phone"), row.phone),
        ]
        if row.term_start or row.term_end:
            lines.append(
                (
                    translate("OrganizationsPage", "Term"),
                    f"{format_date(row.term_start)} – {format_date(row.term_end)}",
                )
            )
        if row.incubated_on:
            lines.append(
                (translate("OrganizationsPage", "Incubated on"), format_date(row.incubated_on))
            )
        lines.append((translate("OrganizationsPage", "Note"), row.note))
        return details_table(row.name, lines)

    def edit_record(self, row: Organization) -> None:
        run_form(self.make_form(row))  # the list's row is the whole record
