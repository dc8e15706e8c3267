"""Where each branch's files live, and the few ways the receiver writes a file.

Every folder is made 0700 and every file 0600 as it is created (private.py): the copies hold
residents' personal data. A file appears complete or not at all: written and fsynced under the
branch's tmp/, then renamed into place, then its folder fsynced.
"""

import hashlib
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Any

import zstandard

from desktop.sync import protocol
from desktop.sync.protocol import ErrorCode
from desktop.sync.receiver.private import private_dirs, private_file
from desktop.sync.receiver.storage.records import StreetError

log = logging.getLogger("shuren.street")

_READ = 1024 * 1024


class BranchFiles:
    """The paths under ``branches/<id>/`` of a data dir; ids are checked before any is built."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def folder(self, branch_id: str, part: str) -> Path:
        if not protocol.BRANCH_ID.match(branch_id):  # never let a path escape the data dir
            raise ValueError(f"not a branch id: {branch_id!r}")
        return self.data_dir / "branches" / branch_id / part

    def tmp(self, branch_id: str) -> Path:
        return self.folder(branch_id, "tmp")

    def version(self, branch_id: str, number: int, suffix: str = ".sqlite3") -> Path:
        return self.folder(branch_id, "versions") / f"{number:06d}{suffix}"

    def packed(self, branch_id: str, number: int) -> Path:
        return self.version(branch_id, number, ".sqlite3.zst")

    def upload(self, branch_id: str, upload_id: str, suffix: str) -> Path:
        if not protocol.UPLOAD_ID.match(upload_id):
            raise StreetError(ErrorCode.BAD_REQUEST, "上传编号格式不对。")
        return self.folder(branch_id, "uploads") / f"{upload_id}{suffix}"

    def download(self, branch_id: str, number: int) -> Path:
        return self.folder(branch_id, "downloads") / f"{number:06d}.sqlite3.zst"

    def write_json(self, branch_id: str, path: Path, data: dict[str, Any]) -> None:
        write_json(path, data, self.tmp(branch_id))

    def compress(self, branch_id: str, plain: Path, packed: Path) -> None:
        compress_file(plain, packed, self.tmp(branch_id))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_READ):
            digest.update(block)
    return digest.hexdigest()


def remove(path: Path) -> None:
    """Delete if present; a file held open elsewhere (Windows) waits for the next tidy."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove %s (%s); a later tidy will", path, exc)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Windows cannot open a folder (NTFS logs renames)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json(path: Path, data: dict[str, Any], tmp_dir: Path) -> None:
    """Atomically: written and fsynced under tmp_dir, renamed into place, folder fsynced."""
    private_dirs(tmp_dir)
    part = private_file(tmp_dir / f"{path.name}.{secrets.token_hex(4)}.part")
    with part.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, path)
    fsync_dir(path.parent)


def compress_file(plain: Path, packed: Path, tmp_dir: Path) -> None:
    """``plain`` as zstd at ``packed``, which appears complete or not at all."""
    private_dirs(tmp_dir)
    part = private_file(tmp_dir / f"{packed.name}.part")
    compressor = zstandard.ZstdCompressor(level=protocol.ZSTD_LEVEL)
    with plain.open("rb") as source, part.open("wb") as target:
        compressor.copy_stream(source, target, size=plain.stat().st_size)
        target.flush()
        os.fsync(target.fileno())
    os.replace(part, packed)
    fsync_dir(packed.parent)
