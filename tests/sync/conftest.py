"""A real street-office receiver for sync tests: `shuren-street serve` in a subprocess.

    def test_x(street, add_street_branch):          # one receiver on tmp_path / "street"
        branch_id, token = add_street_branch(street)
        ... talk to street.url ...

    def test_z(shared_street, add_street_branch):   # one receiver for the whole session
        branch_id, token = add_street_branch(shared_street)

    def test_y(start_street):                      # as many as needed, with options
        server = start_street(fault="before-swap", tls=(cert, key))
        server.wait_exit()                         # e.g. after the fault hook fired
        server.restart()                           # same data dir, new port, no fault

Every receiver is stopped at teardown (terminate, then kill). Its stdout and stderr go to files
(never a pipe that could fill up); ``server.log()`` returns its stderr so far.
"""

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.services.demo import make_demo
from desktop.store.database import open_database
from desktop.sync.receiver.storage import Storage

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
LISTENING = re.compile(r"listening on (https?://\S+)")


class StreetServer:
    """One `shuren-street serve --port 0` process over ``data_dir``.

    Attributes: ``url`` (e.g. ``http://127.0.0.1:41234``, no trailing slash), ``data_dir``,
    ``process`` (``subprocess.Popen``), ``fault`` (a step of crashing_street.FAULTS or None),
    ``tls`` ((cert, key) paths or None).
    """

    def __init__(
        self,
        data_dir: Path,
        log_dir: Path,
        *,
        fault: str | None = None,
        tls: tuple[Path, Path] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.fault = fault
        self.tls = tls
        self.url = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._log_dir = log_dir
        self._runs = 0
        self._stderr_path: Path | None = None

    def start(self) -> "StreetServer":
        self._runs += 1
        self._log_dir.mkdir(parents=True, exist_ok=True)
        out_path = self._log_dir / f"{id(self):x}-{self._runs}.out"
        self._stderr_path = out_path.with_suffix(".err")
        command = [sys.executable, "-m", "desktop.sync.receiver"]
        if self.fault is not None:  # the same receiver, made to die at that step
            command = [sys.executable, "-m", "tests.sync.crashing_street", self.fault]
        command += ["serve", "--data", str(self.data_dir), "--port", "0"]
        if self.tls is not None:
            command += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
        with out_path.open("wb") as out, self._stderr_path.open("wb") as err:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err)
        deadline = time.monotonic() + START_TIMEOUT
        while not (match := LISTENING.search(out_path.read_text(encoding="utf-8"))):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"shuren-street serve did not start:\n{self.log()}")
            time.sleep(0.02)
        self.url = match[1]
        return self

    def log(self) -> str:
        """What the server wrote on stderr so far (its log: one line per request)."""
        if self._stderr_path is None or not self._stderr_path.exists():
            return ""
        return self._stderr_path.read_text(encoding="utf-8", errors="replace")

    def wait_exit(self, timeout: float = STOP_TIMEOUT) -> int:
        """The exit code once the process ends by itself (e.g. the fault hook's 17)."""
        assert self.process is not None
        return self.process.wait(timeout)

    def stop(self) -> int | None:
        """Terminate (kill after STOP_TIMEOUT); the exit code, or None if never started."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)
        return self.process.returncode

    def restart(self, *, fault: str | None = None) -> "StreetServer":
        """Stop and start again over the same data dir (a new port: read ``url`` again)."""
        self.stop()
        self.fault = fault
        return self.start()


@pytest.fixture
def start_street(tmp_path: Path) -> Iterator[Callable[..., StreetServer]]:
    """Factory: ``start_street(data_dir=None, *, fault=None, tls=None) -> StreetServer``.

    ``data_dir`` defaults to ``tmp_path / "street"``; every server started is stopped at teardown.
    """
    servers: list[StreetServer] = []

    def start(
        data_dir: Path | None = None,
        *,
        fault: str | None = None,
        tls: tuple[Path, Path] | None = None,
    ) -> StreetServer:
        server = StreetServer(
            data_dir or tmp_path / "street", tmp_path / "street-logs", fault=fault, tls=tls
        )
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def street(start_street: Callable[..., StreetServer]) -> StreetServer:
    """A receiver over ``tmp_path / "street"``, plain HTTP on 127.0.0.1."""
    return start_street()


@pytest.fixture(scope="session")
def shared_street(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreetServer]:
    """One receiver for the whole run, for tests that add their own branch and only talk to
    it (a second or so saved per test). Never restart or stop it in a test."""
    root = tmp_path_factory.mktemp("shared-street")
    server = StreetServer(root / "street", root / "logs").start()
    yield server
    server.stop()


def add_branch(target: StreetServer | Path, name: str = "测试支部") -> tuple[str, str]:
    """Register a branch in a receiver's data dir (the server sees it at once): (id, token)."""
    data_dir = target.data_dir if isinstance(target, StreetServer) else target
    branch = Storage(data_dir).add_branch(name)
    return branch.branch_id, branch.token


@pytest.fixture
def add_street_branch() -> Callable[..., tuple[str, str]]:
    """``add_street_branch(server_or_data_dir, name="测试支部") -> (branch_id, token)``."""
    return add_branch


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo neighborhood (60 per list), made once and copied per test."""
    folder = tmp_path_factory.mktemp("sync-demo")
    db = open_database(folder)
    make_demo(db, scale=60, seed=7)
    db.close()
    return folder


@pytest.fixture
def app_dir(tmp_path: Path, demo_template: Path) -> Path:
    folder = tmp_path / "app"
    shutil.copytree(demo_template, folder)
    return folder
