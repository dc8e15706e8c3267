"""The import report as a workbook: the imported sheet again with what is wrong with each
bad row, and a sheet listing every error."""

import contextlib
import os
from pathlib import Path

from desktop.domain.ledger import LEDGERS, export_text
from desktop.services.ledger.common import (
    ERROR_HEADER,
    ERROR_SHEET,
    ImportReport,
    LedgerFileError,
)
from desktop.services.ledger.reading import open_sheet, read_rows
from desktop.services.ledger.sheet_writer import discard_sheet
from desktop.shared_files import share


def save_report(report: ImportReport, source_path: Path | str, out_path: Path | str) -> None:
    """The imported sheet again, row for row (row numbers match the source), with a first
    column 错误 saying what is wrong with each bad row (filled pink), then a sheet listing
    every error. The 错误 column is ignored on import: a corrected report can be imported."""
    from openpyxl import Workbook

    out_path = Path(out_path)
    by_row: dict[int, list[str]] = {}
    for e in report.errors:
        by_row.setdefault(e.row, []).append(f"{e.column}：{e.message}" if e.column else e.message)
    workbook = Workbook(write_only=True)
    temp = out_path.with_name(f".{out_path.name}.{os.getpid()}.partial")
    saved = False
    try:
        _write_report(workbook, report, source_path, by_row)
        workbook.save(temp)
        saved = True
        share(temp)
        os.replace(temp, out_path)
    except OSError as exc:
        message = (
            f"无法写入导入报告“{out_path}”（{exc.strerror or exc}）。"
            "如果它正在 Excel 中打开，请先关闭；或换一个保存位置。"
        )
        raise LedgerFileError(message) from exc
    finally:
        if not saved:
            for sheet in workbook.worksheets:
                discard_sheet(sheet)
        with contextlib.suppress(OSError):
            temp.unlink()


def _write_report(workbook, report: ImportReport, source_path, by_row) -> None:
    from openpyxl.styles import Font

    bold = Font(bold=True)
    _write_rows_again(workbook, report, source_path, by_row, bold)
    errors = workbook.create_sheet(ERROR_SHEET)
    for letter, width in zip("ABCD", (12, 6, 14, 80), strict=True):
        errors.column_dimensions[letter].width = width
    errors.append([_styled(errors, h, font=bold) for h in ("工作表", "行", "列", "说明")])
    for e in report.errors:
        row = [e.sheet, e.row, e.column, e.message]
        errors.append([_report_cell(errors, v) for v in row])
    errors.append([])
    errors.append([_report_cell(errors, report.summary())])


def _write_rows_again(workbook, report: ImportReport, source_path, by_row, bold) -> None:
    """The imported sheet, row for row, behind a first column of what is wrong with each."""
    from openpyxl.styles import PatternFill

    pink = PatternFill("solid", fgColor="FFC7CE")
    with open_sheet(source_path, LEDGERS[report.kind]) as (book, sheet, _total):
        result = workbook.create_sheet(sheet.title)
        result.freeze_panes = "B2"
        result.column_dimensions["A"].width = 50
        written = 0
        for number, found in read_rows(book, sheet, source_path):
            for row in range(written + 1, number + 1):  # with the rows the file leaves out
                values = _dense(found) if row == number else []
                messages = by_row.get(row)
                first = ERROR_HEADER if row == 1 else "；".join(messages or ())
                cells = [_report_cell(result, v) for v in (first, *values)]
                if row == 1:
                    cells = [_styled(result, c, font=bold) for c in cells]
                elif messages:
                    cells = [_styled(result, c, fill=pink) for c in cells]
                result.append(cells)
            written = number


def _dense(values: dict[int, object]) -> list[object]:
    return [values.get(i) for i in range(max(values) + 1)] if values else []


def _report_cell(sheet, value: object) -> object:
    """A cell of the report: text cleaned and kept as text (never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=export_text(value))
    cell.data_type = "s"
    return cell


def _styled(sheet, value: object, *, font=None, fill=None):
    from openpyxl.cell import Cell, WriteOnlyCell

    cell = value if isinstance(value, Cell) else WriteOnlyCell(sheet, value=value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell
