"""The secretary's password: unlocking a data folder's files for this process, and changing
the password.

Nothing is written while a password is checked: a wrong one leaves every file as it was.
"""

import contextlib
import hmac
import json
import logging
import os
import shutil
from contextlib import closing
from pathlib import Path

from desktop.store import sqlite
from desktop.store.backup import list_backups
from desktop.store.cipher import (
    KDF_ROUNDS,
    Key,
    PasswordNeeded,
    WrongPassword,
    derive_key,
    header,
    is_encrypted,
    key_of,
    new_key,
    remember,
    session_key,
)
from desktop.store.datadir import backups_dir, db_path
from desktop.store.encrypt import put_under_key

log = logging.getLogger(__name__)

MIN_LENGTH = 8
MARKER_FILENAME = "encryption.json"  # the salt of the folder's key: no secret in it


def unlock(data_dir: Path, password: str | None) -> Key | None:
    """Make the folder's files openable in this process; the key, or None for a plain folder.

    An encrypted folder needs its password (PasswordNeeded without one, WrongPassword for
    another). A folder with no data file yet and a password gets a new key: the data file
    will be created under it. A plain folder ignores the password.
    """
    db = db_path(data_dir)
    if not is_encrypted(db):
        if password is None or db.exists():
            return None
        key = new_key(password)
        _mark(data_dir, key)
    else:
        if password is None:
            raise PasswordNeeded()
        key = derive_key(password, header(db))
        sqlite.check_key(db, key)
    remember(key)
    return key


def expects_password(data_dir: Path) -> bool:
    """Whether the data file is the one this folder encrypted (its salt as noted): only then is
    a password asked. Any other unreadable header is a damaged (or foreign) file."""
    db = db_path(data_dir)
    try:
        noted = json.loads((data_dir / MARKER_FILENAME).read_text(encoding="utf-8"))["salt"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return is_encrypted(db) and header(db).hex() == noted


def _mark(data_dir: Path, key: Key) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"salt": key.salt.hex(), "kdf": "PBKDF2-HMAC-SHA512", "rounds": KDF_ROUNDS})
    partial = data_dir / (MARKER_FILENAME + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, data_dir / MARKER_FILENAME)


def strength_hint(password: str) -> str | None:
    """Why ``password`` is too weak to use, in Chinese; None when it will do."""
    if len(password) < MIN_LENGTH:
        return f"密码至少要 {MIN_LENGTH} 个字符。"
    kinds = sum(
        (
            any(c.isdigit() for c in password),
            any(c.isalpha() and c.isascii() for c in password),
            any(not c.isascii() or not c.isalnum() for c in password),
        )
    )
    if kinds < 2 or len(set(password)) < 4:
        return "密码太简单：请混用字母、数字或符号，不要用重复的字符。"
    return None


def matches(key: Key, password: str) -> bool:
    """Whether ``password`` is the one ``key`` was derived from (the window's lock)."""
    return hmac.compare_digest(derive_key(password, key.salt).raw, key.raw)


def encrypt_data_file(data_dir: Path, password: str) -> Key:
    """Put the folder's plain data file under a new key made from ``password``, in place
    (nothing may have it open). The search index, a plain copy, is removed: it is rebuilt
    under the key at the next open."""
    db = db_path(data_dir)
    with closing(sqlite.connect(db, key=None)) as con:
        busy, _log, _moved = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:  # another program has the file open: its log cannot be emptied into it
        raise sqlite.OperationalError("database is locked")
    key = new_key(password)
    _mark(data_dir, key)  # first: a kill after the file is encrypted still asks its password
    put_under_key(db, key)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    # Plain copies of the lists and of unsent pages: made again, under the key.
    for suffix in ("", "-wal", "-shm"):
        shred(Path(f"{index_path(data_dir)}{suffix}"))
    for folder in (data_dir / "sync" / "pending", data_dir / "sync" / "resolve"):
        for path in folder.rglob("*"):
            if path.is_file():
                shred(path)
        shutil.rmtree(folder, ignore_errors=True)
    remember(key)
    return key


def index_path(data_dir: Path) -> Path:
    # Here, not imported: search_index brings SQLAlchemy, which the password prompt at start
    # does not need.
    from desktop.store.search_index import index_path as search_index_path

    return search_index_path(data_dir)


def shred(path: Path) -> None:
    """Overwrite a plain file with zeros before removing it (a best effort: an SSD or a
    journaling file system may keep old blocks elsewhere)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with path.open("r+b") as f:
        f.write(bytes(size))
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def check_password(password: str) -> bool:
    """Whether ``password`` is this session's (the window's lock asks it)."""
    key = session_key()
    return key is not None and matches(key, password)


def change_password(data_dir: Path, old: str, new: str) -> Key:
    """Re-encrypt the folder's data file and its backups under a key made from ``new``
    (WrongPassword unless ``old`` is this session's). The salt stays, so every file keeps
    naming its key. Nothing may have the files open (the window releases its connections
    first); the search index and a pending upload, made under the old key, are removed and
    made again."""
    key = session_key()
    if key is None or not matches(key, old):
        raise WrongPassword()
    renewed = derive_key(new, key.salt)
    # The backups first, the data file last: until the data file changes, the old password
    # still opens everything that matters. A backup that cannot be changed is left as it is.
    for backup in list_backups(backups_dir(data_dir)):
        try:
            if key_of(backup) == key:
                _rekey(backup, key, renewed)
        except (PasswordNeeded, sqlite.Error, OSError):
            log.warning("backup %s kept under the old password", backup.name)
    try:
        _rekey(db_path(data_dir), key, renewed)
    except BaseException:
        if not matches_file(db_path(data_dir), renewed):
            raise  # not changed: the old password stands
    remember(renewed)  # the data file is under it now, whatever follows
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):  # still attached somewhere: rebuilt when found stale
            Path(f"{index_path(data_dir)}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(data_dir / "sync" / "pending", ignore_errors=True)
    return renewed


def _rekey(path: Path, key: Key, renewed: Key) -> None:
    with closing(sqlite.connect(path, key=key)) as con:
        # The key alone: rekey keeps the file's salt.
        con.execute(f"PRAGMA rekey = \"x'{renewed.raw.hex()}'\"")


def matches_file(path: Path, key: Key) -> bool:
    try:
        sqlite.check_key(path, key)
    except (WrongPassword, sqlite.Error):
        return False
    return True
