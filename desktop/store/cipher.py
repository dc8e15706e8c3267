"""The key that encrypts a branch's files (SQLCipher 4), and SQLCipher's page format.

The key is SQLCipher's own: PBKDF2-HMAC-SHA512 of the secretary's password over a 16-byte
salt, 256,000 rounds. It is derived once per session (about 0.2 s) and handed to SQLCipher
as a raw key together with its salt, so that every file the app creates with it (the data
file, the search index, backups, sync snapshots) starts with that salt: whichever of them
is opened, the salt in its first 16 bytes names the key (``key_of``), and SQLCipher's own
tools open any of them with the password alone.

The page format is needed for the sync, which must send *plain* pages: SQLCipher writes
every page with a fresh IV, so encrypted pages change even when their content does not
(``plain_page``). A page is AES-256-CBC over all but its last 80 bytes (16-byte IV, 64-byte
HMAC-SHA512); page 1 keeps the salt in its first 16 bytes, where SQLite has its magic.
"""

import hashlib
import hmac
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

KDF_ROUNDS = 256_000
SALT_SIZE = 16
KEY_SIZE = 32
HMAC_ROUNDS = 2  # SQLCipher's "fast" derivation of the HMAC key from the key
HMAC_SALT_MASK = 0x3A
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE  # bytes at the end of every encrypted page
PAGE_SIZE = 4096  # SQLCipher 4's page size, which the app never changes
PLAIN_MAGIC = b"SQLite format 3\x00"


class PasswordNeeded(Exception):
    """An encrypted file whose key this session does not know (no password given yet, or a
    file made under another password)."""

    message = "数据已加密，需要输入密码才能打开。"


class WrongPassword(Exception):
    message = "密码不对，数据没有打开，也没有任何改动。"


@dataclass(frozen=True)
class Key:
    raw: bytes = field(repr=False)
    salt: bytes

    @property
    def literal(self) -> str:
        """SQLCipher's raw-key form, key and salt: no KDF run when a file is opened."""
        return f"x'{self.raw.hex()}{self.salt.hex()}'"

    @property
    def pragma(self) -> str:
        return f'PRAGMA key = "{self.literal}"'

    @property
    def hmac_key(self) -> bytes:
        mask = bytes(b ^ HMAC_SALT_MASK for b in self.salt)
        return hashlib.pbkdf2_hmac("sha512", self.raw, mask, HMAC_ROUNDS, KEY_SIZE)

    def derived(self, purpose: bytes) -> bytes:
        """A separate 32-byte key for ``purpose`` (e.g. files the app encrypts itself)."""
        return hmac.new(self.raw, b"shuren:" + purpose, "sha256").digest()


def derive_key(password: str, salt: bytes) -> Key:
    raw = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, KDF_ROUNDS, KEY_SIZE)
    return Key(raw, salt)


def new_key(password: str) -> Key:
    """A key for a new data folder: a fresh salt."""
    return derive_key(password, os.urandom(SALT_SIZE))


# -- the keys this process knows ------------------------------------------------------------

_known: dict[bytes, Key] = {}


_session: list[Key] = []  # the key the data folder of this session is under, once given


def remember(key: Key) -> None:
    """From now on files made under ``key`` open without asking (for this process), and new
    files of the data folder are made under it (``session_key``)."""
    _known[key.salt] = key
    _session[:] = [key]


def session_key() -> Key | None:
    return _session[0] if _session else None


def forget_keys() -> None:
    _known.clear()
    _session.clear()


def known_key(salt: bytes) -> Key:
    """The key given in this session for files with ``salt``; PasswordNeeded if none was."""
    try:
        return _known[salt]
    except KeyError:
        raise PasswordNeeded() from None


def header(path: Path) -> bytes:
    """The first 16 bytes of ``path``; b"" for a missing or empty file."""
    try:
        with path.open("rb") as f:
            return f.read(SALT_SIZE)
    except OSError:
        return b""  # missing or unreadable: opening it says why, in its own words


def is_encrypted(path: Path) -> bool:
    head = header(path)
    return len(head) == SALT_SIZE and head != PLAIN_MAGIC


def key_of(path: Path) -> Key | None:
    """The key ``path`` is encrypted under; None for a plain, empty or missing file.
    PasswordNeeded when the file is encrypted under a key not given in this session."""
    head = header(path)
    if len(head) < SALT_SIZE or head == PLAIN_MAGIC:
        return None
    return known_key(head)


def key_for_salt_of(path: Path, password: str) -> Key:
    """The key of the encrypted file ``path`` if ``password`` is its password (not yet
    checked: open the file to know)."""
    return derive_key(password, header(path))


# -- pages ------------------------------------------------------------------------------------


def plain_page(key: Key, number: int, page: bytes) -> bytes:
    """Page ``number`` (1-based) of an encrypted file, decrypted: a page of a plain SQLite
    file that keeps ``RESERVE`` spare bytes at its end (zeroed). Not authenticated here:
    the pages come from a copy SQLCipher has just written and checked."""
    size = len(page)
    start = SALT_SIZE if number == 1 else 0
    iv = page[size - RESERVE : size - RESERVE + IV_SIZE]
    decryptor = Cipher(algorithms.AES(key.raw), modes.CBC(iv)).decryptor()
    body = decryptor.update(page[start : size - RESERVE]) + decryptor.finalize()
    return (PLAIN_MAGIC if number == 1 else b"") + body + bytes(RESERVE)


def encrypted_page(key: Key, hmac_key: bytes, number: int, page: bytes) -> bytes:
    """The reverse of ``plain_page``: what SQLCipher itself would write for that page."""
    size = len(page)
    start = SALT_SIZE if number == 1 else 0
    iv = os.urandom(IV_SIZE)
    encryptor = Cipher(algorithms.AES(key.raw), modes.CBC(iv)).encryptor()
    body = encryptor.update(page[start : size - RESERVE]) + encryptor.finalize()
    mac = hmac.new(hmac_key, body + iv + number.to_bytes(4, "little"), "sha512").digest()
    return (key.salt if number == 1 else b"") + body + iv + mac


def pages(path: Path) -> Iterator[bytes]:
    """The whole pages of ``path``, an encrypted file (or a plain one of the same layout)."""
    with path.open("rb") as f:
        number = 0
        while page := f.read(PAGE_SIZE):
            number += 1
            if len(page) != PAGE_SIZE:
                raise ValueError(f"page {number} of {path} is short")
            yield page
