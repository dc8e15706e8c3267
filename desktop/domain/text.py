"""Cleaning of text that people type or paste (often from chat apps)."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

# C0/C1 control characters except tab and newline: they break Excel export and printing.
R = TypeVar("R")

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


def cleaned(
    record: R, *, lines: Iterable[str] = (), texts: Iterable[str] = (), **changes: Any
) -> R:
    """The record with its one-line text fields (``lines``) and its multi-line ones (``texts``)
    cleaned and the other ``changes`` made. Every other field passes through untouched, so a
    field added to a record later is never lost on save."""
    tidy = {name: clean_text(getattr(record, name), single_line=True) for name in lines}
    tidy.update({name: clean_text(getattr(record, name)) for name in texts})
    return replace(record, **tidy, **changes)  # type: ignore[type-var]
