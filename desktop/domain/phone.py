"""Mainland China phone numbers: mobiles and landlines (e.g. Shenzhen 0755).

A number that is neither is doubted, never refused: a Hong Kong number, 95598, a local number
without its area code or two numbers in one field are real, and the secretary knows best."""

import re
from enum import Enum

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area code 0 + 2–3 digits, number 7–8 digits, optional extension.
_LANDLINE = re.compile(r"0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?")
# A local number typed without its area code.
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_SEPARATORS = re.compile(r"[\s()（）]")


class PhoneDoubt(Enum):
    """Why a phone number looks wrong. ``ui/messages.py`` holds the sentence for each."""

    MOBILE_LENGTH = "mobile_length"  # digits from 1 but not 11 of them (138123456)
    NO_AREA_CODE = "no_area_code"  # 26881234: a landline without its area code
    UNUSUAL = "unusual"  # anything else (123, 12345678901, letters, two numbers)


def normalize_phone(value: str) -> str:
    """Drop blanks and brackets people type around numbers; keep the dash of a landline."""
    text = _SEPARATORS.sub("", value.strip())
    text = text.replace("－", "-").replace("—", "-")
    if text.startswith("+86"):
        text = text[3:]
    # A mobile typed in groups (138-1234-5678) is stored as its 11 digits.
    if _MOBILE.fullmatch(text.replace("-", "")):
        return text.replace("-", "")
    return text


def is_valid_phone(value: str) -> bool:
    """True for a mainland mobile (13812345678) or landline (0755-26881234)."""
    text = normalize_phone(value)
    return bool(_MOBILE.fullmatch(text) or _LANDLINE.fullmatch(text))


def tidy_phone(value: str) -> str:
    """A recognised number in its stored form; anything else as typed (only trimmed), so
    nothing the secretary wrote beside a doubtful number is lost."""
    return normalize_phone(value) if is_valid_phone(value) else value.strip()


def phone_doubt(value: str) -> PhoneDoubt | None:
    """None for an empty field, a mobile or a landline with its area code; else the doubt."""
    if not value.strip() or is_valid_phone(value):
        return None
    text = normalize_phone(value)
    if text.isascii() and text.isdigit() and text.startswith("1") and len(text) != 11:
        return PhoneDoubt.MOBILE_LENGTH
    if _LOCAL.fullmatch(text):
        return PhoneDoubt.NO_AREA_CODE
    return PhoneDoubt.UNUSUAL
