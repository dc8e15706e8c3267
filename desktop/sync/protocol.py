"""The sync protocol the app and the street-office receiver share (docs/architecture.md, "Sync").

A branch uploads a consistent snapshot of its SQLite file. The file is cut into blocks of one
database page; the client sends only the blocks whose hash differs from the manifest of the
version the server last acknowledged. A first upload, or one whose base the server no longer
has, is the same payload with every block against an empty base. Every payload travels as an
*upload*: created, sent in resumable chunks, then finished. Finishing rebuilds the file on a
copy, checks it and makes it the branch's current version in one atomic rename.

HTTP API, every call with ``Authorization: Bearer <token>``; a token reaches its own branch
only, and any other branch id answers 403 whether or not it exists::

    GET  /v1/branches/{branch}                          -> BranchState
    GET  /v1/branches/{branch}/versions/{current|N}?offset=N  -> the file, zstd (DOWNLOAD_*)
    POST /v1/branches/{branch}/uploads        (UploadRequest JSON) -> UploadStatus
    GET  /v1/branches/{branch}/uploads/{upload}                     -> UploadStatus
    PUT  /v1/branches/{branch}/uploads/{upload}?offset=N  (bytes)   -> UploadStatus
    POST /v1/branches/{branch}/uploads/{upload}/finish  ({"confirm_shrink": bool}) -> UploadStatus

Errors answer ``{"code": ErrorCode, "message": str, ...}``. Repeating any request is
harmless: an upload is named by the client, a chunk at an offset already received overwrites
the same bytes, and finishing a finished upload answers its version again.

Lineage: every upload names ``parent_version``, the last version this data folder had
acknowledged (None if it never had one), whether it travels as a delta or in full. The receiver
makes an upload current only on top of the version it names; an upload from a copy whose
history went another way (a second PC) is refused with DIVERGED and kept as a side copy.

No Qt here and nothing from the app's store: the receiver imports this module.
"""

import hashlib
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import zstandard

from desktop.sync import untrusted

API_PREFIX = "/v1"
PAYLOAD_MAGIC = b"SRD1"
INDEX = struct.Struct("<I")  # a block's number in the file, before the block's bytes
DIGEST_SIZE = 32  # SHA-256 of one block, in a manifest
CHUNK_SIZE = 1024 * 1024  # bytes of compressed payload per PUT
MAX_CHUNK = 4 * 1024 * 1024  # the receiver refuses a larger body
MAX_JSON_BODY = 64 * 1024
MAX_DATABASE = 4 * 1024**3  # a branch file larger than this is refused outright
ZSTD_LEVEL = 6

# \Z, not $: "$" also matches before a final newline, which must not reach a file name.
BRANCH_ID = re.compile(r"^[0-9a-f]{12}\Z")
UPLOAD_ID = re.compile(r"^[0-9a-f]{32}\Z")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")
MAX_VERSION = 2**63 - 1  # a version number fits SQLite's integer

# Live records of each list: a copy where one of them falls to less than half is refused
# unless the secretary confirms (e.g. someone emptied the needs list by mistake).
COUNTED_TABLES = (
    "person",
    "organization",
    "need",
    "resource",
    "project",
    "visit",
    "meeting",
    "compact",
)
# What each counted table is called when a refused copy is explained, on either end.
COUNTED_LABELS = {
    "person": "人员",
    "organization": "组织",
    "need": "需求",
    "resource": "资源",
    "project": "项目",
    "visit": "走访记录",
    "meeting": "会议",
    "compact": "公约",
}
SHRINK_FLOOR = 20  # below this many records a list may halve without a question


class ErrorCode(StrEnum):
    UNAUTHORIZED = "unauthorized"  # 401: no bearer token
    FORBIDDEN = "forbidden"  # 403: the token does not reach this branch
    NOT_FOUND = "not_found"  # 404: no such upload (of this branch)
    TOO_LARGE = "too_large"  # 413: the body is over the limit
    BAD_REQUEST = "bad_request"  # 400: malformed JSON, ids, offsets or lengths
    UNKNOWN_BASE = "unknown_base"  # 409: the base is not the current version: send in full
    OFFSET = "offset"  # 409: a chunk past what was received; resume from ``received``
    INCOMPLETE = "incomplete"  # 409: finish before the whole payload arrived
    SHRINK = "shrink"  # 409: far fewer records than the current copy; needs confirmation
    BAD_PAYLOAD = "bad_payload"  # 422: payload hash or format wrong; it was discarded
    BAD_RESULT = "bad_result"  # 422: rebuilt file failed length/SHA-256/integrity; discarded
    BAD_SCHEMA = "bad_schema"  # 422: rebuilt file holds what the app does not write; discarded
    DIVERGED = "diverged"  # 409: not built on the current version (another PC's copy); kept aside


class UploadState(StrEnum):
    OPEN = "open"
    DONE = "done"
    DIVERGED = "diverged"  # refused as not built on the current version; kept as a side copy


@dataclass(frozen=True)
class UploadRequest:
    upload_id: str
    base_version: int | None  # None: the payload holds every block
    parent_version: int | None  # lineage: the last version this folder acknowledged
    length: int  # of the new database file
    sha256: str  # of the new database file
    page_size: int
    payload_length: int  # of the compressed payload
    payload_sha256: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "UploadRequest":
        """Raises ValueError on anything malformed."""
        try:
            request = cls(
                upload_id=_str(data["upload_id"]),
                base_version=_optional_int(data["base_version"]),
                # Clients before lineage sent none: a delta names its parent by its base.
                parent_version=_optional_int(data.get("parent_version", data["base_version"])),
                length=_int(data["length"]),
                sha256=_str(data["sha256"]),
                page_size=_int(data["page_size"]),
                payload_length=_int(data["payload_length"]),
                payload_sha256=_str(data["payload_sha256"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"missing or wrong field: {exc}") from exc
        request.validate()
        return request

    def validate(self) -> None:
        if not UPLOAD_ID.match(self.upload_id):
            raise ValueError("upload_id must be 32 lowercase hex digits")
        if not (SHA256_HEX.match(self.sha256) and SHA256_HEX.match(self.payload_sha256)):
            raise ValueError("hashes must be 64 lowercase hex digits")
        if self.page_size not in VALID_PAGE_SIZES:
            raise ValueError("page_size is not a SQLite page size")
        if self.length <= 0 or self.length % self.page_size or self.length > MAX_DATABASE:
            raise ValueError("length must be a positive multiple of page_size")
        if not 0 < self.payload_length <= MAX_DATABASE:
            raise ValueError("payload_length out of range")
        if self.base_version is not None and not 1 <= self.base_version <= MAX_VERSION:
            raise ValueError("base_version must be a positive 64-bit integer")
        if self.parent_version is not None and not 1 <= self.parent_version <= MAX_VERSION:
            raise ValueError("parent_version must be a positive 64-bit integer")


VALID_PAGE_SIZES = frozenset(2**n for n in range(9, 17))


@dataclass(frozen=True)
class UploadStatus:
    upload_id: str
    state: UploadState
    received: int  # bytes of payload held by the server
    version: int | None = None  # once done

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "state": str(self.state)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "UploadStatus":
        return cls(
            upload_id=str(data["upload_id"]),
            state=UploadState(data["state"]),
            received=int(data["received"]),
            version=_optional_int(data.get("version")),
        )


@dataclass(frozen=True)
class BranchState:
    branch_id: str
    name: str
    version: int | None  # None before the first upload
    sha256: str | None
    length: int | None
    counts: dict[str, int] = field(default_factory=dict)
    page_size: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "BranchState":
        return cls(
            branch_id=str(data["branch_id"]),
            name=str(data["name"]),
            version=_optional_int(data.get("version")),
            sha256=data.get("sha256"),
            length=_optional_int(data.get("length")),
            counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
            page_size=_optional_int(data.get("page_size")),
        )


# A download answers with the file compressed by zstd (from ``offset`` on) and these headers,
# so a cut download resumes where it stopped and the result is checked against the receiver's
# own record of the version.
DOWNLOAD_VERSION = "X-Shuren-Version"
DOWNLOAD_SHA256 = "X-Shuren-Sha256"  # of the database file, not of the compressed stream
DOWNLOAD_LENGTH = "X-Shuren-Length"  # of the database file
DOWNLOAD_PAGE_SIZE = "X-Shuren-Page-Size"
DOWNLOAD_STREAM_LENGTH = "X-Shuren-Stream-Length"  # of the whole compressed stream


# The messages name the type, never the value: a value from the wire may be a list nested
# hundreds deep (its repr overflows the stack) or thousands of digits long.
def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{type(value).__name__} is not an integer")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{type(value).__name__} is not a string")
    return value


def _optional_int(value: Any) -> int | None:
    return None if value is None else _int(value)


# --- tokens ---------------------------------------------------------------------------------


def token_branch(token: str) -> str | None:
    """The branch a token names (``<branch>.<secret>``), or None if it is malformed."""
    branch, dot, secret = token.partition(".")
    if not dot or not BRANCH_ID.match(branch) or len(secret) < 32:
        return None
    return branch


def token_hash(token: str) -> str:
    """What the receiver stores instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- manifests and payloads ------------------------------------------------------------------


def read_page_size(path: Path) -> int:
    """The page size from the SQLite header (bytes 16–17; 1 means 65,536)."""
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise ValueError(f"{path} is not a SQLite database")
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


@dataclass(frozen=True)
class FileDigest:
    """A file's length, whole-file SHA-256 and the SHA-256 of each block, in one read."""

    length: int
    sha256: str
    page_size: int
    manifest: bytes  # DIGEST_SIZE bytes per block, in order

    @property
    def blocks(self) -> int:
        return len(self.manifest) // DIGEST_SIZE

    def block_digest(self, index: int) -> bytes:
        return self.manifest[index * DIGEST_SIZE : (index + 1) * DIGEST_SIZE]


def digest_file(path: Path, page_size: int | None = None) -> FileDigest:
    page_size = page_size or read_page_size(path)
    return digest_pages(file_pages(path, page_size), page_size)


def digest_pages(pages: Iterable[bytes], page_size: int) -> FileDigest:
    """The digest of the file these pages make, in order (the last may be short)."""
    whole = hashlib.sha256()
    manifest = bytearray()
    length = 0
    for page in pages:
        whole.update(page)
        manifest += hashlib.sha256(page).digest()
        length += len(page)
    return FileDigest(length, whole.hexdigest(), page_size, bytes(manifest))


def file_pages(path: Path, page_size: int) -> Iterator[bytes]:
    with path.open("rb") as f:
        while page := f.read(page_size):
            yield page


def changed_blocks(new: FileDigest, base: FileDigest | None) -> list[int]:
    """Blocks of ``new`` that differ from ``base`` (every block when there is no base)."""
    if base is None or base.page_size != new.page_size:
        return list(range(new.blocks))
    return [
        i
        for i in range(new.blocks)
        if i >= base.blocks or new.block_digest(i) != base.block_digest(i)
    ]


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


def write_payload(blocks: Iterable[tuple[int, bytes]], out: Writable) -> None:
    """Compress the given blocks (index, bytes; in order) into ``out``."""
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    with compressor.stream_writer(out, closefd=False) as writer:
        writer.write(PAYLOAD_MAGIC)
        for index, block in blocks:
            writer.write(INDEX.pack(index))
            writer.write(block)


def file_blocks(source: Path, page_size: int, blocks: Iterable[int]) -> Iterator[tuple[int, bytes]]:
    """The given blocks of the file ``source``, as ``write_payload`` takes them."""
    with source.open("rb") as f:
        for index in blocks:
            f.seek(index * page_size)
            block = f.read(page_size)
            if len(block) != page_size:
                raise ValueError(f"block {index} of {source} is short")
            yield index, block


def read_payload(payload: BinaryIO, page_size: int, length: int) -> Iterator[tuple[int, bytes]]:
    """(index, block) pairs of a payload; ValueError if it is malformed or points past ``length``.

    Decompression is streamed, so a hostile payload cannot blow up memory.
    """
    blocks = length // page_size
    reader = zstandard.ZstdDecompressor().stream_reader(payload, closefd=False)
    try:
        if _read_exact(reader, len(PAYLOAD_MAGIC)) != PAYLOAD_MAGIC:
            raise ValueError("payload does not start with the magic")
        while True:
            head = reader.read(INDEX.size)
            if not head:
                return
            if len(head) < INDEX.size:
                head += _read_exact(reader, INDEX.size - len(head))
            (index,) = INDEX.unpack(head)
            if index >= blocks:
                raise ValueError(f"block {index} is past the end of the file")
            yield index, _read_exact(reader, page_size)
    except zstandard.ZstdError as exc:
        raise ValueError(f"payload is not valid zstd: {exc}") from exc


def _read_exact(reader: Any, size: int) -> bytes:
    data = b""
    while len(data) < size:
        more = reader.read(size - len(data))
        if not more:
            raise ValueError("payload ends in the middle of a block")
        data += more
    return data


# --- the shrink guard ------------------------------------------------------------------------


def record_counts(path: Path) -> dict[str, int]:
    """Live records per counted table of a database file, opened read-only within its time
    limit (untrusted.TooSlow beyond it). Check its schema first (untrusted.check_schema)."""
    counts: dict[str, int] = {}
    with untrusted.open_untrusted(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        for table in COUNTED_TABLES:
            if table not in tables:
                continue
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            live = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
            counts[table] = conn.execute(f'SELECT count(*) FROM "{table}"{live}').fetchone()[0]
    return counts


def shrunk_tables(old: dict[str, int], new: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Tables that fell to less than half of at least SHRINK_FLOOR records: {table: (old, new)}."""
    return {
        table: (before, new.get(table, 0))
        for table, before in old.items()
        if before >= SHRINK_FLOOR and new.get(table, 0) * 2 < before
    }


def integrity_problem(path: Path) -> str | None:
    """None if SQLite's integrity_check passes on the file (opened read-only, within its time
    limit), else its report."""
    return untrusted.integrity_problem(path)
