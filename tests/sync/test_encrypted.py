"""The sync of an encrypted data folder: plain pages travel (a delta stays a delta), nothing
plain is left on disk, and the street office's copy is a plain SQLite file."""

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop.store import cipher, sqlite
from desktop.store.datadir import db_path
from desktop.store.password import encrypt_data_file
from desktop.sync import client
from desktop.sync.client import sync_once
from desktop.sync.receiver.storage import Storage
from desktop.sync.sealed import read_plain
from desktop.sync.snapshot import plain_digest, take_snapshot

from .apps import assert_in_step, configure, edit, synced_branch
from .conftest import StreetServer
from .workday import a_days_work

KiB = 1024
PASSWORD = "Test-pass-2026"


@pytest.fixture
def secret_app(tmp_path: Path, demo_template: Path) -> Path:
    """The demo folder, encrypted the way a secretary's plain folder is."""
    folder = tmp_path / "app"
    shutil.copytree(demo_template, folder)
    encrypt_data_file(folder, PASSWORD)
    return folder


def a_resident(folder: Path) -> tuple[bytes, bytes]:
    """A resident's name and phone number, as bytes to look for in files."""
    with closing(sqlite.connect(db_path(folder))) as con:
        name, phone = con.execute(
            "SELECT name, phone FROM person WHERE length(phone) = 11 ORDER BY id LIMIT 1"
        ).fetchone()
    return name.encode(), phone.encode()


def test_snapshots_differ_in_bytes_but_not_in_plain_pages(secret_app: Path) -> None:
    db = db_path(secret_app)
    one = take_snapshot(db, secret_app.parent / "one.sqlite3")
    two = take_snapshot(db, secret_app.parent / "two.sqlite3")
    assert cipher.is_encrypted(one) and cipher.is_encrypted(two)
    assert one.read_bytes() != two.read_bytes()  # a fresh IV for every page written
    assert plain_digest(one) == plain_digest(two)


def test_an_encrypted_folder_syncs_deltas_and_the_street_gets_a_plain_copy(
    secret_app: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch = synced_branch(secret_app, shared_street, add_street_branch)
    current = Storage(shared_street.data_dir).current_path(branch)
    assert current is not None
    with closing(sqlite3.connect(f"{current.as_uri()}?mode=ro", uri=True)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM need").fetchone()[0] > 0

    edit(secret_app, "电梯异响（已联系维保）")
    delta = sync_once(secret_app)
    assert delta.version == 2
    assert 0 < delta.sent_bytes <= 64 * KiB
    assert_in_step(secret_app, shared_street.data_dir, branch)

    from desktop.store.database import open_database

    db = open_database(secret_app)
    try:
        a_days_work(db, __import__("datetime").date(2026, 11, 25))
    finally:
        db.close()
    day = sync_once(secret_app)
    assert 0 < day.sent_bytes <= 300 * KiB
    assert_in_step(secret_app, shared_street.data_dir, branch)


def test_a_pending_upload_is_sealed_and_reads_back_plain(
    secret_app: Path, shared_street: StreetServer, add_street_branch: Callable, monkeypatch
) -> None:
    """Kept on disk for a resume, the payload holds no resident's data in the clear."""
    name, phone = a_resident(secret_app)
    _branch, token = add_street_branch(shared_street)
    configure(secret_app, shared_street.url, token)
    monkeypatch.setattr(client, "_upload", _stop_before_sending)
    with pytest.raises(_Stopped):
        sync_once(secret_app)
    payload = secret_app / "sync" / "pending" / "payload.zst"
    sealed = payload.read_bytes()
    assert name not in sealed and phone not in sealed
    import zstandard

    plain = zstandard.ZstdDecompressor().stream_reader(read_plain(payload, 0, len(sealed))).read()
    assert phone in plain  # the plain payload does carry the pages the street office needs
    assert read_plain(payload, 5, 100) == read_plain(payload, 0, 105)[5:]  # any offset


class _Stopped(Exception):
    pass


def _stop_before_sending(*_args, **_kwargs):
    raise _Stopped()


def test_the_street_offices_copy_is_kept_encrypted_here(
    secret_app: Path, shared_street: StreetServer, add_street_branch: Callable, tmp_path: Path
) -> None:
    """Fetched for a comparison, a restore or a merge, it is never left plain on disk."""
    from desktop.sync.config import load_config, load_token
    from desktop.sync.download import download_version
    from desktop.sync.transport import Connection

    branch = synced_branch(secret_app, shared_street, add_street_branch)
    name, phone = a_resident(secret_app)
    with closing(Connection(load_config(secret_app), load_token(secret_app))) as server:
        got = download_version(server, secret_app / "sync" / "resolve", "street")
    current = Storage(shared_street.data_dir).current_path(branch)
    assert current is not None and phone in current.read_bytes()  # plain at the street office
    assert cipher.is_encrypted(got.path)
    assert name not in got.path.read_bytes() and phone not in got.path.read_bytes()
    assert plain_digest(got.path) == got.digest  # page for page: still a delta from here
    assert [p.name for p in got.path.parent.iterdir()] == ["street.sqlite3"]
