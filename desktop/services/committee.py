"""The owners' committee: its terms with their members (and the 50% party-member rule), and
cross-appointments (交叉任职) of branch members to the committee or the property company."""

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.committee import (
    EVALUATED_KINDS,
    CommitteeMember,
    CommitteeTerm,
    CrossAppointment,
    clean_cross_appointment,
    clean_term,
    validate_cross_appointment,
    validate_term,
)
from desktop.domain.errors import NotFoundError, Problem
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services.common import Problems, save_checked
from desktop.services.mapping import from_row, new_row, to_row
from desktop.store.database import Database
from desktop.store.models import (
    CommitteeMemberRecord,
    CommitteeTermRecord,
    CrossAppointmentRecord,
    OrganizationRecord,
    PersonRecord,
)
from desktop.store.trash import record_to_save


def committee_organizations(db: Database) -> list[Organization]:
    """The live owners' committees and property companies, committee first."""
    with db.session() as s:
        rows = s.scalars(
            select(OrganizationRecord)
            .where(
                OrganizationRecord.deleted_at.is_(None),
                OrganizationRecord.kind.in_([k.value for k in EVALUATED_KINDS]),
            )
            .order_by(OrganizationRecord.kind, OrganizationRecord.name, OrganizationRecord.id)
        )
        return [
            Organization(kind=OrganizationKind(r.kind), name=r.name, id=r.id, uuid=r.uuid)
            for r in rows
        ]


def check_organization(
    s: Session, organization_id: int | None, kinds: tuple[OrganizationKind, ...]
) -> OrganizationRecord | None:
    """The live organization of one of ``kinds``, or None."""
    rec = None if organization_id is None else s.get(OrganizationRecord, organization_id)
    if rec is None or rec.deleted_at is not None or OrganizationKind(rec.kind) not in kinds:
        return None
    return rec


def check_organization_of(
    s: Session,
    problems: Problems,
    organization_id: int | None,
    kinds: tuple[OrganizationKind, ...],
) -> None:
    """Count among the record's problems an organization that is not (any longer) a live one
    of ``kinds`` — checked in the session that saves."""
    if "organization" not in problems and check_organization(s, organization_id, kinds) is None:
        problems["organization"] = Problem.REQUIRED


# -- terms ---------------------------------------------------------------------------------
def _to_term(s: Session, rec: CommitteeTermRecord) -> CommitteeTerm:
    members = s.scalars(
        select(CommitteeMemberRecord)
        .where(CommitteeMemberRecord.term_id == rec.id)
        .order_by(CommitteeMemberRecord.position_order, CommitteeMemberRecord.id)
    )
    org = s.get(OrganizationRecord, rec.organization_id)
    return from_row(
        CommitteeTerm,
        rec,
        members=[from_row(CommitteeMember, m) for m in members],
        organization_name=org.name if org else "",
    )


def list_terms(db: Database) -> list[CommitteeTerm]:
    """Every term of every (live) committee, the newest formed first."""
    with db.session() as s:
        recs = s.scalars(
            select(CommitteeTermRecord)
            .join(OrganizationRecord, OrganizationRecord.id == CommitteeTermRecord.organization_id)
            .where(OrganizationRecord.deleted_at.is_(None))
            .order_by(CommitteeTermRecord.formed_on.desc(), CommitteeTermRecord.id.desc())
        )
        return [_to_term(s, r) for r in recs]


def get_term(db: Database, term_id: int) -> CommitteeTerm:
    with db.session() as s:
        rec = s.get(CommitteeTermRecord, term_id)
        if rec is None:
            raise NotFoundError(f"committee term {term_id}")
        return _to_term(s, rec)


def save_term(db: Database, term: CommitteeTerm) -> CommitteeTerm:
    """Create or update a term with its members (replaced as a whole). A term short of the
    50% rule is saved all the same — the branch records reality; ``party_share`` says so."""
    return save_checked(db, term, clean_term, validate_term, _save_term, _check_term)


def _check_term(s: Session, term: CommitteeTerm, problems: Problems) -> None:
    kinds = (OrganizationKind.OWNERS_COMMITTEE,)
    check_organization_of(s, problems, term.organization_id, kinds)


def _save_term(s: Session, term: CommitteeTerm) -> CommitteeTerm:
    rec = record_to_save(s, CommitteeTermRecord, term.id, None, "committee term")
    if term.id is not None:
        s.execute(delete(CommitteeMemberRecord).where(CommitteeMemberRecord.term_id == rec.id))
    to_row(rec, term)
    s.flush()
    for order, m in enumerate(term.members):
        person = m.person_id if m.person_id and s.get(PersonRecord, m.person_id) else None
        s.add(
            new_row(
                CommitteeMemberRecord, m, term_id=rec.id, person_id=person, position_order=order
            )
        )
    s.flush()
    return _to_term(s, rec)


def delete_term(db: Database, term_id: int) -> None:
    """The table has no trash column: the page asks first and says it cannot be undone."""
    with db.session() as s:
        s.execute(delete(CommitteeTermRecord).where(CommitteeTermRecord.id == term_id))


def terms_short_of_rule(db: Database, today: date | None = None) -> list[CommitteeTerm]:
    """For the home page: each committee's latest term, while it is in office, when fewer
    than half of its members were party members at its formation."""
    today = today or date.today()
    latest: dict[int | None, CommitteeTerm] = {}
    for term in list_terms(db):  # newest first
        latest.setdefault(term.organization_id, term)
    return [
        t
        for t in latest.values()
        if not t.party_share.meets_rule and (t.term_end is None or today <= t.term_end)
    ]


# -- cross-appointments --------------------------------------------------------------------
def _to_appointment(rec: CrossAppointmentRecord, person: str, org: str) -> CrossAppointment:
    return from_row(CrossAppointment, rec, person_name=person, organization_name=org)


def list_cross_appointments(db: Database) -> list[CrossAppointment]:
    """Current ones first (no end date), then by start, newest first."""
    with db.session() as s:
        rows = s.execute(
            select(CrossAppointmentRecord, PersonRecord.name, OrganizationRecord.name)
            .join(PersonRecord, PersonRecord.id == CrossAppointmentRecord.person_id)
            .join(
                OrganizationRecord, OrganizationRecord.id == CrossAppointmentRecord.organization_id
            )
            .where(PersonRecord.deleted_at.is_(None), OrganizationRecord.deleted_at.is_(None))
            .order_by(
                CrossAppointmentRecord.until.is_not(None),
                CrossAppointmentRecord.since.desc(),
                CrossAppointmentRecord.id,
            )
        )
        return [_to_appointment(rec, person, org) for rec, person, org in rows]


def get_cross_appointment(db: Database, appointment_id: int) -> CrossAppointment:
    with db.session() as s:
        rec = s.get(CrossAppointmentRecord, appointment_id)
        if rec is None:
            raise NotFoundError(f"cross appointment {appointment_id}")
        person, org = (
            s.get(PersonRecord, rec.person_id),
            s.get(OrganizationRecord, rec.organization_id),
        )
        return _to_appointment(rec, person.name if person else "", org.name if org else "")


def save_cross_appointment(db: Database, appointment: CrossAppointment) -> CrossAppointment:
    return save_checked(
        db,
        appointment,
        clean_cross_appointment,
        validate_cross_appointment,
        _save_appointment,
        _check_appointment,
    )


def _live_person(s: Session, person_id: int | None) -> PersonRecord | None:
    person = None if person_id is None else s.get(PersonRecord, person_id)
    return person if person is not None and person.deleted_at is None else None


def _check_appointment(s: Session, a: CrossAppointment, problems: Problems) -> None:
    if "person" not in problems and _live_person(s, a.person_id) is None:
        problems["person"] = Problem.REQUIRED
    check_organization_of(s, problems, a.organization_id, EVALUATED_KINDS)


def _save_appointment(s: Session, a: CrossAppointment) -> CrossAppointment:
    person = _live_person(s, a.person_id)
    org = check_organization(s, a.organization_id, EVALUATED_KINDS)
    assert person is not None and org is not None  # _check_appointment made sure
    rec = record_to_save(s, CrossAppointmentRecord, a.id, None, "cross appointment")
    to_row(rec, a)
    s.flush()
    return _to_appointment(rec, person.name, org.name)


def delete_cross_appointment(db: Database, appointment_id: int) -> None:
    with db.session() as s:
        s.execute(delete(CrossAppointmentRecord).where(CrossAppointmentRecord.id == appointment_id))
