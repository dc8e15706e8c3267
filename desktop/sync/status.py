"""What the app knows about its uploads: the version the street office acknowledged, and how
the last attempts went. Kept in ``<data dir>/sync/state.json`` beside the acknowledged manifest.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.sync.config import sync_dir
from desktop.sync.files import read_json, write_json


@dataclass(frozen=True)
class Acknowledged:
    """The version the server answered for; the next delta is computed against it."""

    branch_id: str
    version: int
    sha256: str
    length: int
    page_size: int


@dataclass(frozen=True)
class Divergence:
    """The street office holds a copy uploaded from another copy of this data folder (a
    second PC) since this one last synced; kept until the secretary resolves it."""

    branch_id: str
    server_version: int  # the street office's current version when it was found


@dataclass(frozen=True)
class SyncStatus:
    last_success_at: datetime | None = None  # UTC
    last_attempt_at: datetime | None = None
    last_error: str | None = None  # Chinese; None after a success
    last_sent_bytes: int | None = None
    acknowledged: Acknowledged | None = None
    diverged: Divergence | None = None

    @property
    def version(self) -> int | None:
        """The version the street office last acknowledged."""
        return self.acknowledged.version if self.acknowledged else None


def _state_path(data_dir: Path) -> Path:
    return sync_dir(data_dir) / "state.json"


def load_status(data_dir: Path) -> SyncStatus:
    data = read_json(_state_path(data_dir)) or {}
    acknowledged = None
    ack = data.get("acknowledged")
    if isinstance(ack, dict):
        try:
            acknowledged = Acknowledged(
                branch_id=str(ack["branch_id"]),
                version=int(ack["version"]),
                sha256=str(ack["sha256"]),
                length=int(ack["length"]),
                page_size=int(ack["page_size"]),
            )
        except (KeyError, TypeError, ValueError):
            acknowledged = None  # a damaged record only costs one full upload
    diverged = None
    found = data.get("diverged")
    if isinstance(found, dict):
        try:
            diverged = Divergence(str(found["branch_id"]), int(found["server_version"]))
        except (KeyError, TypeError, ValueError):
            diverged = None
    return SyncStatus(
        diverged=diverged,
        last_success_at=_time(data.get("last_success_at")),
        last_attempt_at=_time(data.get("last_attempt_at")),
        last_error=data.get("last_error"),
        last_sent_bytes=data.get("last_sent_bytes"),
        acknowledged=acknowledged,
    )


def save_status(data_dir: Path, status: SyncStatus) -> None:
    ack = status.acknowledged
    data: dict[str, Any] = {
        "last_success_at": _iso(status.last_success_at),
        "last_attempt_at": _iso(status.last_attempt_at),
        "last_error": status.last_error,
        "last_sent_bytes": status.last_sent_bytes,
        "acknowledged": None
        if ack is None
        else {
            "branch_id": ack.branch_id,
            "version": ack.version,
            "sha256": ack.sha256,
            "length": ack.length,
            "page_size": ack.page_size,
        },
        "diverged": None
        if status.diverged is None
        else {
            "branch_id": status.diverged.branch_id,
            "server_version": status.diverged.server_version,
        },
    }
    write_json(_state_path(data_dir), data)


def now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
