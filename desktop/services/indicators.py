"""The indicators (统计): the street office's figures for one period, counted from the records.

Every figure is one SQL query over plain columns, written once and run either on the app's
database or on a database file opened read-only (the street office's copies of the branches).
The written definitions are in desktop/domain/indicators.py; the rules they state are here:

- trash: a record in the trash never counts, nor one whose parent is in the trash (a topic of
  a trashed meeting, an activity of a trashed partner unit, a status change of a trashed need);
- dates: date columns compare as ISO text; times are stored in UTC, so a period's bounds are
  turned into UTC instants (2026年3月31日 23:59 in Beijing is 15:59 UTC and counts in Q1).

No Qt and no ORM here: the street office's receiver imports this module.
"""

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.dates import local_to_utc, utc_to_local
from desktop.domain.indicators import (
    COUNT_KEYS,
    DEFINITIONS,
    INDICATOR_KEYS,
    STATUS_TITLES,
    Period,
    change_pct,
    format_change,
)
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import export_text
from desktop.domain.text import clean_text
from desktop.shared_files import share

if TYPE_CHECKING:  # the receiver imports this module without the app's store
    from desktop.store.database import Database

# sqlite3-style: (sql, parameters) -> rows.
Run = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]

STATUS_ORDER = tuple(STATUS_TITLES)
TREND_KEYS = COUNT_KEYS


@dataclass(frozen=True)
class IndicatorRecord:
    """One record behind a figure. ``id`` is the record's own id, except: a consensus item
    gives its meeting's id (topics are opened with their meeting) and a talented resident
    (RecordKind.TALENT) the person's id."""

    kind: RecordKind
    id: int
    title: str
    on: date


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


# --- reading -----------------------------------------------------------------------------------


class _Source:
    """Runs SQL and knows which tables and columns the file has."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self._columns: dict[str, set[str]] = {}

    def has(self, table: str, *columns: str) -> bool:
        if table not in self._columns:
            rows = self.run(f"PRAGMA table_info({table})", ())
            self._columns[table] = {row[1] for row in rows}
        found = self._columns[table]
        return bool(found) and all(c in found for c in columns)

    def scalar(self, sql: str, params: tuple[Any, ...]) -> int:
        row = self.run(sql, params)
        return int(row[0][0] or 0) if row else 0


@contextmanager
def _database_source(db: "Database") -> Iterator[_Source]:
    with db.engine.connect() as connection:

        def run(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in connection.exec_driver_sql(sql, params).all()]

        yield _Source(run)


@contextmanager
def _file_source(path: Path) -> Iterator[_Source]:
    if not Path(path).is_file():
        raise FileNotFoundError(path)
    # Read-only: SQLite itself refuses any write; nothing is migrated or repaired. Works on a
    # read-only copy or a full disk too. (Imported here: the receiver uses no app store.)
    from desktop.store.schema import connect_readonly

    with closing(connect_readonly(Path(path))) as connection:
        yield _connection_source(connection)


def _connection_source(connection: sqlite3.Connection) -> _Source:
    return _Source(lambda sql, params: connection.execute(sql, params).fetchall())


def _days(period: Period) -> tuple[str, str]:
    return period.start.isoformat(), period.end.isoformat()


def _instants(period: Period) -> tuple[str, str]:
    """[start, end) of the period in stored UTC text. Without fractional seconds the bounds
    compare right against values stored with or without them."""
    start = local_to_utc(datetime.combine(period.start, time()))
    end = local_to_utc(datetime.combine(period.end + timedelta(days=1), time()))
    return f"{start:%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}"


def _local_day(stored: str | datetime) -> date:
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return utc_to_local(moment).date()


def _day(stored: str | date) -> date:
    return stored if isinstance(stored, date) else date.fromisoformat(stored)


# Each figure: the tables and columns it needs, and the FROM/WHERE that selects its records.
# Parameters: dates for date columns (_days) or UTC instants for times (_instants).
_MEETINGS = (
    "meeting m WHERE m.deleted_at IS NULL AND m.finalized_at IS NOT NULL"
    " AND m.kind = 'deliberation' AND m.starts_at >= ? AND m.starts_at < ?"
)
_TOPICS = (
    "meeting_topic t JOIN meeting m ON m.id = t.meeting_id WHERE m.deleted_at IS NULL"
    " AND m.finalized_at IS NOT NULL AND m.kind = 'deliberation'"
    " AND m.starts_at >= ? AND m.starts_at < ? AND TRIM(t.consensus) <> ''"
)
_SOLVED = (
    "need_status_change c JOIN need n ON n.id = c.need_id WHERE c.to_status = 'resolved'"
    " AND c.changed_at >= ? AND c.changed_at < ? AND n.deleted_at IS NULL"
)
_AGREEMENTS = (
    "partner_agreement a JOIN organization o ON o.id = a.organization_id"
    " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL AND a.signed_on BETWEEN ? AND ?"
)
_ACTIVITIES = (
    "partner_activity a JOIN organization o ON o.id = a.organization_id"
    " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL AND a.held_on BETWEEN ? AND ?"
)
_INCUBATED = (
    "organization o WHERE o.kind = 'self_organization' AND o.deleted_at IS NULL"
    " AND o.incubated_on BETWEEN ? AND ?"
)
_DISPUTES = (
    "need n WHERE n.deleted_at IS NULL AND n.is_dispute = 1 AND n.registered_on BETWEEN ? AND ?"
)
_DISCOVERED = "person p WHERE p.deleted_at IS NULL AND p.talent_discovered_on BETWEEN ? AND ?"
_CULTIVATED = (
    "talent_cultivation tc JOIN person p ON p.id = tc.person_id"
    " WHERE p.deleted_at IS NULL AND tc.happened_on BETWEEN ? AND ?"
)
_NEEDS = "need n WHERE n.deleted_at IS NULL AND n.registered_on BETWEEN ? AND ?"

# The counts, shaped for speed at 100,000 rows per table (tests/benchmarks/bench_indicators.py):
# a live parent as IN (subquery) rather than a join; a unary + keeps SQLite from walking a
# date index row by row where reading the small table through is quicker (measured 2–4×).
_LIVE_ORGANIZATION = "a.organization_id IN (SELECT id FROM organization WHERE deleted_at IS NULL)"
_COUNT_AGREEMENTS = (
    "SELECT COUNT(*) FROM partner_agreement a WHERE a.deleted_at IS NULL"
    f" AND +a.signed_on BETWEEN ? AND ? AND {_LIVE_ORGANIZATION}"
)
_COUNT_ACTIVITIES = (
    "SELECT a.kind, COUNT(*) FROM partner_activity a WHERE a.deleted_at IS NULL"
    f" AND a.held_on BETWEEN ? AND ? AND {_LIVE_ORGANIZATION} GROUP BY a.kind"
)
_COUNT_CULTIVATED = (
    "SELECT COUNT(*) FROM person p WHERE p.deleted_at IS NULL AND p.id IN"
    " (SELECT person_id FROM talent_cultivation WHERE +happened_on BETWEEN ? AND ?)"
)
_COUNT_SOLVED = (
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


def _countable(source: _Source, key: str) -> bool:
    return all(source.has(table, *columns) for table, *columns in _NEEDS_SCHEMA[key])


def _compute(source: _Source, period: Period, baseline: Period | None) -> Indicators:
    baseline = period.previous() if baseline is None else baseline
    counts: dict[str, Any] = {}
    days, instants = _days(period), _instants(period)
    simple = {
        "meetings_held": (f"SELECT COUNT(*) FROM {_MEETINGS}", instants),
        "consensus_reached": (f"SELECT COUNT(*) FROM {_TOPICS}", instants),
        "problems_solved": (_COUNT_SOLVED, instants),
        "agreements_signed": (_COUNT_AGREEMENTS, days),
        "self_organizations_incubated": (f"SELECT COUNT(*) FROM {_INCUBATED}", days),
        "talents_discovered": (f"SELECT COUNT(*) FROM {_DISCOVERED}", days),
        "talents_cultivated": (_COUNT_CULTIVATED, days),
    }
    for key, (sql, params) in simple.items():
        if _countable(source, key):
            counts[key] = source.scalar(sql, params)
    if _countable(source, "pairing_activities"):
        by_kind = dict(source.run(_COUNT_ACTIVITIES, days))
        for key, kind in ACTIVITY_KINDS.items():
            counts[key] = int(by_kind.get(kind, 0))
    counts.update(_needs_figures(source, period, baseline))
    missing = tuple(k for k in INDICATOR_KEYS if not _countable(source, k))
    return Indicators(period=period, baseline=baseline, not_counted=missing, **counts)


def _needs_figures(source: _Source, period: Period, baseline: Period) -> dict[str, Any]:
    """Disputes and both breakdowns from one pass over the period's needs."""
    figures: dict[str, Any] = {}
    if not source.has("need", "category_id", "status", "registered_on", "deleted_at"):
        return figures
    disputes = _countable(source, "property_disputes")
    flag = "n.is_dispute" if disputes else "0"
    rows = source.run(
        f"SELECT n.category_id, n.status, {flag}, COUNT(*) FROM {_NEEDS} GROUP BY 1, 2, 3",
        _days(period),
    )
    if disputes:
        before = source.scalar(f"SELECT COUNT(*) FROM {_DISPUTES}", _days(baseline))
        now = sum(n for _, _, dispute, n in rows if dispute)
        figures["property_disputes"] = now
        figures["property_disputes_baseline"] = before
        figures["property_disputes_change_pct"] = change_pct(now, before)
    if _countable(source, "needs_by_category"):
        names = source.run("SELECT id, name FROM need_category ORDER BY position, id", ())
        per_id: dict[int, int] = {}
        for category_id, _, _, n in rows:
            per_id[category_id] = per_id.get(category_id, 0) + n
        figures["needs_by_category"] = {name: per_id.get(cid, 0) for cid, name in names}
    if _countable(source, "needs_by_status"):
        per_status: dict[str, int] = dict.fromkeys(STATUS_ORDER, 0)
        for _, status, _, n in rows:
            per_status[status] = per_status.get(status, 0) + n
        figures["needs_by_status"] = per_status
    return figures


def compute_indicators(
    db: "Database", period: Period, baseline: Period | None = None
) -> Indicators:
    """Every figure for ``period``; property disputes are compared with ``baseline``
    (default: the period before)."""
    with _database_source(db) as source:
        return _compute(source, period, baseline)


def compute_indicators_file(
    path: Path, period: Period, baseline: Period | None = None
) -> Indicators:
    """The same figures from a database FILE, opened read-only: never migrated or written.

    A copy made by an older revision of the app counts what its tables allow; a figure whose
    table or column it lacks is 0 and named in ``not_counted``. sqlite3.DatabaseError for a
    file that is not a database; FileNotFoundError when there is none.
    """
    with _file_source(path) as source:
        return _compute(source, period, baseline)


def compute_indicators_connection(
    connection: sqlite3.Connection, period: Period, baseline: Period | None = None
) -> Indicators:
    """The same figures on a connection the caller opened: the street office opens a branch's
    copy its own way (schema checked, every query time-limited: desktop/sync/untrusted.py)."""
    return _compute(_connection_source(connection), period, baseline)


def trend(db: "Database", year: int) -> dict[str, list[int]]:
    """The count figures of each quarter of ``year`` (Q1–Q4), for the charts."""
    quarters = [compute_indicators(db, Period.quarter(year, n)) for n in range(1, 5)]
    return {key: [getattr(q, key) for q in quarters] for key in TREND_KEYS}


# --- the records behind a figure -----------------------------------------------------------------


def _one_line(text: str) -> str:
    return clean_text(text, single_line=True)


def indicator_records(
    db: "Database",
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
    with _database_source(db) as source:
        if not _countable(source, key):
            return []
        records = _records(
            source, key, period, period.previous() if baseline is None else baseline, group
        )
    return sorted(records, key=lambda r: (r.on, r.kind.value, r.id))


def _records(
    source: _Source, key: str, period: Period, baseline: Period, group: str | None
) -> list[IndicatorRecord]:
    run, days, instants = source.run, _days(period), _instants(period)
    if key == "meetings_held":
        rows = run(f"SELECT m.id, m.title, m.starts_at FROM {_MEETINGS}", instants)
        return [IndicatorRecord(RecordKind.MEETING, i, t, _local_day(at)) for i, t, at in rows]
    if key == "consensus_reached":
        rows = run(f"SELECT m.id, m.title, t.title, m.starts_at FROM {_TOPICS}", instants)
        return [
            IndicatorRecord(RecordKind.MEETING, i, f"{meeting}：{topic}", _local_day(at))
            for i, meeting, topic, at in rows
        ]
    if key == "problems_solved":
        sql = f"SELECT n.id, n.title, MAX(c.changed_at) FROM {_SOLVED} GROUP BY n.id"
        return [
            IndicatorRecord(RecordKind.NEED, i, t, _local_day(at))
            for i, t, at in run(sql, instants)
        ]
    if key == "agreements_signed":
        sql = f"SELECT a.id, o.name, a.signed_on FROM {_AGREEMENTS}"
        return [
            IndicatorRecord(RecordKind.PARTNER_AGREEMENT, i, f"{name}：共建协议", _day(on))
            for i, name, on in run(sql, days)
        ]
    if key in ACTIVITY_KINDS:
        title = DEFINITIONS[key].title
        sql = f"SELECT a.id, o.name, a.description, a.held_on FROM {_ACTIVITIES} AND a.kind = ?"
        return [
            IndicatorRecord(
                RecordKind.PARTNER_ACTIVITY,
                i,
                f"{name}：{_one_line(text).split(' ')[0] or title}" if text else f"{name}：{title}",
                _day(on),
            )
            for i, name, text, on in run(sql, (*days, ACTIVITY_KINDS[key]))
        ]
    if key == "self_organizations_incubated":
        sql = f"SELECT o.id, o.name, o.incubated_on FROM {_INCUBATED}"
        return [
            IndicatorRecord(RecordKind.ORGANIZATION, i, n, _day(on)) for i, n, on in run(sql, days)
        ]
    if key in ("property_disputes", "property_disputes_change_pct"):
        periods = [period] if key == "property_disputes" else [baseline, period]
        sql = f"SELECT n.id, n.title, n.registered_on FROM {_DISPUTES}"
        return [
            IndicatorRecord(RecordKind.NEED, i, t, _day(on))
            for p in periods
            for i, t, on in run(sql, _days(p))
        ]
    if key == "talents_discovered":
        sql = f"SELECT p.id, p.name, p.talent_discovered_on FROM {_DISCOVERED}"
        return [IndicatorRecord(RecordKind.TALENT, i, n, _day(on)) for i, n, on in run(sql, days)]
    if key == "talents_cultivated":
        sql = f"SELECT p.id, p.name, MIN(tc.happened_on) FROM {_CULTIVATED} GROUP BY p.id"
        return [IndicatorRecord(RecordKind.TALENT, i, n, _day(on)) for i, n, on in run(sql, days)]
    # needs_by_category / needs_by_status
    sql = f"SELECT n.id, n.title, n.registered_on FROM {_NEEDS}"
    params: tuple[Any, ...] = days
    if group is not None and key == "needs_by_category":
        sql += " AND n.category_id = (SELECT id FROM need_category WHERE name = ?)"
        params = (*days, group)
    elif group is not None:
        sql += " AND n.status = ?"
        params = (*days, group)
    return [IndicatorRecord(RecordKind.NEED, i, t, _day(on)) for i, t, on in run(sql, params)]


# --- Excel -------------------------------------------------------------------------------------


def figure_text(indicators: Indicators, key: str) -> str:
    """A figure as printed: a count, the change in words, or a breakdown's total."""
    value = indicators.value(key)
    if key == "property_disputes_change_pct":
        return format_change(value)
    if isinstance(value, dict):
        return str(sum(value.values()))
    return str(value)


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title, lines above the table, the header row, rows, column widths."""

    title: str
    heading: list[str]
    columns: list[str]
    rows: list[list[Any]]
    widths: list[int]


class ExportError(Exception):
    """The workbook could not be written; ``str()`` says why and what to do, in Chinese."""


def _cell(sheet: Any, value: Any, bold: bool = False) -> Any:
    """Text cleaned of what openpyxl refuses (\\x0b) and kept as text, never a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    if value is None or (not isinstance(value, str) and not bold):
        return value
    cell = WriteOnlyCell(sheet, value=export_text(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)
    return cell


def write_workbook(path: Path, sheets: list[Sheet]) -> Path:
    """Write ``sheets`` to ``path`` under a temporary name, moved into place when complete."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = Workbook(write_only=True)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        for number, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = f"A{len(spec.heading) + 2}"
        for line in spec.heading:
            sheet.append([_cell(sheet, line, bold=True)])
        sheet.append([_cell(sheet, c, bold=True) for c in spec.columns])
        for row in spec.rows:
            sheet.append([_cell(sheet, v) for v in row])
    temp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        workbook.save(temp)
        share(temp)  # saved to be handed on: the user's usual mode, not the data folder's
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportError(
            f"无法写入“{path}”（{exc.strerror or exc}）。如果它正在 Excel 中打开，请先关闭；"
            "或换一个保存位置。"
        ) from exc
    return path


def indicator_sheets(indicators: Indicators) -> list[Sheet]:
    baseline = indicators.baseline.title if indicators.baseline else "—"
    heading = [f"统计期：{indicators.period.title}（基期：{baseline}）"]
    rows: list[list[Any]] = []
    for key in INDICATOR_KEYS:
        definition = DEFINITIONS[key]
        value = indicators.value(key)
        shown = value if isinstance(value, int) else figure_text(indicators, key)
        rows.append([definition.title, shown, definition.text])
    return [
        Sheet(
            "指标",
            heading,
            ["指标", "数值", "定义（统计什么、依据哪些记录、计入哪一期）"],
            rows,
            [24, 18, 90],
        ),
        Sheet(
            "需求按类别",
            heading,
            ["类别", "需求数"],
            [[name, n] for name, n in indicators.needs_by_category.items()],
            [24, 12],
        ),
        Sheet(
            "需求按状态",
            heading,
            ["状态", "需求数"],
            [[STATUS_TITLES.get(s, s), n] for s, n in indicators.needs_by_status.items()],
            [24, 12],
        ),
    ]


def export_indicators(path: Path, indicators: Indicators) -> Path:
    """A workbook: 指标 (figure, value, written definition), then one sheet per breakdown.
    ExportError (Chinese) when it cannot be written."""
    return write_workbook(path, indicator_sheets(indicators))
