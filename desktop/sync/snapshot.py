"""A consistent copy of the branch database to upload, taken with SQLite's backup API, and
its pages as the street office receives them: plain.

The backup API copies pages as they are, so a page the secretary did not touch is
byte-identical between two snapshots, and only the touched pages need to travel. The app
runs with ``secure_delete=ON``, so free pages in the copy hold no deleted personal data.

An encrypted data file gives an encrypted snapshot (under the same key: nothing plain is
ever written to disk). SQLCipher writes each page with a fresh IV, so the snapshot's own
bytes change everywhere between two snapshots; its *plain* pages do not, and they are what
is hashed and sent (over TLS), so one edited record still sends a few pages.
"""

import os
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

from desktop.store import sqlite
from desktop.store.cipher import PAGE_SIZE, Key, key_of, plain_page
from desktop.sync.protocol import FileDigest, digest_pages, file_blocks, file_pages, read_page_size


def take_snapshot(database: Path, out: Path) -> Path:
    """Copy ``database`` (which may be open and in WAL mode elsewhere) to ``out``, atomically."""
    if not database.is_file():
        raise FileNotFoundError(database)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        key = key_of(database)
        with (
            closing(sqlite.connect(database)) as source,
            closing(sqlite.connect(tmp, key=key)) as copy,
        ):
            source.execute("PRAGMA busy_timeout = 10000")
            source.backup(copy)  # one step: a single read transaction, so the copy is consistent
            # A single file the receiver can open read-only: no -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)  # a full disk must not keep what little is left
        raise
    return out


def page_size_of(path: Path, key: Key | None) -> int:
    return PAGE_SIZE if key is not None else read_page_size(path)


def plain_digest(path: Path) -> FileDigest:
    """The digest of ``path`` as a plain file (what the street office holds of it)."""
    key = key_of(path)
    page_size = page_size_of(path, key)
    pages = file_pages(path, page_size)
    if key is not None:
        pages = (as_sent(key, index, page) for index, page in enumerate(pages))
    return digest_pages(pages, page_size)


def as_sent(key: Key, index: int, page: bytes) -> bytes:
    """Block ``index`` (0-based) of an encrypted snapshot as the street office receives it."""
    plain = plain_page(key, index + 1, page)
    return steady_header(plain) if index == 0 else plain


def steady_header(page: bytes) -> bytes:
    """Page 1 of a decrypted snapshot with its change counter (bytes 24–27) and the counter
    the header's page count is valid for (92–95) set to 1: SQLCipher leaves a different
    number there in every copy, which would make page 1 travel at every sync. Equal, the two
    keep the header's page count valid."""
    one = (1).to_bytes(4, "big")
    return page[:24] + one + page[28:92] + one + page[96:]


def plain_blocks(path: Path, blocks: Iterable[int]) -> Iterator[tuple[int, bytes]]:
    """The given blocks (0-based) of ``path`` as a plain file, for ``write_payload``."""
    key = key_of(path)
    for index, block in file_blocks(path, page_size_of(path, key), blocks):
        yield index, block if key is None else as_sent(key, index, block)
