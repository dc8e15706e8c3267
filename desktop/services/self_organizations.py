"""Self-organizations (自组织): the list with incubation dates, members from the roster, and
activities. The organizations themselves are edited with services.organizations."""

from sqlalchemy import func, select

from desktop.domain.errors import NotFoundError
from desktop.domain.roster import OrganizationKind
from desktop.domain.self_organizations import (
    Activity,
    Member,
    SelfOrganizationRow,
    clean_activity,
    clean_member,
    validate_activity,
    validate_member,
)
from desktop.services.common import checked, get_live, newest_first
from desktop.services.mapping import from_row, to_row
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    OrganizationActivityRecord,
    OrganizationMemberRecord,
    OrganizationRecord,
    PersonRecord,
)
from desktop.store.trash import move_to_trash, record_to_save


def _live_activities():
    return OrganizationActivityRecord.deleted_at.is_(None)


def list_self_organizations(db: Database) -> list[SelfOrganizationRow]:
    """Live self-organizations by name, with member and activity counts."""
    org = OrganizationRecord
    members = (
        select(func.count())
        .select_from(OrganizationMemberRecord)
        .join(PersonRecord, PersonRecord.id == OrganizationMemberRecord.person_id)
        .where(
            OrganizationMemberRecord.organization_id == org.id, PersonRecord.deleted_at.is_(None)
        )
        .correlate(org)
        .scalar_subquery()
    )
    count = (
        select(func.count())
        .select_from(OrganizationActivityRecord)
        .where(OrganizationActivityRecord.organization_id == org.id, _live_activities())
        .correlate(org)
        .scalar_subquery()
    )
    last = (
        select(func.max(OrganizationActivityRecord.held_on))
        .where(OrganizationActivityRecord.organization_id == org.id, _live_activities())
        .correlate(org)
        .scalar_subquery()
    )
    stmt = (
        select(org.id, org.name, org.contact_name, org.incubated_on, members, count, last)
        .where(org.kind == OrganizationKind.SELF_ORGANIZATION.value, org.deleted_at.is_(None))
        .order_by(org.name, org.id)
    )
    with db.session() as s:
        return [SelfOrganizationRow(*r) for r in s.execute(stmt).all()]


# -- members -------------------------------------------------------------------------------
def list_members(db: Database, organization_id: int) -> list[Member]:
    """Live members, the leaders (负责人) first, then by joining date and name."""
    stmt = (
        select(
            PersonRecord.id,
            PersonRecord.name,
            BuildingRecord.name,
            OrganizationMemberRecord.role,
            OrganizationMemberRecord.joined_on,
        )
        .join(PersonRecord, PersonRecord.id == OrganizationMemberRecord.person_id)
        .outerjoin(BuildingRecord, BuildingRecord.id == PersonRecord.building_id)
        .where(
            OrganizationMemberRecord.organization_id == organization_id,
            PersonRecord.deleted_at.is_(None),
        )
        .order_by(
            OrganizationMemberRecord.role != "负责人",
            OrganizationMemberRecord.joined_on,
            PersonRecord.name_key,
        )
    )
    with db.session() as s:
        return [Member(r[0], r[1], r[2] or "", r[3], r[4]) for r in s.execute(stmt).all()]


def save_member(db: Database, organization_id: int, member: Member) -> Member:
    """Add a person from the roster, or change a member's role and joining date."""
    member = checked(member, clean_member, validate_member)
    with db.session() as s:
        org = s.get(OrganizationRecord, organization_id)
        person = s.get(PersonRecord, member.person_id)
        if org is None or org.deleted_at is not None:
            raise NotFoundError(f"organization {organization_id}")
        if person is None or person.deleted_at is not None:
            raise NotFoundError(f"person {member.person_id}")
        rec = s.get(OrganizationMemberRecord, (organization_id, member.person_id))
        if rec is None:
            rec = OrganizationMemberRecord(
                organization_id=organization_id, person_id=member.person_id
            )
            s.add(rec)
        rec.role, rec.joined_on = member.role, member.joined_on
        return Member(person.id, person.name, "", rec.role, rec.joined_on)


def remove_member(db: Database, organization_id: int, person_id: int) -> bool:
    with db.session() as s:
        rec = s.get(OrganizationMemberRecord, (organization_id, person_id))
        if rec is None:
            return False
        s.delete(rec)
        return True


# -- activities ----------------------------------------------------------------------------
def _to_activity(r: OrganizationActivityRecord) -> Activity:
    return from_row(Activity, r)


def list_activities(db: Database, organization_id: int) -> list[Activity]:
    """Live activities, newest first."""
    return newest_first(
        db,
        OrganizationActivityRecord,
        OrganizationActivityRecord.organization_id == organization_id,
        _live_activities(),
        newest=OrganizationActivityRecord.held_on,
        convert=_to_activity,
    )


def get_activity(db: Database, activity_id: int) -> Activity:
    return get_live(
        db, OrganizationActivityRecord, activity_id, "organization activity", _to_activity
    )


def save_activity(db: Database, activity: Activity) -> Activity:
    activity = checked(activity, clean_activity, validate_activity)
    with db.session() as s:
        org = s.get(OrganizationRecord, activity.organization_id)
        if org is None or org.deleted_at is not None:
            raise NotFoundError(f"organization {activity.organization_id}")
        rec = record_to_save(
            s, OrganizationActivityRecord, activity.id, activity.uuid, "organization activity"
        )
        to_row(rec, activity)
        s.flush()
        return _to_activity(rec)


def delete_activities(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, OrganizationActivityRecord, ids)
