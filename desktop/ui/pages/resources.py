"""资源清单: venues, funds, skills, goods and volunteers the branch can draw on."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.domain.resources import ProviderKind, ResourceKind, ResourceRow
from desktop.services import projects, resources
from desktop.ui.context import AppContext
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.resource import ResourceDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import provider_kind_label, resource_kind_label
from desktop.ui.models.resources import ResourceTableModel
from desktop.ui.pages.list_page import ListPage, details_links, details_table


class ResourcesPage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ResourceTableModel(ctx.db, self)
        self.build(translate("ResourcesPage", "Search resource, provider or contact"))
        self.add_ledger_actions(LedgerKind.RESOURCES)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(translate("ResourcesPage", "All kinds"), None)
        for kind in ResourceKind:
            self.kind_filter.addItem(resource_kind_label(kind), kind)
        self.provider_filter = QComboBox()
        self.provider_filter.addItem(translate("ResourcesPage", "All providers"), None)
        for kind in ProviderKind:
            self.provider_filter.addItem(provider_kind_label(kind), kind)
        self.valid_only = QCheckBox(translate("ResourcesPage", "Still valid only"))
        for combo in (self.kind_filter, self.provider_filter):
            self.add_filter(combo)
        self.add_filter(self.valid_only)
        ctx.events.data_changed.connect(self._data_changed)
        self.reload()

    def _data_changed(self, kind: str) -> None:
        if kind in (RecordKind.RESOURCE.value, RecordKind.PROJECT.value):
            self.reload()

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

    def create_record(self) -> None:
        dialog = ResourceDialog(self.ctx, parent=self)
        run_form(dialog)

    def edit_record(self, row: ResourceRow) -> None:
        self.open_record(row.id)

    def open_record(self, resource_id: int) -> None:
        self.open_form(
            resources.get_resource,
            resource_id,
            lambda resource: ResourceDialog(self.ctx, resource, parent=self),
        )

    def delete_records(self, rows: list[ResourceRow]) -> None:
        self.move_to_trash(
            resources.delete_resources,
            rows,
            translate("ResourcesPage", "{count} resource(s) moved to the trash."),
        )
