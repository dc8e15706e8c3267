"""Uploads through a real receiver: full then delta, replays, offsets, refusals."""

import hashlib
import http.client
import shutil
import socket
import sqlite3
import time
from contextlib import closing
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
import zstandard

from desktop.sync import protocol
from desktop.sync.receiver.storage import Storage

from .wire import Branch, Prepared, call, make_db, prepare


def _current_bytes(street, branch_id: str) -> bytes:
    path = Storage(street.data_dir).current_path(branch_id)
    assert path is not None
    return path.read_bytes()


@pytest.fixture
def street(shared_street):
    """Every test here adds its own branch, so one receiver serves them all."""
    return shared_street


def test_full_then_delta_upload_rebuilds_the_clients_file(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "branch.sqlite3", people=200)
    first = prepare(db)
    reply = branch.upload(first)
    assert reply.status == 200, reply.body
    assert reply.body == {
        "upload_id": first.request.upload_id,
        "state": "done",
        "received": len(first.payload),
        "version": 1,
    }
    assert _current_bytes(street, branch.branch_id) == db.read_bytes()

    make_db(db, people=200, tag="（已改）")
    second = prepare(db, base=first.digest, base_version=1)
    assert 0 < second.blocks < first.blocks // 4  # only changed pages travel
    reply = branch.upload(second)
    assert reply.body["version"] == 2
    assert _current_bytes(street, branch.branch_id) == db.read_bytes()

    state = branch.state().body
    assert state["version"] == 2
    assert state["sha256"] == hashlib.sha256(db.read_bytes()).hexdigest()
    assert state["length"] == db.stat().st_size
    assert {table: n for table, n in state["counts"].items() if n} == {"person": 200, "need": 30}
    record = Storage(street.data_dir).branch(branch.branch_id)
    assert record is not None
    assert record.version == 2
    assert record.bytes_last == len(second.payload)
    assert record.bytes_total == len(first.payload) + len(second.payload)


def test_replayed_create_put_and_finish_are_harmless(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    prepared = prepare(make_db(tmp_path / "b.sqlite3", people=300))
    upload_id = prepared.request.upload_id
    half = len(prepared.payload) // 2
    assert half > 1000
    assert branch.create(prepared.request).body["received"] == 0
    assert branch.put(upload_id, 0, prepared.payload[:half]).body["received"] == half
    # A create repeated after a dropped answer reports progress instead of starting over.
    again = branch.create(prepared.request)
    assert again.status == 200
    assert again.body == {
        "upload_id": upload_id,
        "state": "open",
        "received": half,
        "version": None,
    }
    # The same chunk twice, then the rest.
    assert branch.put(upload_id, 0, prepared.payload[:half]).body["received"] == half
    assert branch.put(upload_id, half, prepared.payload[half:]).body["received"] == len(
        prepared.payload
    )
    done = branch.finish(upload_id)
    assert done.body["state"] == "done"
    assert done.body["version"] == 1
    for replay in (
        branch.finish(upload_id),
        branch.create(prepared.request),
        branch.put(upload_id, 0, prepared.payload[:half]),
        branch.status(upload_id),
    ):
        assert replay.status == 200
        assert replay.body == done.body
    assert Storage(street.data_dir).current_version(branch.branch_id) == 1
    record = Storage(street.data_dir).branch(branch.branch_id)
    assert record is not None
    assert record.bytes_total == len(prepared.payload) + half  # the repeated chunk counted


def test_the_same_upload_id_for_other_data_is_refused(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    first = prepare(make_db(tmp_path / "a.sqlite3"))
    other = prepare(make_db(tmp_path / "b.sqlite3", people=5), upload_id=first.request.upload_id)
    assert branch.create(first.request).status == 200
    reply = branch.create(other.request)
    assert reply.status == 400
    assert reply.body["code"] == "bad_request"


def test_a_file_already_current_is_done_without_a_payload(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "b.sqlite3")
    assert branch.upload(prepare(db)).body["version"] == 1
    again = prepare(db, base=protocol.digest_file(db), base_version=1)
    reply = branch.create(again.request)
    assert reply.status == 200
    assert reply.body["state"] == "done"
    assert reply.body["version"] == 1
    assert Storage(street.data_dir).current_version(branch.branch_id) == 1


def test_chunk_offsets_past_what_arrived_or_past_the_end(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    prepared = prepare(make_db(tmp_path / "b.sqlite3", people=100))
    upload_id = prepared.request.upload_id
    branch.create(prepared.request)
    assert branch.put(upload_id, 0, prepared.payload[:100]).body["received"] == 100
    gap = branch.put(upload_id, 200, prepared.payload[200:300])
    assert gap.status == 409
    assert gap.body["code"] == "offset"
    assert gap.body["received"] == 100
    past_end = branch.put(upload_id, 100, prepared.payload[100:] + b"extra")
    assert past_end.status == 400
    for bad_offset in ("-1", "abc", ""):
        path = f"{branch.prefix}/uploads/{upload_id}?offset={bad_offset}"
        assert call(street.url, "PUT", path, token=branch.token, data=b"x").status == 400
    early = branch.finish(upload_id)
    assert early.status == 409
    assert early.body["code"] == "incomplete"
    assert early.body["received"] == 100


def test_bodies_over_the_limit_are_413(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    prepared = prepare(make_db(tmp_path / "b.sqlite3"))
    branch.create(prepared.request)
    url = urlsplit(street.url)
    for method, path, limit in (
        (
            "PUT",
            f"{branch.prefix}/uploads/{prepared.request.upload_id}?offset=0",
            protocol.MAX_CHUNK,
        ),
        ("POST", f"{branch.prefix}/uploads", protocol.MAX_JSON_BODY),
    ):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        try:
            # Headers only: the receiver must answer before reading a byte of the body.
            conn.putrequest(method, path)
            conn.putheader("Authorization", f"Bearer {branch.token}")
            conn.putheader("Content-Length", str(limit + 1))
            conn.endheaders()
            response = conn.getresponse()
            body = response.read()
        finally:
            conn.close()
        assert response.status == 413, body
        assert b'"too_large"' in body
    assert branch.status(prepared.request.upload_id).body["received"] == 0


def test_a_chunk_cut_short_is_never_written(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    prepared = prepare(make_db(tmp_path / "b.sqlite3", people=100))
    upload_id = prepared.request.upload_id
    branch.create(prepared.request)
    url = urlsplit(street.url)
    head = (
        f"PUT {branch.prefix}/uploads/{upload_id}?offset=0 HTTP/1.1\r\n"
        f"Host: {url.netloc}\r\nAuthorization: Bearer {branch.token}\r\n"
        f"Content-Length: 1000\r\n\r\n"
    ).encode()
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(head + prepared.payload[:400])
        time.sleep(0.2)  # let the server read the part before the line drops
    deadline = time.monotonic() + 10
    line = f"upload {upload_id}: chunk at 0 cut short, nothing written"
    while line not in street.log() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert line in street.log()
    assert branch.status(upload_id).body["received"] == 0
    payload = street.data_dir / "branches" / branch.branch_id / "uploads" / f"{upload_id}.payload"
    assert payload.stat().st_size == 0


def test_chunked_transfer_under_the_limit_is_accepted(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    prepared = prepare(make_db(tmp_path / "b.sqlite3", people=100))
    upload_id = prepared.request.upload_id
    branch.create(prepared.request)
    url = urlsplit(street.url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        pieces = [prepared.payload[i : i + 500] for i in range(0, len(prepared.payload), 500)]
        conn.request(
            "PUT",
            f"{branch.prefix}/uploads/{upload_id}?offset=0",
            body=iter(pieces),
            headers={"Authorization": f"Bearer {branch.token}"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        response.read()
    finally:
        conn.close()
    assert response.status == 200
    assert branch.finish(upload_id).body["version"] == 1


def _flip(payload: bytes, at: int) -> bytes:
    return payload[:at] + bytes([payload[at] ^ 0xFF]) + payload[at + 1 :]


def test_a_corrupted_payload_is_discarded_and_nothing_changes(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "b.sqlite3", people=100)
    first = prepare(db)
    branch.upload(first)
    before = _current_bytes(street, branch.branch_id)
    make_db(db, people=100, tag="改")
    second = prepare(db, base=first.digest, base_version=1)
    upload_id = second.request.upload_id
    branch.create(second.request)
    branch.put(upload_id, 0, _flip(second.payload, len(second.payload) // 2))
    reply = branch.finish(upload_id)
    assert reply.status == 422
    assert reply.body["code"] == "bad_payload"
    assert branch.status(upload_id).body["received"] == 0  # discarded: send it again
    assert _current_bytes(street, branch.branch_id) == before
    # Sent again intact, the same upload goes through.
    branch.put(upload_id, 0, second.payload)
    assert branch.finish(upload_id).body["version"] == 2


def test_a_payload_whose_hash_matches_but_format_is_wrong_is_422(
    street, add_street_branch, tmp_path
):
    branch = Branch(street.url, *add_street_branch(street))
    prepared = prepare(make_db(tmp_path / "b.sqlite3"))
    junk = zstandard.ZstdCompressor().compress(b"NOPE" + b"\x00" * 5000)
    request = replace(
        prepared.request,
        payload_length=len(junk),
        payload_sha256=hashlib.sha256(junk).hexdigest(),
    )
    branch.send(Prepared(request, junk, prepared.digest, prepared.blocks))
    reply = branch.finish(request.upload_id)
    assert reply.status == 422
    assert reply.body["code"] == "bad_payload"
    assert Storage(street.data_dir).current_path(branch.branch_id) is None


def test_a_rebuilt_file_with_the_wrong_hash_is_bad_result(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    one = prepare(make_db(tmp_path / "one.sqlite3"))
    other = prepare(make_db(tmp_path / "other.sqlite3", people=7))
    # The payload of one file, announced with the other's hash.
    request = replace(one.request, sha256=other.request.sha256)
    branch.send(Prepared(request, one.payload, one.digest, one.blocks))
    reply = branch.finish(request.upload_id)
    assert reply.status == 422
    assert reply.body["code"] == "bad_result"
    assert branch.status(request.upload_id).status == 404  # the upload is gone
    assert Storage(street.data_dir).current_path(branch.branch_id) is None
    assert not list((street.data_dir / "branches" / branch.branch_id / "tmp").iterdir())


def test_a_file_that_fails_integrity_check_is_bad_result(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "b.sqlite3", people=300)
    good = prepare(db)
    branch.upload(good)
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copyfile(db, damaged)
    with closing(sqlite3.connect(db)) as conn:
        sql = "SELECT rootpage FROM sqlite_master WHERE name = 'person'"
        (root,) = conn.execute(sql).fetchone()
    with damaged.open("r+b") as f:  # garbage over the person table's first page
        f.seek(good.digest.page_size * (root - 1))
        f.write(b"\xff" * 300)
    assert protocol.integrity_problem(damaged) is not None
    bad = prepare(damaged, base=good.digest, base_version=1)
    reply = branch.upload(bad)
    assert reply.status == 422
    assert reply.body["code"] == "bad_result"
    assert _current_bytes(street, branch.branch_id) == db.read_bytes()


def test_an_unknown_base_is_409_with_the_current_version(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "b.sqlite3")
    before_any = prepare(db, base=None, base_version=1)
    reply = branch.create(before_any.request)
    assert reply.status == 409
    assert reply.body["code"] == "unknown_base"
    assert reply.body["version"] is None
    first = prepare(db)
    branch.upload(first)
    make_db(db, tag="改")
    reply = branch.create(prepare(db, base=first.digest, base_version=5).request)
    assert reply.status == 409
    assert reply.body["version"] == 1


def test_two_uploads_on_one_base_the_second_is_kept_aside_as_diverged(
    street, add_street_branch, tmp_path
):
    """Two PCs finishing on the same parent: the first becomes current, the second is refused
    with its own code and kept as a side copy, never current."""
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "b.sqlite3")
    first = prepare(db)
    branch.upload(first)
    make_db(db, tag="甲")
    a = prepare(db, base=first.digest, base_version=1)
    make_db(db, tag="乙")
    b = prepare(db, base=first.digest, base_version=1)
    branch.send(a)
    branch.send(b)
    assert branch.finish(a.request.upload_id).body["version"] == 2
    late = branch.finish(b.request.upload_id)
    assert late.status == 409
    assert late.body["code"] == "diverged"
    assert late.body["version"] == 2
    again = branch.finish(b.request.upload_id)  # a repeat answers the same
    assert (again.status, again.body["code"]) == (409, "diverged")
    storage = Storage(street.data_dir)
    assert storage.current_version(branch.branch_id) == 2
    assert storage.current_info(branch.branch_id).sha256 == a.request.sha256
    (side,) = storage.side_copies(branch.branch_id)
    assert (side.upload_id, side.parent, side.current) == (b.request.upload_id, 1, 2)
    assert side.sha256 == b.request.sha256
    kept = (
        street.data_dir / "branches" / branch.branch_id / "side" / f"{side.upload_id}.sqlite3.zst"
    )
    assert hashlib.sha256(zstandard.decompress(kept.read_bytes())).hexdigest() == side.sha256


def test_a_shrunk_copy_needs_confirmation(street, add_street_branch, tmp_path):
    branch = Branch(street.url, *add_street_branch(street))
    db = make_db(tmp_path / "b.sqlite3", people=100, needs=40)
    first = prepare(db)
    branch.upload(first)
    before = _current_bytes(street, branch.branch_id)
    make_db(db, people=100, needs=5)
    shrunk = prepare(db, base=first.digest, base_version=1)
    reply = branch.upload(shrunk)
    assert reply.status == 409
    assert reply.body["code"] == "shrink"
    assert reply.body["shrunk"] == {"need": [40, 5]}
    assert "需求" in reply.body["message"]
    assert _current_bytes(street, branch.branch_id) == before
    # The payload is kept: finishing again with the secretary's confirmation commits it.
    confirmed = branch.finish(shrunk.request.upload_id, confirm_shrink=True)
    assert confirmed.status == 200
    assert confirmed.body["version"] == 2
    assert _current_bytes(street, branch.branch_id) == db.read_bytes()


def test_bad_json_bodies_are_400(street, add_street_branch):
    branch = Branch(street.url, *add_street_branch(street))
    for data in (b"{not json", b"[1, 2]", b'{"upload_id": "x"}'):
        reply = call(street.url, "POST", f"{branch.prefix}/uploads", token=branch.token, data=data)
        assert reply.status == 400
        assert reply.body["code"] == "bad_request"
    finish = call(
        street.url,
        "POST",
        f"{branch.prefix}/uploads/{'0' * 32}/finish",
        token=branch.token,
        json_body={"confirm_shrink": "yes"},
    )
    assert finish.status == 400
