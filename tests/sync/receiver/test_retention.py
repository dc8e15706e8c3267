"""Versions kept on disk: the last 30 plus the newest of each month, older ones compressed;
crash leftovers and old upload records tidied. Storage only, no HTTP."""

import hashlib
import io
import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import zstandard

from desktop.sync.receiver.app import Tidier
from desktop.sync.receiver.storage import KEEP_DONE_UPLOADS, Storage, versions_to_keep

from .wire import Prepared, make_db, prepare


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def _upload(storage: Storage, branch_id: str, prepared: Prepared) -> int:
    upload_id = prepared.request.upload_id
    storage.create_upload(branch_id, prepared.request)
    storage.put_chunk(branch_id, upload_id, 0, prepared.payload)
    status = storage.finish_upload(branch_id, upload_id)
    assert status.version is not None
    return status.version


def _two_versions(tmp_path: Path) -> tuple[Storage, str]:
    """A branch with versions 1 and 2 on disk (2 the current)."""
    storage = Storage(tmp_path / "street")
    branch_id = storage.add_branch("一支部").branch_id
    db = make_db(tmp_path / "b.sqlite3")
    first = prepare(db)
    _upload(storage, branch_id, first)
    make_db(db, tag="二")
    _upload(storage, branch_id, prepare(db, base=first.digest, base_version=1))
    return storage, branch_id


def _day(month: int, day: int = 1) -> datetime:
    return datetime(2025, month, day, 12, tzinfo=UTC)


def test_versions_to_keep_last_n_and_newest_of_each_month():
    versions = [
        (1, _day(1, 3)),
        (2, _day(1, 20)),
        (3, _day(2, 1)),
        (4, _day(2, 27)),
        (5, _day(3, 5)),
        (6, _day(3, 6)),
        (7, _day(3, 30)),
        (8, _day(4, 2)),
    ]
    assert versions_to_keep(versions, keep_last=2) == {2, 4, 7, 8}
    assert versions_to_keep(versions, keep_last=0) == {2, 4, 7, 8}
    assert versions_to_keep(versions, keep_last=30) == set(range(1, 9))
    assert versions_to_keep([], keep_last=30) == set()
    # "Newest" goes by uploaded_at, and months by UTC.
    shifted = [(1, _day(5, 31)), (2, datetime(2025, 6, 1, 1, tzinfo=UTC) - timedelta(hours=3))]
    assert versions_to_keep(shifted, keep_last=0) == {2}


def test_forty_uploads_keep_thirty_plus_month_ends_compressed(tmp_path: Path):
    clock = Clock(_day(1))
    storage = Storage(tmp_path / "street", clock=clock)
    branch_id = storage.add_branch("一支部").branch_id
    # Versions 1–10 in January–April, then 30 more in May.
    months = [1, 1, 2, 2, 2, 3, 4, 4, 4, 4] + [5] * 30
    db = tmp_path / "b.sqlite3"
    sha: dict[int, str] = {}
    base = None
    for number, month in enumerate(months, start=1):
        clock.moment = _day(month, 1 + number % 28)
        make_db(db, people=60, tag=f"v{number}")
        prepared = prepare(db, base=base, base_version=None if base is None else number - 1)
        assert _upload(storage, branch_id, prepared) == number
        storage.tidy(branch_id)
        sha[number] = hashlib.sha256(db.read_bytes()).hexdigest()
        base = prepared.digest

    versions = tmp_path / "street" / "branches" / branch_id / "versions"
    kept = {2, 5, 6, 10, *range(11, 41)}
    assert storage.current_path(branch_id) == versions / "000040.sqlite3"
    assert sorted(p.name for p in versions.glob("*.sqlite3")) == ["000040.sqlite3"]
    assert {int(p.name[:6]) for p in versions.glob("*.sqlite3.zst")} == kept - {40}
    assert {int(p.stem) for p in versions.glob("*.json")} == kept
    for number in kept - {40}:
        packed = versions / f"{number:06d}.sqlite3.zst"
        plain = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(packed.read_bytes())).read()
        assert hashlib.sha256(plain).hexdigest() == sha[number]
        sidecar = json.loads((versions / f"{number:06d}.json").read_text(encoding="utf-8"))
        assert sidecar["sha256"] == sha[number]
        assert sidecar["version"] == number
    assert (versions / "000040.sqlite3").read_bytes() == db.read_bytes()
    record = storage.branch(branch_id)
    assert record is not None
    assert record.version == 40
    assert record.last_upload_at == clock.moment.isoformat(timespec="seconds")


def test_tidy_clears_crash_leftovers_and_keeps_the_current(tmp_path: Path):
    storage, branch_id = _two_versions(tmp_path)
    root = tmp_path / "street" / "branches" / branch_id
    current = (root / "versions" / "000002.sqlite3").read_bytes()
    # What crashes leave: a half-built file, a sidecar whose file never arrived, a version
    # compressed but whose plain copy was not yet removed.
    (root / "tmp" / "deadbeef.sqlite3").write_bytes(b"half")
    (root / "versions" / "000003.json").write_text("{}", encoding="utf-8")
    (root / "uploads" / f"{'f' * 32}.json").write_text("{not json", encoding="utf-8")
    (root / "uploads" / "notes.json").write_text("{}", encoding="utf-8")
    plain_one = root / "versions" / "000001.sqlite3"
    assert plain_one.exists()  # not compressed yet: no tidy ran
    storage.tidy(branch_id)
    assert not plain_one.exists()
    (root / "versions" / "000001.sqlite3").write_bytes(b"stale plain copy")  # as if re-left
    storage.tidy(branch_id)
    assert sorted(p.name for p in (root / "versions").iterdir()) == [
        "000001.json",
        "000001.sqlite3.zst",
        "000002.json",
        "000002.sqlite3",
    ]
    assert list((root / "tmp").iterdir()) == []
    assert (root / "uploads" / "notes.json").exists()  # not ours to judge; tidying went on
    assert storage.current_path(branch_id) == root / "versions" / "000002.sqlite3"
    assert storage.current_path(branch_id).read_bytes() == current


def test_done_upload_records_beyond_the_newest_hundred_are_pruned(tmp_path: Path):
    clock = Clock(_day(1))
    storage = Storage(tmp_path / "street", clock=clock)
    branch_id = storage.add_branch("一支部").branch_id
    db = make_db(tmp_path / "b.sqlite3")
    first = prepare(db)
    _upload(storage, branch_id, first)
    other = tmp_path / "other.sqlite3"
    other.write_bytes(db.read_bytes())
    stale = prepare(make_db(other, tag="旧"), base=first.digest, base_version=1)
    storage.create_upload(branch_id, stale.request)  # never finished
    storage.put_chunk(branch_id, stale.request.upload_id, 0, stale.payload[:10])
    ids = []
    for n in range(KEEP_DONE_UPLOADS + 5):
        clock.moment = _day(1) + timedelta(minutes=n + 1)
        # The file is already current: each of these is done at once, without a payload.
        again = prepare(db, base=first.digest, base_version=1)
        assert storage.create_upload(branch_id, again.request).version == 1
        ids.append(again.request.upload_id)
    clock.moment = _day(1) + timedelta(days=30)
    recent = prepare(make_db(other, tag="新"), base=first.digest, base_version=1)
    storage.create_upload(branch_id, recent.request)
    storage.tidy(branch_id)
    uploads = tmp_path / "street" / "branches" / branch_id / "uploads"
    # 106 done (the first and 105 more): the newest 100 stay; the stale open one goes.
    assert {p.stem for p in uploads.glob("*.json")} == {*ids[5:], recent.request.upload_id}
    assert {p.stem for p in uploads.glob("*.payload")} == {recent.request.upload_id}
    assert storage.upload_status(branch_id, ids[-1]).version == 1


def test_current_path_and_branch_listing(tmp_path: Path):
    storage = Storage(tmp_path / "street")
    one = storage.add_branch("一支部")
    two = storage.add_branch("欧阳䶮𠮷 <b>&")
    assert storage.current_path(one.branch_id) is None
    db = make_db(tmp_path / "b.sqlite3")
    prepared = prepare(db)
    _upload(storage, one.branch_id, prepared)
    path = storage.current_path(one.branch_id)
    assert path is not None
    assert path.read_bytes() == db.read_bytes()
    listed = storage.branches()
    assert [(b.branch_id, b.name, b.version) for b in listed] == [
        (one.branch_id, "一支部", 1),
        (two.branch_id, "欧阳䶮𠮷 <b>&", None),
    ]
    assert listed[0].bytes_last == listed[0].bytes_total == len(prepared.payload)
    assert listed[1].last_upload_at is None


def test_old_versions_are_compressed_only_once_uploads_pause(tmp_path: Path):
    storage, branch_id = _two_versions(tmp_path)
    plain_one = tmp_path / "street" / "branches" / branch_id / "versions" / "000001.sqlite3"
    tidier = Tidier(storage, quiet=0.3)
    tidier.start()
    try:
        tidier.mark(branch_id)
        busy_until = time.monotonic() + 1.0
        while time.monotonic() < busy_until:  # requests keep arriving: nothing is compressed
            tidier.touch()
            time.sleep(0.05)
            assert plain_one.exists()
        deadline = time.monotonic() + 5
        while plain_one.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not plain_one.exists()
        assert plain_one.with_suffix(".sqlite3.zst").exists()
    finally:
        tidier.stop()
