"""What the street office's data dir holds, as values: branches, versions, side copies, uploads;
and the refusal every part raises for the client to see."""

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.sync.protocol import ErrorCode, UploadRequest, UploadState, UploadStatus

FORBIDDEN_MESSAGE = "令牌无效，或无权访问这个支部。"


class StreetError(Exception):
    """A refusal the client should see: its ErrorCode, a Chinese message and extra JSON keys."""

    def __init__(self, code: ErrorCode, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


class NoRegistryError(Exception):
    """The data dir holds no street.sqlite3 (and the caller asked not to create one)."""


class _Stored:
    """A value written as JSON field by field."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True)
class BranchRecord(_Stored):
    """One branch as `shuren-street list` shows it."""

    branch_id: str
    name: str
    created_at: str
    last_upload_at: str | None  # UTC ISO 8601
    version: int | None  # the current version on disk
    bytes_last: int  # wire bytes of the last upload that made a version
    bytes_total: int


@dataclass(frozen=True)
class NewBranch:
    branch_id: str
    name: str
    token: str  # shown once; only its SHA-256 is stored


@dataclass(frozen=True)
class VersionInfo(_Stored):
    """A version's sidecar (NNNNNN.json)."""

    version: int
    sha256: str
    length: int
    page_size: int
    uploaded_at: str
    counts: dict[str, int]
    parent: int | None = None  # the version the upload named as its parent (None: first)

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
class SideCopy(_Stored):
    """An upload refused as diverged, kept compressed in side/ (never made current)."""

    upload_id: str
    parent: int | None  # the version it named as its parent
    current: int | None  # the branch's current version when it arrived
    sha256: str
    length: int
    uploaded_at: str
    counts: dict[str, int]


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
