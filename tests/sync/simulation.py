"""A seeded simulation of sync as a whole: the app's client and the receiver in one process.

Each schedule (one seed) lets one or two PCs of a branch edit, sync, copy their folder and
settle divergences, over a transport that drops, duplicates, delays (reorders), and truncates
requests and answers, while either side may crash between any two durable steps (an
``os.replace`` or ``os.fsync``) and is restarted from what is on disk. After every step and
at the end, the promises hold:

- the receiver's current copy passes integrity_check, and at the end equals a snapshot the
  client took;
- every version a client holds as acknowledged is on the receiver with the same SHA-256;
- each version made current was built on the one before (its parent), and no record of the
  current copy is lost by the next one, except where the secretary chose 以本机为准: a second
  PC's copy never becomes current silently.

    python -m tests.sync.simulation --seed 1234 -v        replay one schedule, with its trace
    python -m tests.sync.simulation --schedules 2000      run many, print the failing seeds
"""

import argparse
import contextlib
import itertools
import json
import logging
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop.sync import client, resolve
from desktop.sync.config import SyncConfig, save_config, save_token
from desktop.sync.errors import Diverged, ShrinkRefused, SyncBusy, SyncError
from desktop.sync.protocol import (
    DOWNLOAD_LENGTH,
    DOWNLOAD_PAGE_SIZE,
    DOWNLOAD_SHA256,
    DOWNLOAD_STREAM_LENGTH,
    DOWNLOAD_VERSION,
    ErrorCode,
    UploadRequest,
    integrity_problem,
)
from desktop.sync.receiver.app import STATUS, error_body
from desktop.sync.receiver.storage import Storage, StreetError
from desktop.sync.receiver.storage.files import sha256_file
from desktop.sync.snapshot import take_snapshot
from desktop.sync.status import load_status
from desktop.sync.transport import Refused

SERVER = "https://street.invalid:8765"


class Crash(BaseException):
    """The process dies here (BaseException: no ``except Exception`` of the code catches it)."""


class InvariantBroken(AssertionError):
    pass


# --- the receiver, in process ------------------------------------------------------------


class Receiver:
    """``shuren-street``'s routes over a Storage, restarted from disk after a crash."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.storage = Storage(data_dir)

    def restart(self) -> None:
        self.storage = Storage(self.data_dir)

    def handle(
        self, branch: str, method: str, path: str, body: bytes | None, json_body: Any
    ) -> tuple[int, Any, dict[str, str]]:
        """(status, JSON answer or bytes, headers), as app.py would answer."""
        parts = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        route = parts.path.strip("/").split("/") if parts.path.strip("/") else []
        try:
            return 200, self._route(branch, method, route, query, body, json_body), {}
        except StreetError as error:
            return STATUS[error.code], error_body(error.code, error.message, **error.extra), {}
        except _Download as download:
            return 200, download.data, download.headers

    def _route(self, branch, method, route, query, body, json_body) -> Any:
        s = self.storage
        if method == "GET" and not route:
            return s.branch_state(branch).to_json()
        if method == "POST" and route == ["uploads"]:
            try:
                request = UploadRequest.from_json(json_body)
            except ValueError as exc:
                raise StreetError(ErrorCode.BAD_REQUEST, str(exc)) from None
            return s.create_upload(branch, request).to_json()
        if method == "PUT" and len(route) == 2 and route[0] == "uploads":
            return s.put_chunk(branch, route[1], int(query["offset"]), body or b"").to_json()
        if method == "POST" and len(route) == 3 and route[2] == "finish":
            confirm = bool((json_body or {}).get("confirm_shrink", False))
            return s.finish_upload(branch, route[1], confirm).to_json()
        if method == "GET" and len(route) == 2 and route[0] == "versions":
            number = None if route[1] == "current" else int(route[1])
            info, packed = s.version_download(branch, number)
            data = packed.read_bytes()
            headers = {
                DOWNLOAD_VERSION.lower(): str(info.version),
                DOWNLOAD_SHA256.lower(): info.sha256,
                DOWNLOAD_LENGTH.lower(): str(info.length),
                DOWNLOAD_PAGE_SIZE.lower(): str(info.page_size),
                DOWNLOAD_STREAM_LENGTH.lower(): str(len(data)),
            }
            raise _Download(data[int(query.get("offset", "0")) :], headers)
        raise AssertionError(f"no route {method} {route}")


class _Download(Exception):
    def __init__(self, data: bytes, headers: dict[str, str]) -> None:
        self.data, self.headers = data, headers


# --- faults ------------------------------------------------------------------------------


@dataclass
class Faults:
    """What may go wrong, decided by the schedule's RNG."""

    rng: random.Random
    network: float  # chance that a request meets a fault of the network
    crash: float  # chance that a durable step is the last before a crash
    side: str = "client"  # whose code runs now
    crashes: dict[str, int] = field(default_factory=lambda: {"client": 0, "server": 0})
    delayed: list[tuple[str, str, str, bytes | None, Any]] = field(default_factory=list)
    armed: bool = True  # off while the schedule settles at the end

    def maybe_crash(self) -> None:
        if self.armed and self.rng.random() < self.crash:
            self.crashes[self.side] += 1
            raise Crash(self.side)

    @contextlib.contextmanager
    def on(self, side: str) -> Iterator[None]:
        before, self.side = self.side, side
        try:
            yield
        finally:
            self.side = before


@contextlib.contextmanager
def crash_points(faults: Faults) -> Iterator[None]:
    """Every os.replace and os.fsync may be the last thing either side does."""
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        faults.maybe_crash()
        real_replace(src, dst, **kwargs)

    def fsync(fd: int) -> None:
        faults.maybe_crash()
        real_fsync(fd)

    os.replace, os.fsync = replace, fsync
    try:
        yield
    finally:
        os.replace, os.fsync = real_replace, real_fsync


class Transport:
    """The client's Connection, over a network that loses, repeats, delays and cuts."""

    def __init__(self, receiver: Receiver, faults: Faults, token: str, trace: list[str]) -> None:
        self.receiver = receiver
        self.faults = faults
        self.branch = token.partition(".")[0]
        self.trace = trace

    def close(self) -> None:
        pass

    def _deliver(self, method: str, path: str, body: bytes | None, json_body: Any):
        with self.faults.on("server"):
            try:
                return self.receiver.handle(self.branch, method, path, body, json_body)
            except Crash:
                self.trace.append(f"    server crashed in {method} {path.split('?')[0]}")
                self.receiver.restart()
                raise SyncError("连不上街道办服务器（模拟：服务端崩溃）", retry=True) from None

    def _replay_delayed(self) -> None:
        """Requests held up in the network arrive late, in any order; answers are lost."""
        rng = self.faults.rng
        while self.faults.delayed and rng.random() < 0.5:
            _branch, method, path, body, json_body = self.faults.delayed.pop(
                rng.randrange(len(self.faults.delayed))
            )
            self.trace.append(f"    late arrival: {method} {path.split('?')[0]}")
            with contextlib.suppress(SyncError):
                self._deliver(method, path, body, json_body)

    def _fault(self) -> str | None:
        rng = self.faults.rng
        if not self.faults.armed or rng.random() >= self.faults.network:
            return None
        return rng.choice(
            ["drop_request", "drop_answer", "duplicate", "delay", "cut_request", "cut_answer"]
        )

    def call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        json_body: dict[str, Any] | None = None,
        slow: bool = False,
    ) -> dict[str, Any]:
        self._replay_delayed()
        fault = self._fault()
        if fault:
            self.trace.append(f"    {fault}: {method} {path.split('?')[0]}")
        if json_body is not None:  # what goes on the wire, so a repeat is the same bytes
            json_body = json.loads(json.dumps(json_body))
        if fault == "drop_request":
            raise SyncError("连不上街道办服务器（模拟：请求丢失）", retry=True)
        if fault == "delay":
            self.faults.delayed.append((self.branch, method, path, body, json_body))
            raise SyncError("连不上街道办服务器（模拟：请求迟到）", retry=True)
        if fault == "cut_request" and body:
            cut = body[: self.faults.rng.randrange(len(body))]
            if self.faults.rng.random() < 0.5:  # Content-Length tells the receiver: refused
                raise Refused(400, error_body(ErrorCode.BAD_REQUEST, "这一段没有收全，未写入。"))
            body = cut  # chunked: the receiver takes what came
        status, answer, _headers = self._deliver(method, path, body, json_body)
        if fault == "duplicate":
            status, answer, _headers = self._deliver(method, path, body, json_body)
        if fault in ("drop_answer", "cut_answer"):
            raise SyncError("与街道办服务器的连接中断了（模拟）", retry=True)
        if status != 200:
            raise Refused(status, answer)
        return answer

    def download(
        self,
        path: str,
        offset: int,
        sink: Callable[[bytes], None],
        on_headers: Callable[[dict[str, str]], None],
    ) -> dict[str, str]:
        self._replay_delayed()
        fault = self._fault()
        if fault:
            self.trace.append(f"    {fault}: GET {path}")
        if fault in ("drop_request", "delay"):
            raise SyncError("连不上街道办服务器（模拟）", retry=True)
        status, answer, headers = self._deliver("GET", f"{path}?offset={offset}", None, None)
        if status != 200:
            raise Refused(status, answer)
        on_headers(headers)
        if fault in ("cut_answer", "drop_answer", "cut_request") and answer:
            sink(answer[: self.faults.rng.randrange(len(answer))])
            raise SyncError("与街道办服务器的连接中断了（模拟）", retry=True)
        sink(answer)
        return headers


# --- the branch's PCs --------------------------------------------------------------------


class Pc:
    """A data folder of the branch on one PC."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        self.edits = 0

    @property
    def db(self) -> Path:
        return self.folder / "shuren.sqlite3"

    def edit(self, rng: random.Random) -> str:
        """Records are only ever added here, so no later version may have fewer of them."""
        with closing(sqlite3.connect(self.db)) as conn, conn:
            for _ in range(rng.randint(1, 3)):
                self.edits += 1
                conn.execute(
                    "INSERT INTO grid (uuid, name) VALUES (?, ?)",
                    (
                        f"{self.name}-{self.edits}-{rng.getrandbits(32):08x}",
                        f"{self.name}{self.edits}",
                    ),
                )
        return f"{self.name} edits ({self.edits})"


def grids(path: Path) -> set[str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)) as c:
        return {row[0] for row in c.execute("SELECT uuid FROM grid")}


# --- one schedule ------------------------------------------------------------------------


@dataclass
class Outcome:
    seed: int
    steps: int
    syncs: int
    crashes: int
    trace: list[str]
    error: str | None = None


class Schedule:
    def __init__(self, seed: int, root: Path, template: Path) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.root = root
        self.trace: list[str] = [f"seed {seed}"]
        self.faults = Faults(
            self.rng,
            network=self.rng.choice([0.0, 0.1, 0.25]),
            crash=self.rng.choice([0, 0.02, 0.06]),
        )
        self.receiver = Receiver(root / "street")
        branch = self.receiver.storage.add_branch("模拟支部")
        self.token = branch.token
        self.branch = branch.branch_id
        a = Pc("甲", root / "a")
        shutil.copytree(template, a.folder)
        save_config(a.folder, SyncConfig(server=SERVER))
        save_token(a.folder, self.token)
        self.pcs = [a]
        self.syncs = 0
        self.history: list[tuple[int, set[str]]] = []  # current versions seen, with their records
        self.explicit: set[int] = set()  # versions made current by 以本机为准
        self.chose_local: dict[str, int | None] = {}  # PC -> the version it chose to override

    def connect(self, _config: SyncConfig, token: str) -> Transport:
        return Transport(self.receiver, self.faults, token, self.trace)

    # -- steps ----------------------------------------------------------------------------
    def run(self, steps: int) -> None:
        with crash_points(self.faults):
            for _ in range(steps):
                self.step()
                self.check()
            self.settle()
            self.check(final=True)

    def step(self) -> None:
        rng = self.rng
        pc = rng.choice(self.pcs)
        roll = rng.random()
        if roll < 0.35:
            self.trace.append(pc.edit(rng))
        elif roll < 0.8:
            self.sync(pc)
        elif roll < 0.87 and len(self.pcs) == 1:
            self.copy_folder(pc)
        elif roll < 0.93:
            self.resolve(pc, rng.choice(["server", "local", "merge"]))
        else:
            self.tidy()

    def sync(self, pc: Pc) -> None:
        self.syncs += 1
        try:
            result = client.sync_once(pc.folder, connect=self.connect)
            self.trace.append(f"{pc.name} sync -> version {result.version}")
        except Diverged as exc:
            self.trace.append(f"{pc.name} sync -> diverged from {exc.server_version}")
        except (SyncError, ShrinkRefused) as exc:
            self.trace.append(f"{pc.name} sync -> {type(exc).__name__}: {exc.message[:30]}")
        except Crash:
            self.trace.append(f"{pc.name} sync -> client crashed")
        self.note_choice_delivered(pc)
        self.observe()

    def note_choice_delivered(self, pc: Pc) -> None:
        """A version built on the one this PC chose to override (以本机为准) replaces it by
        her word, not silently, even when its upload went through only later."""
        chosen = self.chose_local.get(pc.name)
        current = self.receiver.storage.current_version(self.branch)
        if chosen is None or current is None or current == chosen:
            return
        storage = self.receiver.storage
        if storage.version_info(self.branch, current).parent == chosen and grids(
            storage.current_path(self.branch)
        ) == grids(pc.db):  # this PC's copy it is, not the other's
            self.explicit.add(current)
            del self.chose_local[pc.name]

    def resolve(self, pc: Pc, choice: str) -> None:
        if load_status(pc.folder).diverged is None:
            return
        act = {
            "server": resolve.restore_from_street,
            "local": resolve.keep_local,
            "merge": resolve.merge_with_street,
        }[choice]
        if choice == "local":
            self.chose_local[pc.name] = self.receiver.storage.current_version(self.branch)
        try:
            act(pc.folder, connect=self.connect)
            self.trace.append(f"{pc.name} resolve {choice} -> done")
        except (SyncError, SyncBusy) as exc:
            self.trace.append(f"{pc.name} resolve {choice} -> {exc.message[:30]}")
        except Crash:
            self.trace.append(f"{pc.name} resolve {choice} -> client crashed")
        self.note_choice_delivered(pc)
        self.observe()

    def copy_folder(self, pc: Pc) -> None:
        other = Pc("乙", self.root / "b")
        shutil.copytree(pc.folder, other.folder)
        self.pcs.append(other)
        self.trace.append(f"{pc.name}'s folder copied to a second PC")

    def tidy(self) -> None:
        with self.faults.on("server"):
            try:
                self.receiver.storage.tidy(self.branch)
                self.trace.append("receiver tidies")
            except Crash:
                self.trace.append("receiver crashed while tidying")
                self.receiver.restart()

    # -- the promises ---------------------------------------------------------------------
    def observe(self) -> None:
        """Note a new current version, with the records it holds."""
        current = self.receiver.storage.current_version(self.branch)
        if current is None or (self.history and self.history[-1][0] == current):
            return
        path = self.receiver.storage.current_path(self.branch)
        self.history.append((current, grids(path)))
        parent = self.receiver.storage.version_info(self.branch, current).parent
        self.trace.append(f"    receiver: version {current} is current (parent {parent})")

    def check(self, *, final: bool = False) -> None:
        storage = self.receiver.storage
        current = storage.current_path(self.branch)
        if current is not None and final:
            problem = integrity_problem(current)
            if problem:
                raise InvariantBroken(f"current copy damaged: {problem}")
        for pc in self.pcs:
            ack = load_status(pc.folder).acknowledged
            if ack is None:
                continue
            info = storage.version_info(self.branch, ack.version)
            if info.sha256 != ack.sha256:
                raise InvariantBroken(
                    f"{pc.name} holds version {ack.version} acknowledged, "
                    "but the receiver has another file under that number"
                )
        numbers = sorted(
            n for n, kinds in storage.versions.scan(self.branch).items() if kinds - {"sidecar"}
        )
        for before, after in itertools.pairwise(numbers):
            parent = storage.version_info(self.branch, after).parent
            if after == before + 1 and parent != before:
                raise InvariantBroken(f"version {after} names {parent} as parent, not {before}")
        for (v1, kept), (v2, now) in zip(self.history, self.history[1:], strict=False):
            if v2 not in self.explicit and not kept <= now:
                raise InvariantBroken(f"version {v2} lost records of version {v1} silently")

    def settle(self) -> None:
        """No more faults: each PC syncs, merging first if it must; the last one's copy is
        then what the receiver holds."""
        self.faults.armed = False
        self.faults.delayed.clear()
        result = None
        for pc in self.pcs:
            try:
                result = client.sync_once(pc.folder, connect=self.connect)
                self.trace.append(f"settle: {pc.name} sync -> version {result.version}")
            except Diverged:
                result = resolve.merge_with_street(pc.folder, connect=self.connect).upload
                self.trace.append(f"settle: {pc.name} merges")
            self.note_choice_delivered(pc)
            self.observe()
        last = self.pcs[-1]
        snapshot = take_snapshot(last.db, self.root / "final.sqlite3")
        current = self.receiver.storage.current_info(self.branch)
        sha = sha256_file(snapshot)
        if current is None or current.sha256 != sha or result.version != current.version:
            raise InvariantBroken("after settling, the receiver's copy is not the client's")
        if load_status(last.folder).acknowledged.version != current.version:
            raise InvariantBroken(
                "after settling, the client's acknowledged version is not current"
            )


def run_one(seed: int, template: Path, workdir: Path | None = None) -> Outcome:
    root = Path(tempfile.mkdtemp(prefix=f"sim-{seed}-", dir=workdir))
    schedule = None
    try:
        schedule = Schedule(seed, root, template)
        steps = schedule.rng.randint(2, 9)
        schedule.run(steps)
        return Outcome(seed, steps, schedule.syncs, sum(schedule.faults.crashes.values()), [])
    except Exception as exc:  # any failure is the schedule's finding, with its trace
        trace = schedule.trace if schedule else []
        detail = "".join(traceback.format_exception(exc)[-6:])
        return Outcome(seed, 0, 0, 0, trace, f"{type(exc).__name__}: {exc}\n{detail}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def make_template(folder: Path) -> Path:
    """A data folder whose database holds, of the app's schema at its newest revision, only the
    revision and the ``grid`` table: every step then costs milliseconds, so thousands of
    schedules fit in a test run. (The receiver's check that a file holds exactly a schema the
    app writes is tested on its own, in tests/sync/test_untrusted.py; here it is set aside.)"""
    from desktop.store import migrate
    from desktop.store.database import make_engine

    folder.mkdir(parents=True, exist_ok=True)
    full = folder.parent / "full.sqlite3"
    migrate.upgrade_to_head(full)
    make_engine(full).dispose()
    with closing(sqlite3.connect(full)) as source:
        objects = source.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name IN ('alembic_version', 'grid')"
            " AND sql IS NOT NULL ORDER BY type DESC"
        ).fetchall()
        (revision,) = source.execute("SELECT version_num FROM alembic_version").fetchone()
    with closing(sqlite3.connect(folder / "shuren.sqlite3")) as db, db:
        for (sql,) in objects:
            db.execute(sql)
        db.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    full.unlink()
    return folder


@contextlib.contextmanager
def schema_check_set_aside() -> Iterator[None]:
    from desktop.sync import untrusted

    real = untrusted.check_schema
    untrusted.check_schema = lambda _path: None
    try:
        yield
    finally:
        untrusted.check_schema = real


def run_many(seeds: range, workdir: Path) -> list[Outcome]:
    template = make_template(workdir / "template")
    logging.disable(logging.WARNING)  # the receiver logs every divergence it keeps aside
    try:
        with schema_check_set_aside():
            return [run_one(seed, template, workdir) for seed in seeds]
    finally:
        logging.disable(logging.NOTSET)


def run_chunk(seeds: range) -> list[Outcome]:
    """One worker's share, in a temporary folder of its own (tmpfs where there is one)."""
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        return run_many(seeds, Path(tmp))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, help="replay one schedule")
    parser.add_argument("--schedules", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("-v", action="store_true", help="print the trace")
    args = parser.parse_args(argv)
    seeds = (
        range(args.seed, args.seed + 1)
        if args.seed is not None
        else range(args.start, args.start + args.schedules)
    )
    started = time.perf_counter()
    outcomes = run_chunk(seeds)
    took = time.perf_counter() - started
    failed = [o for o in outcomes if o.error]
    for outcome in outcomes if args.v else failed:
        print("\n".join(outcome.trace))
        if outcome.error:
            print(outcome.error)
    syncs = sum(o.syncs for o in outcomes)
    crashes = sum(o.crashes for o in outcomes)
    print(
        f"{len(outcomes)} schedules, {syncs} syncs, {crashes} crashes, {len(failed)} failed, "
        f"{took:.1f} s ({took / max(1, len(outcomes)) * 1000:.1f} ms each)"
    )
    if failed:
        print("failing seeds:", " ".join(str(o.seed) for o in failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
