"""Reading a ledger's sheet: which column is which (the header row and what is wrong with
it), and each row's cells as checked field values."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.domain.ledger import (
    LEDGERS,
    CellError,
    Column,
    ColumnType,
    LedgerSpec,
    cell_text,
    is_blank,
    parse_cell,
)
from desktop.domain.text import clean_text
from desktop.services.ledger.common import ERROR_HEADER, ImportReport, RowError
from desktop.services.xlsx import Row as XlsxRow
from desktop.services.xlsx import column_letter


@dataclass
class ParsedRow:
    """A data row whose cells are all good, ready for an importer."""

    number: int  # the Excel row
    values: dict[str, Any]  # field → parsed value, for the columns the sheet has


# The 错误 column of an import report: read past, so a corrected report can be imported.
IGNORED = Column(ERROR_HEADER, "", ColumnType.TEXT)


def _header_text(value: object) -> str:
    return clean_text(cell_text(value), single_line=True)


def header_columns(
    spec: LedgerSpec, sheet: str, header: dict[int, object]
) -> tuple[dict[int, Column], list[RowError]]:
    """Which column of the sheet is which; problems with the header row as errors."""
    errors: list[RowError] = []
    columns: dict[int, Column] = {}
    names = {index: _header_text(header[index]) for index in sorted(header)}
    expected = f"{spec.title}的表头为：{'、'.join(spec.headers)}"
    if not any(names.values()):
        return {}, [RowError(sheet, 1, "", f"第一行应是表头，但它是空的。{expected}。")]
    other = _other_ledger(spec, list(names.values()))
    if other is not None:
        message = f"这是一份{other.title}，不是{spec.title}。请改为导入{other.title}，或换文件。"
        return {}, [RowError(sheet, 1, "", message)]
    seen: set[str] = set()
    for index, name in names.items():
        if not name:
            continue
        column = spec.column(name)
        if name == ERROR_HEADER:  # a saved import report, corrected and imported again
            columns[index] = IGNORED
        elif column is None:
            message = f"不认识这个表头。{expected}；请改回原表头，或删除这一列。"
            errors.append(RowError(sheet, 1, name, message))
        elif name in seen:
            errors.append(RowError(sheet, 1, name, "这个表头出现了不止一次，请删除多余的列。"))
        else:
            seen.add(name)
            columns[index] = column
    for column in spec.columns:
        if column.required and column.header not in seen:
            message = f"缺少必填的“{column.header}”列，请添加这一列。"
            errors.append(RowError(sheet, 1, column.header, message))
    return columns, errors


def look_for_a_lower_header(spec, sheet: str, rows: Iterator[XlsxRow], report) -> None:
    """Many hand-made 台账 put a title row above the headers: say so, plainly."""
    for number, values in rows:
        if number > 6:
            return
        names = {_header_text(v) for v in values.values()}
        if all(c.header in names for c in spec.columns if c.required):
            message = (
                f"表头应在第 1 行，但它在第 {number} 行。请删除表头上方的"
                f"{number - 1} 行（如大标题）后再导入。"
            )
            report.errors[:] = [RowError(sheet, 1, "", message)]
            return


def _other_ledger(spec: LedgerSpec, names: list[str]) -> LedgerSpec | None:
    """The other kind of ledger this header row belongs to, if it clearly is one."""
    mine = sum(1 for n in names if spec.column(n) is not None)
    for other in LEDGERS.values():
        if other is spec:
            continue
        theirs = sum(1 for n in names if other.column(n) is not None)
        required = all(c.header in names for c in other.columns if c.required)
        if required and theirs == len([n for n in names if n]) and theirs > mine:
            return other
    return None


def parse_row(
    spec: LedgerSpec,
    sheet: str,
    columns: dict[int, Column],
    number: int,
    values: dict[int, object],
    report: ImportReport,
) -> ParsedRow | None:
    """The row's cells as field values, or None (errors reported) when a cell is bad."""
    if all(is_blank(v) for v in values.values()):
        return None
    report.rows += 1
    row = ParsedRow(number, {})
    errors_before = len(report.errors)
    for index, column in columns.items():
        value = values.get(index)
        if column is IGNORED:
            continue
        try:
            parsed = parse_cell(value, column)
        except CellError as exc:
            report.errors.append(RowError(sheet, number, column.header, str(exc)))
            continue
        if column.required and (parsed is None or parsed == ""):
            report.errors.append(RowError(sheet, number, column.header, "必填，不能为空。"))
            continue
        row.values[column.field] = parsed
    for index in sorted(values):
        if index not in columns and not is_blank(values[index]):
            # Data under a column with no header would be silently lost.
            message = "这一列没有表头，内容无法导入。请补上表头，或删除这个单元格的内容。"
            report.errors.append(RowError(sheet, number, column_letter(index + 1), message))
    return row if len(report.errors) == errors_before else None
