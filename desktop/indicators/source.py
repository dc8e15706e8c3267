"""Where the figures are read: a DB-API connection, the SQL that selects each figure's records,
and a period's bounds as the app stores dates and times.

- trash: a record in the trash never counts, nor one whose parent is in the trash (a topic of
  a trashed meeting, an activity of a trashed partner unit, a status change of a trashed need);
- dates: date columns compare as ISO text; times are stored in UTC, so a period's bounds are
  turned into UTC instants (2026年3月31日 23:59 in Beijing is 15:59 UTC and counts in Q1).
"""

import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop.domain.dates import local_to_utc, utc_to_local
from desktop.domain.indicators import Period


class Source:
    """Runs SQL and knows which tables and columns the file has."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._columns: dict[str, set[str]] = {}

    def run(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params).fetchall()

    def has(self, table: str, *columns: str) -> bool:
        if table not in self._columns:
            rows = self.run(f"PRAGMA table_info({table})", ())
            self._columns[table] = {row[1] for row in rows}
        found = self._columns[table]
        return bool(found) and all(c in found for c in columns)

    def scalar(self, sql: str, params: tuple[Any, ...]) -> int:
        row = self.run(sql, params)
        return int(row[0][0] or 0) if row else 0


def days(period: Period) -> tuple[str, str]:
    return period.start.isoformat(), period.end.isoformat()


def instants(period: Period) -> tuple[str, str]:
    """[start, end) of the period in stored UTC text. Without fractional seconds the bounds
    compare right against values stored with or without them."""
    start = local_to_utc(datetime.combine(period.start, time()))
    end = local_to_utc(datetime.combine(period.end + timedelta(days=1), time()))
    return f"{start:%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}"


def local_day(stored: str | datetime) -> date:
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return utc_to_local(moment).date()


def day(stored: str | date) -> date:
    return stored if isinstance(stored, date) else date.fromisoformat(stored)


# Each figure: the tables and columns it needs, and the FROM/WHERE that selects its records.
# Parameters: dates for date columns (days) or UTC instants for times (instants).
MEETINGS = (
    "meeting m WHERE m.deleted_at IS NULL AND m.finalized_at IS NOT NULL"
    " AND m.kind = 'deliberation' AND m.starts_at >= ? AND m.starts_at < ?"
)
TOPICS = (
    "meeting_topic t JOIN meeting m ON m.id = t.meeting_id WHERE m.deleted_at IS NULL"
    " AND m.finalized_at IS NOT NULL AND m.kind = 'deliberation'"
    " AND m.starts_at >= ? AND m.starts_at < ? AND TRIM(t.consensus) <> ''"
)
SOLVED = (
    "need_status_change c JOIN need n ON n.id = c.need_id WHERE c.to_status = 'resolved'"
    " AND c.changed_at >= ? AND c.changed_at < ? AND n.deleted_at IS NULL"
)
AGREEMENTS = (
    "partner_agreement a JOIN organization o ON o.id = a.organization_id"
    " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL AND a.signed_on BETWEEN ? AND ?"
)
ACTIVITIES = (
    "partner_activity a JOIN organization o ON o.id = a.organization_id"
    " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL AND a.held_on BETWEEN ? AND ?"
)
INCUBATED = (
    "organization o WHERE o.kind = 'self_organization' AND o.deleted_at IS NULL"
    " AND o.incubated_on BETWEEN ? AND ?"
)
DISPUTES = (
    "need n WHERE n.deleted_at IS NULL AND n.is_dispute = 1 AND n.registered_on BETWEEN ? AND ?"
)
DISCOVERED = "person p WHERE p.deleted_at IS NULL AND p.talent_discovered_on BETWEEN ? AND ?"
CULTIVATED = (
    "talent_cultivation tc JOIN person p ON p.id = tc.person_id"
    " WHERE p.deleted_at IS NULL AND tc.happened_on BETWEEN ? AND ?"
)
NEEDS = "need n WHERE n.deleted_at IS NULL AND n.registered_on BETWEEN ? AND ?"

# The counts, shaped for speed at 100,000 rows per table (tests/benchmarks/bench_indicators.py):
# a live parent as IN (subquery) rather than a join; a unary + keeps SQLite from walking a
# date index row by row where reading the small table through is quicker (measured 2–4×).
_LIVE_ORGANIZATION = "a.organization_id IN (SELECT id FROM organization WHERE deleted_at IS NULL)"
COUNT_AGREEMENTS = (
    "SELECT COUNT(*) FROM partner_agreement a WHERE a.deleted_at IS NULL"
    f" AND +a.signed_on BETWEEN ? AND ? AND {_LIVE_ORGANIZATION}"
)
COUNT_ACTIVITIES = (
    "SELECT a.kind, COUNT(*) FROM partner_activity a WHERE a.deleted_at IS NULL"
    f" AND a.held_on BETWEEN ? AND ? AND {_LIVE_ORGANIZATION} GROUP BY a.kind"
)
COUNT_CULTIVATED = (
    "SELECT COUNT(*) FROM person p WHERE p.deleted_at IS NULL AND p.id IN"
    " (SELECT person_id FROM talent_cultivation WHERE +happened_on BETWEEN ? AND ?)"
)
COUNT_SOLVED = (
    "SELECT COUNT(*) FROM need n WHERE n.deleted_at IS NULL AND n.id IN (SELECT need_id"
    " FROM need_status_change WHERE to_status = 'resolved' AND changed_at >= ? AND changed_at < ?)"
)

ACTIVITY_KINDS = {
    "pairing_activities": "pairing",
    "practical_services": "practical_service",
    "dispute_mediations": "dispute_mediation",
}
# What each figure needs of the schema; a copy that lacks it counts 0 for that figure.
_NEEDS_SCHEMA: dict[str, tuple[tuple[str, ...], ...]] = {
    "meetings_held": (("meeting", "finalized_at", "kind", "starts_at", "deleted_at"),),
    "consensus_reached": (("meeting", "finalized_at"), ("meeting_topic", "consensus")),
    "problems_solved": (("need_status_change", "changed_at"), ("need", "deleted_at")),
    "agreements_signed": (("partner_agreement", "signed_on", "deleted_at"),),
    "pairing_activities": (("partner_activity", "held_on", "deleted_at"),),
    "practical_services": (("partner_activity", "held_on", "deleted_at"),),
    "dispute_mediations": (("partner_activity", "held_on", "deleted_at"),),
    "self_organizations_incubated": (("organization", "incubated_on"),),
    "property_disputes": (("need", "is_dispute", "registered_on"),),
    "property_disputes_change_pct": (("need", "is_dispute", "registered_on"),),
    "talents_discovered": (("person", "talent_discovered_on", "deleted_at"),),
    "talents_cultivated": (("talent_cultivation", "happened_on"),),
    "needs_by_category": (("need", "category_id", "registered_on"), ("need_category", "name")),
    "needs_by_status": (("need", "status", "registered_on"),),
}


def countable(source: Source, key: str) -> bool:
    return all(source.has(table, *columns) for table, *columns in _NEEDS_SCHEMA[key])
