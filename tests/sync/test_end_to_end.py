"""The app's sync against a real receiver (uvicorn on 127.0.0.1): deltas, faults, security.

After every scenario the same promise is checked (``assert_in_step``): the street office's
current copy passes integrity_check and equals a snapshot the client takes now, and the
version the client believes acknowledged is the one the server holds.
"""

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.kinds import RecordKind
from desktop.services.needs import NeedQuery, delete_needs, list_needs
from desktop.store.database import open_database
from desktop.sync import client
from desktop.sync.client import ShrinkRefused, SyncError, sync_once
from desktop.sync.config import SyncConfig
from desktop.sync.protocol import digest_file, integrity_problem
from desktop.sync.receiver.storage import Storage
from desktop.sync.snapshot import take_snapshot
from desktop.sync.status import load_status
from desktop.sync.transport import Connection, Refused
from tests.trash_items import purge_records

from .apps import (
    assert_in_step,
    assert_nothing_believed_is_missing,
    configure,
    edit,
    sha256_of,
    synced_branch,
)
from .conftest import StreetServer
from .proxy import Fault, FaultyProxy
from .workday import a_days_work, edit_one_need

ROOT = Path(__file__).resolve().parents[2]
KiB = 1024


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): sha256_of(p) for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- the normal course -----------------------------------------------------------------------


def test_first_upload_then_only_changes(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    whole = (app_dir / "shuren.sqlite3").stat().st_size

    first = sync_once(app_dir)
    assert not first.up_to_date and first.version == 1
    assert first.sent_bytes < whole / 2  # compressed
    assert_in_step(app_dir, shared_street.data_dir, branch)
    current = Storage(shared_street.data_dir).current_path(branch)
    assert current is not None
    with closing(sqlite3.connect(f"{current.as_uri()}?mode=ro", uri=True)) as copy:
        sql = " ".join(row[0] or "" for row in copy.execute("SELECT sql FROM sqlite_master"))
        assert "fts5" not in sql.lower()  # the search index stays at home
        assert copy.execute("SELECT count(*) FROM need").fetchone()[0] > 0
    assert not (app_dir / "sync" / "snapshot.sqlite3").exists()  # no copy left lying about

    again = sync_once(app_dir)
    assert again.up_to_date and again.sent_bytes == 0 and again.version == 1

    edit(app_dir, "电梯异响（已联系维保）")
    delta = sync_once(app_dir)
    assert delta.version == 2
    assert 0 < delta.sent_bytes <= 64 * KiB
    assert_in_step(app_dir, shared_street.data_dir, branch)
    status = load_status(app_dir)
    assert status.last_error is None and status.last_success_at is not None


def test_a_days_work_travels_in_under_300_kib(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch = synced_branch(app_dir, shared_street, add_street_branch)
    db = open_database(app_dir)
    try:
        a_days_work(db, __import__("datetime").date(2026, 11, 25))
    finally:
        db.close()
    result = sync_once(app_dir)
    assert 0 < result.sent_bytes <= 300 * KiB
    assert_in_step(app_dir, shared_street.data_dir, branch)


def test_the_cli_syncs_once_and_says_so(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable, tmp_path: Path
) -> None:
    branch, token = add_street_branch(shared_street)
    token_file = tmp_path / "token.txt"
    token_file.write_text(token + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "desktop", "sync", "--data-dir", str(app_dir)]
    first = _run([*command, "--server", shared_street.url, "--token-file", str(token_file)])
    assert first.returncode == 0, first.stderr
    assert "已同步" in first.stdout and "第 1 版" in first.stdout
    second = _run([*command, "--once"])  # address and token were remembered
    assert second.returncode == 0 and "已是最新" in second.stdout
    assert_in_step(app_dir, shared_street.data_dir, branch)

    far = _run([*command, "--server", "http://192.0.2.1:8765", "--once"])
    assert far.returncode == 2 and "https" in far.stderr


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    if "--once" not in command:
        command = [*command, "--once"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


# --- a line that breaks ----------------------------------------------------------------------


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many chunks even for a small file, so cuts land between and inside them."""
    monkeypatch.setattr(client, "CHUNK_SIZE", 16 * KiB)


@pytest.mark.parametrize("direction", ["up", "down"])
def test_a_dropped_line_at_many_points_is_resumed(
    direction: str,
    app_dir: Path,
    shared_street: StreetServer,
    add_street_branch: Callable,
    small_chunks: None,
) -> None:
    branch, token = add_street_branch(shared_street)
    port = int(shared_street.url.rsplit(":", 1)[1])
    proxy = FaultyProxy(port)
    try:
        configure(app_dir, proxy.url, token)
        # Answers are a few hundred bytes each, requests carry the payload.
        cuts = {
            "up": [120, 400, 900, 3_000, 9_000, 20_000, 40_000, 80_000, 160_000, 320_000],
            "down": [60, 200, 350, 500, 800, 1_200, 1_800, 2_600, 3_600, 5_000],
        }[direction]
        failures = 0
        for n, cut in enumerate(cuts):
            if n % 3 == 2:
                edit(app_dir, f"第{n}次修改")  # new changes while an upload hangs
            fault = Fault(cut_up_after=cut) if direction == "up" else Fault(cut_down_after=cut)
            proxy.reset(fault)
            try:
                sync_once(app_dir)
            except SyncError as exc:
                assert exc.retry, exc.message
                assert "网络" in exc.message or "重新上传" in exc.message
                failures += 1
            assert_nothing_believed_is_missing(app_dir, shared_street.data_dir, branch)
        assert failures >= len(cuts) // 2  # the cuts did bite
        proxy.reset()
        sync_once(app_dir)
        assert_in_step(app_dir, shared_street.data_dir, branch)
    finally:
        proxy.close()


def test_a_corrupted_byte_on_the_way_is_caught_and_resent(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    port = int(shared_street.url.rsplit(":", 1)[1])
    proxy = FaultyProxy(port, Fault(flip_up_at=6_000))  # inside the first chunk's body
    try:
        configure(app_dir, proxy.url, token)
        result = sync_once(app_dir)
        payload = Storage(shared_street.data_dir).current_info(branch)
        assert payload is not None
        # The damaged payload was refused by its hash, then sent again whole.
        assert result.sent_bytes > (app_dir / "shuren.sqlite3").stat().st_size / 20
        assert "bad_payload" in shared_street.log() or result.sent_bytes >= 2 * 6_000
        assert_in_step(app_dir, shared_street.data_dir, branch)
    finally:
        proxy.close()


def test_a_server_killed_between_writing_and_swapping_loses_nothing(
    app_dir: Path, start_street: Callable, add_street_branch: Callable
) -> None:
    street = start_street()
    branch, token = add_street_branch(street)
    configure(app_dir, street.url, token)
    sync_once(app_dir)
    before = Storage(street.data_dir).current_path(branch)
    assert before is not None
    old_bytes = before.read_bytes()

    street.restart(fault="before-swap")
    configure(app_dir, street.url, token)
    edit(app_dir, "楼道灯不亮")
    with pytest.raises(SyncError) as caught:
        sync_once(app_dir)
    assert caught.value.retry
    assert street.wait_exit() == 17  # died just before the rename
    storage = Storage(street.data_dir)
    current = storage.current_path(branch)
    assert current is not None and current.read_bytes() == old_bytes
    assert integrity_problem(current) is None
    assert load_status(app_dir).version == 1

    street.restart()
    configure(app_dir, street.url, token)
    result = sync_once(app_dir)
    assert result.version == 2
    assert_in_step(app_dir, street.data_dir, branch)


# --- replays, refusals, other branches --------------------------------------------------------


def test_replayed_requests_change_nothing(
    app_dir: Path,
    shared_street: StreetServer,
    add_street_branch: Callable,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    prepared: list[tuple] = []
    real_prepare = client._prepare

    def remember(*args, **kwargs):
        pending = real_prepare(*args, **kwargs)
        prepared.append((pending.request, pending.payload.read_bytes()))
        return pending

    monkeypatch.setattr(client, "_prepare", remember)
    sync_once(app_dir)
    edit(app_dir, "外墙渗水")
    sync_once(app_dir)
    (first, first_payload), _second = prepared
    current = Storage(shared_street.data_dir).current_path(branch)
    assert current is not None
    latest = current.read_bytes()

    conn = Connection(SyncConfig(server=shared_street.url), token)
    try:
        upload = first.upload_id
        created = conn.call("POST", "/uploads", json_body=first.to_json())
        put = conn.call("PUT", f"/uploads/{upload}?offset=0", body=first_payload)
        finished = conn.call("POST", f"/uploads/{upload}/finish", json_body={})
    finally:
        conn.close()
    for answer in (created, put, finished):
        assert answer["state"] == "done" and answer["version"] == 1
    assert Storage(shared_street.data_dir).current_path(branch) == current
    assert current.read_bytes() == latest
    assert_in_step(app_dir, shared_street.data_dir, branch)


def test_a_wrong_token_is_refused_and_said_plainly(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    wrong = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    configure(app_dir, shared_street.url, wrong)
    with pytest.raises(SyncError) as caught:
        sync_once(app_dir)
    assert not caught.value.retry and "令牌" in caught.value.message
    assert Storage(shared_street.data_dir).current_path(branch) is None
    assert load_status(app_dir).last_error == caught.value.message


def test_a_token_reaches_its_own_branch_only(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    victim, victim_token = add_street_branch(shared_street, "甲支部")
    _, intruder_token = add_street_branch(shared_street, "乙支部")
    configure(app_dir, shared_street.url, victim_token)
    sync_once(app_dir)
    victim_dir = shared_street.data_dir / "branches" / victim
    before = _tree(victim_dir)
    upload = next((victim_dir / "uploads").glob("*.json")).stem

    intruder = Connection(SyncConfig(server=shared_street.url), intruder_token)
    intruder._prefix = f"/v1/branches/{victim}"  # aim at the other branch
    nobody = Connection(SyncConfig(server=shared_street.url), intruder_token)
    nobody._prefix = "/v1/branches/0000000000ff"  # a branch that does not exist
    answers = []
    try:
        for conn in (intruder, nobody):
            for method, path, kwargs in (
                ("GET", "", {}),
                ("GET", f"/uploads/{upload}", {}),
                ("POST", "/uploads", {"json_body": {"upload_id": "a" * 32}}),
                ("PUT", f"/uploads/{upload}?offset=0", {"body": b"x" * 10}),
                ("POST", f"/uploads/{upload}/finish", {"json_body": {}}),
            ):
                with pytest.raises(Refused) as caught:
                    conn.call(method, path, **kwargs)
                answers.append((caught.value.status, caught.value.body))
    finally:
        intruder.close()
        nobody.close()
    assert {status for status, _ in answers} == {403}
    # Same answer whether the branch exists or not: nothing to learn.
    assert answers[:5] == answers[5:]
    assert _tree(victim_dir) == before
    assert_in_step(app_dir, shared_street.data_dir, victim)


def test_far_fewer_records_wait_for_the_secretary(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch = synced_branch(app_dir, shared_street, add_street_branch)
    db = open_database(app_dir)
    try:
        ids = [row.id for row in list_needs(db, NeedQuery(), limit=1000)]
        delete_needs(db, ids[: len(ids) * 2 // 3])
    finally:
        db.close()
    with pytest.raises(ShrinkRefused) as caught:
        sync_once(app_dir)
    old, new = caught.value.shrunk["need"]
    assert old == len(ids) and new == len(ids) - len(ids) * 2 // 3
    assert "需求" in caught.value.message and "确认" in caught.value.message
    assert Storage(shared_street.data_dir).current_version(branch) == 1
    result = sync_once(app_dir, confirm_shrink=True)
    assert result.version == 2
    assert_in_step(app_dir, shared_street.data_dir, branch)


def test_https_with_the_street_office_ca(
    app_dir: Path, start_street: Callable, add_street_branch: Callable, tmp_path: Path
) -> None:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    key_file, cert_file, ca_file = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "ca.pem"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    ca.cert_pem.write_to_path(str(ca_file))
    street = start_street(tls=(cert_file, key_file))
    assert street.url.startswith("https://")
    branch, token = add_street_branch(street)

    configure(app_dir, street.url, token)  # no CA file: the certificate cannot be verified
    with pytest.raises(SyncError) as caught:
        sync_once(app_dir)
    assert not caught.value.retry and "证书" in caught.value.message

    configure(app_dir, street.url, token, ca_file=ca_file)
    assert sync_once(app_dir).version == 1
    assert_in_step(app_dir, street.data_dir, branch)


def test_an_answer_lost_after_the_swap_is_recognised_next_time(
    app_dir: Path,
    shared_street: StreetServer,
    add_street_branch: Callable,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    real_call = Connection.call

    def lose_the_finish_answer(self, method, path, **kwargs):
        answer = real_call(self, method, path, **kwargs)
        if path.endswith("/finish"):
            raise SyncError("连不上街道办服务器，可能是网络断了；稍后会自动再试。", retry=True)
        return answer

    monkeypatch.setattr(Connection, "call", lose_the_finish_answer)
    with pytest.raises(SyncError):
        sync_once(app_dir)
    assert Storage(shared_street.data_dir).current_version(branch) == 1  # it did land
    assert load_status(app_dir).acknowledged is None  # but the client cannot know yet
    monkeypatch.setattr(Connection, "call", real_call)
    result = sync_once(app_dir)
    assert result.version == 1 and result.sent_bytes == 0  # recognised, not sent again
    assert_in_step(app_dir, shared_street.data_dir, branch)


def test_a_wrong_block_in_the_delta_is_caught_and_the_next_sync_sends_all(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch = synced_branch(app_dir, shared_street, add_street_branch)
    edit(app_dir, "快递柜故障")
    # Damage the client's record of the acknowledged copy so that a changed page is thought
    # unchanged: the delta then rebuilds a file with the wrong SHA-256 on the server.
    ack = load_status(app_dir).acknowledged
    assert ack is not None
    manifest_file = app_dir / "sync" / "manifests" / f"{ack.sha256}.bin"
    snapshot = take_snapshot(app_dir / "shuren.sqlite3", app_dir.parent / "now.sqlite3")
    now = digest_file(snapshot)
    manifest = bytearray(manifest_file.read_bytes())
    changed = [
        i for i in range(now.blocks) if now.block_digest(i) != manifest[i * 32 : i * 32 + 32]
    ]
    assert changed
    for i in changed:
        manifest[i * 32 : i * 32 + 32] = now.block_digest(i)
    manifest_file.write_bytes(bytes(manifest))

    with pytest.raises(SyncError) as caught:
        sync_once(app_dir)
    assert caught.value.retry and "重新上传" in caught.value.message
    assert Storage(shared_street.data_dir).current_version(branch) == 1  # nothing swapped in
    ack_after = load_status(app_dir).acknowledged
    assert ack_after == ack  # still the lineage: the next upload names version 1 as its parent
    assert not manifest_file.exists()  # but no delta is built on the wrong record again
    result = sync_once(app_dir)
    assert result.version == 2
    assert result.sent_bytes > 40 * KiB  # the whole file (a delta here is a few KiB)
    assert_in_step(app_dir, shared_street.data_dir, branch)


def test_a_record_deleted_for_good_does_not_travel_in_free_pages(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    secret = "欧阳䶮𠮷的家庭住址与病情说明" * 8
    db = open_database(app_dir)
    try:
        first = list_needs(db, NeedQuery(), limit=1)[0]
        edit_one_need(db, first.id, secret[:60])
    finally:
        db.close()
    sync_once(app_dir)
    current = Storage(shared_street.data_dir).current_path(branch)
    assert current is not None and secret[:60].encode() in current.read_bytes()

    db = open_database(app_dir)
    try:
        delete_needs(db, [first.id])
        purge_records(db, RecordKind.NEED, [first.id])
    finally:
        db.close()
    sync_once(app_dir)
    current = Storage(shared_street.data_dir).current_path(branch)
    assert current is not None
    assert secret[:60].encode() not in current.read_bytes()  # secure_delete zeroed the page
    assert_in_step(app_dir, shared_street.data_dir, branch)
