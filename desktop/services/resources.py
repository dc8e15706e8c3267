"""The resources list: what partner units, talented residents and others offer."""

from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.domain.resources import (
    ProviderKind,
    Resource,
    ResourceQuery,
    ResourceRow,
    clean_resource,
    validate_resource,
)
from desktop.services.common import (
    Hint,
    ListSpec,
    get_live,
    list_functions,
    save_checked,
)
from desktop.services.links import match_organization, match_person
from desktop.services.mapping import from_row, to_row
from desktop.store.database import Database
from desktop.store.keyset import dated
from desktop.store.models import ProjectResourceRecord, ResourceRecord
from desktop.store.trash import move_to_trash, record_to_save

SORT_COLUMNS = {
    "registered": ResourceRecord.registered_on,
    "title": ResourceRecord.title,
    "kind": ResourceRecord.kind,
    "provider": ResourceRecord.provider,
    "valid_until": dated(ResourceRecord.valid_until),  # no limit sorts last ascending
}


def _narrow(stmt: Select, query: ResourceQuery, hint: Hint, today: date) -> Select:
    if query.kind is not None:
        stmt = stmt.where(hint(ResourceRecord.kind == query.kind.value))
    if query.provider_kind is not None:
        stmt = stmt.where(hint(ResourceRecord.provider_kind == query.provider_kind.value))
    if query.valid_only:
        stmt = stmt.where(
            hint(ResourceRecord.valid_until.is_(None) | (ResourceRecord.valid_until >= today))
        )
    return stmt


def _expired(db: Database, values: list[dict], today: date) -> None:
    for v in values:
        v["expired"] = v["valid_until"] is not None and v["valid_until"] < today


RESOURCE_LIST = ListSpec(
    model=ResourceRecord,
    row=ResourceRow,
    same="id title kind provider_kind provider availability valid_until",
    read={
        "project_count": select(func.count())
        .select_from(ProjectResourceRecord)
        .where(ProjectResourceRecord.resource_id == ResourceRecord.id)
        .correlate(ResourceRecord)
        .scalar_subquery()
    },
    narrow=_narrow,
    sorts=SORT_COLUMNS,
    ids_first=True,
    finish=_expired,
)


count_resources, list_resources = list_functions(RESOURCE_LIST)


def resource_from_record(rec: ResourceRecord) -> Resource:
    """The stored resource as the domain object (its provider linked by id)."""
    return from_row(Resource, rec)


def get_resource(db: Database, resource_id: int) -> Resource:
    return get_live(db, ResourceRecord, resource_id, "resource", resource_from_record)


def save_resource(db: Database, resource: Resource) -> Resource:
    return save_checked(db, resource, clean_resource, validate_resource, _save)


def _save(s: Session, r: Resource) -> Resource:
    rec = record_to_save(s, ResourceRecord, r.id, r.uuid, "resource", add=False)
    # The provider links to the roster when its name matches exactly one record: a talented
    # resident to a person, any other provider to an organization.
    if (
        r.provider != rec.provider
        or r.provider_kind.value != rec.provider_kind
        or (r.organization_id is None and r.person_id is None)
    ):
        if r.provider_kind is ProviderKind.TALENT:
            r.person_id, r.organization_id = match_person(s, r.provider), None
        else:
            r.person_id, r.organization_id = None, match_organization(s, r.provider)
    to_row(rec, r)
    s.add(rec)
    s.flush()
    return resource_from_record(rec)


def delete_resources(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, ResourceRecord, ids)
