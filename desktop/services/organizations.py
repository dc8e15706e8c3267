"""Organizations: property company, owners' committee, self-organizations, partner units."""

from sqlalchemy import func, or_, select

from desktop.domain.partners import PartnerType
from desktop.domain.roster import (
    Organization,
    OrganizationKind,
    clean_organization,
    validate_organization,
)
from desktop.services.common import checked, count_of, get_live, live_record
from desktop.services.mapping import from_row
from desktop.store.database import Database
from desktop.store.models import OrganizationRecord
from desktop.store.trash import move_to_trash


def _to_organization(rec: OrganizationRecord) -> Organization:
    # A partner type is read only when one is stored (not an empty value).
    partner_type = PartnerType(rec.partner_type) if rec.partner_type else None
    return from_row(Organization, rec, partner_type=partner_type)


def _filtered(stmt, text: str, kind: OrganizationKind | None, deleted: bool):
    stmt = stmt.where(
        OrganizationRecord.deleted_at.is_not(None)
        if deleted
        else OrganizationRecord.deleted_at.is_(None)
    )
    if kind is not None:
        stmt = stmt.where(OrganizationRecord.kind == kind.value)
    for word in text.split():  # every word must appear somewhere; instr() is literal
        stmt = stmt.where(
            or_(
                func.instr(OrganizationRecord.name, word) > 0,
                func.instr(OrganizationRecord.contact_name, word) > 0,
                func.instr(OrganizationRecord.phone, word) > 0,
            )
        )
    return stmt


def count_organizations(
    db: Database, text: str = "", kind: OrganizationKind | None = None, *, deleted: bool = False
) -> int:
    stmt = select(func.count()).select_from(OrganizationRecord)
    return count_of(db, _filtered(stmt, text, kind, deleted))


def list_organizations(
    db: Database,
    text: str = "",
    kind: OrganizationKind | None = None,
    offset: int = 0,
    limit: int = 200,
    *,
    deleted: bool = False,
) -> list[Organization]:
    stmt = (
        select(OrganizationRecord)
        .order_by(OrganizationRecord.kind, OrganizationRecord.name, OrganizationRecord.id)
        .offset(offset)
        .limit(limit)
    )
    with db.session() as s:
        return [_to_organization(r) for r in s.scalars(_filtered(stmt, text, kind, deleted))]


def get_organization(db: Database, organization_id: int) -> Organization:
    return get_live(db, OrganizationRecord, organization_id, "organization", _to_organization)


def save_organization(db: Database, org: Organization) -> Organization:
    org = checked(org, clean_organization, validate_organization)
    with db.session() as s:
        if org.id is None:
            rec = OrganizationRecord()
            s.add(rec)
        else:
            rec = live_record(s, OrganizationRecord, org.id, "organization")
        rec.kind = org.kind.value
        rec.name, rec.contact_name, rec.phone = org.name, org.contact_name, org.phone
        # Only the owners' committee has a term of office.
        is_committee = org.kind is OrganizationKind.OWNERS_COMMITTEE
        rec.term_start = org.term_start if is_committee else None
        rec.term_end = org.term_end if is_committee else None
        # Only a self-organization is incubated by the branch.
        is_self_organization = org.kind is OrganizationKind.SELF_ORGANIZATION
        rec.incubated_on = org.incubated_on if is_self_organization else None
        is_partner = org.kind is OrganizationKind.PARTNER_UNIT
        rec.partner_type = org.partner_type.value if is_partner and org.partner_type else None
        rec.note = org.note
        s.flush()
        return _to_organization(rec)


def delete_organizations(db: Database, ids: list[int]) -> int:
    """Move to the trash; returns how many were moved."""
    return move_to_trash(db, OrganizationRecord, ids)
