"""Test helpers: small SQLite files, payloads built with the protocol, and a stdlib HTTP caller."""

import atexit
import hashlib
import http.client
import io
import json
import secrets
import shutil
import sqlite3
import ssl
import tempfile
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import EllipsisType
from typing import Any
from urllib.parse import urlsplit

from desktop.sync import protocol
from desktop.sync.protocol import API_PREFIX, FileDigest, UploadRequest
from desktop.sync.snapshot import take_snapshot


@cache
def app_schema_file() -> Path:
    """An empty snapshot at the app's newest schema, migrated once per test process: the
    receiver takes only files whose schema the app writes."""
    from desktop.store import migrate  # Alembic: the tests' side only

    folder = Path(tempfile.mkdtemp(prefix="shuren-wire-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    migrate.upgrade_to_head(folder / "migrated.sqlite3")
    return take_snapshot(folder / "migrated.sqlite3", folder / "empty.sqlite3")


_STAMP = "2026-01-05 08:00:00.000000"


def make_db(path: Path, *, people: int = 30, needs: int = 30, tag: str = "") -> Path:
    """A closed rollback-journal database with the app's schema and ``people`` and ``needs``
    live rows.

    Called again on the same path it rewrites rows in place, so most pages stay identical.
    """
    if not path.exists():
        shutil.copyfile(app_schema_file(), path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("DELETE FROM person WHERE id > ?", (people,))
        conn.execute("DELETE FROM need WHERE id > ?", (needs,))
        # Rows that did not change are not written, so their pages stay byte-identical.
        conn.executemany(
            "INSERT INTO person (id, uuid, name, phone, unit, room, is_party_member, skills,"
            " talent_rights, note, created_at, updated_at)"
            " VALUES (?, ?, ?, '', '', '', 0, '', '', ?, ?, ?) ON CONFLICT (id) DO UPDATE"
            " SET name = excluded.name WHERE name IS NOT excluded.name",
            [
                (i, f"p-{i}", f"居民{i}{tag if i == 1 else ''}", f"{i:08x}" * 40, _STAMP, _STAMP)
                for i in range(1, people + 1)
            ],
        )
        conn.executemany(
            "INSERT INTO need (id, uuid, title, description, category_id, raised_by, phone,"
            " building, unit, room, source, urgency, status, status_reason, handled_by,"
            " registered_on, solution, created_at, updated_at)"
            " VALUES (?, ?, ?, '', 1, '', '', '', '', '', 'visit', 'normal', 'pending', '', '',"
            " '2026-01-05', '', ?, ?) ON CONFLICT (id) DO NOTHING",
            [(i, f"n-{i}", f"需求{i}", _STAMP, _STAMP) for i in range(1, needs + 1)],
        )
        conn.commit()
    return path


@dataclass(frozen=True)
class Prepared:
    request: UploadRequest
    payload: bytes
    digest: FileDigest
    blocks: int  # blocks in the payload


def prepare(
    db: Path,
    base: FileDigest | None = None,
    base_version: int | None = None,
    upload_id: str | None = None,
    parent_version: int | EllipsisType | None = ...,
) -> Prepared:
    """The UploadRequest and payload for ``db``: changed blocks against ``base``, or all.

    ``parent_version`` (the lineage) defaults to ``base_version``."""
    digest = protocol.digest_file(db)
    blocks = protocol.changed_blocks(digest, base)
    out = io.BytesIO()
    protocol.write_payload(protocol.file_blocks(db, digest.page_size, blocks), out)
    payload = out.getvalue()
    request = UploadRequest(
        upload_id=upload_id or secrets.token_hex(16),
        base_version=base_version,
        parent_version=base_version if parent_version is ... else parent_version,
        length=digest.length,
        sha256=digest.sha256,
        page_size=digest.page_size,
        payload_length=len(payload),
        payload_sha256=hashlib.sha256(payload).hexdigest(),
    )
    return Prepared(request, payload, digest, len(blocks))


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any]
    raw: bytes


def call(
    url: str,
    method: str,
    path: str,
    *,
    token: str | None = None,
    json_body: Any = None,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    context: ssl.SSLContext | None = None,
) -> Reply:
    """One request on a fresh connection, closed before returning."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, timeout=30, context=context
        )
    else:
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    sent = dict(headers or {})
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    if json_body is not None:
        data = json.dumps(json_body).encode()
        sent["Content-Type"] = "application/json"
    with closing(conn):
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        raw = response.read()
    is_json = response.getheader("Content-Type", "").startswith("application/json")
    return Reply(response.status, json.loads(raw) if raw and is_json else {}, raw)


class Branch:
    """A branch's view of the API, as the app's sync client would use it."""

    def __init__(self, url: str, branch_id: str, token: str) -> None:
        self.url = url
        self.branch_id = branch_id
        self.token = token
        self.prefix = f"{API_PREFIX}/branches/{branch_id}"

    def state(self) -> Reply:
        return call(self.url, "GET", self.prefix, token=self.token)

    def create(self, request: UploadRequest) -> Reply:
        return call(
            self.url,
            "POST",
            f"{self.prefix}/uploads",
            token=self.token,
            json_body=request.to_json(),
        )

    def status(self, upload_id: str) -> Reply:
        return call(self.url, "GET", f"{self.prefix}/uploads/{upload_id}", token=self.token)

    def put(self, upload_id: str, offset: int, data: bytes) -> Reply:
        path = f"{self.prefix}/uploads/{upload_id}?offset={offset}"
        return call(self.url, "PUT", path, token=self.token, data=data)

    def finish(self, upload_id: str, confirm_shrink: bool = False) -> Reply:
        path = f"{self.prefix}/uploads/{upload_id}/finish"
        return call(
            self.url, "POST", path, token=self.token, json_body={"confirm_shrink": confirm_shrink}
        )

    def send(self, prepared: Prepared, chunk: int = protocol.CHUNK_SIZE) -> Reply:
        """Create, put every chunk, and return the create reply if it is an error or done."""
        upload_id = prepared.request.upload_id
        created = self.create(prepared.request)
        if created.status != 200 or created.body["state"] == "done":
            return created
        for offset in range(0, len(prepared.payload), chunk):
            reply = self.put(upload_id, offset, prepared.payload[offset : offset + chunk])
            assert reply.status == 200, reply.body
        return created

    def upload(self, prepared: Prepared, *, confirm_shrink: bool = False) -> Reply:
        """The whole upload; the finish reply (or the create reply if it ended there)."""
        created = self.send(prepared)
        if created.status != 200 or created.body["state"] == "done":
            return created
        return self.finish(prepared.request.upload_id, confirm_shrink)
