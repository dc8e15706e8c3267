"""Fetch one of the branch's own versions from the street office: resumable, then verified.

The receiver sends the version compressed (zstd) from any offset; what arrived is kept in
``<folder>/<name>.zst.part`` so a dropped line resumes where it stopped. Only a file whose
length and SHA-256 match the receiver's record of the version, and which passes SQLite's
integrity check, is handed back.
"""

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import zstandard

from desktop.store.cipher import session_key
from desktop.store.encrypt import put_under_key
from desktop.sync import protocol, untrusted
from desktop.sync.errors import Cancelled, SyncError
from desktop.sync.protocol import FileDigest, digest_file
from desktop.sync.transport import Connection, Refused

ATTEMPTS = 5  # resumes within one call before giving up until the next


@dataclass(frozen=True)
class Downloaded:
    path: Path  # the database file, verified; the caller moves or deletes it
    version: int
    digest: FileDigest


class NotKept(SyncError):
    """The street office holds no such version (none yet, or pruned)."""

    def __init__(self) -> None:
        super().__init__("街道办没有保存这一版数据。", retry=False)


def download_version(
    server: Connection,
    folder: Path,
    name: str,
    version: int | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Downloaded:
    """Version ``version`` (None: the current one) into ``folder/name.sqlite3``."""
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / f"{name}.zst.part"
    record = folder / f"{name}.zst.json"
    which = "current" if version is None else str(version)
    for attempt in range(ATTEMPTS):
        if cancelled():
            raise Cancelled()
        offset = part.stat().st_size if part.exists() else 0
        try:
            headers = _fetch(server, which, part, record, offset, progress, cancelled)
        except Refused as refused:
            if refused.code is protocol.ErrorCode.NOT_FOUND:
                raise NotKept() from refused
            raise refused.as_sync_error() from refused
        except SyncError as exc:
            if not exc.retry or attempt == ATTEMPTS - 1 or isinstance(exc, Cancelled):
                raise
            continue
        if headers is None:  # the part belonged to another version or stream: start again
            continue
        return _verified(part, record, folder / f"{name}.sqlite3", headers)
    raise SyncError("从街道办下载数据几次都没有成功，请稍后再试。", retry=True)


class _Stale(Exception):
    """The part on disk belongs to another version or stream than the one offered now."""


def _fetch(
    server: Connection,
    which: str,
    part: Path,
    record: Path,
    offset: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool],
) -> dict[str, str] | None:
    """Append to ``part`` from ``offset``; the headers, or None when the part was stale."""
    expected = _read_record(record) if offset else None
    total = 0

    def on_headers(headers: dict[str, str]) -> None:
        nonlocal total
        key = _stream_key(headers)
        if expected is not None and expected != key:
            raise _Stale()
        _write_record(record, key)
        total = key[1]

    with part.open("ab") as out:

        def sink(block: bytes) -> None:
            if cancelled():
                raise Cancelled()
            out.write(block)
            if progress is not None:
                progress(out.tell(), total)

        try:
            headers = server.download(f"/versions/{which}", offset, sink, on_headers)
        except _Stale:
            headers = None
        finally:
            out.flush()
            os.fsync(out.fileno())
    if headers is None:
        part.unlink(missing_ok=True)
        record.unlink(missing_ok=True)
    return headers


def _stream_key(headers: dict[str, str]) -> tuple[int, int]:
    """(version, length of the compressed stream): what a part must match to be resumed."""
    try:
        return (
            int(headers[protocol.DOWNLOAD_VERSION.lower()]),
            int(headers[protocol.DOWNLOAD_STREAM_LENGTH.lower()]),
        )
    except (KeyError, ValueError):
        raise SyncError("街道办服务器的回答不完整，请稍后再试。", retry=True) from None


def _read_record(record: Path) -> tuple[int, int] | None:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        return int(data["version"]), int(data["stream_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_record(record: Path, key: tuple[int, int]) -> None:
    record.write_text(json.dumps({"version": key[0], "stream_length": key[1]}), encoding="utf-8")


def _verified(part: Path, record: Path, out: Path, headers: dict[str, str]) -> Downloaded:
    version, stream_length = _stream_key(headers)
    try:
        sha256 = headers[protocol.DOWNLOAD_SHA256.lower()]
        length = int(headers[protocol.DOWNLOAD_LENGTH.lower()])
    except (KeyError, ValueError):
        raise SyncError("街道办服务器的回答不完整，请稍后再试。", retry=True) from None
    if part.stat().st_size != stream_length:
        raise SyncError("与街道办服务器的连接中断了，下次接着下载。", retry=True)
    tmp = out.with_name(out.name + ".tmp")
    problem = None
    try:
        digest = hashlib.sha256()
        size = 0
        with part.open("rb") as source, tmp.open("wb") as target:
            reader = zstandard.ZstdDecompressor().stream_reader(source)
            while block := reader.read(1024 * 1024):
                digest.update(block)
                size += len(block)
                if size > length:
                    break
                target.write(block)
            target.flush()
            os.fsync(target.fileno())
        if (size, digest.hexdigest()) != (length, sha256):
            problem = "长度或校验值不符"
        else:
            untrusted.check_copy(tmp)  # what came over the network is read like an upload
    except zstandard.ZstdError:
        problem = "压缩数据有误"
    except untrusted.UntrustedFileError as exc:
        problem = exc.reason
    if problem is not None:
        tmp.unlink(missing_ok=True)
        part.unlink(missing_ok=True)
        record.unlink(missing_ok=True)
        raise SyncError(
            f"从街道办下载的数据没有通过核对（{problem}），已丢弃，请稍后重新下载。", retry=True
        )
    digest_of_plain = digest_file(tmp)  # what the street office holds
    put_under_key(tmp, session_key())  # an encrypted folder keeps no plain copy of it
    os.replace(tmp, out)
    part.unlink(missing_ok=True)
    record.unlink(missing_ok=True)
    return Downloaded(out, version, digest_of_plain)
