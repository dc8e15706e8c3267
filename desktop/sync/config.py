"""Where and how to sync: the server address, a CA file, automatic sync, and the token.

All of it lives in ``<data dir>/sync/``, outside the database, so the token is never uploaded;
the token file is readable by the user only.
"""

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from desktop.sync.errors import SyncError
from desktop.sync.files import read_json, write_atomically, write_json
from desktop.sync.protocol import token_branch


@dataclass(frozen=True)
class SyncConfig:
    server: str = ""  # e.g. https://street.example.cn:8765
    ca_file: Path | None = None  # the street office's own certificate authority, if any
    auto: bool = True  # sync when the network comes back and on a timer


def sync_dir(data_dir: Path) -> Path:
    return data_dir / "sync"


def _config_path(data_dir: Path) -> Path:
    return sync_dir(data_dir) / "config.json"


def _token_path(data_dir: Path) -> Path:
    return sync_dir(data_dir) / "token"


def load_config(data_dir: Path) -> SyncConfig:
    data = read_json(_config_path(data_dir)) or {}
    ca_file = data.get("ca_file")
    return SyncConfig(
        server=str(data.get("server") or ""),
        ca_file=Path(ca_file) if ca_file else None,
        auto=bool(data.get("auto", True)),
    )


def save_config(data_dir: Path, config: SyncConfig) -> None:
    data = {
        "server": config.server,
        "ca_file": str(config.ca_file) if config.ca_file else None,
        "auto": config.auto,
    }
    write_json(_config_path(data_dir), data)


def save_token(data_dir: Path, token: str) -> None:
    token = check_token(token)
    write_atomically(_token_path(data_dir), token.encode("ascii"), private=True)


def load_token(data_dir: Path) -> str | None:
    try:
        token = _token_path(data_dir).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return token if token_branch(token) else None


def check_token(token: str) -> str:
    token = token.strip()
    if token_branch(token) is None:
        raise SyncError(
            "令牌格式不对：请把街道办给的令牌完整复制过来（形如 1a2b3c4d5e6f.xxxx）。", retry=False
        )
    return token


def check_server_address(url: str) -> str:
    """The address without a trailing slash; plain http only for this computer itself."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(
            "服务器地址不对：应形如 https://街道办服务器:8765，请向街道办确认。", retry=False
        )
    if parts.path or parts.query or parts.fragment:
        raise SyncError("服务器地址只需写到端口号为止，后面不要带路径。", retry=False)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise SyncError("为保护居民信息，只能用 https:// 开头的加密地址与街道办同步。", retry=False)
    return url


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
