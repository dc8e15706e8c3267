"""The body limit counts streamed bytes too (chunked transfer has no Content-Length).

Driven in-process through ASGI, so the test controls exactly what arrives and when.
"""

import json
from typing import Any

import anyio

from desktop.sync import protocol
from desktop.sync.protocol import API_PREFIX
from desktop.sync.receiver.app import create_app
from desktop.sync.receiver.storage import Storage

from .wire import make_db, prepare

PIECE = 64 * 1024


def _asgi(
    app: Any, method: str, path: str, token: str, pieces: list[bytes]
) -> tuple[int, dict, int]:
    """Send ``pieces`` as a streamed body; the status and JSON of the answer."""
    path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [
            (b"host", b"test"),
            (b"authorization", f"Bearer {token}".encode()),
            (b"transfer-encoding", b"chunked"),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    messages = [
        {"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1}
        for i, piece in enumerate(pieces)
    ]
    sent: list[dict] = []
    state = {"read": 0}

    async def receive() -> dict:
        if state["read"] < len(messages):
            state["read"] += 1
            return messages[state["read"] - 1]
        await anyio.sleep(3600)  # the app must not wait for more than was sent
        raise AssertionError("unreachable")

    async def send(message: dict) -> None:
        sent.append(message)

    async def run() -> None:
        with anyio.fail_after(30):
            await app(scope, receive, send)

    anyio.run(run)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], (json.loads(body) if body else {}), state["read"]


def test_a_streamed_chunk_over_the_limit_is_cut_off_and_not_written(tmp_path):
    data = tmp_path / "street"
    storage = Storage(data)
    branch = storage.add_branch("一支部")
    prepared = prepare(make_db(tmp_path / "b.sqlite3"))
    storage.create_upload(branch.branch_id, prepared.request)
    app = create_app(data)
    upload = f"{API_PREFIX}/branches/{branch.branch_id}/uploads/{prepared.request.upload_id}"
    over = protocol.MAX_CHUNK // PIECE + 8
    status, body, read = _asgi(
        app, "PUT", f"{upload}?offset=0", branch.token, [b"x" * PIECE] * over
    )
    assert status == 413
    assert body["code"] == "too_large"
    assert read == protocol.MAX_CHUNK // PIECE + 1  # stopped at the first piece past the limit
    assert storage.upload_status(branch.branch_id, prepared.request.upload_id).received == 0

    # Under the limit, the same streamed route works.
    status, body, _ = _asgi(app, "PUT", f"{upload}?offset=0", branch.token, [prepared.payload])
    assert status == 200
    assert body["received"] == len(prepared.payload)


def test_a_streamed_json_body_over_its_limit_is_413(tmp_path):
    data = tmp_path / "street"
    branch = Storage(data).add_branch("一支部")
    app = create_app(data)
    pieces = [b" " * 1024] * (protocol.MAX_JSON_BODY // 1024 + 2)
    path = f"{API_PREFIX}/branches/{branch.branch_id}/uploads"
    status, body, _ = _asgi(app, "POST", path, branch.token, pieces)
    assert status == 413
    assert body["code"] == "too_large"
