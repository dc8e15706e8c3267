"""Bring a data folder back in step with the street office.

- ``restore_from_street``: the street office's current copy becomes this folder's data — after
  a dead disk, or to settle a divergence with 以街道办的数据为准;
- ``compare_with_street``: after a divergence, how this PC's copy and the street office's differ;
- ``keep_local``: 以本机为准 — this PC's copy is uploaded as the next version; the other stays
  at the street office as an older version;
- ``merge_with_street``: 合并 — both copies joined record by record (store/merge.py), then
  uploaded.

Whatever replaces the data is first checked, and what was there is copied into ``backups/``.
Installing a copy writes an intent (``sync/resolve/intent.json``) before the data is put in
place, so that a kill between putting it in place and recording which street version it came
from is finished by the next sync instead of looking like a divergence.
"""

import shutil
from collections.abc import Callable
from contextlib import closing, nullcontext
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.copies import CopyDiff, MergeReport
from desktop.services import backups
from desktop.store import sqlite
from desktop.store.backup import put_in_place
from desktop.store.cipher import session_key
from desktop.store.datadir import db_path
from desktop.store.merge import compare_copies, merge_copies
from desktop.store.replace import LiveDatabase, live_database, upgraded_copy
from desktop.sync import client
from desktop.sync.client import Connect, SyncResult, acknowledged, adopt_version, configured
from desktop.sync.config import sync_dir
from desktop.sync.download import Downloaded, NotKept, download_version
from desktop.sync.errors import SyncError
from desktop.sync.files import read_json, write_atomically, write_json
from desktop.sync.lock import sync_lock
from desktop.sync.protocol import BranchState, FileDigest
from desktop.sync.snapshot import plain_digest, take_snapshot
from desktop.sync.transport import Connection

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Restored:
    version: int  # the street office's version now in place
    backup: Path | None  # this folder's data as it was (a backup, or set aside when damaged)


@dataclass(frozen=True)
class Merged:
    report: MergeReport
    backup: Path | None
    upload: SyncResult  # the merged copy, uploaded as the next version


def work_dir(data_dir: Path) -> Path:
    return sync_dir(data_dir) / "resolve"


def restore_from_street(
    data_dir: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    connect: Connect = Connection,
) -> Restored:
    """Replace this folder's data with the street office's current copy (SyncError)."""
    with sync_lock(data_dir), client.recorded_failures(data_dir):
        finish_install(data_dir)
        config, token, branch = configured(data_dir)
        with closing(connect(config, token)) as server:
            street = _fetch_street(server, data_dir, progress, cancelled)
        backup = _install(data_dir, branch, street, street.path)
        _tidy(data_dir)
        return Restored(street.version, backup)


def compare_with_street(
    data_dir: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    connect: Connect = Connection,
) -> CopyDiff:
    """How this PC's data differs from the street office's current copy."""
    with sync_lock(data_dir), client.recorded_failures(data_dir):
        street, base = _fetch_both(data_dir, progress, cancelled, connect)
        folder = work_dir(data_dir)
        here = take_snapshot(db_path(data_dir), folder / "here.sqlite3")
        try:
            there, before = _upgraded(street, base, folder)
            return compare_copies(here, there, before)
        finally:
            for name in ("here", "there-now", "base-now"):
                (folder / f"{name}.sqlite3").unlink(missing_ok=True)


def keep_local(
    data_dir: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    connect: Connect = Connection,
) -> SyncResult:
    """以本机为准: upload this PC's copy as the next version, on top of the street office's."""
    with sync_lock(data_dir), client.recorded_failures(data_dir):
        finish_install(data_dir)
        config, token, branch = configured(data_dir)
        with closing(connect(config, token)) as server:
            street = _fetch_street(server, data_dir, None, cancelled)
        adopt_version(data_dir, branch, street.version, street.digest)
        _tidy(data_dir)
        # The choice itself confirms that this copy may hold fewer records.
        return client.sync_unlocked(
            data_dir, confirm_shrink=True, progress=progress, cancelled=cancelled, connect=connect
        )


def merge_with_street(
    data_dir: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    connect: Connect = Connection,
) -> Merged:
    """合并: join both copies into this folder's data and upload the result."""
    with sync_lock(data_dir), client.recorded_failures(data_dir):
        finish_install(data_dir)
        street, base = _fetch_both(data_dir, None, cancelled, connect)
        _config, _token, branch = configured(data_dir)
        folder = work_dir(data_dir)
        with live_database(db_path(data_dir)) as live:
            merged = live.copy_to(folder / "merged.sqlite3")
            there, before = _upgraded(street, base, folder)
            report = merge_copies(merged, there, before, progress)
            backup = _install(data_dir, branch, street, merged, live=live)
        _tidy(data_dir)
        upload = client.sync_unlocked(data_dir, cancelled=cancelled, connect=connect)
        return Merged(report, backup, upload)


def _upgraded(
    street: Downloaded, base: Downloaded | None, folder: Path
) -> tuple[Path, Path | None]:
    """The street office's copy (and the common base) at this app's schema, under this
    folder's key: copies of residents' data are never left plain in the data folder."""
    key = session_key()
    there = upgraded_copy(street.path, folder / "there-now.sqlite3", key)
    if base is None:
        return there, None
    return there, upgraded_copy(base.path, folder / "base-now.sqlite3", key)


# --- fetching --------------------------------------------------------------------------------


def _cached(path: Path, version: int, sha256: str | None) -> Downloaded | None:
    """``path``, fetched before, when it still is that version of the street office's copy."""
    if not path.exists():
        return None
    digest = plain_digest(path)
    return Downloaded(path, version, digest) if digest.sha256 == sha256 else None


def _fetch_street(
    server: Connection,
    data_dir: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Downloaded:
    """The street office's current copy, from the folder if fetched before and still current."""
    state = BranchState.from_json(server.call("GET", ""))
    if state.version is None:
        raise SyncError("街道办还没有本支部的数据，无从下载。", retry=False)
    folder = work_dir(data_dir)
    cached = _cached(folder / "street.sqlite3", state.version, state.sha256)
    if cached is not None:
        return cached
    return download_version(
        server, folder, "street", None, progress=progress, cancelled=cancelled or (lambda: False)
    )


def _fetch_both(
    data_dir: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    connect: Connect,
) -> tuple[Downloaded, Downloaded | None]:
    """The street office's copy, and the version this folder last shared with it (the base of
    a three-way comparison) if the street office still keeps it."""
    config, token, branch = configured(data_dir)
    ack = acknowledged(data_dir, branch)
    with closing(connect(config, token)) as server:
        street = _fetch_street(server, data_dir, progress, cancelled)
        if ack is None or ack.version == street.version:
            return street, None
        folder = work_dir(data_dir)
        cached = _cached(folder / "base.sqlite3", ack.version, ack.sha256)
        if cached is not None:
            return street, cached
        try:
            base = download_version(
                server, folder, "base", ack.version, cancelled=cancelled or (lambda: False)
            )
        except NotKept:
            return street, None
        return street, base if base.digest.sha256 == ack.sha256 else None


# --- installing a copy -----------------------------------------------------------------------


def _install(
    data_dir: Path,
    branch: str,
    street: Downloaded,
    content: Path,
    *,
    live: LiveDatabase | None = None,
) -> Path | None:
    """Put ``content`` in place of this folder's data and build on ``street`` from now on.
    The data it replaces is kept first (returned): a backup, or set aside when damaged."""
    folder = work_dir(data_dir)
    installing = upgraded_copy(content, folder / "install.sqlite3", session_key())
    intent = {
        "branch_id": branch,
        "version": street.version,
        "sha256": street.digest.sha256,
        "length": street.digest.length,
        "page_size": street.digest.page_size,
        "installed_sha256": plain_digest(installing).sha256,
    }
    write_atomically(folder / "intent.bin", street.digest.manifest)
    write_json(folder / "intent.json", intent)
    db = db_path(data_dir)
    if not db.exists():
        put_in_place(db, installing)
        kept = None
    else:
        with nullcontext(live) if live is not None else live_database(db) as connection:
            if live is None:
                connection.note()
            kept, damaged = backups.keep_current(data_dir, db, moving=False)
            try:
                connection.replace_with(installing)
            except sqlite.DatabaseError:
                if not damaged:
                    raise
                # SQLite cannot write through the damaged file, which is kept aside: the new
                # one takes its place whole.
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                put_in_place(db, installing)
    _complete(data_dir, intent)
    backups.check_data_file(data_dir)  # a damage noted before no longer holds
    return kept


def finish_install(data_dir: Path) -> None:
    """Complete an install cut short by a kill, or forget it if the data never changed."""
    folder = work_dir(data_dir)
    intent = read_json(folder / "intent.json")
    if intent is None:
        return
    db = db_path(data_dir)
    if db.exists():
        now = take_snapshot(db, folder / "check.sqlite3")
        try:
            if plain_digest(now).sha256 == intent.get("installed_sha256"):
                _complete(data_dir, intent)
                return
        finally:
            now.unlink(missing_ok=True)
    _forget_intent(folder)


def _complete(data_dir: Path, intent: dict) -> None:
    folder = work_dir(data_dir)
    try:
        manifest = (folder / "intent.bin").read_bytes()
        digest = FileDigest(
            int(intent["length"]), str(intent["sha256"]), int(intent["page_size"]), manifest
        )
        adopt_version(data_dir, str(intent["branch_id"]), int(intent["version"]), digest)
    except (OSError, KeyError, TypeError, ValueError):
        pass  # a damaged intent: the next sync sees a divergence and asks
    _forget_intent(folder)


def _forget_intent(folder: Path) -> None:
    (folder / "intent.json").unlink(missing_ok=True)
    (folder / "intent.bin").unlink(missing_ok=True)


def _tidy(data_dir: Path) -> None:
    """Nothing of the resolution is kept once it is done (the backups are in backups/)."""
    shutil.rmtree(work_dir(data_dir), ignore_errors=True)
