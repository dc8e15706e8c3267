"""The resources list."""

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.dates import format_date
from desktop.domain.resources import ProviderKind, ResourceKind, ResourceQuery, ResourceRow
from desktop.services import resources
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import provider_kind_label, resource_kind_label
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.status import Tone


class ResourceTableModel(PagedTableModel[ResourceRow]):
    TITLE, KIND, PROVIDER_KIND, PROVIDER, AVAILABILITY, VALID_UNTIL, PROJECTS = range(7)
    sort_keys = ("title", "kind", None, "provider", None, "valid_until", None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.query = ResourceQuery()
        self.headers = (
            translate("ResourceTableModel", "Resource"),
            translate("ResourceTableModel", "Kind"),
            translate("ResourceTableModel", "Offered by (kind)"),
            translate("ResourceTableModel", "Offered by"),
            translate("ResourceTableModel", "Quantity / availability"),
            translate("ResourceTableModel", "Valid until"),
            translate("ResourceTableModel", "Used by projects"),
        )
        self.plan = ColumnPlan(
            name="resources",
            order=(
                self.TITLE,
                self.KIND,
                self.VALID_UNTIL,
                self.AVAILABILITY,
                self.PROVIDER,
                self.PROVIDER_KIND,
                self.PROJECTS,
            ),
            stretch=self.TITLE,
            elide=frozenset({self.TITLE, self.AVAILABILITY, self.PROVIDER}),
            samples={
                self.KIND: tuple(resource_kind_label(k) for k in ResourceKind),
                self.PROVIDER_KIND: tuple(provider_kind_label(k) for k in ProviderKind),
                self.VALID_UNTIL: (
                    translate("ResourceTableModel", "{date} (expired)").format(date=widest_date()),
                ),
            },
        )
        super().__init__(
            fetch=lambda after, limit: resources.list_resources(
                db, self.query, after=after, limit=limit
            ),
            count=lambda: resources.count_resources(db, self.query),
            parent=parent,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending

    def display(self, row: ResourceRow, column: int) -> str:
        match column:
            case self.TITLE:
                return row.title
            case self.KIND:
                return resource_kind_label(row.kind)
            case self.PROVIDER_KIND:
                return provider_kind_label(row.provider_kind)
            case self.PROVIDER:
                return row.provider
            case self.AVAILABILITY:
                return row.availability
            case self.VALID_UNTIL:
                if row.expired:
                    return translate("ResourceTableModel", "{date} (expired)").format(
                        date=format_date(row.valid_until)
                    )
                return format_date(row.valid_until)
            case self.PROJECTS:
                return str(row.project_count) if row.project_count else ""
        return ""

    def extra_data(self, row: ResourceRow, column: int, role: int) -> Any:
        if column == self.VALID_UNTIL and row.expired:
            if role == Qt.ItemDataRole.BackgroundRole:
                return Tone.OVERDUE.background
            if role == Qt.ItemDataRole.ForegroundRole:
                return Tone.OVERDUE.foreground
        return None
