"""Side copies: uploads refused as diverged (another PC's data moved on from the version they
build on), kept compressed in ``side/`` with a record, for the street office to look at."""

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.sync.protocol import UploadRequest
from desktop.sync.receiver.private import private_dirs
from desktop.sync.receiver.storage.files import BranchFiles, remove
from desktop.sync.receiver.storage.records import SideCopy, iso

log = logging.getLogger("shuren.street")

KEEP_SIDE_COPIES = 10  # diverged copies kept for the street office to look at


class SideCopies:
    def __init__(self, files: BranchFiles, clock: Callable[[], datetime]) -> None:
        self.files = files
        self._clock = clock

    def records(self, branch_id: str) -> list[SideCopy]:
        """Copies refused as diverged, newest first."""
        folder = self.files.folder(branch_id, "side")
        copies = []
        for path in folder.glob("*.json") if folder.is_dir() else ():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                copies.append(SideCopy(**data))
            except (OSError, ValueError, TypeError) as exc:
                log.warning("side copy record %s unreadable (%s)", path, exc)
        return sorted(copies, key=lambda c: (c.uploaded_at, c.upload_id), reverse=True)

    def keep(
        self,
        branch_id: str,
        request: UploadRequest,
        current: int | None,
        built: Path,
        counts: dict[str, int],
    ) -> None:
        """The rebuilt file of a diverged upload compressed in side/, then its record."""
        side = self.files.folder(branch_id, "side")
        private_dirs(side)
        record = SideCopy(
            upload_id=request.upload_id,
            parent=request.parent_version,
            current=current,
            sha256=request.sha256,
            length=request.length,
            uploaded_at=iso(self._clock()),
            counts=counts,
        )
        self.files.compress(branch_id, built, side / f"{request.upload_id}.sqlite3.zst")
        self.files.write_json(branch_id, side / f"{request.upload_id}.json", record.to_json())

    def prune(self, branch_id: str) -> None:
        """All but the newest KEEP_SIDE_COPIES."""
        folder = self.files.folder(branch_id, "side")
        for old in self.records(branch_id)[KEEP_SIDE_COPIES:]:
            remove(folder / f"{old.upload_id}.sqlite3.zst")
            remove(folder / f"{old.upload_id}.json")
