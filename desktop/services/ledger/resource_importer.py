"""Importing the resources ledger (资源清单): a row to a Resource."""

from dataclasses import replace

from sqlalchemy.orm import Session

from desktop.domain.resources import Resource, clean_resource, validate_resource
from desktop.services.ledger.importer import Importer
from desktop.services.ledger.parse import ParsedRow
from desktop.services.resources import resource_from_record, save_resource
from desktop.store.models import ResourceRecord


class ResourceImporter(Importer):
    record_model = ResourceRecord
    KEPT_WHEN_EMPTY = ("kind", "provider_kind")

    def build(
        self, s: Session, row: ParsedRow, rec: ResourceRecord | None
    ) -> tuple[Resource, bool]:
        values = row.values
        before = resource_from_record(rec) if rec is not None else None
        resource = replace(before) if before else Resource(title="", uuid=values.get("uuid"))
        self.fill(resource, row)
        if before is not None and (
            resource.provider != before.provider
            or resource.provider_kind is not before.provider_kind
        ):
            resource.person_id = resource.organization_id = None  # linked again when saved
        resource = clean_resource(resource)
        self.problems(row, validate_resource(resource))
        return resource, resource == before

    def save(self, s: Session, resource: Resource) -> None:
        save_resource(self.db, resource)
