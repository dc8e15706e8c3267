"""Hostile workbooks: each limit of desktop.services.xlsx refuses its file at once, with a
Chinese message that names the limit (the memory it takes: tests/test_ledger_cli.py); and the
reader reads real workbooks as openpyxl does."""

import hashlib
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from desktop.services import xlsx
from desktop.services.ledger import LedgerFileError, export_ledger, import_ledger, probe_ledger
from desktop.store.database import Database
from tests.services.hostile_xlsx import (
    MAIN,
    MIB,
    SHEET,
    STRINGS,
    Part,
    cell,
    good_row,
    header_row,
    huge_cell,
    shared_strings,
    workbook,
)
from tests.services.test_ledger import edit, fill, write_sheet

ADVICE = "正常的台账远在这个上限之内"


def refused(db: Database, path: Path) -> str:
    """The import's message for a file it must refuse as a whole; nothing was written."""
    with pytest.raises(LedgerFileError) as caught:
        import_ledger(db, "needs", path, dry_run=True)
    message = str(caught.value)
    assert message.startswith(f"文件“{path.name}”")
    return message


def test_a_one_gigabyte_cell_is_refused_by_its_declared_size(db: Database, tmp_path: Path):
    path = huge_cell(tmp_path / "大单元格.xlsx", 1024 * MIB)
    assert path.stat().st_size < 2 * MIB  # the 1 MB workbook that took 2.1 GB
    message = refused(db, path)
    assert "工作表" not in message  # refused from the zip's directory, before any unpacking
    assert "解压后有 1,024 MB，超过了上限 512 MB" in message and ADVICE in message
    with pytest.raises(LedgerFileError, match="超过了上限 512 MB"):
        probe_ledger(path, "needs")  # the command line's first look says the same


def test_a_zip_that_understates_a_huge_cell_is_stopped_while_unpacking(
    db: Database, tmp_path: Path
) -> None:
    # The directory says 90 MB (ratio ~90, within every limit); the cell is really 1 GB.
    path = huge_cell(tmp_path / "谎报.xlsx", 1024 * MIB, declared=90 * MIB)
    message = refused(db, path)
    assert "工作表“需求清单”有一个单元格的内容超过了上限 32,767 个字符" in message


def test_a_zip_that_misstates_its_sizes_otherwise_is_damaged(db: Database, tmp_path: Path):
    rows = [good_row(n) for n in range(2, 2000)]
    too_small = workbook(tmp_path / "小.xlsx", rows, declared=4096)
    assert "已损坏" in refused(db, too_small)  # zipfile stops at 4 KB, and the CRC differs
    too_large = workbook(tmp_path / "大.xlsx", rows, declared=600 * MIB)
    assert "解压后有 600 MB，超过了上限 512 MB" in refused(db, too_large)


def test_a_cell_longer_than_excel_allows_is_named(db: Database, tmp_path: Path) -> None:
    long = "长" * 40_000
    inline = workbook(tmp_path / "inline.xlsx", [b'<row r="2">' + cell("C", 2, long) + b"</row>"])
    assert "工作表“需求清单”第 2 行第 C 列的单元格有 40,000 个字符，超过了上限 32,767 个" in (
        refused(db, inline)
    )
    strings = Part.of(STRINGS, [f'<sst xmlns="{MAIN}"><si><t>{long}</t></si></sst>'.encode()])
    shared = workbook(tmp_path / "shared.xlsx", [], parts=[strings])
    assert "共享字符串表中有一项有 40,000 个字符" in refused(db, shared)


def test_millions_of_shared_strings_are_refused_before_any_is_kept(
    db: Database, tmp_path: Path
) -> None:
    path = shared_strings(tmp_path / "字符串.xlsx", 2_000_000)
    assert "共享字符串超过了上限 1,000,000 个" in refused(db, path)
    kept: list[int] = []
    original = xlsx._text_of
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx, "_text_of", lambda e: kept.append(1) or original(e))
        refused(db, path)
    assert kept == []  # counted in the bytes: not one string was built


def test_a_compression_bomb_and_too_many_parts(db: Database, tmp_path: Path) -> None:
    bomb = Part.of("xl/media/image1.png", [(b"\0" * MIB, 300)])  # 300 MB → 300 KB
    message = refused(db, workbook(tmp_path / "炸弹.xlsx", [good_row()], parts=[bomb]))
    assert "组成部分“xl/media/image1.png”压缩比为" in message and "超过了上限 100 倍" in message
    many = [Part.of(f"xl/media/{i}.txt", [b"x"]) for i in range(1_000)]
    message = refused(db, workbook(tmp_path / "部分.xlsx", [good_row()], parts=many))
    assert "有 1,005 个部分" in message and "上限（1,000 个部分" in message


def test_a_doctype_is_refused(db: Database, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    body = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
    row = b'<row r="2"><c r="B2" t="inlineStr"><is><t>&c;</t></is></c></row>'
    sheet = Part.of(SHEET, [laughs, body, header_row(), row, b"</sheetData></worksheet>"])
    message = refused(db, workbook(tmp_path / "实体.xlsx", parts=[sheet]))
    assert "工作表“需求清单”含有文档类型定义（DOCTYPE）" in message


def test_rows_and_columns_beyond_excel(db: Database, tmp_path: Path) -> None:
    far_down = workbook(tmp_path / "行.xlsx", [good_row(1_048_577)])
    assert "有第 1,048,577 行，超过了上限 1,048,576 行" in refused(db, far_down)
    far_right = workbook(tmp_path / "列.xlsx", [b'<row r="2">' + cell("XFE", 2, "x") + b"</row>"])
    assert "第 2 行有第 16,385 列，超过了上限 16,384 列" in refused(db, far_right)


def test_a_row_the_reader_would_hold_whole_is_refused(db: Database, tmp_path: Path) -> None:
    elements = workbook(tmp_path / "元素.xlsx", [b'<row r="2">', (b"<c/>" * 1000, 101), b"</row>"])
    assert "有一行（或一项）含有超过 100,000 个元素" in refused(db, elements)
    # A comment inside a row is dropped by the parser and never ends the row: it is held.
    # (Hex text with a "<" every 65 bytes: no long run, and it compresses only ~2×.)
    noise = b"<".join(hashlib.sha256(b"%d" % i).hexdigest().encode() for i in range(150_000))
    comment = workbook(tmp_path / "注释.xlsx", [b'<row r="2"><!--', noise, b"--></row>"])
    assert "有一行（或一项）超过 8 MB" in refused(db, comment)


def reader_rows(path: Path) -> list[tuple[int, dict[int, object]]]:
    with open(path, "rb") as handle:
        book = xlsx.WorkbookReader(handle)
        return list(book.rows(book.sheets[0]))


def openpyxl_rows(path: Path) -> list[tuple[int, dict[int, object]]]:
    """The rows as openpyxl's read-only mode gives them, in the reader's shape."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()
    rows = [
        (number, {i: v for i, v in enumerate(row) if v is not None})
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        if row  # a row the file leaves out comes back empty
    ]
    workbook.close()
    return rows


@pytest.mark.parametrize("kind", ["needs", "resources", "projects"])
def test_the_reader_gives_what_openpyxl_gives(db: Database, tmp_path: Path, kind: str) -> None:
    fill(db)
    exported = tmp_path / "export.xlsx"
    export_ledger(db, kind, exported)  # inline strings, dates, amounts, line breaks, rare text
    resaved = edit(exported, {}, out=tmp_path / "resaved.xlsx")  # shared strings, as Excel
    rich = CellRichText(["普通", TextBlock(InlineFont(b=True), "加粗"), " 𠮷"])
    mixed = write_sheet(
        tmp_path / "mixed.xlsx",
        [
            ["text", 13812345678, 1.5, True, False, Decimal("123456.78"), "=1+1", rich, ""],
            [],
            [date(2026, 5, 1), datetime(2026, 6, 1, 8, 30), time(9, 15), timedelta(hours=30)],
        ],
    )
    sheet = openpyxl.load_workbook(mixed)
    sheet.active["AD12"] = "far away"
    sheet.active["C3"].number_format = "[hh]:mm"
    sheet.active["D3"].number_format = "[hh]:mm:ss"
    sheet.save(mixed)
    for path in (exported, resaved, mixed):
        assert reader_rows(path) == openpyxl_rows(path), path.name
    assert len(reader_rows(mixed)) == 3  # row 2 is not in the file
