"""The shared protocol: manifests, payloads, tokens and the shrink guard."""

import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import zstandard

from desktop.sync import protocol
from desktop.sync.protocol import UploadRequest


def make_db(path: Path, rows: int, *, page_size: int = 4096) -> Path:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("CREATE TABLE need (id INTEGER PRIMARY KEY, title TEXT, deleted_at TEXT)")
        conn.executemany(
            "INSERT INTO need (title) VALUES (?)", [(f"需求{i}" * 20,) for i in range(rows)]
        )
        conn.commit()
    return path


def rebuild(base: bytes, payload: bytes, page_size: int, length: int) -> bytes:
    out = bytearray(base[:length].ljust(length, b"\0"))
    for index, block in protocol.read_payload(io.BytesIO(payload), page_size, length):
        out[index * page_size : (index + 1) * page_size] = block
    return bytes(out)


def test_a_delta_payload_rebuilds_the_new_file_from_the_old(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.sqlite3", 500)
    old_bytes = path.read_bytes()
    old = protocol.digest_file(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE need SET title = '电梯' WHERE id = 250")
        conn.executemany("INSERT INTO need (title) VALUES (?)", [("新增" * 30,)] * 200)
        conn.commit()
    new = protocol.digest_file(path)
    blocks = protocol.changed_blocks(new, old)
    assert 0 < len(blocks) < new.blocks  # only what changed travels
    out = io.BytesIO()
    protocol.write_payload(protocol.file_blocks(path, new.page_size, blocks), out)
    rebuilt = rebuild(old_bytes, out.getvalue(), new.page_size, new.length)
    assert rebuilt == path.read_bytes()


def test_a_full_payload_rebuilds_the_file_from_nothing(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.sqlite3", 300, page_size=1024)
    digest = protocol.digest_file(path)
    assert digest.page_size == 1024 and digest.length == path.stat().st_size
    out = io.BytesIO()
    protocol.write_payload(
        protocol.file_blocks(path, 1024, protocol.changed_blocks(digest, None)), out
    )
    assert rebuild(b"", out.getvalue(), 1024, digest.length) == path.read_bytes()
    assert len(out.getvalue()) < digest.length  # compressed


@pytest.mark.parametrize(
    "payload",
    [
        b"not zstd at all",
        zstandard.ZstdCompressor().compress(b"XXXX" + bytes(10)),  # wrong magic
        zstandard.ZstdCompressor().compress(protocol.PAYLOAD_MAGIC + b"\x00\x00"),  # cut index
        zstandard.ZstdCompressor().compress(
            protocol.PAYLOAD_MAGIC + protocol.INDEX.pack(0) + bytes(100)  # cut block
        ),
        zstandard.ZstdCompressor().compress(
            protocol.PAYLOAD_MAGIC + protocol.INDEX.pack(99) + bytes(512)  # past the end
        ),
    ],
)
def test_a_malformed_payload_is_refused(payload: bytes) -> None:
    with pytest.raises(ValueError):
        list(protocol.read_payload(io.BytesIO(payload), 512, 512 * 4))


def test_tokens_name_their_branch_and_are_stored_as_a_hash() -> None:
    token = "0123456789ab." + "x" * 43
    assert protocol.token_branch(token) == "0123456789ab"
    assert protocol.token_hash(token) != token and len(protocol.token_hash(token)) == 64
    for bad in ("", "0123456789ab", "0123456789ab.short", "XYZ.".ljust(50, "x")):
        assert protocol.token_branch(bad) is None


def test_upload_requests_are_validated() -> None:
    good = UploadRequest("a" * 32, None, 3, 8192, "b" * 64, 4096, 100, "c" * 64)
    assert UploadRequest.from_json(good.to_json()) == good
    older = {k: v for k, v in good.to_json().items() if k != "parent_version"}
    assert UploadRequest.from_json({**older, "base_version": 2}).parent_version == 2
    for change in (
        {"upload_id": "../../etc"},
        {"length": 8191},
        {"page_size": 1000},
        {"sha256": "B" * 64},
        {"base_version": 0},
        {"parent_version": 0},
        {"parent_version": "3"},
        {"length": True},
    ):
        with pytest.raises(ValueError):
            UploadRequest.from_json({**good.to_json(), **change})
    with pytest.raises(ValueError):
        UploadRequest.from_json({"upload_id": "a" * 32})


def test_counts_and_the_shrink_guard(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.sqlite3", 40)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE need SET deleted_at = '2026-11-01' WHERE id <= 5")
        conn.commit()
    assert protocol.record_counts(path) == {"need": 35}
    assert protocol.shrunk_tables({"need": 35}, {"need": 17}) == {"need": (35, 17)}
    assert protocol.shrunk_tables({"need": 35}, {"need": 18}) == {}
    assert protocol.shrunk_tables({"need": 19}, {"need": 0}) == {}  # too few to judge
    assert protocol.shrunk_tables({"need": 40}, {}) == {"need": (40, 0)}


def test_integrity_problem_reports_a_damaged_file(tmp_path: Path) -> None:
    path = make_db(tmp_path / "a.sqlite3", 400)
    assert protocol.integrity_problem(path) is None
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = bytes(200)
    path.write_bytes(bytes(data))
    assert protocol.integrity_problem(path) is not None
