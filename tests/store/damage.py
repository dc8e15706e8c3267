"""Damaging a database file the way a bad disk sector or a killed copy does: one page zeroed."""

import sqlite3
from pathlib import Path


def zero_page(path: Path, table: str = "evaluation_score") -> int:
    """Overwrite the root page of ``table`` with zeros (the file must be closed, its WAL
    checkpointed); returns the page's number. SQLite can still open the file and read the
    other tables; ``quick_check`` reports the page."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        (page,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        page = page[0]
    finally:
        con.close()
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(bytes(page_size))
    return page


def zero_header(path: Path) -> None:
    """Overwrite the first page: SQLite no longer recognises the file at all."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    with path.open("r+b") as file:
        file.write(bytes(page_size))
