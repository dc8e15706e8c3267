"""Linking names written on a record (or in a ledger) to the roster.

A name links only when exactly one live record carries it: never a guess, and a name that
matches nobody is kept as written.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import BuildingRecord, OrganizationRecord, PersonRecord


def match_person(session: Session, name: str, building: str = "") -> int | None:
    """The roster's person with this name — only when exactly one fits, never a guess."""
    if not name:
        return None
    ids = session.scalars(
        select(PersonRecord.id)
        .where(PersonRecord.name == name, PersonRecord.deleted_at.is_(None))
        .limit(5)
    ).all()
    if len(ids) > 1 and building:
        ids = session.scalars(
            select(PersonRecord.id)
            .join(BuildingRecord, BuildingRecord.id == PersonRecord.building_id)
            .where(
                PersonRecord.name == name,
                PersonRecord.deleted_at.is_(None),
                BuildingRecord.name == building,
            )
            .limit(5)
        ).all()
    return ids[0] if len(ids) == 1 else None


def match_organization(session: Session, name: str) -> int | None:
    if not name:
        return None
    ids = session.scalars(
        select(OrganizationRecord.id)
        .where(OrganizationRecord.name == name, OrganizationRecord.deleted_at.is_(None))
        .limit(2)
    ).all()
    return ids[0] if len(ids) == 1 else None
