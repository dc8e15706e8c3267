"""A receiver killed between writing the rebuilt file and swapping it in loses nothing."""

import http.client
import time

import pytest

from desktop.sync import protocol
from desktop.sync.receiver.storage import Storage

from .wire import Branch, make_db, prepare


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
