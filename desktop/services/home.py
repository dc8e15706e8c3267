"""首页: what is due, overdue or waiting, each a click away from its record; on a new data
folder, what to do first."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import exists, func, select

from desktop.domain.committee import CommitteeTerm
from desktop.domain.dates import week_of
from desktop.domain.meetings import ActionItem, ActionStatus
from desktop.domain.needs import NeedQuery, NeedRow
from desktop.domain.partners import QuotaGap
from desktop.domain.visits import VisitRow
from desktop.services import committee, meetings, needs, neighborhood, partners, visits
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    MeetingActionRecord,
    MeetingRecord,
    NeedRecord,
    OrganizationRecord,
    PersonRecord,
    ProjectRecord,
    ResourceRecord,
    VisitRecord,
)

SHOWN = 50  # per section; the count says how many there are in all


@dataclass
class SetUp:
    """How far a new data folder has come: the home page says what to do first until the
    neighborhood is named and something is recorded."""

    neighborhood: str  # its name; empty until filled in
    buildings: int
    has_records: bool  # a person, need, resource, project, visit or meeting
    partner_units: int

    @property
    def done(self) -> bool:
        return bool(self.neighborhood) and self.has_records


@dataclass
class HomeSummary:
    today: date
    # Follow-ups due by the end of this week (overdue ones first) whose result is not recorded.
    follow_ups: list[VisitRow]
    follow_up_count: int
    follow_ups_overdue: int
    overdue_needs: list[NeedRow]
    overdue_count: int
    upcoming_meetings: list[tuple[int, str, datetime]]
    # Action items not done, soonest due first: (item, meeting id, meeting title).
    open_actions: list[tuple[ActionItem, int, str]]
    open_action_count: int = 0
    actions_overdue: int = 0
    # 三个一 still owed in a quarter (or year) that ends soon.
    quota_gaps: list[QuotaGap] = field(default_factory=list)
    # Committee terms in office with fewer than half party members at their formation.
    committee_shortfalls: list[CommitteeTerm] = field(default_factory=list)
    set_up: SetUp | None = None


def home_summary(db: Database, today: date | None = None) -> HomeSummary:
    today = today or date.today()
    _monday, sunday = week_of(today)
    query = NeedQuery(overdue_only=True, sort="due", descending=False)
    action_count, actions_overdue = _count_open_actions(db, today)
    return HomeSummary(
        today=today,
        follow_ups=visits.open_follow_ups(db, sunday, limit=SHOWN),
        follow_up_count=visits.count_open_follow_ups(db, sunday),
        follow_ups_overdue=visits.count_open_follow_ups(db, sunday, before=today),
        overdue_needs=needs.list_needs(db, query, limit=SHOWN, today=today),
        overdue_count=needs.count_needs(db, query, today=today),
        upcoming_meetings=meetings.upcoming_meetings(db, limit=SHOWN),
        open_actions=meetings.open_actions(db, limit=SHOWN),
        open_action_count=action_count,
        actions_overdue=actions_overdue,
        quota_gaps=partners.quota_gaps(db, today),
        committee_shortfalls=committee.terms_short_of_rule(db, today),
        set_up=set_up(db),
    )


def action_overdue(item: ActionItem, today: date) -> bool:
    return item.status is not ActionStatus.DONE and item.due_on is not None and item.due_on < today


def _count_open_actions(db: Database, today: date) -> tuple[int, int]:
    """All the open action items and the overdue ones among them (the list shows SHOWN)."""
    open_ = (
        select(func.count())
        .select_from(MeetingActionRecord)
        .join(MeetingRecord, MeetingRecord.id == MeetingActionRecord.meeting_id)
        .where(
            MeetingRecord.deleted_at.is_(None),
            MeetingActionRecord.status != ActionStatus.DONE.value,
        )
    )
    with db.session() as s:
        total = s.scalar(open_) or 0
        late = s.scalar(open_.where(MeetingActionRecord.due_on < today)) or 0
    return total, late


def set_up(db: Database) -> SetUp:
    live = [
        exists().where(model.deleted_at.is_(None))
        for model in (
            PersonRecord,
            NeedRecord,
            ResourceRecord,
            ProjectRecord,
            VisitRecord,
            MeetingRecord,
        )
    ]
    units = select(func.count()).where(
        OrganizationRecord.kind == partners.PARTNER, OrganizationRecord.deleted_at.is_(None)
    )
    with db.session() as s:
        has_records = any(s.scalar(select(e)) for e in live)
        buildings = s.scalar(select(func.count()).select_from(BuildingRecord)) or 0
        partner_units = s.scalar(units) or 0
    return SetUp(
        neighborhood=neighborhood.get_neighborhood(db).name,
        buildings=buildings,
        has_records=has_records,
        partner_units=partner_units,
    )
