"""Mainland China phone numbers: mobiles and landlines (e.g. Shenzhen 0755)."""

import re

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area code 0 + 2–3 digits, number 7–8 digits, optional extension.
_LANDLINE = re.compile(r"0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?")
_SEPARATORS = re.compile(r"[\s()（）]")


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
