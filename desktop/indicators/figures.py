"""Every figure of a period, counted on a connection: the written definitions are in
desktop/domain/indicators.py, the SQL that states them in source.py."""

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.indicators import (
    COUNT_KEYS,
    INDICATOR_KEYS,
    STATUS_TITLES,
    Period,
    change_pct,
    format_change,
)
from desktop.indicators import source as sql
from desktop.indicators.source import Source, countable

STATUS_ORDER = tuple(STATUS_TITLES)
TREND_KEYS = COUNT_KEYS


@dataclass(frozen=True)
class Indicators:
    period: Period
    baseline: Period | None
    meetings_held: int = 0
    problems_solved: int = 0
    consensus_reached: int = 0
    agreements_signed: int = 0
    pairing_activities: int = 0
    practical_services: int = 0
    dispute_mediations: int = 0
    self_organizations_incubated: int = 0
    property_disputes: int = 0
    property_disputes_change_pct: float | None = None
    talents_discovered: int = 0
    talents_cultivated: int = 0
    needs_by_category: dict[str, int] = field(default_factory=dict)
    needs_by_status: dict[str, int] = field(default_factory=dict)
    # The baseline's property disputes: the street office recomputes the change from sums.
    property_disputes_baseline: int = 0
    # Keys a copy from an older schema revision has no tables for (reported as 0).
    not_counted: tuple[str, ...] = ()

    def value(self, key: str) -> Any:
        return getattr(self, key)

    def to_json(self) -> dict[str, Any]:
        """The fixed keys of `shuren indicators --json`, plus the period and baseline labels."""
        document: dict[str, Any] = {
            "period": self.period.label,
            "baseline": self.baseline.label if self.baseline else None,
        }
        for key in INDICATOR_KEYS:
            value = getattr(self, key)
            document[key] = dict(value) if isinstance(value, dict) else value
        return document


def figure_text(indicators: Indicators, key: str) -> str:
    """A figure as printed: a count, the change in words, or a breakdown's total."""
    value = indicators.value(key)
    if key == "property_disputes_change_pct":
        return format_change(value)
    if isinstance(value, dict):
        return str(sum(value.values()))
    return str(value)


def compute(
    connection: sqlite3.Connection, period: Period, baseline: Period | None = None
) -> Indicators:
    """Every figure for ``period``; property disputes are compared with ``baseline``
    (default: the period before).

    A copy made by an older revision of the app counts what its tables allow; a figure whose
    table or column it lacks is 0 and named in ``not_counted``.
    """
    return _compute(Source(connection), period, baseline)


def trend(connection: sqlite3.Connection, year: int) -> dict[str, list[int]]:
    """The count figures of each quarter of ``year`` (Q1–Q4), for the charts."""
    source = Source(connection)
    quarters = [_compute(source, Period.quarter(year, n), None) for n in range(1, 5)]
    return {key: [getattr(q, key) for q in quarters] for key in TREND_KEYS}


def _compute(source: Source, period: Period, baseline: Period | None) -> Indicators:
    baseline = period.previous() if baseline is None else baseline
    counts: dict[str, Any] = {}
    days, instants = sql.days(period), sql.instants(period)
    simple = {
        "meetings_held": (f"SELECT COUNT(*) FROM {sql.MEETINGS}", instants),
        "consensus_reached": (f"SELECT COUNT(*) FROM {sql.TOPICS}", instants),
        "problems_solved": (sql.COUNT_SOLVED, instants),
        "agreements_signed": (sql.COUNT_AGREEMENTS, days),
        "self_organizations_incubated": (f"SELECT COUNT(*) FROM {sql.INCUBATED}", days),
        "talents_discovered": (f"SELECT COUNT(*) FROM {sql.DISCOVERED}", days),
        "talents_cultivated": (sql.COUNT_CULTIVATED, days),
    }
    for key, (statement, params) in simple.items():
        if countable(source, key):
            counts[key] = source.scalar(statement, params)
    if countable(source, "pairing_activities"):
        by_kind = dict(source.run(sql.COUNT_ACTIVITIES, days))
        for key, kind in sql.ACTIVITY_KINDS.items():
            counts[key] = int(by_kind.get(kind, 0))
    counts.update(_needs_figures(source, period, baseline))
    missing = tuple(k for k in INDICATOR_KEYS if not countable(source, k))
    return Indicators(period=period, baseline=baseline, not_counted=missing, **counts)


def _needs_figures(source: Source, period: Period, baseline: Period) -> dict[str, Any]:
    """Disputes and both breakdowns from one pass over the period's needs."""
    figures: dict[str, Any] = {}
    if not source.has("need", "category_id", "status", "registered_on", "deleted_at"):
        return figures
    disputes = countable(source, "property_disputes")
    flag = "n.is_dispute" if disputes else "0"
    rows = source.run(
        f"SELECT n.category_id, n.status, {flag}, COUNT(*) FROM {sql.NEEDS} GROUP BY 1, 2, 3",
        sql.days(period),
    )
    if disputes:
        before = source.scalar(f"SELECT COUNT(*) FROM {sql.DISPUTES}", sql.days(baseline))
        now = sum(n for _, _, dispute, n in rows if dispute)
        figures["property_disputes"] = now
        figures["property_disputes_baseline"] = before
        figures["property_disputes_change_pct"] = change_pct(now, before)
    if countable(source, "needs_by_category"):
        names = source.run("SELECT id, name FROM need_category ORDER BY position, id", ())
        per_id: dict[int, int] = {}
        for category_id, _, _, n in rows:
            per_id[category_id] = per_id.get(category_id, 0) + n
        figures["needs_by_category"] = {name: per_id.get(cid, 0) for cid, name in names}
    if countable(source, "needs_by_status"):
        per_status: dict[str, int] = dict.fromkeys(STATUS_ORDER, 0)
        for _, status, _, n in rows:
            per_status[status] = per_status.get(status, 0) + n
        figures["needs_by_status"] = per_status
    return figures
