"""资源清单: venues, funds, skills, goods and volunteers the branch can draw on."""

from PySide6.QtWidgets import QCheckBox, QComboBox

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.domain.resources import ProviderKind, ResourceKind, ResourceRow
from desktop.services import projects, resources
from desktop.ui.dialogs.resource import ResourceDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import provider_kind_label, resource_kind_label
from desktop.ui.models.resources import ResourceTableModel
from desktop.ui.pages.list_page import ListPage, Records, details_links, details_table, filter_combo


class ResourcesPage(ListPage):
    model_class = ResourceTableModel
    ledger = LedgerKind.RESOURCES
    reloads_on = (RecordKind.RESOURCE, RecordKind.PROJECT)
    records = Records(ResourceDialog, resources.get_resource, resources.delete_resources)

    def search_hint(self) -> str:
        return translate("ResourcesPage", "Search resource, provider or contact")

    def trashed_text(self) -> str:
        return translate("ResourcesPage", "{count} resource(s) moved to the trash.")

    def make_filters(self) -> list[QComboBox | QCheckBox]:
        self.kind_filter = filter_combo(
            translate("ResourcesPage", "All kinds"),
            ((resource_kind_label(k), k) for k in ResourceKind),
        )
        self.provider_filter = filter_combo(
            translate("ResourcesPage", "All providers"),
            ((provider_kind_label(k), k) for k in ProviderKind),
        )
        self.valid_only = QCheckBox(translate("ResourcesPage", "Still valid only"))
        return [self.kind_filter, self.provider_filter, self.valid_only]

    def apply_filters(self) -> None:
        q = self.model.query
        q.kind = self.kind_filter.currentData()
        q.provider_kind = self.provider_filter.currentData()
        q.valid_only = self.valid_only.isChecked()
        self.reload()

    def empty_text(self) -> str:
        return translate(
            "ResourcesPage", 'There are no resources yet. Click "New" or import them from Excel.'
        )

    def details_html(self, row: ResourceRow) -> str:
        try:
            r = resources.get_resource(self.ctx.db, row.id)
        except NotFoundError:
            return ""
        valid = format_date(r.valid_until)
        if row.expired:
            valid += translate("ResourcesPage", " (expired)")
        lines = [
            (translate("ResourcesPage", "Kind"), resource_kind_label(r.kind)),
            (translate("ResourcesPage", "Offered by"), r.provider),
            (translate("ResourcesPage", "Offered by (kind)"), provider_kind_label(r.provider_kind)),
            (translate("ResourcesPage", "Quantity / availability"), r.availability),
            (translate("ResourcesPage", "Contact person"), r.contact),
            (translate("ResourcesPage", "Phone"), r.phone),
            (translate("ResourcesPage", "Registered on"), format_date(r.registered_on)),
            (translate("ResourcesPage", "Valid until"), valid),
            (translate("ResourcesPage", "Description"), r.description),
        ]
        used = [(p.id, p.title) for p in projects.projects_of_resource(self.ctx.db, r.id)]
        return details_table(r.title, lines) + details_links(
            translate("ResourcesPage", "Projects using it"), RecordKind.PROJECT.value, used
        )
