"""The app's side of sync tests: a demo data folder, configured for a receiver, edited through
the services; and the promise every scenario ends with (``assert_in_step``)."""

import hashlib
from collections.abc import Callable
from pathlib import Path

from desktop.services.needs import NeedQuery, list_needs
from desktop.store.database import open_database
from desktop.sync.client import sync_once
from desktop.sync.config import SyncConfig, save_config, save_token
from desktop.sync.protocol import integrity_problem
from desktop.sync.receiver.storage import Storage
from desktop.sync.snapshot import plain_digest, take_snapshot
from desktop.sync.status import load_status

from .conftest import StreetServer
from .workday import edit_one_need


def configure(app_dir: Path, url: str, token: str, ca_file: Path | None = None) -> None:
    save_config(app_dir, SyncConfig(server=url, ca_file=ca_file))
    save_token(app_dir, token)


def edit(app_dir: Path, title: str) -> None:
    db = open_database(app_dir)
    try:
        first = list_needs(db, NeedQuery(), limit=1)[0]
        edit_one_need(db, first.id, title)
    finally:
        db.close()


def synced_branch(app_dir: Path, street: StreetServer, add_street_branch: Callable) -> str:
    """A new branch on ``street``, the app configured for it and its first upload done."""
    branch, token = add_street_branch(street)
    configure(app_dir, street.url, token)
    sync_once(app_dir)
    return branch


def assert_in_step(app_dir: Path, street_dir: Path, branch: str) -> None:
    storage = Storage(street_dir, create=False)
    current = storage.current_path(branch)
    assert current is not None
    assert integrity_problem(current) is None
    snapshot = take_snapshot(app_dir / "shuren.sqlite3", app_dir.parent / "check.sqlite3")
    assert plain_digest(snapshot).sha256 == sha256_of(current)  # as the street office holds it
    ack = load_status(app_dir).acknowledged
    assert ack is not None
    assert ack.version == storage.current_version(branch)
    assert ack.sha256 == sha256_of(current)


def assert_nothing_believed_is_missing(app_dir: Path, street_dir: Path, branch: str) -> None:
    """Mid-way through faults: whatever the client counts as uploaded, the server holds."""
    ack = load_status(app_dir).acknowledged
    storage = Storage(street_dir, create=False)
    current = storage.current_path(branch)
    if current is not None:
        assert integrity_problem(current) is None
    if ack is None:
        return
    assert current is not None
    assert storage.current_version(branch) >= ack.version
    assert storage.version_info(branch, ack.version).sha256 == ack.sha256


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
