"""Which versions a branch keeps: the last KEEP_LAST and the newest of each calendar month (UTC),
the current one always; older kept versions are compressed, the rest removed."""

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from desktop.sync.receiver.storage.files import fsync_dir, remove
from desktop.sync.receiver.storage.versions import Versions, current_of

KEEP_LAST = 30  # versions always kept, besides the newest of each calendar month


def versions_to_keep(
    versions: Iterable[tuple[int, datetime]], keep_last: int = KEEP_LAST
) -> set[int]:
    """Version numbers to keep: the last ``keep_last`` and the newest of each UTC month."""
    ordered = sorted(versions)
    keep = {number for number, _ in ordered[-keep_last:]} if keep_last > 0 else set()
    newest: dict[str, tuple[datetime, int]] = {}
    for number, moment in ordered:
        month = moment.astimezone(UTC).strftime("%Y-%m")
        if month not in newest or (moment, number) > newest[month]:
            newest[month] = (moment, number)
    return keep | {number for _, number in newest.values()}


def prune_versions(versions: Versions, branch_id: str) -> list[tuple[Path, Path]]:
    """Remove versions no longer kept (and sidecars without a file); the (plain, packed) pairs
    of kept older versions still to compress."""
    files = versions.files
    found = versions.scan(branch_id)
    current = current_of(found)
    dated: list[tuple[int, datetime]] = []
    for number, kinds in sorted(found.items()):
        if kinds == {"sidecar"}:  # a sidecar whose file never arrived or was pruned
            remove(files.version(branch_id, number, ".json"))
        else:
            dated.append((number, versions.uploaded_at(branch_id, number, kinds)))
    keep = versions_to_keep(dated)
    if current is not None:
        keep.add(current)
    to_pack: list[tuple[Path, Path]] = []
    for number, _ in dated:
        plain = files.version(branch_id, number)
        packed = files.packed(branch_id, number)
        if number not in keep:
            for path in (plain, packed, files.version(branch_id, number, ".json")):
                remove(path)
        elif number != current and plain.exists():
            cache = files.download(branch_id, number)
            if not packed.exists() and cache.exists():
                os.replace(cache, packed)  # the same bytes: compressed once, for download
                fsync_dir(packed.parent)
            to_pack.append((plain, packed))
    return to_pack
