"""The figures as an Excel workbook (统计 → 导出 Excel, and the street office's report).

openpyxl is imported when a workbook is written, not when the figures are counted.
"""

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.indicators import DEFINITIONS, INDICATOR_KEYS, STATUS_TITLES
from desktop.domain.ledger import export_text
from desktop.indicators.figures import Indicators, figure_text
from desktop.shared_files import share


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
