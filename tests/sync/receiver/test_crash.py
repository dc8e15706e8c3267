"""A receiver killed between writing the rebuilt file and swapping it in loses nothing."""

import http.client
import os
import time
from pathlib import Path

import pytest

from desktop.sync import protocol
from desktop.sync.protocol import ErrorCode
from desktop.sync.receiver.storage import Storage, StreetError

from ..crashing_street import is_swap
from .wire import Branch, make_db, prepare


def test_the_crash_step_is_the_one_rename_that_makes_an_upload_current(tmp_path, monkeypatch):
    """crashing_street kills the receiver at the first rename ``is_swap`` matches: it must be
    the swap of each committed version (sidecar written, old version current), and no rename
    of an upload record, sidecar, side copy, download cache or compressed version."""
    storage = Storage(tmp_path / "street")
    branch_id = storage.add_branch("一支部").branch_id
    swaps: list[tuple[Path, bool, int | None]] = []
    real_replace = os.replace

    def replace(src, dst, **kwargs):
        if is_swap(src, dst):
            sidecar = Path(dst).with_suffix(".json")
            swaps.append((Path(dst), sidecar.exists(), storage.current_version(branch_id)))
        real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    db = make_db(tmp_path / "b.sqlite3", people=40)
    first = prepare(db)
    for number, prepared in enumerate((first, None, None), start=1):
        if prepared is None:
            make_db(db, people=40, tag=f"改{number}")
            prepared = prepare(db, parent_version=number - 1)
        upload_id = prepared.request.upload_id
        storage.create_upload(branch_id, prepared.request)
        storage.put_chunk(branch_id, upload_id, 0, prepared.payload)
        assert storage.finish_upload(branch_id, upload_id).version == number
        storage.version_download(branch_id)
        storage.tidy(branch_id)
    make_db(db, people=40, tag="另一台")
    aside = prepare(db, parent_version=1)  # diverged: kept in side/, never swapped in
    storage.create_upload(branch_id, aside.request)
    storage.put_chunk(branch_id, aside.request.upload_id, 0, aside.payload)
    with pytest.raises(StreetError) as refused:
        storage.finish_upload(branch_id, aside.request.upload_id)
    assert refused.value.code is ErrorCode.DIVERGED
    assert storage.side_copies(branch_id)
    storage.tidy(branch_id)

    versions = tmp_path / "street" / "branches" / branch_id / "versions"
    assert swaps == [
        (versions / "000001.sqlite3", True, None),
        (versions / "000002.sqlite3", True, 1),
        (versions / "000003.sqlite3", True, 2),
    ]


@pytest.mark.slow
def test_killed_before_the_swap_the_old_version_stays_and_finish_works_later(
    start_street, add_street_branch, tmp_path
):
    server = start_street()
    branch_id, token = add_street_branch(server)
    db = make_db(tmp_path / "b.sqlite3", people=150)
    first = prepare(db)
    assert Branch(server.url, branch_id, token).upload(first).body["version"] == 1
    old = db.read_bytes()

    server.restart(fault="before-swap")
    branch = Branch(server.url, branch_id, token)
    make_db(db, people=150, tag="改")
    second = prepare(db, base=first.digest, base_version=1)
    branch.send(second)
    with pytest.raises((http.client.HTTPException, ConnectionError)):
        branch.finish(second.request.upload_id)  # the server dies before answering
    assert server.wait_exit() == 17

    storage = Storage(server.data_dir)
    current = storage.current_path(branch_id)
    assert current is not None
    assert current.read_bytes() == old
    assert protocol.integrity_problem(current) is None
    assert [b.version for b in storage.branches()] == [1]
    leftovers = server.data_dir / "branches" / branch_id / "tmp"
    assert list(leftovers.glob("*.sqlite3"))  # the rebuilt file was there, never swapped in

    server.restart()
    branch = Branch(server.url, branch_id, token)
    assert branch.state().body["version"] == 1
    assert branch.status(second.request.upload_id).body["received"] == len(second.payload)
    done = branch.finish(second.request.upload_id)
    assert done.status == 200
    assert done.body["version"] == 2
    assert storage.current_path(branch_id) == current.with_name("000002.sqlite3")
    assert current.with_name("000002.sqlite3").read_bytes() == db.read_bytes()
    assert branch.finish(second.request.upload_id).body == done.body
    # Tidying after that finish cleared what the crash left behind.
    deadline = time.monotonic() + 10
    while list(leftovers.glob("*.sqlite3")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not list(leftovers.glob("*.sqlite3"))
