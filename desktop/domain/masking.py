"""Masking for the notice board (公示版): residents' names, phones and addresses.

Phones: a mobile keeps its first three and last four digits (138****5678); a landline keeps
its area code only (0755-********). A number is recognised however it was typed — with blanks
of any width, dots, dashes or brackets between its digits, in full-width digits, after +86 or
0086 — but never inside a longer run of digits (an ID number is not a phone) nor in a date.
"""

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from desktop.domain.phone import normalize_phone
from desktop.domain.roster import COMPOUND_SURNAMES

_DIGITS = re.compile(r"\d")
# What people put between the digits of a phone number: blanks of every width (ASCII,
# no-break, ideographic, zero-width), dots, dashes and brackets, half- and full-width.
_BLANKS = r"\s\u200b-\u200d\u2060\ufeff"
_DOTS = r".\uff0e\u00b7\u30fb\u2027\uff65"
_DASHES = r"\-\uff0d\u2010-\u2015\u2212\ufe63"
_OPENERS = "(（[［【〔"
_CLOSERS = ")）]］】〕"
_SEPARATOR = f"[{_BLANKS}{_DOTS}{_DASHES}{re.escape(_OPENERS + _CLOSERS)}]"
# Groups of digits joined only by separators; a phone is made of whole groups.
_CHAIN = re.compile(rf"\d+(?:{_SEPARATOR}+\d+)*")
_GROUP = re.compile(r"\d+")
_PLUS = "+＋"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# A date with the same mark twice: 2026-12-07, 2026.1.30, 1999．12．7 (not 2026 12 07).
_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d([-.．/－])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)"
)
_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area code and local number: 010 and 02x have three digits and eight; the others four and
# seven or eight.
_LANDLINE = re.compile(r"(0[12]\d(?=\d{8}$)|0[3-9]\d\d(?=\d{7,8}$))(\d+)")
_LONGEST = 16  # digits of the longest number read: 0086 0755 2688 1234


def mask_name(name: str) -> str:
    """张三明 → 张*明, 欧阳振华 → 欧阳*华, 李明 → 李*; a one-character name stays."""
    chars = list(name.strip())  # list() keeps 𠮷 as one character
    if len(chars) <= 1:
        return "".join(chars)
    surname = 2 if "".join(chars[:2]) in COMPOUND_SURNAMES and len(chars) > 2 else 1
    if len(chars) == surname + 1:
        return "".join(chars[:surname]) + "*"
    return "".join(chars[:surname]) + "*" + chars[-1]


def mask_phones(text: str) -> str:
    """Every mainland mobile and landline in ``text`` masked; everything else kept.

    电话 +86 138-1234-5678 → 电话 138****5678; (0755)2688 1234 → 0755-********;
    dates (2026-12-07), amounts, room numbers and longer numbers are left alone.
    """
    pieces: list[str] = []
    done = 0  # text before this index is already in pieces
    for groups in _runs(text):
        for number in _numbers(text, groups):
            start = groups[number.first].start() - (1 if number.plus else 0)
            start, end = _widen(text, max(start, done), groups[number.last].end(), done)
            pieces += [text[done:start], number.masked]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Groups of digits joined by separators, a date (2026.1.30, 1999-12-07) breaking a run:
    2026.1.30-2026.10.15 holds 1 30 2026 10 15, which would read as a mobile."""
    plain = text.translate(_FULL_WIDTH_DIGITS)  # same length: positions hold
    for chain in _CHAIN.finditer(text):
        dates = [m.span() for m in _DATE.finditer(plain, chain.start(), chain.end())]
        run: list[re.Match[str]] = []
        for group in _GROUP.finditer(text, chain.start(), chain.end()):
            if any(start <= group.start() < end for start, end in dates):
                if run:
                    yield run
                run = []
            else:
                run.append(group)
        if run:
            yield run


class _Number(NamedTuple):
    first: int  # index of its first group of digits
    last: int
    masked: str
    mobile: bool
    plus: bool  # a + before the first group belongs to it (+86…)


def _numbers(text: str, groups: list[re.Match[str]]) -> list[_Number]:
    """The phone numbers among ``groups`` (digits joined by separators), left to right.

    Where two readings overlap without one holding the other (1503 138 1234 5678: 150-3138-1234
    or 138-1234-5678), the digits of both are masked as one number: neither may show its
    middle.
    """
    digits = [_ascii(group.group()) for group in groups]
    readings = []
    for i, group in enumerate(groups):
        if digits[i][0] not in "018":  # a mobile, a landline, 86 or 0086
            continue
        plus = group.start() > 0 and text[group.start() - 1] in _PLUS
        reading = _longest_number(digits, i, plus=plus)
        if reading is not None:
            readings.append(_Number(i, *reading, plus=plus))
    merged: list[_Number] = []
    for reading in readings:
        if merged and reading.first <= merged[-1].last:
            if reading.last > merged[-1].last:
                merged[-1] = _overlap(digits, merged[-1], reading)
        else:
            merged.append(reading)
    return merged


def _overlap(digits: list[str], one: _Number, other: _Number) -> _Number:
    run = "".join(digits[one.first : other.last + 1])
    mobile = one.mobile and other.mobile
    tail = 4 if mobile else 0  # a landline shows no digit after its area code
    masked = run[:3] + "*" * (len(run) - 3 - tail) + run[len(run) - tail :]
    return _Number(one.first, other.last, masked, mobile, one.plus)


def _ascii(digits: str) -> str:
    """１３８ → 138: full-width (and any other decimal) digits read as ASCII."""
    return "".join(str(unicodedata.decimal(d)) for d in digits)


def _longest_number(digits: list[str], i: int, *, plus: bool) -> tuple[int, str, bool] | None:
    """The last group, the mask and the kind of the longest phone starting at group ``i``."""
    number, cuts, best = "", [], None
    for j in range(i, len(digits)):
        if j > i:
            cuts.append(len(number))
        number += digits[j]
        if len(number) > _LONGEST:
            break
        reading = _mask_number(number, cuts, plus=plus)
        if reading is not None:
            best = (j, *reading)
    return best


def _mask_number(digits: str, cuts: list[int], *, plus: bool) -> tuple[str, bool] | None:
    """The mask of a whole number (ASCII digits) and whether it is a mobile, or None if it is
    no mainland phone. ``cuts``: where separators stood between the digits.

    A leading 86 is the country code after a +, as 0086, or glued to the number
    (8613812345678); a bare 86 before a space may be a count, so it is not taken.
    """
    national, international = digits, False
    if digits.startswith("0086"):
        national, international = digits[4:], True
    elif digits.startswith("86") and (plus or all(cut > 2 for cut in cuts)):
        national, international = digits[2:], plus
    start = len(digits) - len(national)  # where the national number starts in ``digits``
    mobile = national
    # 0138…, as some dial a mobile from afar; the 0 typed with the 138 (01 30 2000 is a date).
    if national.startswith("01") and not any(start < cut < start + 4 for cut in cuts):
        mobile = national[1:]
    if _MOBILE.fullmatch(mobile):
        return f"{mobile[:3]}****{mobile[-4:]}", True
    if international and not national.startswith("0"):
        national = "0" + national  # +86 755 2688 1234: the area code loses its 0 abroad
    landline = _LANDLINE.fullmatch(national)
    if landline is None:
        return None
    # A separator never splits an area code, so 01 05 2026 1 15 (two dates) is no 010 number.
    area_end = len(digits) - len(national) + landline.end(1)
    if any(start < cut < area_end for cut in cuts):
        return None
    return f"{landline.group(1)}-{'*' * len(landline.group(2))}", False


def _widen(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """Take in a bracket the number opened or closed: (0755)26881234 → no stray “(”."""
    depth = unopened = 0
    for ch in text[start:end]:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth, unopened = (depth - 1, unopened) if depth else (0, unopened + 1)
    if unopened:
        before = len(text[floor:start].rstrip())
        if before and text[floor + before - 1] in _OPENERS:
            start = floor + before - 1
    if depth:
        after = len(text[end:]) - len(text[end:].lstrip())
        if end + after < len(text) and text[end + after] in _CLOSERS:
            end += after + 1
    return start, end


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; 0755-26881234 → 0755-********; short text unchanged.

    A stored phone is read as free text is (138 1234 5678, +86…, (0755)…); a landline's
    extension (0755-26881234-801) is kept after the masked number. Something else with seven
    or more digits (a mistyped number) keeps only its last four.
    """
    text = phone.strip()
    masked = mask_phones(text)
    if masked != text:
        return masked
    text = normalize_phone(phone)
    area, dash, number = text.partition("-") if text[:1] == "0" and "-" in text else ("", "", text)
    number, ext_dash, extension = number.partition("-")
    digits = "".join(_DIGITS.findall(number))
    if len(digits) < 7 or len(digits) != len(number):
        return phone
    keep_head, keep_tail = (0, 0) if area else (3, 4)
    hidden = "*" * (len(digits) - keep_head - keep_tail)
    tail = digits[len(digits) - keep_tail :]
    return f"{area}{dash}{digits[:keep_head]}{hidden}{tail}{ext_dash}{extension}"


def building_only(building: str, unit: str = "", room: str = "") -> str:
    """Addresses on the notice board stop at the building: 3栋 2单元 1203 → 3栋."""
    del unit, room
    return building
