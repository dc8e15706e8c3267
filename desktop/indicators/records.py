"""The records behind a figure (统计 → click a figure or a bar), by date."""

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.indicators import DEFINITIONS, INDICATOR_KEYS, Period
from desktop.domain.kinds import RecordKind
from desktop.domain.text import clean_text
from desktop.indicators import source as sql
from desktop.indicators.source import Source, countable, day, local_day


@dataclass(frozen=True)
class IndicatorRecord:
    """One record behind a figure. ``id`` is the record's own id, except: a consensus item
    gives its meeting's id (topics are opened with their meeting) and a talented resident
    (RecordKind.TALENT) the person's id."""

    kind: RecordKind
    id: int
    title: str
    on: date


def records(
    connection: sqlite3.Connection,
    key: str,
    period: Period,
    baseline: Period | None = None,
    *,
    group: str | None = None,
) -> list[IndicatorRecord]:
    """The records a figure counts, by date. For needs_by_category / needs_by_status,
    ``group`` is the category name / NeedStatus value (None: every need of the period). For
    property_disputes_change_pct: the disputes of the period and of the baseline."""
    if key not in INDICATOR_KEYS:
        raise KeyError(key)
    source = Source(connection)
    if not countable(source, key):
        return []
    found = _records(
        source, key, period, period.previous() if baseline is None else baseline, group
    )
    return sorted(found, key=lambda r: (r.on, r.kind.value, r.id))


def _one_line(text: str) -> str:
    return clean_text(text, single_line=True)


def _records(
    source: Source, key: str, period: Period, baseline: Period, group: str | None
) -> list[IndicatorRecord]:
    run, days, instants = source.run, sql.days(period), sql.instants(period)
    if key == "meetings_held":
        rows = run(f"SELECT m.id, m.title, m.starts_at FROM {sql.MEETINGS}", instants)
        return [IndicatorRecord(RecordKind.MEETING, i, t, local_day(at)) for i, t, at in rows]
    if key == "consensus_reached":
        rows = run(f"SELECT m.id, m.title, t.title, m.starts_at FROM {sql.TOPICS}", instants)
        return [
            IndicatorRecord(RecordKind.MEETING, i, f"{meeting}：{topic}", local_day(at))
            for i, meeting, topic, at in rows
        ]
    if key == "problems_solved":
        statement = f"SELECT n.id, n.title, MAX(c.changed_at) FROM {sql.SOLVED} GROUP BY n.id"
        return [
            IndicatorRecord(RecordKind.NEED, i, t, local_day(at))
            for i, t, at in run(statement, instants)
        ]
    if key == "agreements_signed":
        statement = f"SELECT a.id, o.name, a.signed_on FROM {sql.AGREEMENTS}"
        return [
            IndicatorRecord(RecordKind.PARTNER_AGREEMENT, i, f"{name}：共建协议", day(on))
            for i, name, on in run(statement, days)
        ]
    if key in sql.ACTIVITY_KINDS:
        title = DEFINITIONS[key].title
        statement = (
            f"SELECT a.id, o.name, a.description, a.held_on FROM {sql.ACTIVITIES} AND a.kind = ?"
        )
        return [
            IndicatorRecord(
                RecordKind.PARTNER_ACTIVITY,
                i,
                f"{name}：{_one_line(text).split(' ')[0] or title}" if text else f"{name}：{title}",
                day(on),
            )
            for i, name, text, on in run(statement, (*days, sql.ACTIVITY_KINDS[key]))
        ]
    return _other_records(source, key, period, baseline, group)


def _other_records(
    source: Source, key: str, period: Period, baseline: Period, group: str | None
) -> list[IndicatorRecord]:
    """Organizations, disputes, talents and needs."""
    run, days = source.run, sql.days(period)
    if key == "self_organizations_incubated":
        statement = f"SELECT o.id, o.name, o.incubated_on FROM {sql.INCUBATED}"
        return [
            IndicatorRecord(RecordKind.ORGANIZATION, i, n, day(on))
            for i, n, on in run(statement, days)
        ]
    if key in ("property_disputes", "property_disputes_change_pct"):
        periods = [period] if key == "property_disputes" else [baseline, period]
        statement = f"SELECT n.id, n.title, n.registered_on FROM {sql.DISPUTES}"
        return [
            IndicatorRecord(RecordKind.NEED, i, t, day(on))
            for p in periods
            for i, t, on in run(statement, sql.days(p))
        ]
    if key == "talents_discovered":
        statement = f"SELECT p.id, p.name, p.talent_discovered_on FROM {sql.DISCOVERED}"
        return [
            IndicatorRecord(RecordKind.TALENT, i, n, day(on)) for i, n, on in run(statement, days)
        ]
    if key == "talents_cultivated":
        statement = f"SELECT p.id, p.name, MIN(tc.happened_on) FROM {sql.CULTIVATED} GROUP BY p.id"
        return [
            IndicatorRecord(RecordKind.TALENT, i, n, day(on)) for i, n, on in run(statement, days)
        ]
    # needs_by_category / needs_by_status
    statement = f"SELECT n.id, n.title, n.registered_on FROM {sql.NEEDS}"
    params: tuple[Any, ...] = days
    if group is not None and key == "needs_by_category":
        statement += " AND n.category_id = (SELECT id FROM need_category WHERE name = ?)"
        params = (*days, group)
    elif group is not None:
        statement += " AND n.status = ?"
        params = (*days, group)
    return [IndicatorRecord(RecordKind.NEED, i, t, day(on)) for i, t, on in run(statement, params)]
