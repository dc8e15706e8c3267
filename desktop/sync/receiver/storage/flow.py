"""An upload from opening to its end: a new current version, a side copy, or a refusal.

Finishing rebuilds the file in tmp/ (the base version plus the payload's pages), checks it as
untrusted, then hands it to Versions.commit, whose one rename makes it current; the registry is
told afterwards, and a finish repeated after a crash in between records it then.
"""

import logging
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

from desktop.sync import protocol, untrusted
from desktop.sync.protocol import ErrorCode, UploadRequest, UploadState, UploadStatus
from desktop.sync.receiver.private import private_file
from desktop.sync.receiver.storage.checks import (
    bad_result,
    check_base,
    check_shrink,
    diverged,
    refusal,
)
from desktop.sync.receiver.storage.files import BranchFiles, remove, sha256_file
from desktop.sync.receiver.storage.records import StreetError, Upload, VersionInfo
from desktop.sync.receiver.storage.registry import Registry
from desktop.sync.receiver.storage.side import SideCopies
from desktop.sync.receiver.storage.uploads import Uploads
from desktop.sync.receiver.storage.versions import Versions

log = logging.getLogger("shuren.street")


class UploadFlow:
    """Opens and finishes uploads; the caller holds the branch's lock."""

    def __init__(
        self,
        files: BranchFiles,
        registry: Registry,
        versions: Versions,
        uploads: Uploads,
        side: SideCopies,
    ) -> None:
        self.files = files
        self.registry = registry
        self.versions = versions
        self.uploads = uploads
        self.side = side

    def create(self, branch_id: str, request: UploadRequest) -> UploadStatus:
        """Open an upload, or answer the existing one; a file already current is done at once."""
        existing = self.uploads.find(branch_id, request.upload_id)
        if existing is not None:
            if existing.request != request:
                raise StreetError(ErrorCode.BAD_REQUEST, "这个上传编号已用于另一份数据。")
            return existing.status()
        current = self.versions.current_info(branch_id)
        upload = self.uploads.new(request)
        if current is not None and current.sha256 == request.sha256:
            return self._done(branch_id, upload, current).status()
        check_base(request, current)
        return self.uploads.open(branch_id, upload).status()

    def finish(self, branch_id: str, upload_id: str, confirm_shrink: bool) -> UploadStatus:
        """Rebuild, check and commit the upload as the branch's new current version."""
        upload = self.uploads.load(branch_id, upload_id)
        if upload.state is UploadState.DONE:
            return upload.status()
        current = self.versions.current_info(branch_id)
        if upload.state is UploadState.DIVERGED:
            raise diverged(current, upload_id)
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
        payload = self.files.upload(branch_id, upload_id, ".payload")
        if sha256_file(payload) != request.payload_sha256:
            self.uploads.discard_payload(branch_id, upload)
            raise StreetError(ErrorCode.BAD_PAYLOAD, "收到的数据与校验值不符，已丢弃，请重新上传。")
        if current is not None and request.parent_version != current.version:
            # Another copy of this branch's data (a second PC) moved on from the version
            # this one builds on: never let it replace that silently.
            self._keep_side_copy(branch_id, upload, current)
            raise diverged(current, upload_id)
        check_base(request, current)
        return self._commit(branch_id, upload, current, confirm_shrink).status()

    def _commit(
        self, branch_id: str, upload: Upload, current: VersionInfo | None, confirm_shrink: bool
    ) -> Upload:
        request = upload.request
        built = self._rebuild(branch_id, upload)
        try:
            counts = self._counts(branch_id, request, built)
            if current is not None and not confirm_shrink:
                check_shrink(current.counts, counts)
            info = self.versions.commit(branch_id, built, request, counts)
        finally:
            remove(built)  # already renamed away once committed
        self.registry.record_upload(branch_id, info, upload.wire_bytes)
        log.info(
            "branch %s: version %d from upload %s (%d bytes on the wire)",
            branch_id,
            info.version,
            request.upload_id,
            upload.wire_bytes,
        )
        return self._done(branch_id, upload, info, recorded=True)

    def _done(
        self, branch_id: str, upload: Upload, info: VersionInfo, *, recorded: bool = False
    ) -> Upload:
        if not recorded and self.registry.version(branch_id) != info.version:
            # The rename happened but the registry was not updated (a crash in between).
            self.registry.record_upload(branch_id, info, upload.wire_bytes)
        self.uploads.remove_payload(branch_id, upload.request.upload_id)
        done = replace(upload, state=UploadState.DONE, version=info.version)
        return self.uploads.save(branch_id, done)

    def _keep_side_copy(self, branch_id: str, upload: Upload, current: VersionInfo) -> None:
        """Rebuild the diverged upload, keep it compressed in side/, mark the upload so."""
        request = upload.request
        built = self._rebuild(branch_id, upload)
        try:
            counts = self._counts(branch_id, request, built)
            self.side.keep(branch_id, request, current.version, built, counts)
        finally:
            remove(built)
        self.uploads.remove_payload(branch_id, request.upload_id)
        self.uploads.save(branch_id, replace(upload, state=UploadState.DIVERGED))
        log.warning(
            "branch %s: upload %s builds on version %s, current is %d: kept aside",
            branch_id,
            request.upload_id,
            request.parent_version,
            current.version,
        )

    def _rebuild(self, branch_id: str, upload: Upload) -> Path:
        """The new file in tmp/, fsynced and checked; StreetError (422) if it is not right."""
        request = upload.request
        built = self.files.tmp(branch_id) / f"{request.upload_id}.sqlite3"
        built.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._write_rebuilt(branch_id, request, built)
        except ValueError as exc:
            remove(built)
            self.uploads.discard_payload(branch_id, upload)
            log.warning("branch %s upload %s: bad payload (%s)", branch_id, request.upload_id, exc)
            raise StreetError(
                ErrorCode.BAD_PAYLOAD, "上传的数据格式有误，已丢弃，请重新上传。"
            ) from None
        except BaseException:
            remove(built)
            raise
        problem = refusal(built, request)
        if problem is not None:
            remove(built)
            self.uploads.drop(branch_id, request.upload_id)
            log.warning(
                "branch %s upload %s: %s (%s)",
                branch_id,
                request.upload_id,
                problem.code,
                problem.message,
            )
            raise problem
        return built

    def _write_rebuilt(self, branch_id: str, request: UploadRequest, built: Path) -> None:
        """The base version (or nothing) with the payload's pages written over it, fsynced."""
        payload = self.files.upload(branch_id, request.upload_id, ".payload")
        private_file(built)
        if request.base_version is None:
            built.write_bytes(b"")
        else:
            self.versions.copy_into(branch_id, request.base_version, built)
        with built.open("r+b") as f, payload.open("rb") as source:
            f.truncate(request.length)
            for index, block in protocol.read_payload(source, request.page_size, request.length):
                f.seek(index * request.page_size)
                f.write(block)
            f.flush()
            os.fsync(f.fileno())

    def _counts(self, branch_id: str, request: UploadRequest, built: Path) -> dict[str, int]:
        """The counted lists of a rebuilt file that passed its checks; one that cannot be
        counted within its time limit is refused like a bad result."""
        try:
            return protocol.record_counts(built)
        except (untrusted.UntrustedFileError, sqlite3.DatabaseError) as exc:
            self.uploads.drop(branch_id, request.upload_id)
            log.warning("branch %s upload %s: not counted (%s)", branch_id, request.upload_id, exc)
            raise bad_result(str(exc)) from None
