"""The pending upload's payload at rest, sealed like the data file it comes from.

The payload holds plain pages (see snapshot.py), so on disk it is encrypted: AES-256-CTR
under a key derived from the data file's, which lets a resumed upload read any chunk from
its offset. What the street office receives, over TLS, is the plain payload that
``payload_sha256`` names. A demo folder's data file is plain, and so is its payload.
"""

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes

from desktop.store.cipher import SALT_SIZE, Key, known_key

MAGIC = b"shuren sealed 1\x00"
NONCE_SIZE = 16
HEADER_SIZE = len(MAGIC) + SALT_SIZE + NONCE_SIZE
PURPOSE = b"pending upload"


class SealedWriter:
    """A file object to ``write`` a payload to; sealed under ``key`` (plain when None)."""

    def __init__(self, out: BinaryIO, key: Key | None) -> None:
        self._out = out
        self._plain = hashlib.sha256()
        self._encryptor: CipherContext | None = None
        if key is not None:
            nonce = os.urandom(NONCE_SIZE)
            out.write(MAGIC + key.salt + nonce)
            self._encryptor = _cipher(key, nonce, 0).encryptor()

    @property
    def plain_sha256(self) -> str:
        """The SHA-256 of what was written, before sealing (the street office's to check)."""
        return self._plain.hexdigest()

    def write(self, data: bytes) -> int:
        self._plain.update(data)
        if self._encryptor is not None:
            data = self._encryptor.update(data)
        self._out.write(data)
        return len(data)

    def flush(self) -> None:
        self._out.flush()


def plain_length(path: Path) -> int:
    size = path.stat().st_size
    return size - HEADER_SIZE if _is_sealed(path) else size


def read_plain(path: Path, offset: int, size: int) -> bytes:
    """``size`` bytes of the plain payload from ``offset``."""
    with path.open("rb") as f:
        head = f.read(HEADER_SIZE)
        if not head.startswith(MAGIC):
            f.seek(offset)
            return f.read(size)
        key = known_key(head[len(MAGIC) : len(MAGIC) + SALT_SIZE])
        nonce = head[len(MAGIC) + SALT_SIZE :]
        start = offset - offset % 16  # CTR: from the block that holds ``offset``
        f.seek(HEADER_SIZE + start)
        data = f.read(size + offset - start)
    plain = _cipher(key, nonce, start // 16).decryptor().update(data)
    return plain[offset - start :]


def _is_sealed(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def _cipher(key: Key, nonce: bytes, block: int) -> Cipher[modes.CTR]:
    counter = (int.from_bytes(nonce, "big") + block) % (1 << 128)
    return Cipher(algorithms.AES(key.derived(PURPOSE)), modes.CTR(counter.to_bytes(16, "big")))
