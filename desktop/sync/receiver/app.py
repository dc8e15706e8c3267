"""The receiver's HTTP API (protocol.py's module docstring) in front of ``storage``.

Endpoints are async only to read the body; every file and registry call runs in a worker
thread, where ``Storage`` serialises the calls of one branch.
"""

import json
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop.sync import protocol
from desktop.sync.protocol import API_PREFIX, ErrorCode, UploadRequest, UploadStatus
from desktop.sync.receiver import private
from desktop.sync.receiver.storage import FORBIDDEN_MESSAGE, Storage, StreetError

log = logging.getLogger("shuren.street")

STATUS = {
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.BAD_REQUEST: 400,
    ErrorCode.UNKNOWN_BASE: 409,
    ErrorCode.OFFSET: 409,
    ErrorCode.INCOMPLETE: 409,
    ErrorCode.SHRINK: 409,
    ErrorCode.BAD_PAYLOAD: 422,
    ErrorCode.BAD_RESULT: 422,
    ErrorCode.BAD_SCHEMA: 422,
    ErrorCode.DIVERGED: 409,
}
QUIET_SECONDS = 3.0  # uploads pause this long before old versions are compressed
BRANCH = API_PREFIX + "/branches/{branch_id}"
UPLOAD = BRANCH + "/uploads/{upload_id}"
VERSION = BRANCH + "/versions/{which}"
_DOWNLOAD_BLOCK = 256 * 1024


def error_body(code: ErrorCode, message: str, **extra: Any) -> dict[str, Any]:
    return {"code": str(code), "message": message, **extra}


def error_response(error: StreetError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.code is ErrorCode.UNAUTHORIZED else None
    body = error_body(error.code, error.message, **error.extra)
    return JSONResponse(body, status_code=STATUS[error.code], headers=headers)


def body_limit(scope: Scope) -> int:
    """PUT carries a payload chunk; every other request at most a small JSON document."""
    return protocol.MAX_CHUNK if scope.get("method") == "PUT" else protocol.MAX_JSON_BODY


class _TooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuse (413) a body over the route's limit: by Content-Length up front, and by counting
    streamed bytes (chunked transfer), so no endpoint ever buffers more than the limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope)
        try:
            declared = content_length(dict(scope.get("headers") or []).get(b"content-length"))
        except ValueError:
            body = error_body(ErrorCode.BAD_REQUEST, "Content-Length 应为非负整数。")
            await JSONResponse(body, status_code=400, headers={"Connection": "close"})(
                scope, receive, send
            )
            return
        if declared is not None and declared > limit:
            await _too_large(limit)(scope, receive, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            log.warning("%s %s: body over %d bytes refused", scope["method"], scope["path"], limit)
            if not started:
                await _too_large(limit)(scope, receive, send)


def non_negative(text: str | bytes, what: str) -> int:
    """A non-negative integer written in ASCII digits, at most 20 of them; ValueError else.

    ``str.isdigit`` alone accepts "²" and other digits ``int`` refuses, and ``int`` refuses
    more than 4,300 digits: either would answer 500.
    """
    if not (text.isascii() and text.isdigit() and len(text) <= 20):
        raise ValueError(f"{what} is not a non-negative integer")
    return int(text)


def content_length(value: str | bytes | None) -> int | None:
    """The Content-Length header's value, or None without one; ValueError if malformed."""
    return None if value is None else non_negative(value, "Content-Length")


def _too_large(limit: int) -> JSONResponse:
    body = error_body(ErrorCode.TOO_LARGE, f"请求内容超过上限（{limit} 字节）。")
    return JSONResponse(body, status_code=413, headers={"Connection": "close"})


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise StreetError(ErrorCode.UNAUTHORIZED, "缺少访问令牌（Authorization: Bearer …）。")
    return token


def _number(text: str, what: str) -> int:
    """A non-negative decimal of at most 18 ASCII digits; 400 otherwise."""
    if not (0 < len(text) <= 18 and text.isascii() and text.isdigit()):
        raise StreetError(ErrorCode.BAD_REQUEST, f"{what}应为非负整数。")
    return int(text)


def _check_upload_id(upload_id: str) -> None:
    if not protocol.UPLOAD_ID.match(upload_id):
        raise StreetError(ErrorCode.BAD_REQUEST, "上传编号格式不对。")


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        raw = await request.body()
    except ClientDisconnect:
        raise StreetError(ErrorCode.BAD_REQUEST, "请求没有收全。") from None
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        data = None
    if not isinstance(data, dict):
        raise StreetError(ErrorCode.BAD_REQUEST, "请求内容不是有效的 JSON 对象。")
    return data


def _status(status: UploadStatus) -> JSONResponse:
    return JSONResponse(status.to_json())


def create_app(data_dir: Path) -> FastAPI:
    """The receiver for the street office's data dir (created if missing)."""
    storage = Storage(data_dir)
    private.tighten(storage.data_dir)  # what an older version wrote readable by others
    tidier = Tidier(storage)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        tidier.start()
        yield
        tidier.stop()

    app = FastAPI(
        title="熟人小区街道办接收端",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        redirect_slashes=False,  # no route ends in "/": answer 404 (JSON), not a redirect
        lifespan=lifespan,
    )
    app.state.tidier = tidier
    app.state.storage = storage
    app.add_middleware(BodyLimitMiddleware)
    _answer_errors_in_json(app)
    authorize = _authorizer(storage, tidier)
    _add_reading_routes(app, storage, authorize)
    _add_upload_routes(app, storage, tidier, authorize)
    return app


Authorize = Callable[[Request, str], Awaitable[None]]


def _answer_errors_in_json(app: FastAPI) -> None:
    """Every refusal is the protocol's JSON error, a mistyped address included."""

    @app.exception_handler(StreetError)
    async def street_error(_request: Request, error: StreetError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        if error.status_code == 404:
            body = error_body(ErrorCode.NOT_FOUND, "没有这个地址。")
        else:
            body = error_body(ErrorCode.BAD_REQUEST, f"请求有误（HTTP {error.status_code}）。")
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)


def _authorizer(storage: Storage, tidier: "Tidier") -> Authorize:
    async def authorize(request: Request, branch_id: str) -> None:
        """Refuse unless the bearer token reaches ``branch_id`` (403 alike for every other id)."""
        tidier.touch()
        token = _bearer(request)
        if not await anyio.to_thread.run_sync(storage.check_token, branch_id, token):
            raise StreetError(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE)

    return authorize


def _add_reading_routes(app: FastAPI, storage: Storage, authorize: Authorize) -> None:
    """The branch's state and its own versions."""

    @app.get(BRANCH)
    async def get_branch(branch_id: str, request: Request) -> JSONResponse:
        await authorize(request, branch_id)
        state = await anyio.to_thread.run_sync(storage.branch_state, branch_id)
        return JSONResponse(state.to_json())

    @app.get(VERSION)
    async def download_version(branch_id: str, which: str, request: Request) -> Response:
        """The branch's own current (or a kept older) version, zstd, from ``offset`` on."""
        await authorize(request, branch_id)
        number = None if which == "current" else _number(which, "版本号")
        offset = _number(request.query_params.get("offset", "0"), "offset")
        info, path = await anyio.to_thread.run_sync(storage.version_download, branch_id, number)
        handle = await anyio.to_thread.run_sync(path.open, "rb")
        size = await anyio.to_thread.run_sync(lambda: os.fstat(handle.fileno()).st_size)
        if offset > size:
            handle.close()
            raise StreetError(ErrorCode.BAD_REQUEST, "offset 超出了文件长度。")
        await anyio.to_thread.run_sync(handle.seek, offset)

        async def blocks() -> AsyncIterator[bytes]:
            try:
                while block := await anyio.to_thread.run_sync(handle.read, _DOWNLOAD_BLOCK):
                    yield block
            finally:
                handle.close()

        headers = {
            protocol.DOWNLOAD_VERSION: str(info.version),
            protocol.DOWNLOAD_SHA256: info.sha256,
            protocol.DOWNLOAD_LENGTH: str(info.length),
            protocol.DOWNLOAD_PAGE_SIZE: str(info.page_size),
            protocol.DOWNLOAD_STREAM_LENGTH: str(size),
            "Content-Length": str(size - offset),
        }
        return StreamingResponse(blocks(), media_type="application/zstd", headers=headers)


def _add_upload_routes(
    app: FastAPI, storage: Storage, tidier: "Tidier", authorize: Authorize
) -> None:
    """An upload: created, sent in chunks (resumable), finished."""

    async def authorize_upload(request: Request, branch_id: str, upload_id: str) -> None:
        """The branch's token, then an upload id of the right form (before any lookup)."""
        await authorize(request, branch_id)
        _check_upload_id(upload_id)

    @app.post(BRANCH + "/uploads")
    async def create_upload(branch_id: str, request: Request) -> JSONResponse:
        await authorize(request, branch_id)
        data = await _json_object(request)
        try:
            upload = UploadRequest.from_json(data)
        except ValueError as exc:
            raise StreetError(ErrorCode.BAD_REQUEST, f"上传请求有误（{exc}）。") from None
        status = await anyio.to_thread.run_sync(storage.create_upload, branch_id, upload)
        return _status(status)

    @app.get(UPLOAD)
    async def get_upload(branch_id: str, upload_id: str, request: Request) -> JSONResponse:
        await authorize_upload(request, branch_id, upload_id)
        status = await anyio.to_thread.run_sync(storage.upload_status, branch_id, upload_id)
        return _status(status)

    @app.put(UPLOAD)
    async def put_chunk(branch_id: str, upload_id: str, request: Request) -> Response:
        await authorize_upload(request, branch_id, upload_id)
        try:
            offset = non_negative(request.query_params.get("offset", ""), "offset")
        except ValueError:
            raise StreetError(ErrorCode.BAD_REQUEST, "offset 参数应为非负整数。") from None
        try:
            data = await request.body()  # at most MAX_CHUNK, enforced by the middleware
        except ClientDisconnect:
            log.warning("upload %s: chunk at %d cut short, nothing written", upload_id, offset)
            return Response(status_code=400)
        # Well-formed: the middleware answered 400 otherwise.
        declared = content_length(request.headers.get("content-length"))
        if declared is not None and declared != len(data):
            log.warning("upload %s: chunk at %d cut short, nothing written", upload_id, offset)
            raise StreetError(ErrorCode.BAD_REQUEST, "这一段没有收全，未写入。")
        status = await anyio.to_thread.run_sync(
            storage.put_chunk, branch_id, upload_id, offset, data
        )
        return _status(status)

    @app.post(UPLOAD + "/finish")
    async def finish_upload(branch_id: str, upload_id: str, request: Request) -> JSONResponse:
        await authorize_upload(request, branch_id, upload_id)
        confirm = (await _json_object(request)).get("confirm_shrink", False)
        if not isinstance(confirm, bool):
            raise StreetError(ErrorCode.BAD_REQUEST, "confirm_shrink 应为 true 或 false。")
        status = await anyio.to_thread.run_sync(
            storage.finish_upload, branch_id, upload_id, confirm
        )
        tidier.mark(branch_id)
        return _status(status)


class Tidier:
    """Compresses and prunes old versions once uploads pause, on one background thread.

    Compressing the previous version costs more CPU than receiving a delta (≈40 ms for a
    2 MB branch, 1.3 s for 50 MB): done per upload, it would slow every branch syncing in
    the same minute. Nothing waits for it; a crash before it runs only leaves work for later.
    """

    def __init__(self, storage: Storage, quiet: float = QUIET_SECONDS) -> None:
        self.storage = storage
        self.quiet = quiet
        self._dirty: set[str] = set()
        self._last_activity = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tidier", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def touch(self) -> None:
        """A request arrived: postpone tidying."""
        self._last_activity = time.monotonic()

    def mark(self, branch_id: str) -> None:
        with self._lock:
            self._dirty.add(branch_id)
        self.touch()

    def _run(self) -> None:
        while not self._stop.wait(min(self.quiet, 1.0) / 2):
            if time.monotonic() - self._last_activity < self.quiet:
                continue
            with self._lock:
                branch_id = self._dirty.pop() if self._dirty else None
            if branch_id is None:
                continue
            try:
                self.storage.tidy(branch_id)
            except Exception:
                log.exception("tidying branch %s failed; the next pause tries again", branch_id)
