"""The ledger's sheet as Excel shows it: openpyxl (write-only) makes a skeleton workbook with
the styles, header row, widths and drop-downs; the data rows are then written as
SpreadsheetML directly, in the place the skeleton leaves for them."""

import contextlib
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.domain.ledger import NO, YES, ColumnType, LedgerKind, LedgerSpec, to_cell
from desktop.services.xlsx import column_letter

_STYLED_ROW = re.compile(rb'<row r="2".*?</row>', re.S)
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class SheetStyles:
    """Where openpyxl put the sheet in the skeleton, and its style numbers for our cells."""

    sheet_path: str
    date: str
    money: str
    decimal: str
    wrap: str


def write_skeleton(path: Path, spec: LedgerSpec, categories: list[str]) -> SheetStyles:
    """The workbook without its data rows, plus a row 2 of one cell per style we use (taken
    out again by split_sheet)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.title)
    try:
        _prepare_sheet(sheet, spec, categories if spec.kind is LedgerKind.NEEDS else [])
        samples = []
        for value, number_format in (
            (date(2000, 1, 1), "yyyy-mm-dd"),
            (Decimal(1), "#,##0.00"),
            (Decimal(1), "0.00"),
            ("a\nb", None),
        ):
            cell = WriteOnlyCell(sheet, value=value)
            if number_format:
                cell.number_format = number_format
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            samples.append(cell)
        sheet.append(samples)
        workbook.save(path)
    finally:
        discard_sheet(sheet)
    with zipfile.ZipFile(path) as archive:
        sheet_path = next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        row = _STYLED_ROW.search(archive.read(sheet_path))
    assert row is not None
    from xml.etree import ElementTree

    found = {c.get("r"): c.get("s", "0") for c in ElementTree.fromstring(row.group(0))}
    return SheetStyles(sheet_path, found["A2"], found["B2"], found["C2"], found["D2"])


def split_sheet(xml: bytes, spec: LedgerSpec, total: int) -> tuple[bytes, bytes]:
    """The skeleton's sheet around where the data rows go, with the sheet's true size
    declared (readers, openpyxl's included, size the sheet from it)."""
    row = _STYLED_ROW.search(xml)
    assert row is not None
    head, tail = xml[: row.start()], xml[row.end() :]
    last = column_letter(len(spec.columns))
    dimension = f'<dimension ref="A1:{last}{total + 1}"/>'.encode()
    head = re.sub(rb"<dimension [^>]*/>", b"", head)
    head = head.replace(b"<sheetViews>", dimension + b"<sheetViews>", 1)
    return head, tail


class RowWriter:
    """One data row as SpreadsheetML, as openpyxl writes it: inline strings (text is never
    a formula), dates as serial numbers with a date style, amounts with theirs."""

    def __init__(self, spec: LedgerSpec, styles: SheetStyles) -> None:
        self.columns = [(c, column_letter(i)) for i, c in enumerate(spec.columns, start=1)]
        self.styles = styles

    def xml(self, number: int, record: dict[str, Any]) -> str:
        parts = [f'<row r="{number}">']
        for column, letter in self.columns:
            value = to_cell(record[column.field], column)
            if value is None:
                continue
            ref = f"{letter}{number}"
            if isinstance(value, str):
                if not value:
                    continue
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                style = f' s="{self.styles.wrap}"' if "\n" in value else ""
                parts.append(
                    f'<c r="{ref}"{style} t="inlineStr"><is>'
                    f'<t xml:space="preserve">{text}</t></is></c>'
                )
            elif isinstance(value, date):
                serial = (value - _EXCEL_EPOCH).days
                parts.append(f'<c r="{ref}" s="{self.styles.date}"><v>{serial}</v></c>')
            elif isinstance(value, Decimal):
                style = (
                    self.styles.money if column.type is ColumnType.MONEY else self.styles.decimal
                )
                parts.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')
            else:
                parts.append(f'<c r="{ref}"><v>{int(value)}</v></c>')  # type: ignore[call-overload]
        parts.append("</row>")
        return "".join(parts)


def discard_sheet(sheet) -> None:
    """End an unfinished write-only sheet and delete openpyxl's temporary file for it."""
    with contextlib.suppress(Exception):
        if not sheet.closed:
            sheet.close()
    writer = getattr(sheet, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


def _prepare_sheet(sheet, spec: LedgerSpec, categories: list[str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        labels = list(column.choices) if column.choices is not None else categories
        if column.type is ColumnType.YES_NO:
            labels = [YES, NO]
        if column.type in (ColumnType.CHOICE, ColumnType.YES_NO) and labels:
            formula = '"' + ",".join(labels) + '"'
            if len(formula) <= 255 and not any("," in x or '"' in x for x in labels):
                # A drop-down in Excel; blanks stay allowed, the import checks the rest.
                validation = DataValidation(type="list", formula1=formula, allow_blank=True)
                validation.add(f"{get_column_letter(index)}2:{get_column_letter(index)}1048576")
                sheet.data_validations.append(validation)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center")
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        header.append(cell)
    sheet.append(header)
