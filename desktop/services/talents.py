"""Talented residents (贤达能人): discovery date, cultivation, and the use of the four rights —
derived from finalized meetings and from projects (see domain.talents for the rules), or
recorded by hand (evaluations and anything else)."""

from collections import Counter
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.dates import SHANGHAI, utc_to_local
from desktop.domain.errors import NotFoundError
from desktop.domain.meetings import Attendance, ParticipantRole
from desktop.domain.projects import PartyRole
from desktop.domain.roster import PersonRole, TalentRight
from desktop.domain.talents import (
    Cultivation,
    CultivationKind,
    RightSource,
    RightUse,
    TalentRow,
    clean_cultivation,
    clean_right_use,
    validate_cultivation,
    validate_right_use,
)
from desktop.services.common import checked, live_record, newest_first
from desktop.services.meetings import has_role
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    MeetingParticipantRecord,
    MeetingRecord,
    PersonRecord,
    PersonRoleRecord,
    ProjectPartyRecord,
    ProjectRecord,
    TalentCultivationRecord,
    TalentRightUseRecord,
)

# A derived use: (person, right, source, source id) → (date, note). The key is unique.
Key = tuple[int, str, str, int]


def _talent_ids(s: Session) -> set[int]:
    return set(
        s.scalars(
            select(PersonRecord.id)
            .join(PersonRoleRecord, PersonRoleRecord.person_id == PersonRecord.id)
            .where(
                PersonRoleRecord.role == PersonRole.TALENT.value, PersonRecord.deleted_at.is_(None)
            )
        )
    )


def list_talents(db: Database) -> list[TalentRow]:
    """Live talented residents by name, with their cultivation count and uses per right."""
    with db.session() as s:
        people = s.execute(
            select(
                PersonRecord.id,
                PersonRecord.name,
                BuildingRecord.name,
                PersonRecord.skills,
                PersonRecord.talent_discovered_on,
            )
            .join(PersonRoleRecord, PersonRoleRecord.person_id == PersonRecord.id)
            .outerjoin(BuildingRecord, BuildingRecord.id == PersonRecord.building_id)
            .where(
                PersonRoleRecord.role == PersonRole.TALENT.value, PersonRecord.deleted_at.is_(None)
            )
            .order_by(PersonRecord.name_key, PersonRecord.id)
        ).all()
        trained = Counter(
            dict(
                s.execute(
                    select(TalentCultivationRecord.person_id, func.count()).group_by(
                        TalentCultivationRecord.person_id
                    )
                ).all()
            )
        )
        uses: dict[int, Counter[TalentRight]] = {}
        for person_id, right, n in s.execute(
            select(
                TalentRightUseRecord.person_id, TalentRightUseRecord.right, func.count()
            ).group_by(TalentRightUseRecord.person_id, TalentRightUseRecord.right)
        ):
            uses.setdefault(person_id, Counter())[TalentRight(right)] = n
    return [
        TalentRow(
            pid,
            name,
            building or "",
            skills,
            discovered,
            trained[pid],
            dict(uses.get(pid, Counter())),
        )
        for pid, name, building, skills, discovered in people
    ]


def set_discovered(db: Database, person_id: int, discovered_on: date | None) -> None:
    """When the branch first noticed this talented resident (发现)."""
    with db.session() as s:
        rec = live_record(s, PersonRecord, person_id, "person")
        rec.talent_discovered_on = discovered_on


# -- cultivation ---------------------------------------------------------------------------
def list_cultivation(db: Database, person_id: int) -> list[Cultivation]:
    with db.session() as s:
        rows = s.scalars(
            select(TalentCultivationRecord)
            .where(TalentCultivationRecord.person_id == person_id)
            .order_by(TalentCultivationRecord.happened_on.desc(), TalentCultivationRecord.id)
        )
        return [
            Cultivation(r.person_id, r.happened_on, CultivationKind(r.kind), r.description, r.id)
            for r in rows
        ]


def save_cultivation(db: Database, item: Cultivation) -> Cultivation:
    item = checked(item, clean_cultivation, validate_cultivation)
    with db.session() as s:
        if s.get(PersonRecord, item.person_id) is None:
            raise NotFoundError(f"person {item.person_id}")
        rec = s.get(TalentCultivationRecord, item.id) if item.id else TalentCultivationRecord()
        if rec is None:
            raise NotFoundError(f"talent cultivation {item.id}")
        rec.person_id, rec.happened_on = item.person_id, item.happened_on
        rec.kind, rec.description = item.kind.value, item.description
        s.add(rec)
        s.flush()
        return Cultivation(rec.person_id, rec.happened_on, item.kind, rec.description, rec.id)


def delete_cultivation(db: Database, cultivation_id: int) -> bool:
    with db.session() as s:
        n = s.execute(
            delete(TalentCultivationRecord).where(TalentCultivationRecord.id == cultivation_id)
        ).rowcount
        return bool(n)


# -- the four rights -----------------------------------------------------------------------
def _to_use(r: TalentRightUseRecord) -> RightUse:
    return RightUse(
        r.person_id,
        TalentRight(r.right),
        r.used_on,
        RightSource(r.source),
        r.source_id,
        r.note,
        r.id,
    )


def list_right_uses(db: Database, person_id: int) -> list[RightUse]:
    """Newest first."""
    return newest_first(
        db,
        TalentRightUseRecord,
        TalentRightUseRecord.person_id == person_id,
        newest=TalentRightUseRecord.used_on,
        convert=_to_use,
    )


def save_right_use(db: Database, use: RightUse) -> RightUse:
    """A use recorded by hand: an evaluation (评议) or anything else. Uses from meetings and
    projects are derived, never typed."""
    use = checked(use, clean_right_use, validate_right_use)
    with db.session() as s:
        if s.get(PersonRecord, use.person_id) is None:
            raise NotFoundError(f"person {use.person_id}")
        rec = s.get(TalentRightUseRecord, use.id) if use.id else TalentRightUseRecord()
        if rec is None or (use.id and RightSource(rec.source) not in _MANUAL):
            raise NotFoundError(f"talent right use {use.id}")
        rec.person_id, rec.right, rec.used_on = use.person_id, use.right.value, use.used_on
        rec.source, rec.source_id, rec.note = use.source.value, use.source_id, use.note
        s.add(rec)
        s.flush()
        return _to_use(rec)


_MANUAL = frozenset({RightSource.EVALUATION, RightSource.OTHER})


def delete_right_use(db: Database, use_id: int) -> bool:
    """Only uses recorded by hand; a derived one goes when its meeting or project no longer
    supports it."""
    with db.session() as s:
        n = s.execute(
            delete(TalentRightUseRecord).where(
                TalentRightUseRecord.id == use_id,
                TalentRightUseRecord.source.in_([x.value for x in _MANUAL]),
            )
        ).rowcount
        return bool(n)


def _wanted(s: Session) -> dict[Key, tuple[date, str]]:
    """Every use the meetings and projects support now."""
    talents = _talent_ids(s)
    wanted: dict[Key, tuple[date, str]] = {}
    meetings = s.execute(
        select(
            MeetingParticipantRecord.person_id,
            MeetingRecord.id,
            MeetingRecord.starts_at,
            MeetingRecord.title,
        )
        .join(MeetingRecord, MeetingRecord.id == MeetingParticipantRecord.meeting_id)
        .where(
            MeetingRecord.finalized_at.is_not(None),
            MeetingRecord.deleted_at.is_(None),
            has_role(ParticipantRole.TALENT),
            MeetingParticipantRecord.attendance == Attendance.PRESENT.value,
            MeetingParticipantRecord.person_id.is_not(None),
        )
    )
    for person_id, meeting_id, starts_at, title in meetings:
        if person_id in talents:
            key = (person_id, TalentRight.DELIBERATION.value, RightSource.MEETING.value, meeting_id)
            wanted[key] = (utc_to_local(starts_at).date(), title)
    parties = s.execute(
        select(
            ProjectPartyRecord.person_id,
            ProjectPartyRecord.role,
            ProjectRecord.id,
            ProjectRecord.registered_on,
            ProjectRecord.start_on,
            ProjectRecord.title,
        )
        .join(ProjectRecord, ProjectRecord.id == ProjectPartyRecord.project_id)
        .where(ProjectRecord.deleted_at.is_(None), ProjectPartyRecord.person_id.is_not(None))
    )
    for person_id, role, project_id, registered_on, start_on, title in parties:
        if person_id not in talents:
            continue
        if role == PartyRole.INITIATOR.value:
            right, on = TalentRight.SUGGESTION, registered_on
        else:  # organizer or implementer
            right, on = TalentRight.SUPERVISION, start_on or registered_on
        wanted[(person_id, right.value, RightSource.PROJECT.value, project_id)] = (on, title)
    return wanted


def refresh_right_uses(db: Database, today: date | None = None) -> int:
    """Bring the derived uses in line with the meetings and projects; returns how many rows
    were added, changed or removed (0 when nothing changed). Idempotent: a use is unique by
    (person, right, source, source id), so running it again adds nothing. A use dated after
    ``today`` (a project that has not started yet) is not a use yet."""
    today = today or datetime.now(SHANGHAI).date()
    changes = 0
    with db.session() as s:
        wanted = {key: value for key, value in _wanted(s).items() if value[0] <= today}
        derived = [RightSource.MEETING.value, RightSource.PROJECT.value]
        for rec in s.scalars(
            select(TalentRightUseRecord).where(TalentRightUseRecord.source.in_(derived))
        ):
            key = (rec.person_id, rec.right, rec.source, rec.source_id or 0)
            if key not in wanted:
                s.delete(rec)  # the meeting, project or role is gone: so is the use
                changes += 1
                continue
            used_on, note = wanted.pop(key)
            if (rec.used_on, rec.note) != (used_on, note):
                rec.used_on, rec.note = used_on, note
                changes += 1
        for (person_id, right, source, source_id), (used_on, note) in wanted.items():
            s.add(
                TalentRightUseRecord(
                    person_id=person_id,
                    right=right,
                    used_on=used_on,
                    source=source,
                    source_id=source_id,
                    note=note,
                )
            )
            changes += 1
    return changes
