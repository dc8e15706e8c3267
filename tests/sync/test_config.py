"""Sync settings and the token: kept outside the database, the token readable by the user only."""

import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.sync.backoff import MAX_RETRY, SUCCESS_INTERVAL, retry_delay
from desktop.sync.config import (
    SyncConfig,
    check_server_address,
    load_config,
    load_token,
    save_config,
    save_token,
)
from desktop.sync.errors import SyncError

TOKEN = "0123456789ab." + "s" * 43


def test_config_round_trips(tmp_path: Path) -> None:
    assert load_config(tmp_path) == SyncConfig()
    config = SyncConfig("https://街道.example.cn:8765", tmp_path / "ca.pem", auto=False)
    save_config(tmp_path, config)
    assert load_config(tmp_path) == config


def test_the_token_file_is_private_and_apart_from_the_database(tmp_path: Path) -> None:
    assert load_token(tmp_path) is None
    save_token(tmp_path, f"  {TOKEN}\n")
    assert load_token(tmp_path) == TOKEN
    token_file = tmp_path / "sync" / "token"
    assert token_file.read_text() == TOKEN
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600


def test_a_malformed_token_is_refused_in_plain_chinese(tmp_path: Path) -> None:
    with pytest.raises(SyncError, match="令牌格式不对"):
        save_token(tmp_path, "abc")
    assert load_token(tmp_path) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://street.example.cn:8765/", "https://street.example.cn:8765"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://localhost:9", "http://localhost:9"),
        ("http://[::1]:9", "http://[::1]:9"),
    ],
)
def test_good_addresses(url: str, expected: str) -> None:
    assert check_server_address(url) == expected


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://street.example.cn:8765", "https"),  # plain HTTP beyond this computer
        ("http://192.168.1.5", "https"),
        ("ftp://x", "服务器地址不对"),
        ("street.example.cn", "服务器地址不对"),
        ("https://x:99999", "服务器地址不对"),
        ("https://x/v1/branches", "路径"),
    ],
)
def test_bad_addresses(url: str, words: str) -> None:
    with pytest.raises(SyncError, match=words) as caught:
        check_server_address(url)
    assert caught.value.retry is False


def test_back_off_doubles_up_to_an_hour() -> None:
    delays = [retry_delay(n) for n in range(0, 9)]
    assert delays[0] == SUCCESS_INTERVAL
    assert delays[1:4] == [60, 120, 240]
    assert delays[-1] == MAX_RETRY and max(delays[1:]) == MAX_RETRY
