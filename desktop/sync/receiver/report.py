"""The street office's report (`shuren-street report`): each branch's figures, and their sum.

Each branch's current copy is opened read-only and counted with the app's own indicator
queries (desktop/indicators/), so the street office counts exactly what the branch sees with
`shuren indicators`. The change in property disputes is recomputed from the summed counts,
never summed.

A branch is flagged 未及时上传 when its last upload came before the period's end (midnight
after its last day, Beijing time) — its copy may miss records of the period — or when it never
uploaded. For a period not yet over, the line is today's midnight: a branch that has not
uploaded today is flagged.
"""

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.dates import SHANGHAI, format_date, format_local_datetime
from desktop.domain.indicators import (
    COUNT_KEYS,
    DEFINITIONS,
    INDICATOR_KEYS,
    STATUS_TITLES,
    Period,
    change_pct,
)
from desktop.indicators import Indicators, Sheet, compute, figure_text, write_workbook
from desktop.sync import untrusted
from desktop.sync.receiver.storage import BranchRecord, Storage


@dataclass(frozen=True)
class BranchFigures:
    branch: BranchRecord
    figures: Indicators | None  # None: never uploaded, or its copy could not be read
    stale: bool  # 未及时上传
    problem: str = ""  # why there are no figures, or what they lack (Chinese)


@dataclass(frozen=True)
class StreetReport:
    period: Period
    baseline: Period
    cutoff: datetime  # uploads before this instant (UTC) are flagged
    branches: list[BranchFigures]
    total: Indicators

    @property
    def stale(self) -> list[BranchFigures]:
        return [b for b in self.branches if b.stale]


def upload_cutoff(period: Period, now: datetime) -> datetime:
    """The instant (UTC) a branch's last upload must reach: the period's end, or today's
    midnight (Beijing) while the period is not over."""
    end = datetime.combine(period.end + timedelta(days=1), time(), SHANGHAI)
    today = datetime.combine(now.astimezone(SHANGHAI).date(), time(), SHANGHAI)
    return min(end, today).astimezone(UTC)


def _uploaded_at(branch: BranchRecord) -> datetime | None:
    return datetime.fromisoformat(branch.last_upload_at) if branch.last_upload_at else None


def _branch_figures(
    storage: Storage, branch: BranchRecord, period: Period, baseline: Period, cutoff: datetime
) -> BranchFigures:
    uploaded = _uploaded_at(branch)
    stale = uploaded is None or uploaded < cutoff
    path = storage.current_path(branch.branch_id)
    if path is None:
        return BranchFigures(branch, None, True)  # 数据截至 says 从未上传
    try:
        # The copy is the branch's untrusted file: its schema is checked before any count,
        # and every query stops at the file's time limit, so one copy cannot stall the report.
        with untrusted.open_untrusted(path) as connection:
            untrusted.check_schema(connection)
            figures = compute(connection, period, baseline)
    except untrusted.UntrustedFileError as exc:
        return BranchFigures(branch, None, stale, f"{exc.reason}，未计入合计")
    except (sqlite3.DatabaseError, OSError) as exc:
        return BranchFigures(branch, None, stale, f"数据文件无法读取（{exc}），未计入合计")
    problem = ""
    if figures.not_counted:
        titles = "、".join(DEFINITIONS[k].title for k in figures.not_counted)
        problem = f"数据版本较旧，以下指标记为 0：{titles}"
    return BranchFigures(branch, figures, stale, problem)


def _merge(counts: list[dict[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for one in counts:
        for name, n in one.items():
            merged[name] = merged.get(name, 0) + n
    return merged


def sum_indicators(period: Period, baseline: Period, parts: list[Indicators]) -> Indicators:
    """The street's figures: counts and breakdowns summed, the change recomputed."""
    sums: dict[str, Any] = {key: sum(getattr(p, key) for p in parts) for key in COUNT_KEYS}
    sums["property_disputes_baseline"] = sum(p.property_disputes_baseline for p in parts)
    sums["needs_by_category"] = _merge([p.needs_by_category for p in parts])
    sums["needs_by_status"] = _merge([p.needs_by_status for p in parts])
    sums["property_disputes_change_pct"] = change_pct(
        sums["property_disputes"], sums["property_disputes_baseline"]
    )
    return Indicators(period=period, baseline=baseline, **sums)


def build_report(
    storage: Storage,
    period: Period,
    baseline: Period | None = None,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> StreetReport:
    baseline = period.previous() if baseline is None else baseline
    cutoff = upload_cutoff(period, now())
    branches = [_branch_figures(storage, b, period, baseline, cutoff) for b in storage.branches()]
    counted = [b.figures for b in branches if b.figures is not None]
    return StreetReport(
        period, baseline, cutoff, branches, sum_indicators(period, baseline, counted)
    )


# --- the workbook ------------------------------------------------------------------------------


def _beijing(moment: datetime | None) -> str:
    return format_local_datetime(moment) if moment is not None else "从未上传"


def _heading(report: StreetReport) -> list[str]:
    period, baseline = report.period, report.baseline
    counted = sum(1 for b in report.branches if b.figures is not None)
    return [
        "熟人小区 各支部统计指标汇总",
        f"统计期：{period.title}（{format_date(period.start)}至{format_date(period.end)}），"
        f"物业矛盾比较基期：{baseline.title}",
        f"支部 {len(report.branches)} 个，计入合计 {counted} 个，"
        f"未及时上传 {len(report.stale)} 个（最近一次上传早于{_beijing(report.cutoff)}或从未上传，"
        "见“各支部”表）",
    ]


def _summary(report: StreetReport) -> Sheet:
    rows: list[list[Any]] = []
    for key in INDICATOR_KEYS:
        value = report.total.value(key)
        shown = value if isinstance(value, int) else figure_text(report.total, key)
        rows.append([DEFINITIONS[key].title, shown, DEFINITIONS[key].text])
    columns = ["指标", "合计", "定义（统计什么、依据哪些记录、计入哪一期）"]
    return Sheet("汇总", _heading(report), columns, rows, [24, 18, 90])


def _per_branch(report: StreetReport) -> Sheet:
    figure_keys = [k for k in INDICATOR_KEYS if not k.startswith("needs_by_")]
    columns = ["支部", "支部编号", "数据截至（北京时间）", "未及时上传", "版本"]
    columns += [DEFINITIONS[k].title for k in figure_keys] + ["本期登记需求", "备注"]
    rows: list[list[Any]] = []
    for b in report.branches:
        row: list[Any] = [
            b.branch.name,
            b.branch.branch_id,
            _beijing(_uploaded_at(b.branch)),
            "未及时上传" if b.stale else "",
            b.branch.version,
        ]
        if b.figures is None:
            row += [None] * (len(figure_keys) + 1)
        else:
            figures = b.figures
            row += [
                figure_text(figures, k) if k.endswith("_pct") else figures.value(k)
                for k in figure_keys
            ]
            row.append(sum(figures.needs_by_status.values()))
        row.append(b.problem)
        rows.append(row)
    total = report.total
    rows.append(
        [
            "合计",
            "",
            "",
            f"{len(report.stale)} 个",
            None,
            *[figure_text(total, k) if k.endswith("_pct") else total.value(k) for k in figure_keys],
            sum(total.needs_by_status.values()),
            "",
        ]
    )
    widths = [22, 14, 22, 12, 8] + [14] * (len(figure_keys) + 1) + [40]
    return Sheet("各支部", _heading(report), columns, rows, widths)


def _breakdown(report: StreetReport, key: str, title: str, label: str) -> Sheet:
    names = list(getattr(report.total, key))
    shown = STATUS_TITLES if key == "needs_by_status" else {}
    columns = [label, "合计", *(b.branch.name for b in report.branches)]
    rows = []
    for name in names:
        per_branch = [
            None if b.figures is None else getattr(b.figures, key).get(name, 0)
            for b in report.branches
        ]
        rows.append([shown.get(name, name), getattr(report.total, key)[name], *per_branch])
    widths = [20, 12] + [18] * len(report.branches)
    return Sheet(title, _heading(report), columns, rows, widths)


def write_report(path: Path, report: StreetReport) -> Path:
    """汇总, 各支部, 需求按类别, 需求按状态. ExportError (Chinese) if it cannot be written."""
    return write_workbook(
        path,
        [
            _summary(report),
            _per_branch(report),
            _breakdown(report, "needs_by_category", "需求按类别", "类别"),
            _breakdown(report, "needs_by_status", "需求按状态", "状态"),
        ],
    )
