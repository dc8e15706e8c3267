"""The street office's copies of the branches are readable by the receiver's user only (POSIX):
folders under ``branches/`` 0700, every file there and the registry 0600."""

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from desktop.sync.protocol import UploadState
from desktop.sync.receiver.app import create_app
from desktop.sync.receiver.storage import Storage, StreetError

from .wire import make_db, prepare

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems give a user: new files 0644, new folders 0755."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def modes(data_dir: Path) -> dict[str, int]:
    """{path relative to the data dir: permission bits} of the registry and all of branches/."""
    found = {p.name: p for p in data_dir.glob("street.sqlite3*")}
    found["branches"] = data_dir / "branches"
    found.update({str(p.relative_to(data_dir)): p for p in (data_dir / "branches").rglob("*")})
    return {name: stat.S_IMODE(path.stat().st_mode) for name, path in found.items()}


def assert_private(data_dir: Path) -> dict[str, int]:
    found = modes(data_dir)
    wrong = {
        name: oct(mode)
        for name, mode in found.items()
        if mode != (0o700 if (data_dir / name).is_dir() else 0o600)
    }
    assert not wrong, wrong
    return found


def _upload(storage: Storage, branch_id: str, prepared, *, finish: bool = True) -> None:
    upload_id = prepared.request.upload_id
    storage.create_upload(branch_id, prepared.request)
    storage.put_chunk(branch_id, upload_id, 0, prepared.payload)
    if finish:
        assert storage.finish_upload(branch_id, upload_id).state is UploadState.DONE


def test_everything_the_receiver_writes_is_private(tmp_path: Path):
    data = tmp_path / "street"
    storage = Storage(data)
    branch_id = storage.add_branch("一支部").branch_id
    db = make_db(tmp_path / "b.sqlite3")
    first = prepare(db)
    _upload(storage, branch_id, first)  # versions/, sidecar, upload record, tmp/
    make_db(db, tag="改")
    _upload(storage, branch_id, prepare(db, base=first.digest, base_version=1))
    storage.tidy(branch_id)  # version 1 compressed to .zst
    make_db(db, tag="再改")
    _upload(storage, branch_id, prepare(db), finish=False)  # a payload still open
    bad = prepare(db)  # a payload refused and emptied
    storage.create_upload(branch_id, bad.request)
    storage.put_chunk(branch_id, bad.request.upload_id, 0, b"x" * len(bad.payload))
    with pytest.raises(StreetError):
        storage.finish_upload(branch_id, bad.request.upload_id)

    with closing(sqlite3.connect(storage.registry_path)) as registry:  # its -wal and -shm
        registry.execute("SELECT count(*) FROM branch").fetchone()
        found = assert_private(data)
    names = {Path(name).name for name in found}
    assert {"street.sqlite3-wal", "street.sqlite3-shm"} <= names  # SQLite copies the mode
    assert {"000001.sqlite3.zst", "000002.sqlite3", "000002.json"} <= names
    assert any(name.endswith(".payload") for name in names)


def test_a_data_dir_written_before_is_made_private_when_served(tmp_path: Path):
    data = tmp_path / "street"
    storage = Storage(data)
    branch_id = storage.add_branch("一支部").branch_id
    _upload(storage, branch_id, prepare(make_db(tmp_path / "b.sqlite3")))
    for path in [data / "street.sqlite3", data / "branches", *(data / "branches").rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # as an older version left them

    create_app(data)
    assert_private(data)
