"""The client's HTTP connection to the receiver: verified TLS, the bearer token, JSON answers.

Uses the standard library only, so the app ships no HTTP client. Verification is never
turned off: a street office with its own certificate authority gives its CA file instead.
"""

import http.client
import json
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from desktop.sync.config import SyncConfig, check_server_address
from desktop.sync.errors import AUTOMATIC_RETRY, Diverged, SyncError
from desktop.sync.protocol import API_PREFIX, ErrorCode, token_branch

TIMEOUT = 30  # seconds for a request to make progress
SLOW_TIMEOUT = 300  # finishing rebuilds and checks the whole file on the server
DOWNLOAD_BLOCK = 256 * 1024


class Refused(Exception):
    """The server answered with an error: its code and the rest of its JSON."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {body.get('code')}: {body.get('message')}")
        self.status = status
        self.body = body
        try:
            self.code: ErrorCode | None = ErrorCode(body.get("code"))
        except ValueError:
            self.code = None

    def received(self) -> int:
        return int(self.body.get("received") or 0)

    def shrunk(self) -> dict[str, tuple[int, int]]:
        shrunk = self.body.get("shrunk") or {}
        return {str(table): (int(old), int(new)) for table, (old, new) in shrunk.items()}

    def as_sync_error(self) -> SyncError:
        if self.status in (401, 403):
            return SyncError(
                "街道办服务器不认这个令牌。请向街道办索取新的令牌，在“同步”页重新填写。",
                retry=False,
            )
        if self.status == 413:
            return SyncError(
                "这次要传的数据超过了街道办服务器允许的大小，请联系街道办。", retry=False
            )
        if self.code == ErrorCode.BAD_SCHEMA:  # the same file is refused again: do not retry
            return SyncError(
                f"街道办服务器不接受这份数据文件（{self.body.get('message') or '结构不符'}）。"
                "请联系街道办。",
                retry=False,
            )
        if self.code == ErrorCode.DIVERGED:
            version = self.body.get("version")
            return Diverged(version if isinstance(version, int) else None)
        if self.code == ErrorCode.BAD_RESULT:
            return SyncError(
                "街道办服务器核对上传的数据没有通过，下次同步会把全部数据重新上传。", retry=True
            )
        if self.status >= 500:
            return SyncError(f"街道办服务器暂时出了故障，{AUTOMATIC_RETRY}。", retry=True)
        return SyncError(
            f"街道办服务器拒绝了这次上传（{self.body.get('message') or self.status}），"
            f"{AUTOMATIC_RETRY}；如一直如此，请联系街道办。",
            retry=True,
        )


class Connection:
    """One keep-alive connection to ``/v1/branches/<branch>`` of the receiver."""

    def __init__(self, config: SyncConfig, token: str) -> None:
        url = urlsplit(check_server_address(config.server))
        branch = token_branch(token)
        if branch is None:
            raise SyncError("令牌格式不对，请在“同步”页重新填写街道办给的令牌。", retry=False)
        self._token = token
        self._prefix = f"{API_PREFIX}/branches/{branch}"
        host, port = url.hostname or "", url.port
        if url.scheme == "https":
            context = ssl.create_default_context()  # system CAs, hostname checked
            if config.ca_file is not None:
                try:
                    context.load_verify_locations(cafile=str(config.ca_file))
                except (OSError, ssl.SSLError) as exc:
                    raise SyncError(
                        f"证书文件 {config.ca_file} 读不出来，请重新选择街道办给的证书文件。",
                        retry=False,
                    ) from exc
            self._conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=TIMEOUT, context=context
            )
        else:
            self._conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)

    def close(self) -> None:
        self._conn.close()

    def call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        json_body: dict[str, Any] | None = None,
        slow: bool = False,
    ) -> dict[str, Any]:
        """The JSON answer of a 200; raises Refused for an error answer, SyncError if none."""
        headers = {"Authorization": f"Bearer {self._token}"}
        if json_body is not None:
            body = json.dumps(json_body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        elif body is not None:
            headers["Content-Type"] = "application/octet-stream"
        self._conn.timeout = SLOW_TIMEOUT if slow else TIMEOUT
        with self._line():
            self._conn.request(method, self._prefix + path, body=body, headers=headers)
            response = self._conn.getresponse()
            raw = response.read()
        answer = _json_object(raw)
        if answer is None:
            if response.status == 200:  # an answer cut short: as good as none
                self._conn.close()
                raise SyncError(
                    f"与街道办服务器的连接中断了，可能是网络不稳；{AUTOMATIC_RETRY}。", retry=True
                )
            answer = {}
        if response.status != 200:
            raise Refused(response.status, answer)
        return answer

    def download(
        self,
        path: str,
        offset: int,
        sink: Callable[[bytes], None],
        on_headers: Callable[[dict[str, str]], None],
    ) -> dict[str, str]:
        """GET a file from ``offset`` on: its headers (names in lower case) go to
        ``on_headers`` first, then each block to ``sink`` as it arrives.

        Returns the headers. Raises Refused for an error answer and SyncError when the line
        drops; what ``sink`` got until then is good to resume from. An exception raised by
        either callback ends the download (the connection is closed).
        """
        headers = {"Authorization": f"Bearer {self._token}"}
        self._conn.timeout = TIMEOUT
        try:
            with self._line():
                self._conn.request("GET", f"{self._prefix}{path}?offset={offset}", headers=headers)
                response = self._conn.getresponse()
                if response.status != 200:
                    raise Refused(response.status, _json_object(response.read()) or {})
                answer = {name.lower(): value for name, value in response.getheaders()}
                on_headers(answer)
                while block := response.read(DOWNLOAD_BLOCK):
                    sink(block)
                if response.length:  # http.client stops early on a cut Content-Length body
                    raise http.client.IncompleteRead(b"", response.length)
        except BaseException:
            self._conn.close()
            raise
        return answer

    @contextmanager
    def _line(self) -> Iterator[None]:
        """Turn what can go wrong on the line into SyncError (a fresh connection next call)."""
        try:
            yield
        except ssl.SSLCertVerificationError as exc:
            self._conn.close()
            raise SyncError(
                "无法确认街道办服务器的身份（证书验证未通过），为安全起见没有上传。"
                "请向街道办确认服务器地址和证书文件。",
                retry=False,
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            self._conn.close()  # the next call opens a fresh connection
            raise SyncError(
                f"连不上街道办服务器，可能是网络断了；{AUTOMATIC_RETRY}。", retry=True
            ) from exc


def _json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        answer = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return answer if isinstance(answer, dict) else None
