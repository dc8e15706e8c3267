"""Linking names written on a record (or in a ledger) to the roster.

A name links only when exactly one live record carries it: never a guess, and a name that
matches nobody is kept as written.
"""

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.store.models import BuildingRecord, OrganizationRecord, PersonRecord


def _the_one(session: Session, ids: Select) -> int | None:
    """The id when exactly one record fits, else None: a link is never a guess."""
    found = session.scalars(ids.limit(2)).all()
    return found[0] if len(found) == 1 else None


def match_person(session: Session, name: str, building: str = "") -> int | None:
    """The roster's person with this name — only when exactly one fits (among namesakes, the
    one in ``building``), never a guess."""
    if not name:
        return None
    named = select(PersonRecord.id).where(
        PersonRecord.name == name, PersonRecord.deleted_at.is_(None)
    )
    found = _the_one(session, named)
    if found is None and building:
        in_building = named.join(BuildingRecord, BuildingRecord.id == PersonRecord.building_id)
        found = _the_one(session, in_building.where(BuildingRecord.name == building))
    return found


def match_organization(session: Session, name: str) -> int | None:
    if not name:
        return None
    named = select(OrganizationRecord.id).where(
        OrganizationRecord.name == name, OrganizationRecord.deleted_at.is_(None)
    )
    return _the_one(session, named)
