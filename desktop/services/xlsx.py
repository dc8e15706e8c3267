"""Reading an .xlsx workbook within limits, so that a hostile or broken file costs little.

An .xlsx is a zip of XML parts, and both layers can be made to cost far more than the file's
size: a 1 MB file can unpack to gigabytes (one cell of a billion characters), hold millions of
shared strings, misstate its sizes in the zip's directory, or be XML that a tree-building
reader keeps whole (millions of merged cells or styles: openpyxl's read-only mode took 1.2 GB
for 2 million merged cells and 500 MB for a 4 MB styles part, measured). So an import does not
read with openpyxl; this reader

- checks the zip's directory before unpacking anything: how many parts, their declared sizes
  and compression ratios;
- counts what each part really unpacks to while reading it and stops at the part's limit (the
  directory may lie);
- parses with a pull parser and lets go of every element once read, so memory holds one row
  (or one shared string, one style) at a time; it refuses a row it would have to hold whole
  beyond MAX_HELD_BYTES or MAX_HELD_ELEMENTS;
- refuses a DOCTYPE (entities), a cell longer than Excel allows, and more shared strings, rows
  or columns than the limits below.

It reads only what an import needs — the sheets' names, the shared strings, which styles are
dates — and gives each cell's value as openpyxl's read-only mode (``data_only``) does.
"""

import functools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from desktop.domain.text import clean_text

# -- limits ----------------------------------------------------------------------------------
# Measured on ledgers of 100,000 records exported by the app: 9 parts; the sheet unpacks to
# 127 MB (needs), 88 MB (resources), 129 MB (projects); saved again the way Excel does (text in
# shared strings) the sheet is 38–61 MB and the shared strings 9–22 MB, 123,000–259,000 of them;
# compression ratios 3–9. Every limit leaves such a ledger several times the room.
MAX_PARTS = 1_000  # zip members
MAX_DIRECTORY_BYTES = 1 << 20  # the zip's central directory (1,000 parts need < 300 KB)
MAX_SHEET_BYTES = 512 << 20  # a worksheet, unpacked
MAX_STRINGS_BYTES = 128 << 20  # the shared strings, unpacked
MAX_PART_BYTES = 16 << 20  # any other part read (content types, workbook, its links, styles)
MAX_RATIO = 100  # unpacked ÷ packed, for a part over RATIO_FREE_BYTES unpacked
RATIO_FREE_BYTES = 1 << 20
MAX_SHARED_STRINGS = 1_000_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_ROWS = 1_048_576  # Excel's own limits for a sheet
MAX_COLUMNS = 16_384
# What the reader may have to hold at once: one row, one shared string, one style.
MAX_HELD_BYTES = 8 << 20  # of XML (a row of 21 cells of 32,767 characters is < 2.2 MB)
MAX_HELD_ELEMENTS = 100_000  # (a ledger row has ~60)

_CHUNK = 1 << 16

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
}
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_ROW, _CELL, _SHEET_DATA = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}sheetData"
_VALUE, _INLINE, _TEXT, _RUN = f"{_MAIN}v", f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}r"
_TEXT_TAGS = {_VALUE, _TEXT, f"{_MAIN}f"}
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_DIMENSION = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="[A-Z]*\$?[0-9]*:?[A-Z]*\$?([0-9]+)"'
)
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_SI_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")


class WorkbookError(Exception):
    """The file is not a readable .xlsx workbook (not a zip, damaged, parts missing)."""


class LimitExceeded(WorkbookError):
    """The file breaks one of the limits; ``str()`` is a Chinese clause naming it, to follow
    文件“名称”."""


@dataclass(frozen=True)
class Sheet:
    title: str
    path: str  # the part in the zip


Row = tuple[int, dict[int, object]]  # the Excel row number; 0-based column → value (not None)


def _size(n: int) -> str:
    return f"{n >> 20:,} MB" if n >= 1 << 20 else f"{n >> 10:,} KB"


def _shown(name: str) -> str:
    """A part's or sheet's name as a message may show it (it comes from the file)."""
    text = clean_text(name, single_line=True)
    return text if len(text) <= 60 else text[:60] + "…"


class WorkbookReader:
    """One workbook, read from an open binary file (which stays the caller's to close)."""

    def __init__(self, handle: BinaryIO) -> None:
        self._zip = _open_zip(handle)
        self._names = set(self._zip.namelist())
        workbook, strings_path = self._workbook_part()
        folder = posixpath.dirname(workbook)
        links = self._links(posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels"))
        self.sheets: list[Sheet] = []
        self.date1904 = False
        self._read_workbook(workbook, links)
        self._strings_path = self._linked(links, "/sharedStrings") or strings_path
        self._styles_path = self._linked(links, "/styles")
        self._strings: list[str] | None = None
        self._dates: tuple[set[int], set[int]] | None = None

    # -- what the zip holds --------------------------------------------------------------
    def _chunks(self, name: str, limit: int, what: str) -> Iterator[bytes]:
        """The part unpacked, in chunks; never more than ``limit`` bytes of it."""
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise WorkbookError(f"no part {name}") from None
        if info.file_size > limit:
            raise LimitExceeded(
                f"中的{what}解压后有 {_size(info.file_size)}，超过了上限 {_size(limit)}"
            )
        total = run = 0  # run: bytes since the last "<", the longest a text can be
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    # zipfile stops at the declared size (and then fails the CRC check), but
                    # the limit is counted here, on what really comes out.
                    total += len(chunk)
                    if total > limit:
                        raise LimitExceeded(f"中的{what}解压后超过了上限 {_size(limit)}")
                    first = chunk.find(b"<")  # (a run within one chunk is shorter than it)
                    if first < 0:
                        run += len(chunk)
                    else:
                        run, before = len(chunk) - 1 - chunk.rfind(b"<"), run + first
                        run = max(run, before)
                    if run > MAX_HELD_BYTES:
                        raise LimitExceeded(_too_long(what))
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
            # a CRC or size that does not match, a cut file, encryption, an unknown method
            raise WorkbookError(f"cannot unpack {name}: {exc}") from exc

    def _elements(
        self, name: str, limit: int, what: str, deepest: int = 3
    ) -> Iterator[tuple[Element, Element]]:
        """The part's elements two (to ``deepest``) levels down — a sheet's rows, the shared
        strings, the styles — each complete and with its parent, then dropped: once the caller
        has it, the reader lets go of it and of everything before it."""
        parser = XMLPullParser(events=("start", "end"))
        stack: list[Element] = []
        held_bytes = held_elements = 0
        tail = b""
        try:
            for chunk in self._chunks(name, limit, what):
                if _DECLARATION.search(tail + chunk):
                    raise LimitExceeded(
                        f"中的{what}含有文档类型定义（DOCTYPE），Excel 工作簿不会有这种内容"
                    )
                tail = chunk[-12:]
                parser.feed(chunk)
                held_bytes += len(chunk)
                for event, element in parser.read_events():
                    if event == "start":
                        stack.append(element)
                        held_elements += 1
                        if held_elements > MAX_HELD_ELEMENTS:
                            raise LimitExceeded(
                                f"中的{what}有一行（或一项）含有超过 {MAX_HELD_ELEMENTS:,} 个"
                                "元素，超过了上限"
                            )
                        continue
                    stack.pop()
                    depth = len(stack) + 1
                    if 2 <= depth <= deepest:
                        yield stack[-1], element
                        stack[-1].clear()
                        held_bytes = held_elements = 0
                if held_bytes > MAX_HELD_BYTES:
                    if stack and stack[-1].tag in _TEXT_TAGS:
                        raise LimitExceeded(_too_long(what))
                    raise LimitExceeded(
                        f"中的{what}有一行（或一项）超过 {_size(MAX_HELD_BYTES)}，超过了上限"
                    )
            parser.close()
        except ParseError as exc:
            raise WorkbookError(f"bad XML in {name}: {exc}") from exc

    def _small_part(self, name: str) -> Iterator[tuple[Element, Element]]:
        return self._elements(name, MAX_PART_BYTES, f"组成部分“{_shown(name)}”")

    # -- the workbook's structure --------------------------------------------------------
    def _workbook_part(self) -> tuple[str, str | None]:
        """The workbook's part and (failing a link from the workbook) the shared strings'."""
        workbook = strings = None
        for _parent, element in self._small_part("[Content_Types].xml"):
            if element.tag == f"{_CONTENT_TYPES}Override":
                kind, part = element.get("ContentType"), (element.get("PartName") or "")
                if kind in _WORKBOOK_TYPES and workbook is None:
                    workbook = part.lstrip("/")
                elif kind == _STRINGS_TYPE and strings is None:
                    strings = part.lstrip("/")
        if workbook is None and "xl/workbook.xml" in self._names:
            workbook = "xl/workbook.xml"  # some writers declare it by a default type only
        if workbook is None:
            raise WorkbookError("no workbook part")
        return workbook, strings if strings in self._names else None

    def _links(self, name: str) -> dict[str, tuple[str, str]]:
        """A part's relationships: id → (type, the target part)."""
        links: dict[str, tuple[str, str]] = {}
        if name not in self._names:
            return links
        folder = posixpath.dirname(posixpath.dirname(name))  # …/_rels/x.rels → …
        for _parent, element in self._small_part(name):
            if element.tag != _PACKAGE_REL or element.get("TargetMode") == "External":
                continue
            target = element.get("Target") or ""
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            links[element.get("Id") or ""] = (element.get("Type") or "", path)
        return links

    def _linked(self, links: dict[str, tuple[str, str]], kind: str) -> str | None:
        return next((p for t, p in links.values() if t.endswith(kind) and p in self._names), None)

    def _read_workbook(self, name: str, links: dict[str, tuple[str, str]]) -> None:
        for parent, element in self._small_part(name):
            if element.tag == f"{_MAIN}workbookPr":
                self.date1904 = (element.get("date1904") or "").lower() in ("1", "true")
            elif element.tag == f"{_MAIN}sheet" and parent.tag == f"{_MAIN}sheets":
                kind, path = links.get(element.get(_REL_ID) or "", ("", ""))
                if kind.endswith("/worksheet") and path in self._names:  # not a chart sheet
                    self.sheets.append(Sheet(element.get("name") or "", path))

    def _date_styles(self) -> tuple[set[int], set[int]]:
        """The styles (indexes of cellXfs) whose number format is a date, and of those the
        durations: what openpyxl turns into datetime and timedelta."""
        if self._dates is not None:
            return self._dates
        from openpyxl.styles.numbers import (
            BUILTIN_FORMATS,
            is_date_format,
            is_timedelta_format,
        )

        custom: dict[int, str] = {}
        formats: list[int] = []
        if self._styles_path is not None:
            for parent, element in self._small_part(self._styles_path):
                if element.tag == f"{_MAIN}numFmt" and parent.tag == f"{_MAIN}numFmts":
                    custom[_int(element.get("numFmtId"))] = element.get("formatCode") or ""
                elif element.tag == f"{_MAIN}xf" and parent.tag == f"{_MAIN}cellXfs":
                    # (cellStyleXfs holds xf elements too: named styles, not what s= counts)
                    formats.append(_int(element.get("numFmtId")))
        dates: set[int] = set()
        durations: set[int] = set()
        for index, number in enumerate(formats):
            code = custom.get(number, BUILTIN_FORMATS.get(number))
            if is_date_format(code):
                dates.add(index)
                if is_timedelta_format(code):
                    durations.add(index)
        self._dates = dates, durations
        return self._dates

    # -- rows ------------------------------------------------------------------------------
    def declared_rows(self, sheet: Sheet) -> int:
        """The last row the sheet's <dimension> names (0 when it names none): a hint only."""
        for chunk in self._chunks(sheet.path, MAX_SHEET_BYTES, self._what(sheet)):
            match = _DIMENSION.search(chunk)
            return int(match.group(1)) if match else 0  # it comes first, or not at all
        return 0

    def count_rows(self, sheet: Sheet) -> int:
        """Rows in the sheet's XML, counted without parsing it (~0.3 s at 100,000 rows)."""
        return self._count(sheet.path, MAX_SHEET_BYTES, self._what(sheet), _ROW_TAG)

    def _count(self, name: str, limit: int, what: str, tag: re.Pattern[bytes]) -> int:
        """How often a tag occurs in a part, counted in its bytes (nothing is parsed)."""
        count, carry = 0, b""
        for chunk in self._chunks(name, limit, what):
            buffer = carry + chunk
            cut = max(len(buffer) - 32, 0)  # a tag starting before cut is whole
            count += sum(1 for m in tag.finditer(buffer) if m.start() < cut)
            carry = buffer[cut:]
        return count + len(tag.findall(carry))

    def rows(self, sheet: Sheet) -> Iterator[Row]:
        """The sheet's rows in order, each as (Excel row number, {0-based column: value}):
        rows the file leaves out are left out here, and so are empty cells."""
        cells = _CellReader(self._shared_strings(), *self._date_styles(), self.date1904)
        what = self._what(sheet)
        last = 0
        for parent, element in self._elements(sheet.path, MAX_SHEET_BYTES, what):
            if element.tag != _ROW or parent.tag != _SHEET_DATA:
                continue
            number = _int(element.get("r"), last + 1)
            if number > MAX_ROWS:
                raise LimitExceeded(f"中的{what}有第 {number:,} 行，超过了上限 {MAX_ROWS:,} 行")
            if number <= last:  # out of order: openpyxl skips it too
                continue
            last = number
            values: dict[int, object] = {}
            column = 0
            for cell in element:
                if cell.tag != _CELL:
                    continue
                column = _column(cell.get("r"), column + 1)
                if column > MAX_COLUMNS:
                    raise LimitExceeded(
                        f"中的{what}第 {number:,} 行有第 {column:,} 列，"
                        f"超过了上限 {MAX_COLUMNS:,} 列"
                    )
                value = cells.value(cell)
                if value is None:
                    continue
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    raise LimitExceeded(
                        f"中的{what}第 {number:,} 行第 {column_letter(column)} 列的单元格有 "
                        f"{len(value):,} 个字符，超过了上限 {MAX_CELL_CHARS:,} 个"
                    )
                values[column - 1] = value
            yield number, values

    def _shared_strings(self) -> list[str]:
        if self._strings is not None:
            return self._strings
        strings: list[str] = []
        if self._strings_path is not None:
            what = "共享字符串表"
            # Counted first, in the bytes: too many are refused before any is kept.
            if (
                self._count(self._strings_path, MAX_STRINGS_BYTES, what, _SI_TAG)
                > MAX_SHARED_STRINGS
            ):
                raise LimitExceeded(_too_many_strings())
            for _parent, element in self._elements(
                self._strings_path, MAX_STRINGS_BYTES, what, deepest=2
            ):
                if element.tag != f"{_MAIN}si":
                    continue
                if len(strings) >= MAX_SHARED_STRINGS:
                    raise LimitExceeded(_too_many_strings())
                text = _text_of(element).replace("x005F_", "")  # as openpyxl reads them
                if len(text) > MAX_CELL_CHARS:
                    raise LimitExceeded(
                        f"的共享字符串表中有一项有 {len(text):,} 个字符，"
                        f"超过了上限 {MAX_CELL_CHARS:,} 个"
                    )
                strings.append(text)
        self._strings = strings
        return strings

    @staticmethod
    def _what(sheet: Sheet) -> str:
        return f"工作表“{_shown(sheet.title)}”"


class _CellReader:
    """A cell's value as openpyxl's read-only, data-only mode gives it: numbers as int or
    float, dates (by their style) as datetime, text, booleans; None for an empty cell."""

    def __init__(
        self, strings: list[str], dates: set[int], durations: set[int], date1904: bool
    ) -> None:
        from openpyxl.utils.datetime import (
            CALENDAR_MAC_1904,
            CALENDAR_WINDOWS_1900,
            from_excel,
            from_ISO8601,
        )

        self.strings, self.dates, self.durations = strings, dates, durations
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.from_excel, self.from_iso = from_excel, from_ISO8601

    def value(self, cell: Element) -> object:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            return _text_of(inline) if inline is not None else None
        value = cell.findtext(_VALUE) or None
        if value is None:
            return None
        try:
            if kind == "n":
                number = (
                    float(value) if "." in value or "E" in value or "e" in value else int(value)
                )
                style = _int(cell.get("s"))
                if style not in self.dates:
                    return number
                try:
                    return self.from_excel(number, self.epoch, timedelta=style in self.durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"  # what openpyxl makes of a date out of range
            if kind == "s":
                return self.strings[int(value)]
            if kind == "b":
                return bool(int(value))
            if kind == "d":
                return self.from_iso(value)
        except (ValueError, IndexError, OverflowError) as exc:
            raise WorkbookError(f"bad cell value: {exc}") from exc
        return value  # str (a formula's text), e (an error such as #N/A)


def _too_long(what: str) -> str:
    """A text of more than MAX_HELD_BYTES: in a sheet or the shared strings, a cell."""
    if what.startswith("组成部分"):
        return f"中的{what}有一段内容超过了上限 {_size(MAX_HELD_BYTES)}"
    return f"中的{what}有一个单元格的内容超过了上限 {MAX_CELL_CHARS:,} 个字符"


def _too_many_strings() -> str:
    return f"中的共享字符串超过了上限 {MAX_SHARED_STRINGS:,} 个"


def _open_zip(handle: BinaryIO) -> zipfile.ZipFile:
    """The zip, its directory checked before and after zipfile reads it."""
    # zipfile reads the whole central directory into memory and makes an object of each
    # entry: look at its size first, with zipfile's own reader of the end record (zip64
    # included; private, but unchanged since Python 2 — without it, only the check after).
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is not None:
        try:
            end = end_record(handle)
        except OSError as exc:
            raise WorkbookError(f"cannot read: {exc}") from exc
        if end is None:
            raise WorkbookError("not a zip")
        entries, directory = end[4], end[5]  # _ECD_ENTRIES_TOTAL, _ECD_SIZE
        if entries > MAX_PARTS or directory > MAX_DIRECTORY_BYTES:
            raise LimitExceeded(
                f"的目录有 {entries:,} 个部分、{_size(directory)}，超过了上限"
                f"（{MAX_PARTS:,} 个部分、{_size(MAX_DIRECTORY_BYTES)}）"
            )
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WorkbookError(f"not a zip: {exc}") from exc
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise LimitExceeded(f"有 {len(infos):,} 个部分，超过了上限 {MAX_PARTS:,} 个")
    largest = max(MAX_SHEET_BYTES, MAX_STRINGS_BYTES, MAX_PART_BYTES)
    for info in infos:
        what = f"组成部分“{_shown(info.filename)}”"
        if info.file_size > largest:
            raise LimitExceeded(
                f"中的{what}解压后有 {_size(info.file_size)}，超过了上限 {_size(largest)}"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FREE_BYTES and ratio > MAX_RATIO:
            raise LimitExceeded(
                f"中的{what}压缩比为 {ratio:,.0f} 倍，超过了上限 {MAX_RATIO} 倍"
                "（这是“压缩炸弹”的特征）"
            )
    return archive


def _text_of(element: Element) -> str:
    """The text of a shared string or an inline string: its <t>, or its runs' <t>s (phonetic
    guides, <rPh>, are not part of the text)."""
    parts = []
    for child in element:
        if child.tag == _TEXT:
            parts.append(child.text or "")
        elif child.tag == _RUN:
            parts.append(child.findtext(_TEXT) or "")
    return "".join(parts)


def _int(text: str | None, default: int = 0) -> int:
    if not text:
        return default
    try:
        return int(text)
    except ValueError as exc:
        raise WorkbookError(f"not a number: {text[:20]!r}") from exc


def _column(reference: str | None, default: int) -> int:
    """The 1-based column of a cell reference such as B12 (the next one when it has none)."""
    if not reference:
        return default
    columns = _columns()
    number = columns.get(reference.rstrip("0123456789"))
    if number is None:  # as openpyxl, also $B$12 and b12
        number = columns.get(reference.replace("$", "").rstrip("0123456789").upper())
    if number is None:
        raise WorkbookError(f"bad cell reference {reference[:20]!r}")
    return number


@functools.cache
def _columns() -> dict[str, int]:
    """A → 1 … ZZZ → 18,278 (a look-up: this runs for every cell)."""
    return {column_letter(n): n for n in range(1, 18_279)}


def column_letter(number: int) -> str:
    """1 → A, 27 → AA (openpyxl's helper without importing openpyxl here)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
