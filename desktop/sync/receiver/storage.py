"""Everything the street office keeps on disk; usable without HTTP (CLI, reports, tests).

Layout under the data dir (README, 街道办接收端)::

    street.sqlite3                              registry: one row per branch (token as SHA-256)
    branches/<id>/versions/NNNNNN.sqlite3       the current version: highest-numbered plain file
    branches/<id>/versions/NNNNNN.json          its sidecar, written before the file is renamed in
    branches/<id>/versions/NNNNNN.sqlite3.zst   older versions kept (last 30 + newest per month)
    branches/<id>/uploads/<upload>.json         an upload's request and progress (kept once done)
    branches/<id>/uploads/<upload>.payload      its compressed payload so far
    branches/<id>/side/<upload>.sqlite3.zst     a copy refused as diverged (another PC's), + .json
    branches/<id>/downloads/NNNNNN.sqlite3.zst  the current version compressed for download
    branches/<id>/tmp/                          files being built; anything left is a crash's

The current version is whatever the versions folder says, never the registry alone: the one
step that makes an upload current is a rename, so a crash at any point leaves either the old or
the new file current, and ``tidy`` clears the leftovers later.
"""

import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import zstandard

from desktop.sync import protocol, untrusted
from desktop.sync.protocol import BranchState, ErrorCode, UploadRequest, UploadState, UploadStatus
from desktop.sync.receiver.private import private_dirs, private_file

log = logging.getLogger("shuren.street")

REGISTRY = "street.sqlite3"
KEEP_LAST = 30  # versions always kept, besides the newest of each calendar month
KEEP_DONE_UPLOADS = 100  # finished upload records kept, so a repeated finish answers again
KEEP_SIDE_COPIES = 10  # diverged copies kept for the street office to look at
STALE_UPLOAD = timedelta(days=14)  # an unfinished upload untouched this long is dropped
FAULT_ENV = "SHUREN_STREET_FAULT"
MAX_NAME = 100
_READ = 1024 * 1024
_PLAIN = re.compile(r"^(\d{6,})\.sqlite3$")
_PACKED = re.compile(r"^(\d{6,})\.sqlite3\.zst$")
_SIDECAR = re.compile(r"^(\d{6,})\.json$")
# Compared against when the branch is unknown, so that case costs the same as a wrong token.
_DUMMY_HASH = protocol.token_hash("000000000000." + "0" * 43)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS branch (
    branch_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_upload_at TEXT,
    bytes_last INTEGER NOT NULL DEFAULT 0,
    bytes_total INTEGER NOT NULL DEFAULT 0,
    version INTEGER
)
"""


class StreetError(Exception):
    """A refusal the client should see: its ErrorCode, a Chinese message and extra JSON keys."""

    def __init__(self, code: ErrorCode, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


class NoRegistryError(Exception):
    """The data dir holds no street.sqlite3 (and the caller asked not to create one)."""


@dataclass(frozen=True)
class BranchRecord:
    """One branch as `shuren-street list` shows it."""

    branch_id: str
    name: str
    created_at: str
    last_upload_at: str | None  # UTC ISO 8601
    version: int | None  # the current version on disk
    bytes_last: int  # wire bytes of the last upload that made a version
    bytes_total: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NewBranch:
    branch_id: str
    name: str
    token: str  # shown once; only its SHA-256 is stored


@dataclass(frozen=True)
class VersionInfo:
    """A version's sidecar (NNNNNN.json)."""

    version: int
    sha256: str
    length: int
    page_size: int
    uploaded_at: str
    counts: dict[str, int]
    parent: int | None = None  # the version the upload named as its parent (None: first)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "VersionInfo":
        parent = data.get("parent")
        return cls(
            version=int(data["version"]),
            sha256=str(data["sha256"]),
            length=int(data["length"]),
            page_size=int(data["page_size"]),
            uploaded_at=str(data["uploaded_at"]),
            counts={str(k): int(v) for k, v in data.get("counts", {}).items()},
            parent=None if parent is None else int(parent),
        )


@dataclass(frozen=True)
class SideCopy:
    """An upload refused as diverged, kept compressed in side/ (never made current)."""

    upload_id: str
    parent: int | None  # the version it named as its parent
    current: int | None  # the branch's current version when it arrived
    sha256: str
    length: int
    uploaded_at: str
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Upload:
    """An upload's record (uploads/<id>.json)."""

    request: UploadRequest
    state: UploadState
    received: int
    wire_bytes: int  # every chunk byte that arrived, repeats included
    version: int | None
    created_at: str
    updated_at: str

    def status(self) -> UploadStatus:
        return UploadStatus(self.request.upload_id, self.state, self.received, self.version)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "request": self.request.to_json(), "state": str(self.state)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Upload":
        return cls(
            request=UploadRequest.from_json(data["request"]),
            state=UploadState(data["state"]),
            received=int(data["received"]),
            wire_bytes=int(data["wire_bytes"]),
            version=None if data.get("version") is None else int(data["version"]),
            created_at=str(data["created_at"]),
            updated_at=str(data["updated_at"]),
        )


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def check_name(name: str) -> None:
    """ValueError (Chinese) for a name that cannot be shown on one line; markup is fine."""
    if not name.strip():
        raise ValueError("支部名称不能为空。")
    if len(name) > MAX_NAME:
        raise ValueError(f"支部名称太长（最多 {MAX_NAME} 个字）。")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ValueError("支部名称里不能有换行或其他控制字符。")


def versions_to_keep(
    versions: Iterable[tuple[int, datetime]], keep_last: int = KEEP_LAST
) -> set[int]:
    """Version numbers to keep: the last ``keep_last`` and the newest of each UTC month."""
    ordered = sorted(versions)
    keep = {number for number, _ in ordered[-keep_last:]} if keep_last > 0 else set()
    newest: dict[str, tuple[datetime, int]] = {}
    for number, moment in ordered:
        month = moment.astimezone(UTC).strftime("%Y-%m")
        if month not in newest or (moment, number) > newest[month]:
            newest[month] = (moment, number)
    return keep | {number for _, number in newest.values()}


class Storage:
    """The street office's data dir. Thread-safe: one lock per branch serialises its uploads."""

    def __init__(
        self, data_dir: Path, *, create: bool = True, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.data_dir = Path(data_dir)
        self.registry_path = self.data_dir / REGISTRY
        self._clock = clock
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        if not create and not self.registry_path.is_file():
            raise NoRegistryError(self.registry_path)
        private_dirs(self.data_dir)
        if not self.registry_path.exists():
            private_file(self.registry_path)  # SQLite gives -wal and -shm the same mode
        with closing(sqlite3.connect(self.registry_path, timeout=10)) as conn:
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            with conn:
                conn.execute(_SCHEMA)

    # --- registry ------------------------------------------------------------------------------

    @contextmanager
    def _registry(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.registry_path, timeout=10)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA synchronous = FULL")
            with conn:
                yield conn
        finally:
            conn.close()

    def add_branch(self, name: str) -> NewBranch:
        """Register a branch; ValueError (Chinese) for an unusable name."""
        check_name(name)
        while True:
            branch_id = secrets.token_hex(6)
            token = f"{branch_id}.{secrets.token_urlsafe(32)}"
            try:
                with self._registry() as conn:
                    conn.execute(
                        "INSERT INTO branch (branch_id, name, token_sha256, created_at)"
                        " VALUES (?, ?, ?, ?)",
                        (branch_id, name, protocol.token_hash(token), iso(self._clock())),
                    )
            except sqlite3.IntegrityError:  # 1 in 2**48 per branch: draw again
                continue
            log.info("branch %s added", branch_id)
            return NewBranch(branch_id, name, token)

    def branches(self) -> list[BranchRecord]:
        """Every branch, in the order they were added."""
        with self._registry() as conn:
            rows = conn.execute(
                "SELECT branch_id, name, created_at, last_upload_at, bytes_last, bytes_total"
                " FROM branch ORDER BY created_at, rowid"
            ).fetchall()
        return [
            BranchRecord(b, name, created, last, self.current_version(b), b_last, b_total)
            for b, name, created, last, b_last, b_total in rows
        ]

    def branch(self, branch_id: str) -> BranchRecord | None:
        return next((b for b in self.branches() if b.branch_id == branch_id), None)

    def _name(self, branch_id: str) -> str | None:
        with self._registry() as conn:
            row = conn.execute(
                "SELECT name FROM branch WHERE branch_id = ?", (branch_id,)
            ).fetchone()
        return None if row is None else row[0]

    def check_token(self, branch_id: str, token: str) -> bool:
        """True if ``token`` is this branch's. Unknown and malformed ids cost the same work."""
        with self._registry() as conn:
            row = conn.execute(
                "SELECT token_sha256 FROM branch WHERE branch_id = ?", (branch_id,)
            ).fetchone()
        stored = None if row is None or not protocol.BRANCH_ID.match(branch_id) else row[0]
        matches = secrets.compare_digest(protocol.token_hash(token), stored or _DUMMY_HASH)
        return matches and stored is not None

    def _record_upload(self, branch_id: str, info: VersionInfo, wire_bytes: int) -> None:
        with self._registry() as conn:
            conn.execute(
                "UPDATE branch SET last_upload_at = ?, bytes_last = ?,"
                " bytes_total = bytes_total + ?, version = ? WHERE branch_id = ?",
                (info.uploaded_at, wire_bytes, wire_bytes, info.version, branch_id),
            )

    def _registry_version(self, branch_id: str) -> int | None:
        with self._registry() as conn:
            row = conn.execute(
                "SELECT version FROM branch WHERE branch_id = ?", (branch_id,)
            ).fetchone()
        return None if row is None else row[0]

    # --- versions ------------------------------------------------------------------------------

    def _dir(self, branch_id: str, part: str) -> Path:
        if not protocol.BRANCH_ID.match(branch_id):  # never let a path escape the data dir
            raise ValueError(f"not a branch id: {branch_id!r}")
        return self.data_dir / "branches" / branch_id / part

    def _scan(self, branch_id: str) -> dict[int, set[str]]:
        """{number: kinds present} with kinds "plain", "packed", "sidecar"."""
        found: dict[int, set[str]] = {}
        folder = self._dir(branch_id, "versions")
        if not folder.is_dir():
            return found
        for entry in os.scandir(folder):
            for kind, pattern in (("plain", _PLAIN), ("packed", _PACKED), ("sidecar", _SIDECAR)):
                if match := pattern.match(entry.name):
                    found.setdefault(int(match[1]), set()).add(kind)
        return found

    def current_version(self, branch_id: str) -> int | None:
        plain = [n for n, kinds in self._scan(branch_id).items() if "plain" in kinds]
        return max(plain, default=None)

    def has_version(self, branch_id: str, number: int) -> bool:
        """Whether version ``number`` is still kept (plain or compressed)."""
        return bool(self._scan(branch_id).get(number, set()) - {"sidecar"})

    def current_path(self, branch_id: str) -> Path | None:
        """The branch's current copy (open it read-only), or None before its first upload."""
        number = self.current_version(branch_id)
        return None if number is None else self._version_path(branch_id, number)

    def _version_path(self, branch_id: str, number: int, suffix: str = ".sqlite3") -> Path:
        return self._dir(branch_id, "versions") / f"{number:06d}{suffix}"

    def version_info(self, branch_id: str, number: int) -> VersionInfo:
        """A version's sidecar; rebuilt from the file itself if the sidecar is missing."""
        sidecar = self._version_path(branch_id, number, ".json")
        try:
            return VersionInfo.from_json(json.loads(sidecar.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            log.warning("sidecar of %s version %d unreadable (%s)", branch_id, number, exc)
        path = self._version_path(branch_id, number)
        digest = protocol.digest_file(path)
        moment = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        try:  # a copy an older receiver accepted is checked before it is counted
            untrusted.check_schema(path)
            counts = protocol.record_counts(path)
        except (untrusted.UntrustedFileError, sqlite3.DatabaseError) as exc:
            log.warning("%s version %d cannot be counted (%s)", branch_id, number, exc)
            counts = {}
        return VersionInfo(
            number, digest.sha256, digest.length, digest.page_size, iso(moment), counts
        )

    def current_info(self, branch_id: str) -> VersionInfo | None:
        number = self.current_version(branch_id)
        return None if number is None else self.version_info(branch_id, number)

    def branch_state(self, branch_id: str) -> BranchState:
        name = self._name(branch_id)
        if name is None:
            raise StreetError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE)
        info = self.current_info(branch_id)
        if info is None:
            return BranchState(branch_id, name, None, None, None, {})
        return BranchState(
            branch_id, name, info.version, info.sha256, info.length, info.counts, info.page_size
        )

    # --- downloads -----------------------------------------------------------------------------

    def version_download(
        self, branch_id: str, number: int | None = None
    ) -> tuple[VersionInfo, Path]:
        """A version (None: the current one) and a zstd file of it to send from any offset.

        Older versions are kept compressed already; the current one is compressed on its first
        download and cached in downloads/ (the tidier later turns that cache into the packed
        file instead of compressing again). StreetError NOT_FOUND if the version is not kept.
        """
        with self._locked(branch_id):
            found = self._scan(branch_id)
            if number is None:
                number = max((n for n, kinds in found.items() if "plain" in kinds), default=None)
            kinds = found.get(number, set()) if number is not None else set()
            if number is None or not kinds - {"sidecar"}:
                raise StreetError(ErrorCode.NOT_FOUND, "街道办没有保存这一版数据。")
            info = self.version_info(branch_id, number)
            if "packed" in kinds:
                return info, self._version_path(branch_id, number, ".sqlite3.zst")
            cache = self._download_path(branch_id, number)
            if not cache.exists():
                private_dirs(cache.parent)
                compress_file(
                    self._version_path(branch_id, number), cache, self._dir(branch_id, "tmp")
                )
            return info, cache

    def _download_path(self, branch_id: str, number: int) -> Path:
        return self._dir(branch_id, "downloads") / f"{number:06d}.sqlite3.zst"

    # --- side copies ---------------------------------------------------------------------------

    def side_copies(self, branch_id: str) -> list[SideCopy]:
        """Copies refused as diverged, newest first."""
        folder = self._dir(branch_id, "side")
        copies = []
        for path in folder.glob("*.json") if folder.is_dir() else ():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                copies.append(SideCopy(**data))
            except (OSError, ValueError, TypeError) as exc:
                log.warning("side copy record %s unreadable (%s)", path, exc)
        return sorted(copies, key=lambda c: (c.uploaded_at, c.upload_id), reverse=True)

    # --- uploads -------------------------------------------------------------------------------

    @contextmanager
    def _locked(self, branch_id: str) -> Iterator[None]:
        with self._locks_guard:
            lock = self._locks.setdefault(branch_id, threading.Lock())
        with lock:
            yield

    def _upload_path(self, branch_id: str, upload_id: str, suffix: str) -> Path:
        if not protocol.UPLOAD_ID.match(upload_id):
            raise StreetError(ErrorCode.BAD_REQUEST, "上传编号格式不对。")
        return self._dir(branch_id, "uploads") / f"{upload_id}{suffix}"

    def _find_upload(self, branch_id: str, upload_id: str) -> Upload | None:
        path = self._upload_path(branch_id, upload_id, ".json")
        try:
            upload = Upload.from_json(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        if upload.state is UploadState.OPEN:
            # The payload is fsynced before the record, so a crash between them leaves the
            # record behind; the file can also be shorter after a cut-off rewrite. Trust both.
            payload = self._upload_path(branch_id, upload_id, ".payload")
            size = payload.stat().st_size if payload.exists() else 0
            upload = replace(upload, received=min(upload.received, size))
        return upload

    def _load_upload(self, branch_id: str, upload_id: str) -> Upload:
        upload = self._find_upload(branch_id, upload_id)
        if upload is None:
            raise StreetError(ErrorCode.NOT_FOUND, "没有这个上传（可能已被清理），请重新开始上传。")
        return upload

    def _save_upload(self, branch_id: str, upload: Upload) -> Upload:
        upload = replace(upload, updated_at=iso(self._clock()))
        path = self._upload_path(branch_id, upload.request.upload_id, ".json")
        private_dirs(path.parent)
        _write_json(path, upload.to_json(), self._dir(branch_id, "tmp"))
        return upload

    def upload_status(self, branch_id: str, upload_id: str) -> UploadStatus:
        # Under the lock: on Windows a record open for reading cannot be replaced.
        with self._locked(branch_id):
            return self._load_upload(branch_id, upload_id).status()

    def create_upload(self, branch_id: str, request: UploadRequest) -> UploadStatus:
        """Open an upload, or answer the existing one; a file already current is done at once."""
        if self._name(branch_id) is None:
            raise StreetError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE)
        with self._locked(branch_id):
            existing = self._find_upload(branch_id, request.upload_id)
            if existing is not None:
                if existing.request != request:
                    raise StreetError(ErrorCode.BAD_REQUEST, "这个上传编号已用于另一份数据。")
                return existing.status()
            current = self.current_info(branch_id)
            now = iso(self._clock())
            upload = Upload(request, UploadState.OPEN, 0, 0, None, now, now)
            if current is not None and current.sha256 == request.sha256:
                return self._done(branch_id, upload, current).status()
            _check_base(request, current)
            payload = self._upload_path(branch_id, request.upload_id, ".payload")
            private_dirs(payload.parent)
            private_file(payload).write_bytes(b"")
            return self._save_upload(branch_id, upload).status()

    def put_chunk(self, branch_id: str, upload_id: str, offset: int, data: bytes) -> UploadStatus:
        """Write ``data`` at ``offset`` (at most what was received: a repeat overwrites)."""
        with self._locked(branch_id):
            upload = self._load_upload(branch_id, upload_id)
            if upload.state is UploadState.DONE:
                return upload.status()
            if offset > upload.received:
                raise StreetError(
                    ErrorCode.OFFSET,
                    f"这一段从第 {offset} 字节开始，但只收到了 {upload.received} 字节，"
                    "请从那里接着传。",
                    received=upload.received,
                )
            if not data:
                raise StreetError(ErrorCode.BAD_REQUEST, "这一段是空的。")
            if offset < 0 or offset + len(data) > upload.request.payload_length:
                raise StreetError(ErrorCode.BAD_REQUEST, "这一段超出了上传数据的长度。")
            payload = self._upload_path(branch_id, upload_id, ".payload")
            with private_file(payload).open("r+b") as f:
                f.truncate(offset)
                f.seek(offset)
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            upload = replace(
                upload, received=offset + len(data), wire_bytes=upload.wire_bytes + len(data)
            )
            return self._save_upload(branch_id, upload).status()

    def finish_upload(
        self, branch_id: str, upload_id: str, confirm_shrink: bool = False
    ) -> UploadStatus:
        """Rebuild, check and commit the upload as the branch's new current version.

        Call ``tidy`` afterwards (the HTTP app does, after answering) to compress and prune.
        """
        with self._locked(branch_id):
            upload = self._load_upload(branch_id, upload_id)
            if upload.state is UploadState.DONE:
                return upload.status()
            current = self.current_info(branch_id)
            if upload.state is UploadState.DIVERGED:
                raise _diverged(current, upload_id)
            request = upload.request
            if upload.received < request.payload_length:
                raise StreetError(
                    ErrorCode.INCOMPLETE,
                    f"数据还没有传完（收到 {upload.received} / {request.payload_length} 字节）。",
                    received=upload.received,
                )
            if current is not None and current.sha256 == request.sha256:
                # Committed before a crash cut the answer off: this upload is that version.
                return self._done(branch_id, upload, current).status()
            payload = self._upload_path(branch_id, upload_id, ".payload")
            if _sha256(payload) != request.payload_sha256:
                self._discard_payload(branch_id, upload)
                raise StreetError(
                    ErrorCode.BAD_PAYLOAD, "收到的数据与校验值不符，已丢弃，请重新上传。"
                )
            if current is not None and request.parent_version != current.version:
                # Another copy of this branch's data (a second PC) moved on from the version
                # this one builds on: never let it replace that silently.
                self._keep_side_copy(branch_id, upload, current)
                raise _diverged(current, upload_id)
            _check_base(request, current)
            built = self._rebuild(branch_id, upload)
            try:
                counts = self._counts(branch_id, request, built)
                if current is not None and not confirm_shrink:
                    _check_shrink(current.counts, counts)
                info = self._commit(branch_id, built, request, counts)
            finally:
                _remove(built)  # already renamed away once committed
            self._record_upload(branch_id, info, upload.wire_bytes)
            log.info(
                "branch %s: version %d from upload %s (%d bytes on the wire)",
                branch_id,
                info.version,
                upload_id,
                upload.wire_bytes,
            )
            return self._done(branch_id, upload, info, recorded=True).status()

    def _done(
        self, branch_id: str, upload: Upload, info: VersionInfo, *, recorded: bool = False
    ) -> Upload:
        if not recorded and self._registry_version(branch_id) != info.version:
            # The rename happened but the registry was not updated (a crash in between).
            self._record_upload(branch_id, info, upload.wire_bytes)
        _remove(self._upload_path(branch_id, upload.request.upload_id, ".payload"))
        done = replace(upload, state=UploadState.DONE, version=info.version)
        return self._save_upload(branch_id, done)

    def _keep_side_copy(self, branch_id: str, upload: Upload, current: VersionInfo) -> None:
        """Rebuild the diverged upload, keep it compressed in side/, mark the upload so."""
        built = self._rebuild(branch_id, upload)
        try:
            request = upload.request
            side = self._dir(branch_id, "side")
            private_dirs(side)
            record = SideCopy(
                upload_id=request.upload_id,
                parent=request.parent_version,
                current=current.version,
                sha256=request.sha256,
                length=request.length,
                uploaded_at=iso(self._clock()),
                counts=self._counts(branch_id, request, built),
            )
            compress_file(
                built, side / f"{request.upload_id}.sqlite3.zst", self._dir(branch_id, "tmp")
            )
            _write_json(
                side / f"{request.upload_id}.json", record.to_json(), self._dir(branch_id, "tmp")
            )
        finally:
            _remove(built)
        _remove(self._upload_path(branch_id, request.upload_id, ".payload"))
        self._save_upload(branch_id, replace(upload, state=UploadState.DIVERGED))
        log.warning(
            "branch %s: upload %s builds on version %s, current is %d: kept aside",
            branch_id,
            request.upload_id,
            request.parent_version,
            current.version,
        )

    def _discard_payload(self, branch_id: str, upload: Upload) -> None:
        payload = self._upload_path(branch_id, upload.request.upload_id, ".payload")
        private_file(payload).write_bytes(b"")
        self._save_upload(branch_id, replace(upload, received=0))

    def _rebuild(self, branch_id: str, upload: Upload) -> Path:
        """The new file in tmp/, fsynced and checked; StreetError (422) if it is not right."""
        request = upload.request
        built = self._dir(branch_id, "tmp") / f"{request.upload_id}.sqlite3"
        built.parent.mkdir(parents=True, exist_ok=True)
        payload = self._upload_path(branch_id, request.upload_id, ".payload")
        try:
            private_file(built)
            if request.base_version is None:
                built.write_bytes(b"")
            else:
                self._copy_version(branch_id, request.base_version, built)
            with built.open("r+b") as f, payload.open("rb") as source:
                f.truncate(request.length)
                for index, block in protocol.read_payload(
                    source, request.page_size, request.length
                ):
                    f.seek(index * request.page_size)
                    f.write(block)
                f.flush()
                os.fsync(f.fileno())
        except ValueError as exc:
            _remove(built)
            self._discard_payload(branch_id, upload)
            log.warning("branch %s upload %s: bad payload (%s)", branch_id, request.upload_id, exc)
            raise StreetError(
                ErrorCode.BAD_PAYLOAD, "上传的数据格式有误，已丢弃，请重新上传。"
            ) from None
        except BaseException:
            _remove(built)
            raise
        refusal = _refusal(built, request)
        if refusal is not None:
            _remove(built)
            self._drop_upload(branch_id, request.upload_id)
            log.warning(
                "branch %s upload %s: %s (%s)",
                branch_id,
                request.upload_id,
                refusal.code,
                refusal.message,
            )
            raise refusal
        return built

    def _copy_version(self, branch_id: str, number: int, out: Path) -> None:
        """Version ``number`` as a plain file at ``out``; StreetError if it is not kept."""
        plain = self._version_path(branch_id, number)
        packed = self._version_path(branch_id, number, ".sqlite3.zst")
        try:
            shutil.copyfile(plain, out)
            return
        except FileNotFoundError:
            pass
        try:
            with packed.open("rb") as source, out.open("wb") as target:
                zstandard.ZstdDecompressor().copy_stream(source, target)
        except FileNotFoundError:
            raise StreetError(
                ErrorCode.UNKNOWN_BASE,
                "街道办已不再保存这次上传的基础版本，请完整上传。",
                version=self.current_version(branch_id),
            ) from None

    def _counts(self, branch_id: str, request: UploadRequest, built: Path) -> dict[str, int]:
        """The counted lists of a rebuilt file that passed its checks; one that cannot be
        counted within its time limit is refused like a bad result."""
        try:
            return protocol.record_counts(built)
        except (untrusted.UntrustedFileError, sqlite3.DatabaseError) as exc:
            self._drop_upload(branch_id, request.upload_id)
            log.warning("branch %s upload %s: not counted (%s)", branch_id, request.upload_id, exc)
            raise _bad_result(str(exc)) from None

    def _drop_upload(self, branch_id: str, upload_id: str) -> None:
        _remove(self._upload_path(branch_id, upload_id, ".payload"))
        _remove(self._upload_path(branch_id, upload_id, ".json"))

    def _commit(
        self, branch_id: str, built: Path, request: UploadRequest, counts: dict[str, int]
    ) -> VersionInfo:
        """Sidecar first, then one rename makes ``built`` the current version."""
        versions = self._dir(branch_id, "versions")
        private_dirs(versions)
        numbers = [n for n, kinds in self._scan(branch_id).items() if kinds - {"sidecar"}]
        number = max(numbers, default=0) + 1
        info = VersionInfo(
            number,
            request.sha256,
            request.length,
            request.page_size,
            iso(self._clock()),
            counts,
            request.parent_version,
        )
        sidecar = self._version_path(branch_id, number, ".json")
        _write_json(sidecar, info.to_json(), self._dir(branch_id, "tmp"))
        # Test-only fault hook (tests/sync/receiver/test_crash.py): die between write and swap.
        if os.environ.get(FAULT_ENV) == "before-swap":
            os._exit(17)
        os.replace(built, self._version_path(branch_id, number))
        fsync_dir(versions)
        return info

    # --- tidying -------------------------------------------------------------------------------

    def tidy(self, branch_id: str) -> None:
        """Clear crash leftovers, compress and prune old versions, prune upload records."""
        tmp = self._dir(branch_id, "tmp")
        with self._locked(branch_id):
            if tmp.is_dir():
                for entry in tmp.iterdir():  # nothing is being built while we hold the lock
                    _remove(entry)
            to_pack = self._tidy_versions(branch_id)
            self._prune_uploads(branch_id)
        # Compressing a large old version takes a second or more, so the branch's uploads are
        # not held up by it: old versions never change, and an upload reads only the current.
        for plain, packed in to_pack:
            if not packed.exists():
                compress_file(plain, packed, tmp)
        with self._locked(branch_id):
            current = self.current_path(branch_id)
            for plain, packed in to_pack:
                if packed.exists() and plain != current:
                    _remove(plain)
            self._prune_downloads(branch_id)
            self._prune_side_copies(branch_id)

    def _prune_downloads(self, branch_id: str) -> None:
        """Download caches of versions no longer current: their packed file serves them."""
        folder = self._dir(branch_id, "downloads")
        current = self.current_version(branch_id)
        keep = None if current is None else self._download_path(branch_id, current)
        for path in folder.glob("*.sqlite3.zst") if folder.is_dir() else ():
            if path != keep:
                _remove(path)

    def _prune_side_copies(self, branch_id: str) -> None:
        folder = self._dir(branch_id, "side")
        for old in self.side_copies(branch_id)[KEEP_SIDE_COPIES:]:
            _remove(folder / f"{old.upload_id}.sqlite3.zst")
            _remove(folder / f"{old.upload_id}.json")

    def _tidy_versions(self, branch_id: str) -> list[tuple[Path, Path]]:
        """Prune versions no longer kept; the (plain, packed) pairs still to compress."""
        found = self._scan(branch_id)
        current = max((n for n, kinds in found.items() if "plain" in kinds), default=None)
        dated: list[tuple[int, datetime]] = []
        for number, kinds in sorted(found.items()):
            if kinds == {"sidecar"}:  # a sidecar whose file never arrived or was pruned
                _remove(self._version_path(branch_id, number, ".json"))
            else:
                dated.append((number, self._uploaded_at(branch_id, number, kinds)))
        keep = versions_to_keep(dated)
        if current is not None:
            keep.add(current)
        to_pack: list[tuple[Path, Path]] = []
        for number, _ in dated:
            plain = self._version_path(branch_id, number)
            packed = self._version_path(branch_id, number, ".sqlite3.zst")
            if number not in keep:
                for path in (plain, packed, self._version_path(branch_id, number, ".json")):
                    _remove(path)
            elif number != current and plain.exists():
                cache = self._download_path(branch_id, number)
                if not packed.exists() and cache.exists():
                    os.replace(cache, packed)  # the same bytes: compressed once, for download
                    fsync_dir(packed.parent)
                to_pack.append((plain, packed))
        return to_pack

    def _uploaded_at(self, branch_id: str, number: int, kinds: set[str]) -> datetime:
        if "sidecar" in kinds:
            with suppress(OSError, ValueError, KeyError):
                path = self._version_path(branch_id, number, ".json")
                data = json.loads(path.read_text(encoding="utf-8"))
                return datetime.fromisoformat(data["uploaded_at"])
        suffix = ".sqlite3" if "plain" in kinds else ".sqlite3.zst"
        mtime = self._version_path(branch_id, number, suffix).stat().st_mtime
        return datetime.fromtimestamp(mtime, UTC)

    def _prune_uploads(self, branch_id: str) -> None:
        folder = self._dir(branch_id, "uploads")
        if not folder.is_dir():
            return
        stale = iso(self._clock() - STALE_UPLOAD)
        done: list[Upload] = []
        for path in folder.glob("*.json"):
            if not protocol.UPLOAD_ID.match(path.stem):
                continue
            try:
                upload = self._find_upload(branch_id, path.stem)
            except (
                ValueError,
                KeyError,
                TypeError,
            ) as exc:  # never let one bad record stop tidying
                log.warning("upload record %s unreadable (%s)", path, exc)
                continue
            if upload is None:
                continue
            if upload.state is UploadState.DONE:
                done.append(upload)
            elif upload.updated_at < stale:
                _remove(path.with_suffix(".payload"))
                _remove(path)
        done.sort(key=lambda u: (u.updated_at, u.request.upload_id), reverse=True)
        for upload in done[KEEP_DONE_UPLOADS:]:
            _remove(folder / f"{upload.request.upload_id}.json")


FORBIDDEN_MESSAGE = "令牌无效，或无权访问这个支部。"


def _check_base(request: UploadRequest, current: VersionInfo | None) -> None:
    version = None if current is None else current.version
    if request.base_version is not None and request.base_version != version:
        raise StreetError(
            ErrorCode.UNKNOWN_BASE,
            "街道办现存的版本已不是这次上传的基础版本，请完整上传。",
            version=version,
        )


def _diverged(current: VersionInfo | None, upload_id: str) -> StreetError:
    version = None if current is None else current.version
    return StreetError(
        ErrorCode.DIVERGED,
        f"街道办现存的第 {version} 版已由另一台电脑更新，这份数据不是在它的基础上修改的，"
        "没有采用，已另存备查。请在本机选择以哪份数据为准，或把两份合并。",
        version=version,
        side=upload_id,
    )


def _check_shrink(before: dict[str, int], after: dict[str, int]) -> None:
    shrunk = protocol.shrunk_tables(before, after)
    if shrunk:
        what = "、".join(
            f"{protocol.COUNTED_LABELS.get(t, t)} {old}→{new}" for t, (old, new) in shrunk.items()
        )
        raise StreetError(
            ErrorCode.SHRINK,
            f"这份数据比街道办现存的少了一半以上（{what}），确认无误后再上传。",
            shrunk={table: [old, new] for table, (old, new) in shrunk.items()},
        )


def _refusal(path: Path, request: UploadRequest) -> StreetError | None:
    """Why the rebuilt file is refused (422), or None. The schema is checked before anything
    else reads the file: the branch's file is untrusted (untrusted.py)."""
    size = path.stat().st_size
    if size != request.length:
        return _bad_result(f"长度 {size}，应为 {request.length}")
    if _sha256(path) != request.sha256:
        return _bad_result("SHA-256 不符")
    try:
        untrusted.check_schema(path)
    except untrusted.BadSchema as exc:
        return StreetError(ErrorCode.BAD_SCHEMA, f"{exc.reason}，已拒收。")
    except untrusted.UntrustedFileError as exc:
        return _bad_result(exc.reason)
    problem = protocol.integrity_problem(path)
    return None if problem is None else _bad_result(f"完整性检查：{problem}")


def _bad_result(problem: str) -> StreetError:
    return StreetError(
        ErrorCode.BAD_RESULT,
        f"还原出的数据文件没有通过核对（{problem}），这次上传已作废，请重新完整上传。",
    )


# --- file helpers ----------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_READ):
            digest.update(block)
    return digest.hexdigest()


def _remove(path: Path) -> None:
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


def _write_json(path: Path, data: dict[str, Any], tmp_dir: Path) -> None:
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
