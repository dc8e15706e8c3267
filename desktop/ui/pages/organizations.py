"""组织: property company, owners' committee, self-organizations, partner units."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import organization_kind_label
from desktop.ui.models.organizations import OrganizationTableModel
from desktop.ui.pages.list_page import Filter, ListPage, Records, details_table
from desktop.ui.phones import Phone


class OrganizationsPage(ListPage):
    model_class = OrganizationTableModel
    kind = RecordKind.ORGANIZATION
    reloads_on = (RecordKind.ORGANIZATION,)
    records = Records(
        form=OrganizationDialog, fetch=None, delete=organizations.delete_organizations
    )

    context = "OrganizationsPage"
    search_hint = QT_TRANSLATE_NOOP("OrganizationsPage", "Search name, contact or phone")
    trashed_text = QT_TRANSLATE_NOOP(
        "OrganizationsPage", "{count} organization(s) moved to the trash."
    )
    empty_text = QT_TRANSLATE_NOOP(
        "OrganizationsPage",
        "No organizations yet. Add the property company, the owners' committee, "
        'self-organizations and partner units with "New".',
    )
    filter_specs = (
        Filter.of_enum(
            "kind_filter",
            QT_TRANSLATE_NOOP("OrganizationsPage", "All kinds"),
            OrganizationKind,
            "kind",
        ),
    )

    def details_html(self, row: Organization, _record: Organization) -> str:
        lines = [
            (translate("OrganizationsPage", "Kind"), organization_kind_label(row.kind)),
            (translate("OrganizationsPage", "Contact person"), row.contact_name),
            (translate("OrganizationsPage", "Phone"), Phone(row.phone)),
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
