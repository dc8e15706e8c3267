"""Hostile .xlsx files for the ledger's limits, written by hand so that each can lie the way
an attacker's would, and streamed: none is held whole (the one whose cell is 1 GB is ~1 MB on
disk and is never unpacked here).

A workbook here is the needs ledger's sheet 需求清单 with a header row and whatever rows a test
gives; ``parts`` adds or replaces parts (shared strings, styles, anything).
"""

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.services.test_ledger import NEEDS_HEADERS

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MIB = 1 << 20

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>"
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="需求清单" sheetId="1" r:id="rId1"/></sheets></workbook>'
).encode()
_REL = '<Relationship Id="{}" Target="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"/>'
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + _REL.format("rId1", "worksheets/sheet1.xml", "worksheet")
    + _REL.format("rId2", "sharedStrings.xml", "sharedStrings")
    + _REL.format("rId3", "styles.xml", "styles")
    + "</Relationships>"
).encode()
SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(column: str, row: int, text: str) -> bytes:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'.encode()


def header_row() -> bytes:
    letters = [chr(ord("A") + i) for i in range(len(NEEDS_HEADERS))]
    cells = b"".join(cell(c, 1, h) for c, h in zip(letters, NEEDS_HEADERS, strict=True))
    return b'<row r="1">' + cells + b"</row>"


def good_row(number: int = 2) -> bytes:
    """A row the needs ledger imports: 标题, 类别 and 登记日期 (columns B, I, M)."""
    cells = cell("B", number, "路灯不亮") + cell("I", number, "设施维修")
    return f'<row r="{number}">'.encode() + cells + cell("M", number, "2026-05-01") + b"</row>"


Pieces = Iterable[bytes | tuple[bytes, int]]  # bytes, or (bytes, how many times in a row)


@dataclass
class Part:
    name: str
    deflated: bytes
    crc: int
    size: int  # unpacked
    declared: int | None = None  # the unpacked size the zip states, when it lies

    @classmethod
    def of(cls, name: str, pieces: Pieces, declared: int | None = None) -> "Part":
        """A part deflated piece by piece. A repeated piece is deflated once, with a full
        flush, and its block repeated: 1 GB of one letter costs ~1 MB and half a second."""
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        out: list[bytes] = []
        crc = size = 0
        for piece in pieces:
            data, times = piece if isinstance(piece, tuple) else (piece, 1)
            block = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
            out.append(block * times)  # no block refers back past a full flush
            for _ in range(times):
                crc = zlib.crc32(data, crc)
            size += len(data) * times
        out.append(compressor.flush())
        return cls(name, b"".join(out), crc, size, declared)


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A zip with the sizes each part declares (deflate, no data descriptors)."""
    central = []
    with open(path, "wb") as f:
        for part in parts:
            offset = f.tell()
            name = part.name.encode()
            size = part.size if part.declared is None else part.declared
            fields = (20, 0, 8, 0, 0x21, part.crc, len(part.deflated), size, len(name), 0)
            f.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + name + part.deflated)
            central.append(
                struct.pack("<4sH", b"PK\x01\x02", 20)
                + struct.pack("<5H3L5H2L", *fields[:-1], 0, 0, 0, 0, 0, offset)
                + name
            )
        start = f.tell()
        f.write(b"".join(central))
        count, length = len(central), f.tell() - start
        f.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, length, start, 0))
    return path


def workbook(
    path: Path,
    rows: Pieces = (),
    *,
    after: Pieces = (),
    parts: Iterable[Part] = (),
    declared: int | None = None,
) -> Path:
    """The needs ledger: header row, then ``rows`` (pieces of the sheet's XML), then ``after``
    (pieces after the sheet's data); ``declared`` is what the zip says the sheet unpacks to;
    ``parts`` are added, or replace ours."""
    extra = {p.name: p for p in parts}
    pieces = [SHEET_HEAD, header_row(), *rows, b"</sheetData>", *after, b"</worksheet>"]
    sheet = Part.of(SHEET, pieces, declared)
    base = [
        Part.of("[Content_Types].xml", [CONTENT_TYPES]),
        Part.of("_rels/.rels", [ROOT_RELS]),
        Part.of("xl/workbook.xml", [WORKBOOK]),
        Part.of("xl/_rels/workbook.xml.rels", [WORKBOOK_RELS]),
        sheet,
    ]
    chosen = [extra.pop(p.name, p) for p in base] + list(extra.values())
    return write_zip(path, chosen)


def huge_cell(path: Path, size: int, *, declared: int | None = None) -> Path:
    """One cell (B2) of ``size`` letters a."""
    row = [b'<row r="2"><c r="B2" t="inlineStr"><is><t>', (b"a" * MIB, size // MIB)]
    return workbook(path, [*row, b"</t></is></c></row>"], declared=declared)


def shared_strings(path: Path, count: int) -> Path:
    """``count`` different shared strings (so that they compress like real text, ~4×)."""
    entries = (f"<si><t>{i * 7919 % 1000003:x}号</t></si>".encode() for i in range(count))
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()
    strings = Part.of(STRINGS, [head, *batched(entries), b"</sst>"])
    row = b'<row r="2"><c r="B2" t="s"><v>0</v></c></row>'
    return workbook(path, [row], parts=[strings])


def batched(pieces: Iterable[bytes], size: int = 1 << 16) -> Iterable[bytes]:
    batch: list[bytes] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= size:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch)
