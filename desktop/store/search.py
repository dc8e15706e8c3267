"""Text search over a list's stored ``search_text`` column."""

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute


def words_filter(search_text: InstrumentedAttribute[str], text: str) -> list[ColumnElement[bool]]:
    """Every word typed must appear ("张伟 1203"). instr() takes the text literally, so %, _
    and quotes need no escaping, and it works for 1–2 Chinese characters (where SQLite's
    FTS5 trigram index cannot help)."""
    return [func.instr(search_text, word) > 0 for word in text.split()]
