"""Encrypted against plain on the same data (not a test; prints figures).

    .venv/bin/python tests/benchmarks/bench_encryption.py [--scale 100000] [--sync-scale 20000]
        [--rounds 5] [--keep DIR]

1. The lists (tests/benchmarks/bench_lists.py's data, ``--scale`` records per list): a plain
   folder and an encrypted copy of it, opened alternately ``--rounds`` times; the needs list's
   first screen (count + first 200 rows) and a search, median of each (goal: encrypted ≤ 1.5×
   plain).
2. Unlock: the key derived from the password (SQLCipher's PBKDF2, 256,000 rounds) and checked
   on the data file (goal ≤ 1 s).
3. Cold start to the password prompt: a new process, from launch to the prompt on screen
   (goal ≤ 1.2 s).
4. Sync of one edited need on the ``--sync-scale`` demo (~50 MB) against a real receiver,
   plain and encrypted alternately (goal: encrypted wall time ≤ 1.5× plain; bytes ≤ 64 KiB).
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.domain.needs import NeedQuery
from desktop.services import needs
from desktop.store import cipher
from desktop.store.database import open_database
from desktop.store.password import encrypt_data_file, unlock
from tests.benchmarks.bench_lists import prepare
from tests.benchmarks.bench_sync import branch_copy, demo_template, need_ids, timed_sync
from tests.sync.conftest import StreetServer
from tests.sync.workday import edit_one_need

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Bench-pass-2026"
KiB = 1024

CHILD = r"""
import sys, time, json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from desktop.ui import password

def shown(dialog):
    print(json.dumps({"prompt": time.time()}), flush=True)
    return QDialog.DialogCode.Rejected

password.PasswordDialog.exec = shown
from desktop.app import parse_window_args, start
app = QApplication(sys.argv[:1])
start(parse_window_args(["--data-dir", sys.argv[1]]))
"""


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def screen(db: Any, query: NeedQuery) -> tuple[int, list]:
    """What the needs page asks for a screen: the count and the first 200 rows."""
    return needs.count_needs(db, query), needs.list_needs(db, query, limit=200)


def lists(plain: Path, secret: Path, rounds: int) -> None:
    print("1. the needs list, plain and encrypted alternately")
    figures: dict[str, dict[str, list[float]]] = {"plain": {}, "encrypted": {}}
    for _ in range(rounds):
        for label, folder in (("plain", plain), ("encrypted", secret)):
            db = open_database(folder)
            try:
                first = timed(lambda db=db: screen(db, NeedQuery()))
                search = timed(lambda db=db: screen(db, NeedQuery(text="电梯")))
                again = timed(lambda db=db: screen(db, NeedQuery(text="电梯")))  # cache warm
            finally:
                db.close()
            figures[label].setdefault("first screen", []).append(first)
            figures[label].setdefault("search 电梯", []).append(search)
            figures[label].setdefault("the same search again", []).append(again)
    for what in ("first screen", "search 电梯", "the same search again"):
        p, e = median_ms(figures["plain"][what]), median_ms(figures["encrypted"][what])
        print(f"  {what}: plain {p:.1f} ms, encrypted {e:.1f} ms, ratio {e / p:.2f} (goal ≤ 1.5)")


def unlocking(secret: Path, rounds: int) -> None:
    times = []
    for _ in range(rounds):
        cipher.forget_keys()
        times.append(timed(lambda: unlock(secret, PASSWORD)))
    print(f"2. unlock (KDF and check): median {median_ms(times):.0f} ms (goal ≤ 1000 ms)")


def cold_start(secret: Path, rounds: int) -> None:
    times = []
    for _ in range(rounds):
        launched = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(secret)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        )
        prompt = next(json.loads(line) for line in out.stdout.splitlines() if "prompt" in line)
        times.append(prompt["prompt"] - launched)
    print(
        f"3. cold start to the password prompt: median {median_ms(times):.0f} ms,"
        f" runs {', '.join(f'{t * 1000:.0f}' for t in times)} (goal ≤ 1200 ms)"
    )


def sync_one_edit(template: Path, work: Path, rounds: int) -> None:
    print("4. one need edited, then sync, plain and encrypted alternately")
    server = StreetServer(work / "street", work / "logs").start()
    try:
        plain = branch_copy(template, work / "sync-plain", server, "明文支部")
        secret = branch_copy(template, work / "sync-secret", server, "加密支部")
        encrypt_data_file(secret, PASSWORD)
        for folder in (plain, secret):
            timed_sync(folder)  # the first upload: whole
        figures: dict[str, list[tuple[int, float]]] = {"plain": [], "encrypted": []}
        for i in range(rounds):
            for label, folder in (("plain", plain), ("encrypted", secret)):
                db = open_database(folder)
                try:
                    need = need_ids(db, rounds, 1000)[i]
                    edit_one_need(db, need, f"楼道灯不亮（加密基准 {i}）")
                finally:
                    db.close()
                result, wall, _cpu = timed_sync(folder)
                figures[label].append((result.sent_bytes, wall))
        for label, runs in figures.items():
            sent = statistics.median(r[0] for r in runs) / KiB
            wall = median_ms([r[1] for r in runs])
            print(f"  {label}: median sent {sent:.1f} KiB, wall {wall:.0f} ms")
        ratio = median_ms([r[1] for r in figures["encrypted"]]) / median_ms(
            [r[1] for r in figures["plain"]]
        )
        print(f"  encrypted / plain wall time: {ratio:.2f} (goal ≤ 1.5; sent ≤ 64 KiB)")
    finally:
        server.stop()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--sync-scale", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-encryption-") as scratch:
        keep = args.keep or Path(scratch)
        keep.mkdir(parents=True, exist_ok=True)
        plain = keep / f"lists-{args.scale}"
        plain.mkdir(exist_ok=True)
        prepare(plain, args.scale)
        open_database(plain).close()  # its search index built
        secret = Path(scratch) / "secret"
        shutil.copytree(plain, secret)
        encrypt_data_file(secret, PASSWORD)
        open_database(secret).close()  # its search index built, under the key
        lists(plain, secret, args.rounds)
        unlocking(secret, args.rounds)
        cipher.forget_keys()
        cold_start(secret, args.rounds)
        template = demo_template(args.sync_scale, keep)
        sync_one_edit(template, Path(scratch) / "sync", args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
