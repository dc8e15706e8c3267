"""The resources list."""

from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.resources import ProviderKind, ResourceKind, ResourceQuery, ResourceRow
from desktop.services import resources
from desktop.store.database import Database
from desktop.ui.columns import widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import provider_kind_label, resource_kind_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import Column, count_column, field_column, label_column, title_column
from desktop.ui.status import Tone


class ResourceTableModel(QueryTableModel[ResourceRow]):
    TITLE, KIND, PROVIDER_KIND, PROVIDER, AVAILABILITY, VALID_UNTIL, PROJECTS = range(7)
    ORDER = (TITLE, KIND, VALID_UNTIL, AVAILABILITY, PROVIDER, PROVIDER_KIND, PROJECTS)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.TITLE: title_column(translate("ResourceTableModel", "Resource")),
                self.KIND: label_column(
                    translate("ResourceTableModel", "Kind"),
                    resource_kind_label,
                    lambda row: row.kind,
                    ResourceKind,
                    sort="kind",
                ),
                self.PROVIDER_KIND: label_column(
                    translate("ResourceTableModel", "Offered by (kind)"),
                    provider_kind_label,
                    lambda row: row.provider_kind,
                    ProviderKind,
                ),
                self.PROVIDER: field_column(
                    translate("ResourceTableModel", "Offered by"), "provider", elide=True
                ),
                self.AVAILABILITY: Column(
                    translate("ResourceTableModel", "Quantity / availability"),
                    lambda row: row.availability,
                    elide=True,
                ),
                self.VALID_UNTIL: Column(
                    translate("ResourceTableModel", "Valid until"),
                    valid_until_text,
                    sort="valid_until",
                    tone=lambda row: Tone.OVERDUE if row.expired else None,
                    samples=(
                        translate("ResourceTableModel", "{date} (expired)").format(
                            date=widest_date()
                        ),
                    ),
                ),
                self.PROJECTS: count_column(
                    translate("ResourceTableModel", "Used by projects"),
                    lambda row: row.project_count,
                ),
            },
            db,
            ResourceQuery(),
            resources.list_resources,
            resources.count_resources,
            parent,
            name="resources",
        )


def valid_until_text(row: ResourceRow) -> str:
    if row.expired:
        return translate("ResourceTableModel", "{date} (expired)").format(
            date=format_date(row.valid_until)
        )
    return format_date(row.valid_until)
