"""Residents' text made safe for ReportLab, and Chinese line breaking.

ReportLab reads a ``Paragraph``'s text as markup, so ``A&B``, ``<b>`` or a lone ``<`` typed by a
resident would break or alter the page: every piece of user text goes through ``markup``.
"""

import unicodedata
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    FragLine,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

from desktop.documents.fonts import FontChain

# Chinese line-breaking rules (禁则): what may not start a line, and what may not end one.
CANNOT_START = frozenset("，。！？；：、」》）』】〕〉〗｝］”’…—·～％‰℃,.!?;:)]}%")
CANNOT_END = frozenset("「《（『【〔〈〖｛［“‘([{")
# Marks a body paragraph may hang in the right margin, as Word does for Chinese by default.
HANGING = frozenset("，。、；：！？")

_NORMALIZE = (("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n"), ("\t", "  "))
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# Variation selectors and the like have no glyph of their own: nothing to print or report.
_VARIATION_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))


@dataclass(frozen=True)
class Unprintable:
    """A character of a record that no font can draw: it prints as nothing."""

    record: str  # e.g. 参会人 王䶮, 议题2‘加装电梯’
    char: str

    @property
    def message(self) -> str:
        """记录“参会人 王䶮”中的字“䶮”（U+4DAE）无法打印 — always encodable as UTF-8."""
        record, char = _displayable(self.record), _displayable(self.char)
        return f"记录“{record}”中的字“{char}”（U+{ord(self.char):04X}）无法打印"


def _displayable(text: str) -> str:
    # A lone surrogate (text damaged elsewhere) cannot be written out: show U+FFFD instead.
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


class UnprintableLog:
    """Collects unprintable characters once per record, in the order met."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], None] = {}

    def add(self, record: str, char: str) -> None:
        self._seen.setdefault((record, char), None)

    def items(self) -> list[Unprintable]:
        return [Unprintable(record, char) for record, char in self._seen]


def _ignorable(ch: str) -> bool:
    code = ord(ch)
    if any(lo <= code <= hi for lo, hi in _VARIATION_SELECTORS):
        return True
    return unicodedata.category(ch) in ("Cf", "Cc")  # joiners, marks, controls: no glyph


def markup(
    text: str | None,
    fonts: FontChain,
    *,
    record: str = "",
    log: UnprintableLog | None = None,
) -> str:
    """Paragraph markup that prints ``text`` exactly as typed.

    Escapes & < > ", keeps line breaks and runs of spaces, and puts each run of characters in
    the first face of the chain that covers it. A character no face covers stays in place
    (it prints as nothing) and goes to ``log`` under ``record``.
    """
    if not text:
        return ""
    for old, new in _NORMALIZE:
        text = text.replace(old, new)
    primary = fonts.primary
    out: list[str] = []
    run: list[str] = []
    run_face = primary
    after_blank = True  # ReportLab drops leading spaces and runs of spaces: keep them

    def flush() -> None:
        if run:
            body = "".join(run)
            out.append(body if run_face == primary else f'<font name="{run_face}">{body}</font>')
            run.clear()

    for ch in text:
        if ch == "\n":
            flush()
            out.append("<br/>")
            after_blank = True
            continue
        if _ignorable(ch):
            continue
        if ch.isspace():
            # U+3000 and other wide spaces as references, which ReportLab does not collapse.
            piece = ("&#160;" if after_blank else " ") if ch == " " else f"&#{ord(ch)};"
            after_blank = after_blank or ch == " "
            face_name = run_face  # a space prints in any face: do not cut the run for it
        else:
            face = fonts.face_for(ch)
            if face is None:
                if log is not None:
                    log.add(record, ch)
                face_name = primary
            else:
                face_name = face.name
            piece = _ESCAPES.get(ch, ch)
            after_blank = False
        if face_name != run_face:
            flush()
            run_face = face_name
        run.append(piece)
    flush()
    return "".join(out)


class CJKParagraph(Paragraph):
    """A paragraph broken between any two Chinese characters, following the 禁则.

    ReportLab's own CJK wrap lets ，！？；：》 start a line and hangs any mark in the margin,
    past a table's grid line. Here the break moves back instead, so no line starts with a
    closing mark and none ends with an opening one; a style with ``hangPunctuation = True``
    (body text, never a table cell) may instead hang one small mark such as ，。 in the
    margin. Latin words break at spaces. Use with a style whose ``wordWrap`` is ``'CJK'``.
    """

    def breakLinesCJK(self, maxWidths):  # ReportLab's name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        hang = bool(getattr(style, "hangPunctuation", False))
        return break_cjk(self.frags, maxWidths, auto_leading not in ("", "off"), hang=hang)


def _is_word(u: str) -> bool:
    return bool(u) and ord(u) < 0x2E80 and not u.isspace()


def _break_before(units: list, start: int, i: int, hang: bool) -> int:
    """Where to end the line that ``units[i]`` does not fit on (an index > start)."""
    if hang and units[i] in HANGING and (i + 1 == len(units) or units[i + 1] not in CANNOT_START):
        return i + 1
    j = i
    if _is_word(units[j]) and _is_word(units[j - 1]):
        # Inside a Latin word or number: go back to a space or a Chinese character, but not
        # further than half the line (a long URL is cut instead).
        for k in range(j - 1, (start + i) // 2, -1):
            if not _is_word(units[k]):
                j = k + 1
                break
    k = j
    while k - 1 > start and (units[k] in CANNOT_START or units[k - 1] in CANNOT_END):
        k -= 1
    if units[k] in CANNOT_START or units[k - 1] in CANNOT_END:
        return j  # a line of nothing but marks: no good place, break where it is full
    return k


_widths: dict[tuple[str, float], dict[str, float]] = {}
_bounds: dict[tuple[str, float], tuple[float, float]] = {}


def _units(frags) -> list:
    """One ``cjkU`` per character, widths looked up once per font, size and character."""
    units = []
    for f in frags:
        text = f.text
        if not text or hasattr(f, "cbDefn"):
            units.append(cjkU(text, f, "utf8"))  # <br/> and other empty fragments
            continue
        widths = _widths.setdefault((f.fontName, f.fontSize), {})
        for ch in text:
            width = widths.get(ch)
            if width is None:
                width = widths[ch] = stringWidth(ch, f.fontName, f.fontSize)
            u = str.__new__(cjkU, ch)
            u._frag, u._width = f, width  # what cjkU.__new__ sets, without its lookups
            units.append(u)
    return units


def _line(units: list, max_width: float, used: float, line_break: bool) -> FragLine:
    """ReportLab's makeCJKParaLine for plain text, grouping characters by fragment."""
    words = []
    max_size = max_ascent = min_descent = 0.0
    start = 0
    for k in range(1, len(units) + 1):
        frag = units[start].frag
        if k < len(units) and units[k].frag is frag:
            continue
        words.append(frag.clone(text="".join(units[start:k])))
        key = (frag.fontName, frag.fontSize)
        if key not in _bounds:
            _bounds[key] = getAscentDescent(*key)
        ascent, descent = _bounds[key]
        max_size = max(max_size, frag.fontSize)
        max_ascent, min_descent = max(max_ascent, ascent), min(min_descent, descent)
        start = k
    return FragLine(
        kind=1,
        extraSpace=max_width - used,
        wordCount=1,
        words=words,
        fontSize=max_size,
        ascent=max_ascent,
        descent=min_descent,
        maxWidth=max_width,
        currentWidth=used,
        lineBreak=line_break,
    )


def break_cjk(frags, max_widths, calc_bounds: bool, *, hang: bool = False) -> ParaLines:
    units = _units(frags)
    lines = []
    max_width = max_widths[0]

    def emit(start: int, end: int, line_break: bool) -> None:
        nonlocal max_width
        line = units[start:end]
        used = sum(u.width for u in line)
        if calc_bounds or any(hasattr(u.frag, "cbDefn") for u in line):
            lines.append(
                makeCJKParaLine(line, max_width, used, max_width - used, line_break, calc_bounds)
            )
        else:
            lines.append(_line(line, max_width, used, line_break))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]

    start = i = 0
    used = 0.0
    n = len(units)
    while i < n:
        u = units[i]
        if hasattr(u.frag, "lineBreak"):
            emit(start, i + 1, True)
            start = i = i + 1
            used = 0.0
            continue
        if used + u.width > max_width + _FUZZ and i > start:
            end = _break_before(units, start, i, hang)
            if end < n and hasattr(units[end].frag, "lineBreak"):
                emit(start, end + 1, True)  # a hung mark just before a line break: one line
                end += 1
            else:
                emit(start, end, False)
            start = i = end
            while i < n and units[i] == " ":  # a space where a line breaks is not printed
                start = i = i + 1
            used = 0.0
            continue
        used += u.width
        i += 1
    if start < n:
        emit(start, n, False)
    return ParaLines(kind=1, lines=lines)


class BoldParagraph(CJKParagraph):
    """Headings: the bundled faces have no bold, so the glyphs are filled and outlined."""

    def draw(self):
        self.canv.setLineWidth(self.style.fontSize * 0.035)
        self.canv.setStrokeColor(self.style.textColor)
        super().draw()

    def beginText(self, x, y):  # ReportLab's name
        text = super().beginText(x, y)
        text.setTextRenderMode(2)  # fill, then stroke
        return text
