"""资源清单: venues, funds, skills, goods and volunteers the branch can draw on."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.domain.resources import ProviderKind, Resource, ResourceKind, ResourceRow
from desktop.services import projects, resources
from desktop.ui.dialogs.resource import ResourceDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import provider_kind_label, resource_kind_label
from desktop.ui.models.resources import ResourceTableModel
from desktop.ui.pages.list_page import (
    Filter,
    ListPage,
    Records,
    details_links,
    details_table,
)
from desktop.ui.phones import Phone


class ResourcesPage(ListPage):
    model_class = ResourceTableModel
    ledger = LedgerKind.RESOURCES
    kind = RecordKind.RESOURCE
    reloads_on = (RecordKind.RESOURCE, RecordKind.PROJECT)
    records = Records(ResourceDialog, resources.get_resource, resources.delete_resources)

    context = "ResourcesPage"
    search_hint = QT_TRANSLATE_NOOP("ResourcesPage", "Search resource, provider or contact")
    trashed_text = QT_TRANSLATE_NOOP("ResourcesPage", "{count} resource(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "ResourcesPage", 'There are no resources yet. Click "New" or import them from Excel.'
    )
    filter_specs = (
        Filter.of_enum(
            "kind_filter", QT_TRANSLATE_NOOP("ResourcesPage", "All kinds"), ResourceKind, "kind"
        ),
        Filter.of_enum(
            "provider_filter",
            QT_TRANSLATE_NOOP("ResourcesPage", "All providers"),
            ProviderKind,
            "provider_kind",
        ),
        Filter.check(
            "valid_only", QT_TRANSLATE_NOOP("ResourcesPage", "Still valid only"), "valid_only"
        ),
    )

    def details_html(self, row: ResourceRow, r: Resource) -> str:
        valid = format_date(r.valid_until)
        if row.expired:
            valid += translate("ResourcesPage", " (expired)")
        lines = [
            (translate("ResourcesPage", "Kind"), resource_kind_label(r.kind)),
            (translate("ResourcesPage", "Offered by"), r.provider),
            (translate("ResourcesPage", "Offered by (kind)"), provider_kind_label(r.provider_kind)),
            (translate("ResourcesPage", "Quantity / availability"), r.availability),
            (translate("ResourcesPage", "Contact person"), r.contact),
            (translate("ResourcesPage", "Phone"), Phone(r.phone)),
            (translate("ResourcesPage", "Registered on"), format_date(r.registered_on)),
            (translate("ResourcesPage", "Valid until"), valid),
            (translate("ResourcesPage", "Description"), r.description),
        ]
        used = [(p.id, p.title) for p in projects.projects_of_resource(self.ctx.db, r.id)]
        return details_table(r.title, lines) + details_links(
            translate("ResourcesPage", "Projects using it"), RecordKind.PROJECT.value, used
        )
