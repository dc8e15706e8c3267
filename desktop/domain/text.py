"""Cleaning of text that people type or paste (often from chat apps)."""

import re
import unicodedata

# C0/C1 control characters except tab and newline: they break Excel export and printing.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(value: str | None, *, single_line: bool = False) -> str:
    """Strip control characters and surrounding blanks; keep every real character (䶮, 𠮷)."""
    if value is None:
        return ""
    # NFC only composes; it never replaces a CJK character by a look-alike.
    text = unicodedata.normalize("NFC", value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if single_line:
        text = " ".join(text.split())
    return text.strip()
