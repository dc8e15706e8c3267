"""Masking for the notice board (公示版): residents' names, phones and addresses."""

import re

from desktop.domain.phone import normalize_phone
from desktop.domain.roster import COMPOUND_SURNAMES

_DIGITS = re.compile(r"\d")


def mask_name(name: str) -> str:
    """张三明 → 张*明, 欧阳振华 → 欧阳*华, 李明 → 李*; a one-character name stays."""
    chars = list(name.strip())  # list() keeps 𠮷 as one character
    if len(chars) <= 1:
        return "".join(chars)
    surname = 2 if "".join(chars[:2]) in COMPOUND_SURNAMES and len(chars) > 2 else 1
    if len(chars) == surname + 1:
        return "".join(chars[:surname]) + "*"
    return "".join(chars[:surname]) + "*" + chars[-1]


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; 0755-26881234 → 0755-****1234; short text unchanged.

    The number is read as stored phones are (138 1234 5678 → 13812345678); a landline's
    extension (0755-26881234-801) is kept after the masked number.
    """
    text = normalize_phone(phone)
    area, dash, number = text.partition("-") if text[:1] == "0" and "-" in text else ("", "", text)
    number, ext_dash, extension = number.partition("-")
    digits = "".join(_DIGITS.findall(number))
    if len(digits) < 7 or len(digits) != len(number):
        return phone
    keep_head = 0 if area else 3
    hidden = len(digits) - keep_head - 4
    return f"{area}{dash}{digits[:keep_head]}{'*' * hidden}{digits[-4:]}{ext_dash}{extension}"


def building_only(building: str, unit: str = "", room: str = "") -> str:
    """Addresses on the notice board stop at the building: 3栋 2单元 1203 → 3栋."""
    del unit, room
    return building
