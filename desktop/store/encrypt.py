"""Putting a file under a key (or taking it from under one): a copy from elsewhere (the
street office's plain copy, a backup made before encryption) before it replaces the data
file, and the data folder's own file when encryption is switched on.

A plain copy whose pages keep SQLCipher's spare bytes (one the sync took from an encrypted
file) is encrypted page for page: its layout stays, so the next upload is still a delta.
Any other goes through ``sqlcipher_export``, which writes a new file table by table.
"""

import os
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from desktop.store import sqlite
from desktop.store.cipher import PAGE_SIZE, PLAIN_MAGIC, RESERVE, Key, encrypted_page, key_of, pages


def put_under_key(path: Path, key: Key | None) -> None:
    """Make the file ``path`` (nothing has it open) one under ``key`` (None: plain), in place:
    written beside it, then renamed over, so a crash leaves the old file whole."""
    if key_of(path) == key:
        return
    tmp = path.with_name(path.name + ".keying")
    try:
        copy_under_key(path, tmp, key)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def copy_under_key(source: Path, out: Path, key: Key | None) -> None:
    """A copy of ``source`` (nothing writes to it; its WAL, if any, checkpointed) at ``out``,
    under ``key``; written under the key from the first byte, never as a plain copy."""
    out.unlink(missing_ok=True)
    try:
        if key_of(source) == key:
            shutil.copyfile(source, out)
        elif key is not None and _fits_pages(source):
            _encrypt_pages(source, out, key)
        else:
            export(source, out, key)
        with out.open("rb+") as f:
            os.fsync(f.fileno())
    finally:
        Path(f"{out}-journal").unlink(missing_ok=True)


@contextmanager
def under_key(source: Path, key: Key | None, scratch: Path) -> Iterator[Path]:
    """``source`` itself when it is under ``key``, else a copy under it at ``scratch`` for the
    block (the backup API copies only between files under one key)."""
    if key_of(source) == key:
        yield source
        return
    try:
        copy_under_key(source, scratch, key)
        yield scratch
    finally:
        scratch.unlink(missing_ok=True)


def export(source: Path, out: Path, key: Key | None) -> None:
    """``source`` written anew into the new file ``out`` under ``key`` (sqlcipher_export)."""
    with closing(sqlite.connect(source)) as con:
        con.execute("ATTACH DATABASE ? AS target KEY ?", (str(out), key.literal if key else ""))
        con.execute("SELECT sqlcipher_export('target')")
        version = con.execute("PRAGMA main.user_version").fetchone()[0]
        con.execute(f"PRAGMA target.user_version = {int(version)}")
        con.execute("DETACH DATABASE target")


def _fits_pages(path: Path) -> bool:
    """A plain file of SQLCipher's page size with its spare bytes at each page's end."""
    with path.open("rb") as f:
        head = f.read(100)
    if len(head) < 100 or not head.startswith(PLAIN_MAGIC):
        return False
    size = int.from_bytes(head[16:18], "big")
    return size == PAGE_SIZE and head[20] == RESERVE


def _encrypt_pages(source: Path, out: Path, key: Key) -> None:
    hmac_key = key.hmac_key
    with out.open("wb") as dst:
        for number, page in enumerate(pages(source), start=1):
            dst.write(encrypted_page(key, hmac_key, number, page))
