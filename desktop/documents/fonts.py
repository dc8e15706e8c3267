"""The faces printed documents use, registered with ReportLab once, as a fallback chain.

WenQuanYi Micro Hei prints almost everything; LXGW WenKai covers the rare name characters it
lacks (䶮, 𠮷); a CJK Extension B TrueType font already on the machine (Windows' SimSun-ExtB)
comes last when there is one. Every face is TrueType (ReportLab cannot embed CFF outlines) and
embedded as a subset of the characters used.

A character no face covers still goes into the PDF, where it prints as nothing; the documents
report it (see ``Unprintable``) so the secretary hears about it before the paper is posted.
"""

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts

from desktop.paths import fonts_dir

log = logging.getLogger(__name__)

# (ReportLab name, file in resources/fonts, index in a TrueType Collection)
BUNDLED_FACES = (
    ("ShurenHei", "wqy-microhei.ttc", 0),  # WenQuanYi Micro Hei; index 1 is its mono face
    ("ShurenKai", "LXGWWenKai-Regular.ttf", 0),  # LXGW WenKai
)
FALLBACK_NAME = "ShurenExtB"


def system_fallback_candidates() -> list[tuple[Path, int]]:
    """Well-known TrueType (never CFF) fonts with CJK Extension B, first found wins."""
    windows_fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [
        (windows_fonts / "simsunb.ttf", 0),  # SimSun-ExtB
        (windows_fonts / "mingliub.ttc", 0),  # MingLiU-ExtB
        (Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"), 0),  # fonts-hanazono
    ]


class FontMissingError(RuntimeError):
    """A bundled font file is missing or unreadable: the installation is damaged."""


@dataclass(frozen=True)
class Face:
    name: str  # the name registered with ReportLab, used in <font name=…>
    path: Path
    codepoints: frozenset[int] = field(repr=False)

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.codepoints


@dataclass(frozen=True)
class FontChain:
    """Faces in order of preference; the first is the documents' base font."""

    faces: tuple[Face, ...]

    @property
    def primary(self) -> str:
        return self.faces[0].name

    def face_for(self, ch: str) -> Face | None:
        """The first face that has a glyph for ``ch``, or None when none has."""
        code = ord(ch)
        for face in self.faces:
            if code in face.codepoints:
                return face
        return None

    def only(self, *names: str) -> "FontChain":
        """The same chain restricted to some faces (tests, and a bare fallback-free check)."""
        return FontChain(tuple(f for f in self.faces if f.name in names))


_lock = threading.Lock()
_chain: FontChain | None = None

# ReportLab builds a PDF with shared font objects and file positions; two documents built at
# once on two threads would interleave. Document builders hold this lock.
build_lock = threading.Lock()


def font_chain(*, system_fallback: bool = True) -> FontChain:
    """Register the faces with ReportLab on first use (thread-safe) and return the chain."""
    global _chain
    with _lock:
        if _chain is None:
            _fix_to_unicode_for_non_bmp()
            faces = [
                _register(name, fonts_dir() / file, index, bundled=True)
                for name, file, index in BUNDLED_FACES
            ]
            fallback = _register_system_fallback()
            if fallback is not None:
                faces.append(fallback)
            _chain = FontChain(tuple(f for f in faces if f is not None))
        chain = _chain
    if not system_fallback:
        return chain.only(*(name for name, _file, _index in BUNDLED_FACES))
    return chain


def _register(name: str, path: Path, index: int, *, bundled: bool) -> Face | None:
    try:
        font = ttfonts.TTFont(name, str(path), subfontIndex=index)
    except (OSError, ttfonts.TTFError) as exc:
        if bundled:
            raise FontMissingError(f"{path}: {exc}") from exc
        log.info("system fallback font %s not usable: %s", path, exc)
        return None
    pdfmetrics.registerFont(font)
    # Glyph 0 is .notdef: a code mapped to it has no real glyph.
    codepoints = frozenset(c for c, g in font.face.charToGlyph.items() if g)
    return Face(name, path, codepoints)


def _register_system_fallback() -> Face | None:
    for path, index in system_fallback_candidates():
        if path.is_file():
            face = _register(FALLBACK_NAME, path, index, bundled=False)
            if face is not None:
                log.info("system fallback font for printing: %s", path)
                return face
    return None


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with UTF-16 surrogate pairs beyond the BMP.

    ReportLab writes 𠮷 (U+20BB7) as <20BB7>, which readers take for another character, so
    copy-paste and search in the PDF would give the wrong name.
    """
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *_bfchar_blocks(subset),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _bfchar_blocks(subset: list[int]) -> list[str]:
    # The PDF reference allows at most 100 entries between beginbfchar and endbfchar.
    lines: list[str] = []
    for start in range(0, len(subset), 100):
        chunk = subset[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{start + i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(chunk)]
        lines.append("endbfchar")
    return lines


def _fix_to_unicode_for_non_bmp() -> None:
    # TTFont.addObjects looks the function up in its module at build time.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
