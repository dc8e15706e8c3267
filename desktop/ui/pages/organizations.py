"""组织: property company, owners' committee, self-organizations, partner units."""

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations
from desktop.ui.context import AppContext
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import organization_kind_label
from desktop.ui.models.organizations import OrganizationTableModel
from desktop.ui.pages.list_page import ListPage, details_table


class OrganizationsPage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = OrganizationTableModel(ctx.db, self)
        self.build(translate("OrganizationsPage", "Search name, contact or phone"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(translate("OrganizationsPage", "All kinds"), None)
        for kind in OrganizationKind:
            self.kind_filter.addItem(organization_kind_label(kind), kind)
        self.add_filter(self.kind_filter)
        ctx.events.data_changed.connect(self._data_changed)
        self.reload()

    def _data_changed(self, kind: str) -> None:
        if kind == RecordKind.ORGANIZATION.value:
            self.reload()

    def apply_filters(self) -> None:
        self.model.kind = self.kind_filter.currentData()
        self.reload()

    def set_search(self, text: str) -> None:
        self.model.text = text
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

    def create_record(self) -> None:
        dialog = OrganizationDialog(self.ctx, parent=self)
        run_form(dialog)

    def edit_record(self, row: Organization) -> None:
        dialog = OrganizationDialog(self.ctx, row, parent=self)
        run_form(dialog)

    def delete_records(self, rows: list[Organization]) -> None:
        self.move_to_trash(
            organizations.delete_organizations,
            rows,
            translate("OrganizationsPage", "{count} organization(s) moved to the trash."),
        )
