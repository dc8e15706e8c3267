"""首页: what is due, overdue or waiting, each a click away from its record."""

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.committee import CommitteeTerm
from desktop.domain.dates import week_of
from desktop.domain.meetings import ActionItem
from desktop.domain.needs import NeedQuery, NeedRow
from desktop.domain.partners import QuotaGap
from desktop.domain.visits import VisitRow
from desktop.services import committee, meetings, needs, partners, visits
from desktop.store.database import Database

SHOWN = 50  # per section; the count says how many there are in all


@dataclass
class HomeSummary:
    follow_ups: list[VisitRow]  # visits whose follow-up falls in this week (or is overdue)
    overdue_needs: list[NeedRow]
    overdue_count: int
    upcoming_meetings: list[tuple[int, str, datetime]]
    open_actions: list[tuple[ActionItem, int, str]]
    # 三个一 still owed in a quarter (or year) that ends soon.
    quota_gaps: list[QuotaGap] = field(default_factory=list)
    # Committee terms in office with fewer than half party members at their formation.
    committee_shortfalls: list[CommitteeTerm] = field(default_factory=list)


def home_summary(db: Database, today: date | None = None) -> HomeSummary:
    today = today or date.today()
    _monday, sunday = week_of(today)
    follow_ups = visits.follow_ups_between(db, date(2000, 1, 1), sunday)
    # A follow-up already done (its need closed) still shows until the visit is edited:
    # the secretary records the outcome on the visit itself.
    query = NeedQuery(overdue_only=True, sort="due", descending=False)
    return HomeSummary(
        follow_ups=[v for v in follow_ups if v.follow_up_on is not None],
        overdue_needs=needs.list_needs(db, query, limit=SHOWN, today=today),
        overdue_count=needs.count_needs(db, query, today=today),
        upcoming_meetings=meetings.upcoming_meetings(db, limit=SHOWN),
        open_actions=meetings.open_actions(db, limit=SHOWN),
        quota_gaps=partners.quota_gaps(db, today),
        committee_shortfalls=committee.terms_short_of_rule(db, today),
    )
