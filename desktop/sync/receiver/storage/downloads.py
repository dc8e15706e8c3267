"""Versions sent to a PC: older ones are kept compressed already; the current one is compressed
on its first download and cached in ``downloads/`` (retention later turns that cache into the
packed file instead of compressing again)."""

from pathlib import Path

from desktop.sync.protocol import ErrorCode
from desktop.sync.receiver.private import private_dirs
from desktop.sync.receiver.storage.files import BranchFiles, remove
from desktop.sync.receiver.storage.records import StreetError, VersionInfo
from desktop.sync.receiver.storage.versions import Versions, current_of


class Downloads:
    def __init__(self, files: BranchFiles, versions: Versions) -> None:
        self.files = files
        self.versions = versions

    def get(self, branch_id: str, number: int | None) -> tuple[VersionInfo, Path]:
        """A version (None: the current one) and a zstd file of it to send from any offset.
        StreetError NOT_FOUND if the version is not kept."""
        found = self.versions.scan(branch_id)
        if number is None:
            number = current_of(found)
        kinds = found.get(number, set()) if number is not None else set()
        if number is None or not kinds - {"sidecar"}:
            raise StreetError(ErrorCode.NOT_FOUND, "街道办没有保存这一版数据。")
        info = self.versions.info(branch_id, number)
        if "packed" in kinds:
            return info, self.files.packed(branch_id, number)
        cache = self.files.download(branch_id, number)
        if not cache.exists():
            private_dirs(cache.parent)
            self.files.compress(branch_id, self.files.version(branch_id, number), cache)
        return info, cache

    def prune(self, branch_id: str) -> None:
        """Caches of versions no longer current: their packed file serves them."""
        folder = self.files.folder(branch_id, "downloads")
        current = self.versions.current(branch_id)
        keep = None if current is None else self.files.download(branch_id, current)
        for path in folder.glob("*.sqlite3.zst") if folder.is_dir() else ():
            if path != keep:
                remove(path)
