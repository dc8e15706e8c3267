"""`shuren indicators`: the figures of a period (议事会、解决问题、共建、物业矛盾…)."""

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import UsageError, add_data_dir, require_data_file, say, write_json


def add_arguments(sub: Any) -> None:
    indicators = sub.add_parser("indicators", help="统计指标：议事会、解决问题、共建、物业矛盾等")
    add_data_dir(indicators)
    indicators.add_argument("--period", help="统计期：季度如 2026Q3，或年份如 2026（默认：本季度）")
    indicators.add_argument("--baseline", help="物业矛盾的比较基期（默认：上一期）")
    indicators.add_argument("--json", action="store_true")


def cmd_indicators(args: argparse.Namespace, data_dir: Path) -> int:
    """Read-only, like `check`: the file is never migrated or written."""
    from datetime import datetime

    from desktop.domain.dates import SHANGHAI
    from desktop.domain.indicators import chosen_periods
    from desktop.services.indicators import compute_indicators_file
    from desktop.store.schema import DatabaseTooNewError, SchemaState, schema_state

    try:
        today = datetime.now(SHANGHAI).date()
        period, baseline = chosen_periods(args.period, args.baseline, today)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    path = require_data_file(data_dir)
    state, revision = schema_state(path)
    if state is SchemaState.NEWER:
        raise DatabaseTooNewError(revision or "?")
    figures = compute_indicators_file(path, period, baseline)
    if figures.not_counted:
        say(f"注意：数据文件版本较旧，以下指标记为 0：{'、'.join(figures.not_counted)}。")
    if args.json:
        write_json(figures.to_json())
        return 0
    for line in indicator_lines(figures):
        print(line)
    return 0


def indicator_lines(figures) -> list[str]:
    """The figures as text: one line each, with its Chinese title."""
    from desktop.domain.dates import format_date
    from desktop.domain.indicators import DEFINITIONS, INDICATOR_KEYS, STATUS_TITLES
    from desktop.indicators import figure_text

    period, baseline = figures.period, figures.baseline
    lines = [
        f"统计期：{period.title}（{format_date(period.start)}至{format_date(period.end)}）"
        + (f"，基期：{baseline.title}" if baseline else "")
    ]
    for key in INDICATOR_KEYS:
        title, value = DEFINITIONS[key].title, figures.value(key)
        if key == "property_disputes_change_pct":
            shown = (
                f"{figure_text(figures, key)}（本期 {figures.property_disputes} 件，"
                f"基期 {figures.property_disputes_baseline} 件）"
            )
        elif isinstance(value, dict):
            names = STATUS_TITLES if key == "needs_by_status" else {}
            parts = "、".join(f"{names.get(k, k)} {n}" for k, n in value.items() if n)
            shown = f"共 {sum(value.values())} 条" + (f"：{parts}" if parts else "")
        else:
            shown = str(value)
        lines.append(f"{title}\t{shown}")
    return lines
