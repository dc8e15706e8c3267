"""A stand-in for the street office: desktop.sync.client's calls replaced, settings real.

``sync_once`` runs on the task runner's thread like the real one; each call takes the next
queued outcome (a result by default) and records its status as the real one does, so what
the scheduler reads back is what it would read in the field.
"""

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

from desktop.sync import client, config, status
from desktop.sync.client import SyncError, SyncResult
from desktop.sync.protocol import BranchState

TOKEN = "0123456789ab." + "s" * 43
SERVER = "https://street.example.cn:8765"
OFFLINE = "连不上街道办服务器，可能是网络断了；稍后会自动再试。"  # the engine's own words
KIB = 1024

Outcome = Callable[[Callable[[int, int], None], Callable[[], bool]], SyncResult]


def uploaded(progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> SyncResult:
    progress(84 * KIB, 84 * KIB)
    return SyncResult(version=12, sent_bytes=84 * KIB, up_to_date=False)


def raising(error: Exception) -> Outcome:
    def outcome(_progress: Any, _cancelled: Any) -> SyncResult:
        raise error

    return outcome


class FakeSync:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.calls: list[bool] = []  # confirm_shrink of each sync_once call
        self.outcomes: list[Outcome] = []
        self.gate = threading.Event()  # cleared: sync_once waits (a sync "in flight")
        self.gate.set()
        self.entered = threading.Event()
        self.pending_calls = 0
        self.pending = 84 * KIB
        self.tested: list[tuple[config.SyncConfig, str]] = []
        self.branch: BranchState | Exception = BranchState(
            branch_id="0123456789ab", name="翠竹苑小区党支部", version=3, sha256=None, length=None
        )
        monkeypatch.setattr(client, "sync_once", self.sync_once)
        monkeypatch.setattr(client, "pending_bytes", self.pending_bytes)
        monkeypatch.setattr(client, "test_connection", self.test_connection)

    def configure(self, *, auto: bool = True) -> None:
        config.save_config(self.data_dir, config.SyncConfig(server=SERVER, auto=auto))
        config.save_token(self.data_dir, TOKEN)

    def hold(self) -> None:
        """The next sync stays in flight until ``release()``."""
        self.gate.clear()
        self.entered.clear()

    def release(self) -> None:
        self.gate.set()

    def sync_once(
        self,
        data_dir: Path,
        *,
        confirm_shrink: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncResult:
        assert data_dir == self.data_dir
        self.calls.append(confirm_shrink)
        self.entered.set()
        if progress is not None:
            progress(40 * KIB, 80 * KIB)
        assert self.gate.wait(10)
        outcome = self.outcomes.pop(0) if self.outcomes else uploaded
        now = status.now()
        try:
            result = outcome(progress or (lambda _d, _t: None), cancelled or (lambda: False))
        except SyncError as exc:
            old = status.load_status(data_dir)
            status.save_status(data_dir, replace(old, last_attempt_at=now, last_error=exc.message))
            raise
        status.save_status(
            data_dir,
            status.SyncStatus(
                last_success_at=now,
                last_attempt_at=now,
                last_error=None,
                last_sent_bytes=result.sent_bytes,
                acknowledged=status.Acknowledged(
                    TOKEN.partition(".")[0], result.version, "0" * 64, 4096, 4096
                ),
            ),
        )
        self.pending = 0
        return result

    def pending_bytes(self, data_dir: Path) -> int:
        assert data_dir == self.data_dir
        self.pending_calls += 1
        return self.pending

    def test_connection(self, settings: config.SyncConfig, token: str) -> BranchState:
        self.tested.append((settings, token))
        if isinstance(self.branch, Exception):
            raise self.branch
        return self.branch


class FakeNetwork(QObject):
    """QNetworkInformation's two members the scheduler uses, driven by the test."""

    reachabilityChanged = Signal(object)  # Qt's name

    def __init__(self, reachability: QNetworkInformation.Reachability) -> None:
        super().__init__()
        self.value = reachability

    def reachability(self) -> QNetworkInformation.Reachability:
        return self.value

    def become(self, reachability: QNetworkInformation.Reachability) -> None:
        self.value = reachability
        self.reachabilityChanged.emit(reachability)
