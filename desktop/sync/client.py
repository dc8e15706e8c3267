"""Upload the branch database to the street office.

One ``sync_once``: snapshot, compare with the manifest of the version the server last
acknowledged, send the changed blocks as one resumable upload, and record the new version
only when the server has answered that it is in place. Whatever breaks in between, the
upload in ``<data dir>/sync/pending/`` is resumed or rebuilt next time; nothing is marked
uploaded that the server does not have.

Every upload names the version this folder last had acknowledged (its lineage). When the
street office's copy has moved on from that version, another copy of this folder (a second
PC) uploaded it: the receiver keeps this upload aside and answers DIVERGED, and the secretary
chooses in resolve.py which copy to keep, or merges them.
"""

import logging
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict, Unpack

from desktop.store import sqlite
from desktop.store.cipher import key_of
from desktop.store.datadir import db_path
from desktop.store.health import DamagedDatabaseError, check_before_upload
from desktop.sync.config import SyncConfig, load_config, load_token, sync_dir
from desktop.sync.errors import (
    Cancelled,
    DataFileDamaged,
    Diverged,
    ShrinkRefused,
    SyncBusy,
    SyncError,
)
from desktop.sync.files import read_json, write_atomically, write_json
from desktop.sync.lock import sync_lock
from desktop.sync.protocol import (
    CHUNK_SIZE,
    BranchState,
    ErrorCode,
    FileDigest,
    UploadRequest,
    UploadState,
    UploadStatus,
    changed_blocks,
    token_branch,
    write_payload,
)
from desktop.sync.sealed import SealedWriter, plain_length, read_plain
from desktop.sync.snapshot import plain_blocks, plain_digest, take_snapshot
from desktop.sync.status import (
    Acknowledged,
    Divergence,
    SyncStatus,
    load_status,
    now,
    save_status,
)
from desktop.sync.transport import Connection, Refused

__all__ = [
    "Cancelled",
    "Diverged",
    "ShrinkRefused",
    "SyncBusy",
    "SyncError",
    "SyncResult",
    "pending_bytes",
    "sync_once",
    "test_connection",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Connect = Callable[[SyncConfig, str], Connection]  # tests hand in a transport of their own


@dataclass(frozen=True)
class SyncResult:
    version: int
    sent_bytes: int  # compressed payload bytes sent by this call
    up_to_date: bool  # nothing needed sending


@dataclass(frozen=True)
class _Pending:
    """An upload prepared on disk: resumable after a drop, a kill or a restart."""

    folder: Path
    request: UploadRequest

    @property
    def payload(self) -> Path:
        return self.folder / "payload.zst"

    @property
    def manifest(self) -> Path:
        return self.folder / "manifest.bin"


def test_connection(config: SyncConfig, token: str) -> BranchState:
    """Ask the server for this branch's state: proves address, certificate and token."""
    with closing(Connection(config, token)) as server:
        try:
            return BranchState.from_json(server.call("GET", ""))
        except Refused as refused:
            raise refused.as_sync_error() from refused


class SyncOptions(TypedDict, total=False):
    """How one sync runs (the defaults are sync_unlocked's): ``confirm_shrink`` lets a copy
    with far fewer records replace the street office's, ``progress`` hears the bytes sent of
    the total, ``cancelled`` is asked before each chunk, ``connect`` opens the connection."""

    confirm_shrink: bool
    progress: Progress | None
    cancelled: Callable[[], bool] | None
    connect: Connect


def sync_once(data_dir: Path, **options: Unpack[SyncOptions]) -> SyncResult:
    """Upload what changed since the last acknowledged version. Raises SyncError (SyncBusy
    when another sync of this folder is running, Diverged for another PC's newer copy)."""
    with sync_lock(data_dir):
        return sync_unlocked(data_dir, **options)


def sync_unlocked(
    data_dir: Path,
    *,
    confirm_shrink: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    connect: Connect = Connection,
) -> SyncResult:
    """``sync_once`` for a caller that holds the sync lock already (resolve.py)."""
    from desktop.sync.resolve import finish_install  # resolve.py builds on this module

    with recorded_failures(data_dir):
        finish_install(data_dir)
        return _sync(data_dir, confirm_shrink, progress, cancelled or (lambda: False), connect)


@contextmanager
def recorded_failures(data_dir: Path) -> Iterator[None]:
    """Every failure leaves SyncError (Chinese, no personal data) and its last_error."""
    try:
        yield
    except SyncError as exc:
        _record_failure(data_dir, exc.message)
        raise
    except Refused as refused:  # an answer no step expected, e.g. a revoked token
        error = refused.as_sync_error()
        _record_failure(data_dir, error.message)
        raise error from refused
    except (OSError, sqlite.Error) as exc:  # the local disk: full, read-only, failing
        error = local_disk_error(exc)
        _record_failure(data_dir, error.message)
        raise error from exc


def local_disk_error(exc: OSError | sqlite.Error) -> SyncError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return SyncError(
        f"本机读写同步文件失败（{reason}），请检查磁盘空间和数据文件夹后再试。", retry=True
    )


def pending_bytes(data_dir: Path) -> int:
    """Bytes of the database changed since the last acknowledged upload (before compression)."""
    folder = sync_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    snapshot = take_snapshot(db_path(data_dir), folder / "estimate.sqlite3")
    try:
        new = plain_digest(snapshot)
    finally:
        snapshot.unlink(missing_ok=True)
    base = _acknowledged_digest(data_dir, load_status(data_dir).acknowledged)
    return len(changed_blocks(new, base)) * new.page_size


# --- one sync ----------------------------------------------------------------------------


def configured(data_dir: Path) -> tuple[SyncConfig, str, str]:
    """(config, token, branch id); SyncError when the address or the token is missing."""
    config = load_config(data_dir)
    token = load_token(data_dir)
    if not config.server:
        raise SyncError("还没有填写街道办服务器地址，请在“同步”页填写后再同步。", retry=False)
    if token is None:
        raise SyncError("还没有填写街道办给的令牌，请在“同步”页填写后再同步。", retry=False)
    branch = token_branch(token)
    assert branch is not None  # load_token returns well-formed tokens only
    return config, token, branch


def acknowledged(data_dir: Path, branch: str) -> Acknowledged | None:
    """The version of ``branch`` this folder last had acknowledged (its lineage), if any."""
    ack = load_status(data_dir).acknowledged
    return ack if ack is not None and ack.branch_id == branch else None


def _sync(
    data_dir: Path,
    confirm_shrink: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool],
    connect: Connect,
) -> SyncResult:
    config, token, branch = configured(data_dir)
    folder = sync_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    # None for a token of another branch: that branch starts from scratch.
    ack = acknowledged(data_dir, branch)

    with closing(connect(config, token)) as server:
        state = BranchState.from_json(server.call("GET", ""))
        snapshot = take_snapshot(db_path(data_dir), folder / "snapshot.sqlite3")
        try:
            try:
                check_before_upload(data_dir, snapshot)
            except DamagedDatabaseError as exc:
                raise DataFileDamaged() from exc
            new = plain_digest(snapshot)
            pending = _load_pending(folder)
            if pending is not None and state.sha256 == pending.request.sha256:
                # The server finished it but its answer never reached us.
                assert state.version is not None
                ack = _promote(data_dir, branch, pending, state.version, sent=0)
                pending = None
            elif state.version is not None and (ack is None or ack.version != state.version):
                # An older upload of ours, set aside for a newer one, may have landed after
                # all (its finish arrived late): it is this PC's own, not another's.
                ack = _adopt_sent(data_dir, branch, state) or ack
            if state.version is not None and state.sha256 == new.sha256:
                if ack is None or ack.version != state.version:
                    ack = _adopt(data_dir, branch, state.version, new)
                _record_success(data_dir, ack, sent=0)
                return SyncResult(state.version, 0, up_to_date=True)

            in_step = ack is not None and (ack.version, ack.sha256) == (state.version, state.sha256)
            if state.version is not None and not in_step:
                if ack is not None and new.sha256 == ack.sha256:
                    # Nothing new here: the street office has all of it and more.
                    raise _diverged(data_dir, branch, state.version, behind=True)
                known = load_status(data_dir).diverged
                if known == Divergence(branch, state.version):
                    # Already told and kept aside: wait for the secretary's choice.
                    raise Diverged(state.version)
                # Sent in full all the same: the receiver keeps it aside as this PC's copy.
            # A delta is only sound against the very copy the server holds now.
            base = ack if in_step else None
            parent = ack.version if ack else None
            if pending is not None and not _still_fits(pending, new, base, parent):
                _remember_sent(data_dir, pending)
                _drop(pending)
                pending = None
            if pending is None:
                base_digest = _acknowledged_digest(data_dir, base)
                base_version = base.version if base and base_digest else None
                pending = _prepare(folder, snapshot, new, base_digest, base_version, parent)
        finally:
            snapshot.unlink(missing_ok=True)

        version, sent = _upload(
            data_dir, branch, server, pending, confirm_shrink, progress, cancelled
        )
        _promote(data_dir, branch, pending, version, sent=sent)
        if state.version is not None and version < state.version:
            # This very upload had landed earlier (its answer was lost) and another PC's has
            # been made current since: this PC holds nothing newer than that one.
            raise _diverged(data_dir, branch, state.version, behind=True)
        return SyncResult(version, sent, up_to_date=False)


def _upload(
    data_dir: Path,
    branch: str,
    server: Connection,
    pending: _Pending,
    confirm_shrink: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> tuple[int, int]:
    """Create (or find) the upload, send what the server lacks, finish. (version, bytes sent)"""
    try:
        status = _create(server, pending)
    except Refused as refused:
        if refused.code != ErrorCode.UNKNOWN_BASE:
            raise refused.as_sync_error() from refused
        raise SyncError(
            "街道办的数据在此期间有了变化，下次同步会把全部数据重新上传。", retry=True
        ) from refused
    sent = 0
    for _attempt in range(3):  # a resend after the server discarded a damaged payload
        if status.state == UploadState.DONE:
            assert status.version is not None
            return status.version, sent
        if status.state == UploadState.DIVERGED:  # a repeat of an upload already kept aside
            state = BranchState.from_json(server.call("GET", ""))
            _drop(pending)
            raise _diverged(data_dir, branch, state.version)
        sent += _send(server, pending, status.received, progress, cancelled)
        try:
            status = UploadStatus.from_json(
                server.call(
                    "POST",
                    f"/uploads/{pending.request.upload_id}/finish",
                    json_body={"confirm_shrink": confirm_shrink},
                    slow=True,
                )
            )
        except Refused as refused:
            if refused.code == ErrorCode.SHRINK:
                raise ShrinkRefused(refused.shrunk()) from refused
            if refused.code in (ErrorCode.INCOMPLETE, ErrorCode.BAD_PAYLOAD):
                status = replace(status, received=refused.received())
                continue
            _drop(pending)  # this payload can never be applied
            if refused.code == ErrorCode.DIVERGED:
                version = refused.body.get("version")
                version = version if isinstance(version, int) else None
                raise _diverged(data_dir, branch, version) from refused
            if refused.code == ErrorCode.BAD_RESULT:
                # Our record of the base is not what the server holds: send everything next,
                # still naming that version as the parent (the lineage is not in doubt).
                _forget_manifest(data_dir)
            raise refused.as_sync_error() from refused
    raise SyncError("上传的数据几次都没能通过街道办的核对，请稍后再试。", retry=True)


def _diverged(
    data_dir: Path, branch: str, version: int | None, *, behind: bool = False
) -> Diverged:
    """Note the divergence (the next syncs wait for the secretary) and say so."""
    if version is not None:
        status = load_status(data_dir)
        save_status(data_dir, replace(status, diverged=Divergence(branch, version)))
    return Diverged(version, behind=behind)


def _create(server: Connection, pending: _Pending) -> UploadStatus:
    """Create the upload, or (the same request again) learn how far a resumed one got."""
    return UploadStatus.from_json(
        server.call("POST", "/uploads", json_body=pending.request.to_json())
    )


def _send(
    server: Connection,
    pending: _Pending,
    received: int,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> int:
    """Send the payload from ``received`` on, chunk by chunk; returns the bytes sent."""
    total = pending.request.payload_length
    sent = 0
    while received < total:
        if cancelled():
            raise Cancelled()
        chunk = read_plain(pending.payload, received, CHUNK_SIZE)
        path = f"/uploads/{pending.request.upload_id}?offset={received}"
        try:
            status = UploadStatus.from_json(server.call("PUT", path, body=chunk))
        except Refused as refused:
            if refused.code != ErrorCode.OFFSET:
                raise refused.as_sync_error() from refused
            received = refused.received()
            continue
        sent += len(chunk)
        received = status.received
        if progress is not None:
            progress(received, total)
    return sent


# --- the pending upload on disk ------------------------------------------------------------


def _prepare(
    folder: Path,
    snapshot: Path,
    new: FileDigest,
    base: FileDigest | None,
    base_version: int | None,
    parent_version: int | None,
) -> _Pending:
    pending_dir = folder / "pending"
    shutil.rmtree(pending_dir, ignore_errors=True)
    pending_dir.mkdir()
    payload = pending_dir / "payload.zst"
    with payload.open("wb") as out:
        # Sealed under the data file's key: the payload holds plain pages.
        sealed = SealedWriter(out, key_of(snapshot))
        write_payload(plain_blocks(snapshot, changed_blocks(new, base)), sealed)
        payload_sha256 = sealed.plain_sha256
    request = UploadRequest(
        upload_id=secrets.token_hex(16),
        base_version=base_version,
        parent_version=parent_version,
        length=new.length,
        sha256=new.sha256,
        page_size=new.page_size,
        payload_length=plain_length(payload),
        payload_sha256=payload_sha256,
    )
    write_atomically(pending_dir / "manifest.bin", new.manifest)
    write_json(pending_dir / "upload.json", request.to_json())  # last: marks the folder whole
    return _Pending(pending_dir, request)


def _load_pending(folder: Path) -> _Pending | None:
    pending_dir = folder / "pending"
    data = read_json(pending_dir / "upload.json")
    if data is None:
        shutil.rmtree(pending_dir, ignore_errors=True)
        return None
    try:
        pending = _Pending(pending_dir, UploadRequest.from_json(data))
        sound = plain_length(pending.payload) == pending.request.payload_length
    except (ValueError, OSError):
        sound = False
    if not sound:
        shutil.rmtree(pending_dir, ignore_errors=True)
        return None
    return pending


def _still_fits(
    pending: _Pending, new: FileDigest, base: Acknowledged | None, parent: int | None
) -> bool:
    """Resume the pending upload only if it still carries today's file onto today's base."""
    request = pending.request
    base_version = base.version if base else None
    return (request.sha256, request.base_version, request.parent_version) == (
        new.sha256,
        base_version,
        parent,
    )


KEEP_SENT = 5  # uploads set aside for newer ones that may still land on the server


def _sent_dir(data_dir: Path) -> Path:
    return sync_dir(data_dir) / "sent"


def _remember_sent(data_dir: Path, pending: _Pending) -> None:
    """Keep what identifies an upload set aside: a late finish may still make it current."""
    folder = _sent_dir(data_dir)
    request = pending.request
    try:
        write_atomically(folder / f"{request.sha256}.bin", pending.manifest.read_bytes())
    except OSError:
        return  # only a convenience: without it a late landing shows as a divergence
    write_json(folder / f"{request.sha256}.json", request.to_json())
    kept = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP_SENT:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".bin").unlink(missing_ok=True)


def _adopt_sent(data_dir: Path, branch: str, state: BranchState) -> Acknowledged | None:
    """The server's current copy is an upload of ours set aside earlier: build on it."""
    if state.version is None or state.sha256 is None:
        return None
    folder = _sent_dir(data_dir)
    data = read_json(folder / f"{state.sha256}.json")
    if data is None:
        return None
    try:
        request = UploadRequest.from_json(data)
        manifest = (folder / f"{state.sha256}.bin").read_bytes()
    except (ValueError, OSError):
        return None
    digest = FileDigest(request.length, request.sha256, request.page_size, manifest)
    if digest.blocks * request.page_size != request.length:
        return None
    ack = _adopt(data_dir, branch, state.version, digest)
    save_status(data_dir, replace(load_status(data_dir), acknowledged=ack, diverged=None))
    return ack


def _drop(pending: _Pending) -> None:
    shutil.rmtree(pending.folder, ignore_errors=True)


def _promote(
    data_dir: Path, branch: str, pending: _Pending, version: int, sent: int
) -> Acknowledged:
    request = pending.request
    ack = Acknowledged(branch, version, request.sha256, request.length, request.page_size)
    _manifest_path(data_dir, request.sha256).parent.mkdir(parents=True, exist_ok=True)
    write_atomically(_manifest_path(data_dir, request.sha256), pending.manifest.read_bytes())
    _record_success(data_dir, ack, sent)
    _drop(pending)
    return ack


def _adopt(data_dir: Path, branch: str, version: int, new: FileDigest) -> Acknowledged:
    """The server already holds exactly this file: take its version as acknowledged."""
    ack = Acknowledged(branch, version, new.sha256, new.length, new.page_size)
    write_atomically(_manifest_path(data_dir, new.sha256), new.manifest)
    return ack


def adopt_version(data_dir: Path, branch: str, version: int, copy: FileDigest) -> None:
    """Build on the street office's ``version`` (held here as ``copy``) from now on: after a
    restore, a merge or the choice of this PC's data. Clears a divergence."""
    ack = _adopt(data_dir, branch, version, copy)
    status = load_status(data_dir)
    _drop_pending(data_dir)
    save_status(data_dir, replace(status, acknowledged=ack, diverged=None, last_error=None))
    _prune_manifests(data_dir, ack)


def _drop_pending(data_dir: Path) -> None:
    shutil.rmtree(sync_dir(data_dir) / "pending", ignore_errors=True)


def _forget_manifest(data_dir: Path) -> None:
    ack = load_status(data_dir).acknowledged
    if ack is not None:
        _manifest_path(data_dir, ack.sha256).unlink(missing_ok=True)


# --- the acknowledged version ------------------------------------------------------------


def _manifest_path(data_dir: Path, sha256: str) -> Path:
    # Named by the file's hash, so a crash between writing it and the state cannot pair a
    # version with another version's manifest.
    return sync_dir(data_dir) / "manifests" / f"{sha256}.bin"


def _acknowledged_digest(data_dir: Path, ack: Acknowledged | None) -> FileDigest | None:
    if ack is None:
        return None
    try:
        manifest = _manifest_path(data_dir, ack.sha256).read_bytes()
    except OSError:
        return None
    if len(manifest) * ack.page_size != ack.length * 32:
        return None
    return FileDigest(ack.length, ack.sha256, ack.page_size, manifest)


def _record_success(data_dir: Path, ack: Acknowledged, sent: int) -> None:
    status = SyncStatus(
        last_success_at=now(),
        last_attempt_at=now(),
        last_error=None,
        last_sent_bytes=sent,
        acknowledged=ack,
    )
    save_status(data_dir, status)
    _prune_manifests(data_dir, ack)


def _prune_manifests(data_dir: Path, ack: Acknowledged) -> None:
    for old in (sync_dir(data_dir) / "manifests").glob("*.bin"):
        if old.stem != ack.sha256:
            old.unlink(missing_ok=True)


def _record_failure(data_dir: Path, message: str) -> None:
    status = load_status(data_dir)
    try:
        save_status(data_dir, replace(status, last_attempt_at=now(), last_error=message))
    except OSError:  # a disk too full even for this: the error is still said, just not kept
        log.warning("could not record the sync failure in the data folder")
