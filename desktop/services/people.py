"""People in the roster: list (paged, filtered and sorted in SQL), save, move to the trash."""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.domain.errors import Problem
from desktop.domain.roster import (
    Address,
    PeopleQuery,
    Person,
    PersonRole,
    PersonRow,
    TalentRight,
    clean_person,
    validate_person,
)
from desktop.services.common import (
    Hint,
    ListSpec,
    Problems,
    get_live,
    list_functions,
    save_checked,
)
from desktop.services.mapping import from_row, to_row
from desktop.store.database import Database
from desktop.store.keyset import or_empty
from desktop.store.models import BuildingRecord, PersonRecord, PersonRoleRecord
from desktop.store.trash import move_to_trash, record_to_save

SORT_COLUMNS = {
    "name": PersonRecord.name_key,  # pinyin order (domain/name_order.py)
    "phone": PersonRecord.phone,
    "building": or_empty(BuildingRecord.name),  # no building sorts as ""
    "unit": PersonRecord.unit,
    "room": PersonRecord.room,
    "party": PersonRecord.is_party_member,
    "created": PersonRecord.created_at,
}


def _narrow(stmt: Select, query: PeopleQuery, hint: Hint, today: date) -> Select:
    if query.role is not None:
        stmt = stmt.where(
            hint(
                PersonRecord.id.in_(
                    select(PersonRoleRecord.person_id).where(
                        PersonRoleRecord.role == query.role.value
                    )
                )
            )
        )
    if query.building_id is not None:
        stmt = stmt.where(hint(PersonRecord.building_id == query.building_id))
    if query.party_member is not None:
        stmt = stmt.where(hint(PersonRecord.is_party_member.is_(query.party_member)))
    return stmt


def _with_roles(db: Database, values: list[dict], today: date) -> None:
    with db.session() as s:
        roles = _roles_of(s, [v["id"] for v in values])
    for v in values:
        v["roles"] = roles.get(v["id"], frozenset())


def _or_empty(name: str | None) -> str:
    return name or ""


PEOPLE_LIST = ListSpec(
    model=PersonRecord,
    row=PersonRow,
    same="id name phone unit room is_party_member deleted_at",
    read={"building": BuildingRecord.name},
    convert={"building": _or_empty},
    narrow=_narrow,
    sorts=SORT_COLUMNS,
    ids_first=True,
    join=(BuildingRecord, BuildingRecord.id == PersonRecord.building_id),
    finish=_with_roles,
)


count_people, list_people = list_functions(PEOPLE_LIST)


def _roles_of(session, ids: list[int]) -> dict[int, frozenset[PersonRole]]:
    if not ids:
        return {}
    found: dict[int, set[PersonRole]] = {}
    for person_id, role in session.execute(
        select(PersonRoleRecord.person_id, PersonRoleRecord.role).where(
            PersonRoleRecord.person_id.in_(ids)
        )
    ):
        found.setdefault(person_id, set()).add(PersonRole(role))
    return {k: frozenset(v) for k, v in found.items()}


def get_person(db: Database, person_id: int) -> Person:
    return get_live(db, PersonRecord, person_id, "person", _to_person)


def _to_person(rec: PersonRecord) -> Person:
    return from_row(
        Person,
        rec,
        address=Address(building_id=rec.building_id, unit=rec.unit, room=rec.room),
        roles=frozenset(PersonRole(r.role) for r in rec.roles),
        talent_rights=frozenset(TalentRight(v) for v in rec.talent_rights.split(",") if v),
    )


def save_person(db: Database, person: Person) -> Person:
    """Create (no id) or update a person; raises ValidationError with every problem found."""
    return save_checked(db, person, clean_person, validate_person, _save, _check)


def _check(s: Session, person: Person, problems: Problems) -> None:
    building_id = person.address.building_id
    if building_id is not None and s.get(BuildingRecord, building_id) is None:
        problems["building"] = Problem.UNKNOWN_BUILDING


def _save(s: Session, person: Person) -> Person:
    rec = record_to_save(s, PersonRecord, person.id, None, "person")
    # The address and the rights are kept in columns of their own; roles in their own table.
    to_row(rec, person, skip=("id", "uuid", "talent_rights"))
    rec.building_id = person.address.building_id
    rec.unit, rec.room = person.address.unit, person.address.room
    rec.talent_rights = ",".join(sorted(r.value for r in person.talent_rights))
    wanted = {r.value for r in person.roles}
    rec.roles = [r for r in rec.roles if r.role in wanted] + [
        PersonRoleRecord(role=v) for v in sorted(wanted - {r.role for r in rec.roles})
    ]
    s.flush()
    return _to_person(rec)


def delete_people(db: Database, ids: list[int]) -> int:
    """Move to the trash; returns how many were moved."""
    return move_to_trash(db, PersonRecord, ids)


def all_people(db: Database) -> list[Person]:
    """Every live person, in name (pinyin) order, with roles (for export and the command
    line)."""
    with db.session() as s:
        records = s.scalars(
            select(PersonRecord)
            .where(PersonRecord.deleted_at.is_(None))
            .order_by(PersonRecord.name_key, PersonRecord.id)
        ).all()
        return [_to_person(r) for r in records]


def roster_names(db: Database, names: Iterable[str]) -> set[str]:
    """Those of ``names`` that are, exactly, the name of someone in the roster (not in the
    trash): an action item's owner picked from the roster is a resident, masked on the notice
    board."""
    wanted = {n.strip() for n in names if n.strip()}
    if not wanted:
        return set()
    with db.session() as s:
        found = s.scalars(
            select(PersonRecord.name)
            .where(PersonRecord.name.in_(sorted(wanted)), PersonRecord.deleted_at.is_(None))
            .distinct()
        )
        return set(found)
