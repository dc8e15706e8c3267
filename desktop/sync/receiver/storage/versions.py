"""A branch's versions and their lineage: ``versions/NNNNNN.sqlite3`` (+ ``.json`` sidecar,
or ``.sqlite3.zst`` once older).

The current version is the highest-numbered plain file, never the registry alone: the one step
that makes an upload current is a rename, so a crash at any point leaves either the old or the
new file current. Each sidecar names the version its upload built on (``parent``).
"""

import json
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import zstandard

from desktop.sync import protocol, untrusted
from desktop.sync.protocol import ErrorCode, UploadRequest
from desktop.sync.receiver.private import private_dirs
from desktop.sync.receiver.storage.files import BranchFiles, fsync_dir
from desktop.sync.receiver.storage.records import StreetError, VersionInfo, iso

log = logging.getLogger("shuren.street")

_PLAIN = re.compile(r"^(\d{6,})\.sqlite3$")
_PACKED = re.compile(r"^(\d{6,})\.sqlite3\.zst$")
_SIDECAR = re.compile(r"^(\d{6,})\.json$")


class Versions:
    """Reads a branch's versions folder, and adds to it one rename at a time."""

    def __init__(self, files: BranchFiles, clock: Callable[[], datetime]) -> None:
        self.files = files
        self._clock = clock

    def scan(self, branch_id: str) -> dict[int, set[str]]:
        """{number: kinds present} with kinds "plain", "packed", "sidecar"."""
        found: dict[int, set[str]] = {}
        folder = self.files.folder(branch_id, "versions")
        if not folder.is_dir():
            return found
        for entry in os.scandir(folder):
            for kind, pattern in (("plain", _PLAIN), ("packed", _PACKED), ("sidecar", _SIDECAR)):
                if match := pattern.match(entry.name):
                    found.setdefault(int(match[1]), set()).add(kind)
        return found

    def current(self, branch_id: str) -> int | None:
        return current_of(self.scan(branch_id))

    def has(self, branch_id: str, number: int) -> bool:
        """Whether version ``number`` is still kept (plain or compressed)."""
        return bool(self.scan(branch_id).get(number, set()) - {"sidecar"})

    def current_path(self, branch_id: str) -> Path | None:
        number = self.current(branch_id)
        return None if number is None else self.files.version(branch_id, number)

    def info(self, branch_id: str, number: int) -> VersionInfo:
        """A version's sidecar; rebuilt from the file itself if the sidecar is missing."""
        sidecar = self.files.version(branch_id, number, ".json")
        try:
            return VersionInfo.from_json(json.loads(sidecar.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            log.warning("sidecar of %s version %d unreadable (%s)", branch_id, number, exc)
        path = self.files.version(branch_id, number)
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
        number = self.current(branch_id)
        return None if number is None else self.info(branch_id, number)

    def uploaded_at(self, branch_id: str, number: int, kinds: set[str]) -> datetime:
        """When the version arrived: its sidecar says, else its file's modification time."""
        if "sidecar" in kinds:
            with suppress(OSError, ValueError, KeyError):
                path = self.files.version(branch_id, number, ".json")
                data = json.loads(path.read_text(encoding="utf-8"))
                return datetime.fromisoformat(data["uploaded_at"])
        suffix = ".sqlite3" if "plain" in kinds else ".sqlite3.zst"
        mtime = self.files.version(branch_id, number, suffix).stat().st_mtime
        return datetime.fromtimestamp(mtime, UTC)

    def copy_into(self, branch_id: str, number: int, out: Path) -> None:
        """Version ``number`` as a plain file at ``out``; StreetError if it is not kept."""
        plain = self.files.version(branch_id, number)
        packed = self.files.packed(branch_id, number)
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
                version=self.current(branch_id),
            ) from None

    def commit(
        self, branch_id: str, built: Path, request: UploadRequest, counts: dict[str, int]
    ) -> VersionInfo:
        """Sidecar first, then one rename makes ``built`` the current version."""
        versions = self.files.folder(branch_id, "versions")
        private_dirs(versions)
        numbers = [n for n, kinds in self.scan(branch_id).items() if kinds - {"sidecar"}]
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
        sidecar = self.files.version(branch_id, number, ".json")
        self.files.write_json(branch_id, sidecar, info.to_json())
        os.replace(built, self.files.version(branch_id, number))
        fsync_dir(versions)
        return info


def current_of(found: dict[int, set[str]]) -> int | None:
    """The current version of a scan: the highest-numbered plain file."""
    return max((n for n, kinds in found.items() if "plain" in kinds), default=None)
