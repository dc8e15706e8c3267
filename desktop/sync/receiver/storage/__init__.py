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

One module per concern: ``registry`` (street.sqlite3), ``files`` (paths, private atomic
writes), ``versions`` (the versions folder and lineage), ``uploads`` (uploads in progress),
``flow`` (opening and finishing an upload), ``checks`` (its refusals), ``side`` (diverged
copies), ``downloads``, ``retention`` (what tidying keeps). ``Storage`` below puts them
together behind one lock per branch.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desktop.sync.protocol import BranchState, ErrorCode, UploadRequest, UploadStatus
from desktop.sync.receiver.private import private_dirs
from desktop.sync.receiver.storage.downloads import Downloads
from desktop.sync.receiver.storage.files import BranchFiles, compress_file, fsync_dir, remove
from desktop.sync.receiver.storage.flow import UploadFlow
from desktop.sync.receiver.storage.records import (
    FORBIDDEN_MESSAGE,
    BranchRecord,
    NewBranch,
    NoRegistryError,
    SideCopy,
    StreetError,
    Upload,
    VersionInfo,
    iso,
    utc_now,
)
from desktop.sync.receiver.storage.registry import MAX_NAME, REGISTRY, Registry, check_name
from desktop.sync.receiver.storage.retention import KEEP_LAST, prune_versions, versions_to_keep
from desktop.sync.receiver.storage.side import KEEP_SIDE_COPIES, SideCopies
from desktop.sync.receiver.storage.uploads import KEEP_DONE_UPLOADS, STALE_UPLOAD, Uploads
from desktop.sync.receiver.storage.versions import Versions

__all__ = [
    "FORBIDDEN_MESSAGE",
    "KEEP_DONE_UPLOADS",
    "KEEP_LAST",
    "KEEP_SIDE_COPIES",
    "MAX_NAME",
    "REGISTRY",
    "STALE_UPLOAD",
    "BranchRecord",
    "NewBranch",
    "NoRegistryError",
    "SideCopy",
    "Storage",
    "StreetError",
    "Upload",
    "VersionInfo",
    "check_name",
    "compress_file",
    "fsync_dir",
    "iso",
    "utc_now",
    "versions_to_keep",
]


class Storage:
    """The street office's data dir. Thread-safe: one lock per branch serialises its uploads."""

    def __init__(
        self, data_dir: Path, *, create: bool = True, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.data_dir = Path(data_dir)
        self.registry_path = self.data_dir / REGISTRY
        self.registry = Registry(self.registry_path, clock, create=create)
        private_dirs(self.data_dir)
        self.registry.prepare()
        self.files = BranchFiles(self.data_dir)
        self.versions = Versions(self.files, clock)
        self.uploads = Uploads(self.files, clock)
        self.side = SideCopies(self.files, clock)
        self.downloads = Downloads(self.files, self.versions)
        self.flow = UploadFlow(self.files, self.registry, self.versions, self.uploads, self.side)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    @contextmanager
    def _locked(self, branch_id: str) -> Iterator[None]:
        with self._locks_guard:
            lock = self._locks.setdefault(branch_id, threading.Lock())
        with lock:
            yield

    # --- branches ------------------------------------------------------------------------------

    def add_branch(self, name: str) -> NewBranch:
        """Register a branch; ValueError (Chinese) for an unusable name."""
        return self.registry.add_branch(name)

    def branches(self) -> list[BranchRecord]:
        """Every branch, in the order they were added."""
        return self.registry.branches(self.versions.current)

    def branch(self, branch_id: str) -> BranchRecord | None:
        return next((b for b in self.branches() if b.branch_id == branch_id), None)

    def check_token(self, branch_id: str, token: str) -> bool:
        """True if ``token`` is this branch's. Unknown and malformed ids cost the same work."""
        return self.registry.check_token(branch_id, token)

    def branch_state(self, branch_id: str) -> BranchState:
        name = self.registry.name(branch_id)
        if name is None:
            raise StreetError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE)
        info = self.versions.current_info(branch_id)
        if info is None:
            return BranchState(branch_id, name, None, None, None, {})
        return BranchState(
            branch_id, name, info.version, info.sha256, info.length, info.counts, info.page_size
        )

    # --- versions ------------------------------------------------------------------------------

    def current_version(self, branch_id: str) -> int | None:
        return self.versions.current(branch_id)

    def has_version(self, branch_id: str, number: int) -> bool:
        """Whether version ``number`` is still kept (plain or compressed)."""
        return self.versions.has(branch_id, number)

    def current_path(self, branch_id: str) -> Path | None:
        """The branch's current copy (open it read-only), or None before its first upload."""
        return self.versions.current_path(branch_id)

    def version_info(self, branch_id: str, number: int) -> VersionInfo:
        """A version's sidecar; rebuilt from the file itself if the sidecar is missing."""
        return self.versions.info(branch_id, number)

    def current_info(self, branch_id: str) -> VersionInfo | None:
        return self.versions.current_info(branch_id)

    def side_copies(self, branch_id: str) -> list[SideCopy]:
        """Copies refused as diverged, newest first."""
        return self.side.records(branch_id)

    def version_download(
        self, branch_id: str, number: int | None = None
    ) -> tuple[VersionInfo, Path]:
        """A version (None: the current one) and a zstd file of it to send from any offset."""
        with self._locked(branch_id):
            return self.downloads.get(branch_id, number)

    # --- uploads -------------------------------------------------------------------------------

    def upload_status(self, branch_id: str, upload_id: str) -> UploadStatus:
        # Under the lock: on Windows a record open for reading cannot be replaced.
        with self._locked(branch_id):
            return self.uploads.load(branch_id, upload_id).status()

    def create_upload(self, branch_id: str, request: UploadRequest) -> UploadStatus:
        """Open an upload, or answer the existing one; a file already current is done at once."""
        if self.registry.name(branch_id) is None:
            raise StreetError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE)
        with self._locked(branch_id):
            return self.flow.create(branch_id, request)

    def put_chunk(self, branch_id: str, upload_id: str, offset: int, data: bytes) -> UploadStatus:
        """Write ``data`` at ``offset`` (at most what was received: a repeat overwrites)."""
        with self._locked(branch_id):
            return self.uploads.put_chunk(branch_id, upload_id, offset, data).status()

    def finish_upload(
        self, branch_id: str, upload_id: str, confirm_shrink: bool = False
    ) -> UploadStatus:
        """Rebuild, check and commit the upload as the branch's new current version.

        Call ``tidy`` afterwards (the HTTP app does, after answering) to compress and prune.
        """
        with self._locked(branch_id):
            return self.flow.finish(branch_id, upload_id, confirm_shrink)

    # --- tidying -------------------------------------------------------------------------------

    def tidy(self, branch_id: str) -> None:
        """Clear crash leftovers, compress and prune old versions, prune upload records."""
        tmp = self.files.tmp(branch_id)
        with self._locked(branch_id):
            if tmp.is_dir():
                for entry in tmp.iterdir():  # nothing is being built while we hold the lock
                    remove(entry)
            to_pack = prune_versions(self.versions, branch_id)
            self.uploads.prune(branch_id)
        # Compressing a large old version takes a second or more, so the branch's uploads are
        # not held up by it: old versions never change, and an upload reads only the current.
        for plain, packed in to_pack:
            if not packed.exists():
                compress_file(plain, packed, tmp)
        with self._locked(branch_id):
            current = self.current_path(branch_id)
            for plain, packed in to_pack:
                if packed.exists() and plain != current:
                    remove(plain)
            self.downloads.prune(branch_id)
            self.side.prune(branch_id)
