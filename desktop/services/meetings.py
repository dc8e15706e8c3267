"""Meetings and their minutes: drafts are edited freely; final minutes only get amendments."""

from datetime import date, datetime

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.dates import local_to_utc, utc_to_local
from desktop.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Amendment,
    Attendance,
    Inconsistency,
    Meeting,
    MeetingKind,
    MeetingQuery,
    MeetingRow,
    Participant,
    ParticipantRole,
    Topic,
    amendment_date_problem,
    clean_meeting,
    contradictions,
    roles_from_value,
    roles_value,
    validate_meeting,
)
from desktop.domain.projects import Project
from desktop.domain.text import clean_text
from desktop.services.common import (
    Hint,
    ListSpec,
    checked,
    get_loaded,
    list_functions,
    live_record,
)
from desktop.services.mapping import new_row, to_row
from desktop.services.projects import save_project
from desktop.store.database import Database
from desktop.store.models import (
    MeetingActionRecord,
    MeetingAmendmentRecord,
    MeetingParticipantRecord,
    MeetingRecord,
    MeetingTopicNeedRecord,
    MeetingTopicRecord,
    utcnow,
)
from desktop.store.trash import move_to_trash, record_to_save

SORT_COLUMNS = {
    "starts": MeetingRecord.starts_at,
    "title": MeetingRecord.title,
    "kind": MeetingRecord.kind,
}


class MeetingFinalError(DomainError):
    """Final minutes are never edited; add an amendment instead."""


class MeetingContradictionError(DomainError):
    """The minutes would contradict themselves (one person twice, an absent host …); they
    stay a draft until the secretary corrects them."""

    def __init__(self, found: list[Inconsistency]) -> None:
        super().__init__(", ".join(i.contradiction.value for i in found))
        self.found = found


def has_role(role: ParticipantRole):
    """A participant row holding ``role`` among its roles (see ``roles_value``)."""
    column = MeetingParticipantRecord.role
    return func.instr("," + column + ",", f",{role.value},") > 0


# -- the list ------------------------------------------------------------------------------
def _narrow(stmt: Select, query: MeetingQuery, hint: Hint, today: date) -> Select:
    if query.kind is not None:
        stmt = stmt.where(MeetingRecord.kind == query.kind.value)
    if query.final is not None:
        stmt = stmt.where(
            MeetingRecord.finalized_at.is_not(None)
            if query.final
            else MeetingRecord.finalized_at.is_(None)
        )
    return stmt


def _child_count(model, *conditions):
    return (
        select(func.count())
        .select_from(model)
        .where(model.meeting_id == MeetingRecord.id, *conditions)
        .correlate(MeetingRecord)
        .scalar_subquery()
    )


def _is_set(value: object) -> bool:
    return value is not None


MEETING_LIST = ListSpec(
    model=MeetingRecord,
    row=MeetingRow,
    same="id title kind starts_at place",
    read={
        "final": MeetingRecord.finalized_at,
        "attendees": _child_count(
            MeetingParticipantRecord,
            MeetingParticipantRecord.attendance == Attendance.PRESENT.value,
        ),
        "topics": _child_count(MeetingTopicRecord),
        "consensus": _child_count(MeetingTopicRecord, MeetingTopicRecord.consensus != ""),
        "open_actions": _child_count(
            MeetingActionRecord, MeetingActionRecord.status != ActionStatus.DONE.value
        ),
    },
    convert={"starts_at": utc_to_local, "final": _is_set},
    narrow=_narrow,
    sorts=SORT_COLUMNS,
)


count_meetings, list_meetings = list_functions(MEETING_LIST)


# -- one meeting ---------------------------------------------------------------------------
def _load(s: Session, rec: MeetingRecord) -> Meeting:
    def children(model):
        return s.scalars(
            select(model).where(model.meeting_id == rec.id).order_by(model.position, model.id)
        ).all()

    topics = []
    for t in children(MeetingTopicRecord):
        need_ids = s.scalars(
            select(MeetingTopicNeedRecord.need_id).where(MeetingTopicNeedRecord.topic_id == t.id)
        ).all()
        topics.append(
            Topic(
                t.title,
                t.discussion,
                t.votes_for,
                t.votes_against,
                t.votes_abstain,
                t.consensus,
                sorted(need_ids),
            )
        )
    amendments = s.scalars(
        select(MeetingAmendmentRecord)
        .where(MeetingAmendmentRecord.meeting_id == rec.id)
        .order_by(MeetingAmendmentRecord.made_at, MeetingAmendmentRecord.id)
    ).all()
    return Meeting(
        title=rec.title,
        kind=MeetingKind(rec.kind),
        starts_at=utc_to_local(rec.starts_at),
        place=rec.place,
        host=rec.host,
        recorder=rec.recorder,
        participants=[_participant(p) for p in children(MeetingParticipantRecord)],
        topics=topics,
        actions=[
            ActionItem(a.what, a.owner, a.due_on, ActionStatus(a.status), a.project_id, a.id)
            for a in children(MeetingActionRecord)
        ],
        amendments=[Amendment(a.text, a.made_on, a.made_at) for a in amendments],
        finalized_at=rec.finalized_at,
        id=rec.id,
        uuid=rec.uuid,
    )


def _participant(p: MeetingParticipantRecord) -> Participant:
    roles = roles_from_value(p.role)
    return Participant(
        roles[0], p.name, p.organization, p.person_id, p.phone, Attendance(p.attendance), roles[1:]
    )


def get_meeting(db: Database, meeting_id: int) -> Meeting:
    return get_loaded(db, MeetingRecord, meeting_id, "meeting", _load)


def save_meeting(db: Database, meeting: Meeting) -> Meeting:
    """Create or update a draft with all its parts; final minutes are refused."""
    meeting = checked(meeting, clean_meeting, validate_meeting)
    with db.session() as s:
        rec = record_to_save(s, MeetingRecord, meeting.id, meeting.uuid, "meeting", add=False)
        if rec.finalized_at is not None:
            raise MeetingFinalError(str(meeting.id))
        rec.title, rec.kind = meeting.title, meeting.kind.value
        rec.starts_at = local_to_utc(meeting.starts_at)
        rec.place, rec.host, rec.recorder = meeting.place, meeting.host, meeting.recorder
        s.add(rec)
        s.flush()
        _replace_children(s, rec.id, meeting)
        s.flush()
        return _load(s, rec)


def _replace_children(s: Session, meeting_id: int, m: Meeting) -> None:
    for model in (MeetingParticipantRecord, MeetingTopicRecord):
        s.execute(delete(model).where(model.meeting_id == meeting_id))
    kept_actions = {a.id for a in m.actions if a.id is not None}
    s.execute(
        delete(MeetingActionRecord).where(
            MeetingActionRecord.meeting_id == meeting_id,
            MeetingActionRecord.id.not_in(kept_actions),
        )
    )
    for i, p in enumerate(m.participants):
        # ``role`` holds every role, first role first.
        s.add(
            new_row(
                MeetingParticipantRecord,
                p,
                meeting_id=meeting_id,
                position=i,
                role=roles_value(p.roles),
            )
        )
    for i, t in enumerate(m.topics):
        topic = new_row(MeetingTopicRecord, t, meeting_id=meeting_id, position=i)
        s.add(topic)
        s.flush()
        for need_id in t.need_ids:
            s.add(MeetingTopicNeedRecord(topic_id=topic.id, need_id=need_id))
    for i, a in enumerate(m.actions):
        rec = s.get(MeetingActionRecord, a.id) if a.id is not None else None
        if rec is None or rec.meeting_id != meeting_id:  # never another meeting's item
            rec = MeetingActionRecord(meeting_id=meeting_id)
        # A project made from the item while this form was open stays linked.
        project_id = a.project_id if a.project_id is not None else rec.project_id
        to_row(rec, a)
        rec.position, rec.project_id = i, project_id
        s.add(rec)


def finalize_meeting(db: Database, meeting_id: int, at: datetime | None = None) -> Meeting:
    """From now on the minutes are fixed; corrections become amendments. Refused
    (MeetingContradictionError) while the minutes contradict themselves. ``at``: the local
    time of finalizing when it is not now (the demo's history)."""
    with db.session() as s:
        rec = live_record(s, MeetingRecord, meeting_id, "meeting")
        if rec.finalized_at is None:
            if found := contradictions(_load(s, rec)):
                raise MeetingContradictionError(found)
            rec.finalized_at = utcnow() if at is None else local_to_utc(at)
        return _load(s, rec)


def add_amendment(db: Database, meeting_id: int, text: str, made_on: date | None = None) -> Meeting:
    text = clean_text(text)
    if not text:
        raise ValidationError({"amendment": Problem.REQUIRED})
    with db.session() as s:
        rec = live_record(s, MeetingRecord, meeting_id, "meeting")
        # Today where the minutes are kept (the date they were finalized on is read there too).
        made_on = made_on or utc_to_local(utcnow()).date()
        finalized_on = None if rec.finalized_at is None else utc_to_local(rec.finalized_at).date()
        # A draft is edited instead; a correction cannot predate the minutes it corrects.
        if problem := amendment_date_problem(made_on, finalized_on):
            raise ValidationError({"amendment": problem})
        s.add(
            MeetingAmendmentRecord(
                meeting_id=meeting_id, text=text, made_on=made_on, made_at=utcnow()
            )
        )
        s.flush()
        return _load(s, rec)


# -- action items ----------------------------------------------------------------------------
def set_action_status(db: Database, action_id: int, status: ActionStatus) -> None:
    """Action items move on after the meeting, final minutes or not: they are the follow-up,
    not the record of what was said."""
    with db.session() as s:
        rec = s.get(MeetingActionRecord, action_id)
        if rec is None:
            raise NotFoundError(f"action {action_id}")
        rec.status = status.value


def project_from_action(db: Database, action_id: int) -> Project:
    """Create the project an action item calls for, linked to the item and the topic's needs."""
    with db.transaction(), db.session() as s:
        rec = s.get(MeetingActionRecord, action_id)
        if rec is None:
            raise NotFoundError(f"action {action_id}")
        if rec.project_id is not None:
            raise DomainError(f"action {action_id} already has project {rec.project_id}")
        topic_ids = select(MeetingTopicRecord.id).where(
            MeetingTopicRecord.meeting_id == rec.meeting_id
        )
        need_ids = sorted(
            set(
                s.scalars(
                    select(MeetingTopicNeedRecord.need_id).where(
                        MeetingTopicNeedRecord.topic_id.in_(topic_ids)
                    )
                )
            )
        )
        project = save_project(
            db,
            Project(title=rec.what.splitlines()[0][:100], need_ids=need_ids),
        )
        rec.project_id = project.id
        if rec.status == ActionStatus.OPEN.value:
            rec.status = ActionStatus.IN_PROGRESS.value
        return project


def open_actions(db: Database, limit: int = 200) -> list[tuple[ActionItem, int, str]]:
    """Action items not done, soonest due first: (item, meeting id, meeting title)."""
    with db.session() as s:
        rows = s.execute(
            select(MeetingActionRecord, MeetingRecord.id, MeetingRecord.title)
            .join(MeetingRecord, MeetingRecord.id == MeetingActionRecord.meeting_id)
            .where(
                MeetingRecord.deleted_at.is_(None),
                MeetingActionRecord.status != ActionStatus.DONE.value,
            )
            .order_by(
                MeetingActionRecord.due_on.is_(None),
                MeetingActionRecord.due_on,
                MeetingActionRecord.id,
            )
            .limit(limit)
        ).all()
        return [
            (
                ActionItem(a.what, a.owner, a.due_on, ActionStatus(a.status), a.project_id, a.id),
                meeting_id,
                title,
            )
            for a, meeting_id, title in rows
        ]


def upcoming_meetings(
    db: Database, now: datetime | None = None, limit: int = 50
) -> list[tuple[int, str, datetime]]:
    """Meetings from now on, soonest first: (id, title, local start time)."""
    start = local_to_utc(now or datetime.now())
    with db.session() as s:
        rows = s.execute(
            select(MeetingRecord.id, MeetingRecord.title, MeetingRecord.starts_at)
            .where(MeetingRecord.deleted_at.is_(None), MeetingRecord.starts_at >= start)
            .order_by(MeetingRecord.starts_at, MeetingRecord.id)
            .limit(limit)
        ).all()
    return [(r[0], r[1], utc_to_local(r[2])) for r in rows]


def meetings_of_need(db: Database, need_id: int) -> list[tuple[int, str]]:
    """The meetings that discussed a need: (meeting id, title)."""
    with db.session() as s:
        rows = s.execute(
            select(MeetingRecord.id, MeetingRecord.title)
            .join(MeetingTopicRecord, MeetingTopicRecord.meeting_id == MeetingRecord.id)
            .join(MeetingTopicNeedRecord, MeetingTopicNeedRecord.topic_id == MeetingTopicRecord.id)
            .where(MeetingTopicNeedRecord.need_id == need_id, MeetingRecord.deleted_at.is_(None))
            .distinct()
        ).all()
        return [(r[0], r[1]) for r in rows]


def topics_of_need(db: Database, need_id: int) -> list[tuple[int, str, datetime, str]]:
    """The meeting topics that took a need up, oldest meeting first: (meeting id, meeting
    title, local start time, topic title)."""
    with db.session() as s:
        rows = s.execute(
            select(
                MeetingRecord.id,
                MeetingRecord.title,
                MeetingRecord.starts_at,
                MeetingTopicRecord.title,
            )
            .join(MeetingTopicRecord, MeetingTopicRecord.meeting_id == MeetingRecord.id)
            .join(MeetingTopicNeedRecord, MeetingTopicNeedRecord.topic_id == MeetingTopicRecord.id)
            .where(MeetingTopicNeedRecord.need_id == need_id, MeetingRecord.deleted_at.is_(None))
            .order_by(MeetingRecord.starts_at, MeetingRecord.id, MeetingTopicRecord.position)
        ).all()
    return [(r[0], r[1], utc_to_local(r[2]), r[3]) for r in rows]


def delete_meetings(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, MeetingRecord, ids)
