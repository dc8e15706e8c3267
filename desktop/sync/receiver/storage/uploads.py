"""Uploads in progress: ``uploads/<id>.json`` (the request and how far it got) and
``uploads/<id>.payload`` (the compressed payload so far). A finished record is kept a while,
so a repeated finish answers again."""

import json
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from desktop.sync import protocol
from desktop.sync.protocol import ErrorCode, UploadRequest, UploadState
from desktop.sync.receiver.private import private_dirs, private_file
from desktop.sync.receiver.storage.files import BranchFiles, remove
from desktop.sync.receiver.storage.records import StreetError, Upload, iso

log = logging.getLogger("shuren.street")

KEEP_DONE_UPLOADS = 100  # finished upload records kept, so a repeated finish answers again
STALE_UPLOAD = timedelta(days=14)  # an unfinished upload untouched this long is dropped


class Uploads:
    """A branch's upload records and payloads; the caller holds the branch's lock."""

    def __init__(self, files: BranchFiles, clock: Callable[[], datetime]) -> None:
        self.files = files
        self._clock = clock

    def find(self, branch_id: str, upload_id: str) -> Upload | None:
        path = self.files.upload(branch_id, upload_id, ".json")
        try:
            upload = Upload.from_json(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        if upload.state is UploadState.OPEN:
            # The payload is fsynced before the record, so a crash between them leaves the
            # record behind; the file can also be shorter after a cut-off rewrite. Trust both.
            payload = self.files.upload(branch_id, upload_id, ".payload")
            size = payload.stat().st_size if payload.exists() else 0
            upload = replace(upload, received=min(upload.received, size))
        return upload

    def load(self, branch_id: str, upload_id: str) -> Upload:
        upload = self.find(branch_id, upload_id)
        if upload is None:
            raise StreetError(ErrorCode.NOT_FOUND, "没有这个上传（可能已被清理），请重新开始上传。")
        return upload

    def save(self, branch_id: str, upload: Upload) -> Upload:
        upload = replace(upload, updated_at=iso(self._clock()))
        path = self.files.upload(branch_id, upload.request.upload_id, ".json")
        private_dirs(path.parent)
        self.files.write_json(branch_id, path, upload.to_json())
        return upload

    def new(self, request: UploadRequest) -> Upload:
        now = iso(self._clock())
        return Upload(request, UploadState.OPEN, 0, 0, None, now, now)

    def open(self, branch_id: str, upload: Upload) -> Upload:
        """An empty payload, then the record: the upload can take its first chunk."""
        payload = self.files.upload(branch_id, upload.request.upload_id, ".payload")
        private_dirs(payload.parent)
        private_file(payload).write_bytes(b"")
        return self.save(branch_id, upload)

    def put_chunk(self, branch_id: str, upload_id: str, offset: int, data: bytes) -> Upload:
        """Write ``data`` at ``offset`` (at most what was received: a repeat overwrites)."""
        upload = self.load(branch_id, upload_id)
        if upload.state is UploadState.DONE:
            return upload
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
        payload = self.files.upload(branch_id, upload_id, ".payload")
        with private_file(payload).open("r+b") as f:
            f.truncate(offset)
            f.seek(offset)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        upload = replace(
            upload, received=offset + len(data), wire_bytes=upload.wire_bytes + len(data)
        )
        return self.save(branch_id, upload)

    def discard_payload(self, branch_id: str, upload: Upload) -> None:
        """Start the upload over: an empty payload, nothing received."""
        payload = self.files.upload(branch_id, upload.request.upload_id, ".payload")
        private_file(payload).write_bytes(b"")
        self.save(branch_id, replace(upload, received=0))

    def remove_payload(self, branch_id: str, upload_id: str) -> None:
        remove(self.files.upload(branch_id, upload_id, ".payload"))

    def drop(self, branch_id: str, upload_id: str) -> None:
        """Forget the upload: payload and record."""
        remove(self.files.upload(branch_id, upload_id, ".payload"))
        remove(self.files.upload(branch_id, upload_id, ".json"))

    def prune(self, branch_id: str) -> None:
        """Drop stale unfinished uploads; keep the newest KEEP_DONE_UPLOADS finished records."""
        folder = self.files.folder(branch_id, "uploads")
        if not folder.is_dir():
            return
        stale = iso(self._clock() - STALE_UPLOAD)
        done: list[Upload] = []
        for path in folder.glob("*.json"):
            if not protocol.UPLOAD_ID.match(path.stem):
                continue
            try:
                upload = self.find(branch_id, path.stem)
            except (ValueError, KeyError, TypeError) as exc:  # one bad record never stops tidying
                log.warning("upload record %s unreadable (%s)", path, exc)
                continue
            if upload is None:
                continue
            if upload.state is UploadState.DONE:
                done.append(upload)
            elif upload.updated_at < stale:
                remove(path.with_suffix(".payload"))
                remove(path)
        done.sort(key=lambda u: (u.updated_at, u.request.upload_id), reverse=True)
        for upload in done[KEEP_DONE_UPLOADS:]:
            remove(folder / f"{upload.request.upload_id}.json")
