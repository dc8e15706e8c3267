"""Benchmark of sync against a real receiver on loopback (not a test; prints figures).

    .venv/bin/python tests/benchmarks/bench_sync.py [--scale 20000] [--edits 5]
        [--branches 100] [--branch-scale 600] [--waves 10,30] [--keep DIR]

1. A demo database (`shuren demo --scale 20000`, ~50 MB, ~11 s to make): its size, its
   whole-file zstd size, the first upload's bytes and time (goal: bytes ≈ zstd size).
2. One need edited, then sync, ``--edits`` times: bytes (goal ≤ 64 KiB), wall time and client
   CPU (``time.process_time`` of this process; the receiver is another; goal ≤ 500 ms).
3. A day's work (tests/sync/workday.py), then sync: bytes (goal ≤ 300 KiB) and client CPU.
4. ``pending_bytes()`` on that database, with a day's work pending and with nothing pending.
5. ``--branches`` branches of one fresh receiver, each with its own copy of a small demo, all
   calling ``sync_once`` for one edit at once (threads behind a barrier): acknowledged count,
   p50/p95/max latency (goal: all, p95 ≤ 1 s), and where the time goes: one delta alone, CPU
   of clients and receiver (Linux /proc), client phases, and from the receiver's log the time
   from a branch's last chunk to its new version; then ``--waves`` fewer branches at once.

Everything lives in a temporary directory removed at the end; ``--keep DIR`` keeps the demo
databases in DIR and reuses them on the next run (receivers and working copies are always new).
"""

import argparse
import functools
import hashlib
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.services.needs import NeedQuery, list_needs
from desktop.store.database import Database, open_database
from desktop.store.datadir import db_path
from desktop.sync import client, transport
from desktop.sync.client import SyncError, SyncResult, pending_bytes, sync_once
from desktop.sync.config import SyncConfig, save_config, save_token
from desktop.sync.protocol import ZSTD_LEVEL, integrity_problem, record_counts
from desktop.sync.receiver.storage import compress_file
from desktop.sync.snapshot import take_snapshot
from tests.sync.conftest import StreetServer, add_branch
from tests.sync.workday import a_days_work, edit_one_need

ROOT = Path(__file__).resolve().parents[2]
KiB = 1024
MB = 1_000_000
LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ")
PUT_LINE = re.compile(r'"PUT /v1/branches/([0-9a-f]{12})/uploads/')
VERSION_LINE = re.compile(r"branch ([0-9a-f]{12}): version (\d+) from upload")


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def spread(values: list[float]) -> str:
    """p50, p95 and max of some durations in seconds."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {ms(statistics.median(ordered))}, p95 {ms(p95)}, max {ms(ordered[-1])}"


def proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, timeout: float = 20.0) -> None:
    """Until the receiver stops using CPU (e.g. done compressing the previous version)."""
    deadline = time.monotonic() + timeout
    last = proc_cpu(pid)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = proc_cpu(pid)
        if now - last < 0.015:
            return
        last = now


def machine_cpu() -> tuple[int, int, int]:
    """(busy, iowait, total) jiffies of all CPUs since boot (Linux /proc/stat; zeros elsewhere)."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    except (OSError, ValueError):
        return 0, 0, 0
    idle, iowait = values[3], values[4]
    return sum(values) - idle - iowait, iowait, sum(values)


def receiver_steps(data_dir: Path, work: Path) -> None:
    """The receiver's heavier steps on one copy of this database, timed in this process: it
    checks each new version (SHA-256, integrity_check, record counts, on a copy of the base),
    and its tidy compresses the version before."""
    work.mkdir(parents=True, exist_ok=True)
    copy = take_snapshot(db_path(data_dir), work / "steps.sqlite3")
    steps: list[tuple[str, Callable[[], object]]] = [
        ("copy of the base", lambda: shutil.copyfile(copy, work / "base.sqlite3")),
        ("SHA-256", lambda: _file_sha256(copy)),
        ("integrity_check", lambda: integrity_problem(copy)),
        ("record counts", lambda: record_counts(copy)),
        ("tidy: zstd of the old version", lambda: compress_file(copy, work / "old.zst", work)),
    ]
    figures = []
    for label, step in steps:
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        figures.append(
            f"{label} {ms(time.perf_counter() - wall)} ({ms(time.process_time() - cpu)} CPU)"
        )
    print("  receiver steps on this file, timed here: " + "; ".join(figures))
    shutil.rmtree(work)


def _file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def demo_template(scale: int, folder: Path) -> Path:
    """A data dir made by `shuren demo --scale N` (reused if ``folder`` already holds one)."""
    data_dir = folder / f"demo-{scale}"
    if db_path(data_dir).is_file():
        print(f"  demo at scale {scale:,}: reused {data_dir}")
        return data_dir
    shutil.rmtree(data_dir, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "desktop", "demo", "--data-dir", str(data_dir)]
    subprocess.run([*command, "--scale", str(scale)], cwd=ROOT, check=True, capture_output=True)
    print(f"  demo at scale {scale:,}: made in {time.perf_counter() - started:.1f} s")
    return data_dir


def branch_copy(template: Path, data_dir: Path, server: StreetServer, name: str) -> Path:
    shutil.copytree(template, data_dir)
    _branch_id, token = add_branch(server, name)
    save_config(data_dir, SyncConfig(server=server.url))
    save_token(data_dir, token)
    return data_dir


def timed_sync(data_dir: Path) -> tuple[SyncResult, float, float]:
    """(result, wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = sync_once(data_dir)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def need_ids(db: Database, count: int, total: int) -> list[int]:
    """``count`` needs spread through the list (so through the file)."""
    step = max(1, total // count)
    return [list_needs(db, NeedQuery(), offset=i * step, limit=1)[0].id for i in range(count)]


# --- 1-4: one big branch -----------------------------------------------------------------------


def one_branch(template: Path, work: Path, edits: int) -> None:
    server = StreetServer(work / "street-one", work / "logs").start()
    try:
        app = branch_copy(template, work / "big", server, "大支部")
        size = db_path(app).stat().st_size
        snapshot = take_snapshot(db_path(app), work / "whole.sqlite3")
        started = time.perf_counter()
        zstd_size = len(zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(snapshot.read_bytes()))
        zstd_time = time.perf_counter() - started
        snapshot.unlink()
        print("1. first upload")
        print(f"  database file {size / MB:.1f} MB ({size:,} bytes)")
        print(f"  whole file zstd level {ZSTD_LEVEL}: {zstd_size / MB:.1f} MB in {zstd_time:.1f} s")
        first, wall, cpu = timed_sync(app)
        print(
            f"  first upload: sent {first.sent_bytes / MB:.1f} MB ({first.sent_bytes:,} bytes)"
            f" in {wall:.1f} s wall, {cpu:.1f} s client CPU"
        )
        print(f"  first upload / zstd size = {first.sent_bytes / zstd_size:.3f} (goal ≈ 1)")

        db = open_database(app)  # open while syncing, as in the app
        try:
            print(f"2. one need edited, then sync ({edits} times, needs spread through the file)")
            pid = server.process.pid
            runs = []
            clock = PhaseClock()
            for i, need in enumerate(need_ids(db, edits, _count_needs(app))):
                wait_idle(pid)  # edits come minutes apart: the previous tidy is over
                edit_one_need(db, need, f"楼道灯不亮（基准测试修改 {i}）")
                before = proc_cpu(pid)
                with clock:
                    result, wall, cpu = timed_sync(app)
                wait_idle(pid)
                street_cpu = proc_cpu(pid) - before
                runs.append((result.sent_bytes, wall, cpu))
                print(
                    f"  need {need}: sent {result.sent_bytes / KiB:.1f} KiB, {ms(wall)} wall,"
                    f" {ms(cpu)} client CPU; receiver CPU {ms(street_cpu)} (with its tidy)"
                )
            for label, index, unit in (("sent", 0, "KiB"), ("wall", 1, "ms"), ("CPU", 2, "ms")):
                values = [run[index] for run in runs]
                scale = 1 / KiB if unit == "KiB" else 1000
                print(
                    f"  {label}: median {statistics.median(values) * scale:.1f} {unit},"
                    f" max {max(values) * scale:.1f} {unit}"
                )
            print("  goals: sent ≤ 64 KiB, client CPU ≤ 500 ms")
            clock.report("  client phases, over the edits:")
            receiver_steps(app, work / "steps-big")

            print("3./4. a day's work (1 meeting finalised, 5 visits, 3 needs), then sync")
            wait_idle(pid)
            a_days_work(db, date.today(), n=1)
            _pending(app, "  pending_bytes() with the day's work pending")
            result, wall, cpu = timed_sync(app)
            print(
                f"  sync: sent {result.sent_bytes / KiB:.1f} KiB, {ms(wall)} wall,"
                f" {ms(cpu)} client CPU (goal: sent ≤ 300 KiB)"
            )
            _pending(app, "  pending_bytes() with nothing pending")
        finally:
            db.close()
    finally:
        server.stop()


def _count_needs(data_dir: Path) -> int:
    uri = f"{db_path(data_dir).resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM need WHERE deleted_at IS NULL").fetchone()[0]


def _pending(data_dir: Path, label: str) -> None:
    times = []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        pending = pending_bytes(data_dir)
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall, cpu = min(times)
    print(f"{label}: {pending / KiB:.0f} KiB, {ms(wall)} wall, {ms(cpu)} CPU (best of 3)")


# --- timing the client's phases; 5: many branches at once ------------------------------------


class PhaseClock:
    """Times the client's phases per call, in every thread, while entered: it wraps functions
    that sync_once calls (in this process only; production code is untouched)."""

    TARGETS = (
        (client, "take_snapshot", "snapshot"),
        (client, "digest_file", "digest"),
        (client, "_prepare", "prepare payload"),
        (client, "_upload", "upload (create, send, finish)"),
    )

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self._guard = threading.Lock()
        self._undo: list[tuple[Any, str, Any]] = []

    def __enter__(self) -> "PhaseClock":
        for owner, name, label in self.TARGETS:
            self._wrap(owner, name, label)
        self._wrap(transport.Connection, "call", _call_label)
        return self

    def __exit__(self, *_exc: object) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()

    def _wrap(self, owner: Any, name: str, label: Callable[..., str] | str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                key = label if isinstance(label, str) else label(*args, **kwargs)
                with self._guard:
                    self.times[key].append(time.perf_counter() - started)

        self._undo.append((owner, name, original))
        setattr(owner, name, timed)

    def report(self, title: str) -> None:
        print(title)
        for label, values in self.times.items():
            print(f"    {label:<30} n={len(values):<4} {spread(values)}")


def _call_label(_self: Any, method: str, path: str, *_args: Any, **_kwargs: Any) -> str:
    if path.endswith("/finish"):
        return "HTTP POST finish"
    if method == "PUT":
        return "HTTP PUT chunk"
    if path == "/uploads":
        return "HTTP POST create upload"
    return "HTTP GET upload" if path.startswith("/uploads/") else "HTTP GET branch"


def edit_each(dirs: list[Path], title: str) -> None:
    for data_dir in dirs:
        db = open_database(data_dir)
        try:
            edit_one_need(db, list_needs(db, NeedQuery(), limit=1)[0].id, title)
        finally:
            db.close()


def at_once(dirs: list[Path]) -> tuple[list[float], list[SyncResult], list[str], float]:
    """sync_once in one thread per data dir, released together by a barrier:
    (latencies, results, failures, seconds from the barrier to the last answer)."""
    barrier = threading.Barrier(len(dirs) + 1)
    outcomes: list[tuple[float, SyncResult | str]] = [(0.0, "not run")] * len(dirs)

    def one(i: int) -> None:
        barrier.wait()
        begun = time.perf_counter()
        try:
            outcome: SyncResult | str = sync_once(dirs[i])
        except (SyncError, OSError) as exc:
            outcome = f"{type(exc).__name__}: {exc}"
        outcomes[i] = (time.perf_counter() - begun, outcome)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(dirs))]
    for thread in threads:
        thread.start()
    barrier.wait()
    released = time.perf_counter()
    for thread in threads:
        thread.join()
    results = [o for _, o in outcomes if isinstance(o, SyncResult)]
    failures = [o for _, o in outcomes if not isinstance(o, SyncResult)]
    return [t for t, _ in outcomes], results, failures, time.perf_counter() - released


def many_branches(template: Path, work: Path, count: int, waves: list[int]) -> None:
    server = StreetServer(work / "street-many", work / "logs").start()
    pid = server.process.pid
    try:
        print(f"5. {count} branches, one receiver, one edit each synced at once")
        started = time.perf_counter()
        dirs = [
            branch_copy(template, work / f"branch-{i:03d}", server, f"支部{i:03d}")
            for i in range(count)
        ]
        print(f"  {count} branches added and copied in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        with ThreadPoolExecutor(4) as pool:
            firsts = list(pool.map(sync_once, dirs))
        sent = sum(r.sent_bytes for r in firsts)
        print(
            f"  first uploads (4 threads): {time.perf_counter() - started:.1f} s,"
            f" {sent / MB:.1f} MB sent in all"
        )

        alone = []  # one delta with nothing else running, for the arithmetic below
        for i in range(3):
            edit_each(dirs[:1], f"楼道灯不亮（单独修改 {i}）")
            wait_idle(pid)
            before = proc_cpu(pid)
            _result, wall, cpu = timed_sync(dirs[0])
            wait_idle(pid)
            alone.append((wall, cpu, proc_cpu(pid) - before))
        wall, cpu, street_cpu = (statistics.median(x) for x in zip(*alone, strict=True))
        print(
            f"  one delta alone (median of 3): {ms(wall)} wall, {ms(cpu)} client CPU,"
            f" {ms(street_cpu)} receiver CPU (with its tidy)"
        )

        started = time.perf_counter()
        edit_each(dirs, "楼道灯不亮（并发基准测试修改）")
        print(f"  one edit in each: {time.perf_counter() - started:.1f} s")
        wait_idle(pid)
        log_mark = len(server.log())
        street_before, machine_before = proc_cpu(pid), machine_cpu()
        cpu = time.process_time()
        with PhaseClock() as clock:
            latencies, results, failures, elapsed = at_once(dirs)
        client_cpu = time.process_time() - cpu
        machine_after = machine_cpu()
        wait_idle(pid)
        street_cpu = proc_cpu(pid) - street_before

        stale = sum(r.up_to_date for r in results)  # the edit not seen: should be 0
        sent = statistics.median(r.sent_bytes for r in results) / KiB if results else 0.0
        print(
            f"  acknowledged {len(results)} of {count} ({stale} of them 'up to date');"
            f" failures {len(failures)}; sent {sent:.1f} KiB median"
        )
        for failure in failures:
            print(f"    failed: {failure}")
        print(f"  latency per delta: {spread(latencies)} (goal: p95 ≤ 1 s)")
        busy, iowait, total = (b - a for a, b in zip(machine_before, machine_after, strict=True))
        print(
            f"  last answer {elapsed:.2f} s after the barrier; CPU: clients (this process)"
            f" {client_cpu:.1f} s, receiver {street_cpu:.1f} s (with tidying after the answers);"
            f" machine busy {busy / max(total, 1):.0%}, iowait {iowait / max(total, 1):.0%}"
        )
        print(
            f"  CPU per delta: client {ms(client_cpu / count)}, receiver {ms(street_cpu / count)};"
            f" {count} deltas on {os.cpu_count()} CPUs need ≥"
            f" {(client_cpu + street_cpu) / (os.cpu_count() or 1):.1f} s even if perfectly parallel"
        )
        clock.report("  client phases (per sync; the HTTP calls are round trips):")
        _server_side(server.log()[log_mark:])
        receiver_steps(dirs[0], work / "steps-small")

        for size in waves:
            edit_each(dirs[:size], f"楼道灯不亮（{size} 个支部同时修改）")
            wait_idle(pid)
            latencies, results, failures, elapsed = at_once(dirs[:size])
            print(
                f"  {size} at once: acknowledged {len(results)}, failures {len(failures)};"
                f" latency {spread(latencies)}"
            )
            for failure in failures:
                print(f"    failed: {failure}")
    finally:
        server.stop()


def _server_side(log: str) -> None:
    """From the receiver's log: per branch, last chunk answered -> new version committed."""
    last_put: dict[str, datetime] = {}
    finishes: list[float] = []
    committed: list[datetime] = []
    for line in log.splitlines():
        stamp = LOG_TIME.match(line)
        if stamp is None:
            continue
        moment = datetime.strptime(stamp[1], "%Y-%m-%d %H:%M:%S,%f")
        if put := PUT_LINE.search(line):
            last_put[put[1]] = moment
        elif (version := VERSION_LINE.search(line)) and version[1] in last_put:
            committed.append(moment)
            finishes.append((moment - last_put[version[1]]) / timedelta(seconds=1))
    if not finishes:
        print("  receiver log: no finishes found")
        return
    print(
        f"  receiver log: {len(finishes)} versions committed over"
        f" {(max(committed) - min(committed)).total_seconds():.2f} s;"
        f" chunk answered -> version committed: {spread(finishes)}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=20_000, help="demo scale of the big branch")
    parser.add_argument("--edits", type=int, default=5, help="single edits synced one by one")
    parser.add_argument("--branches", type=int, default=100, help="branches syncing at once")
    parser.add_argument("--branch-scale", type=int, default=600, help="demo scale of each")
    parser.add_argument(
        "--waves", default="10,30", help="then smaller numbers of branches at once (comma list)"
    )
    parser.add_argument("--keep", type=Path, help="keep the demo databases here and reuse them")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    print(
        f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version},"
        f" zstandard {zstandard.__version__}; {os.cpu_count()} CPUs; load average {load()}"
    )
    with tempfile.TemporaryDirectory(prefix="shuren-bench-sync-") as folder:
        work = Path(folder)
        templates = args.keep or work / "templates"
        templates.mkdir(parents=True, exist_ok=True)
        big = demo_template(args.scale, templates)
        small = demo_template(args.branch_scale, templates)
        one_branch(big, work, args.edits)
        waves = [int(n) for n in args.waves.split(",") if n]
        many_branches(small, work, args.branches, waves)
    print(f"total {time.perf_counter() - began:.0f} s; load average at the end {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
