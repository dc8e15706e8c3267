"""Benchmark of the needs ledger at 100,000 needs (not a test; prints figures).

    python tests/benchmarks/bench_ledger.py [--scale N]

Each step runs in its own process, so that its peak memory (max RSS) is its own: export from a
filled data dir; import into an empty one (every row created); the same file imported again
(every row checked, nothing written); a dry run of it. The needs are made with one bulk insert
and hold the awkward text a real ledger holds (rare characters, markup, line breaks, \\x0b).
"""

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TITLES = ("电梯异响", "楼道堆物", "路灯不亮", "停车位被占", "噪音扰民", "外墙渗水", "快递柜故障")
NAMES = ("张伟", "王䶮", "李堃", "赵喆", "𠮷祥", "陈静", "刘洋", "杨帆")
STATUSES = ("pending", "in_progress", "resolved", "referred", "rejected")
URGENCIES = ("normal", "urgent", "critical")
STEPS = (
    ("export", "export", "source"),
    ("import into an empty data dir (all created)", "import", "target"),
    ("the same file again (all unchanged)", "import", "target"),
    ("dry run of the same file", "dry-run", "target"),
)


def need_row(i: int, rng: random.Random, categories: list[int]) -> dict:
    status = rng.choice(STATUSES)
    registered = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
    return {
        "title": f"{rng.choice(TITLES)} {i}",
        "description": f"A&B <b>{i}</b>\n第二行 䶮 𠮷\x0b" if i % 7 == 0 else "",
        "category_id": rng.choice(categories),
        "raised_by": rng.choice(NAMES),
        "phone": f"138{rng.randrange(10**8):08d}",
        "building": f"{rng.randrange(1, 30)}栋",
        "unit": str(rng.randrange(1, 5)),
        "room": f"{rng.randrange(1, 33)}0{rng.randrange(1, 5)}",
        "source": "reception_day",
        "urgency": rng.choice(URGENCIES),
        "status": status,
        "status_reason": "转街道" if status in ("referred", "rejected") else "",
        "handled_by": "",
        "registered_on": registered,
        "due_on": registered + timedelta(days=30) if i % 3 else None,
        "solution": "已处理\n居民满意" if status == "resolved" else "",
        "satisfaction": "satisfied" if status == "resolved" else None,
    }


def fill(data_dir: Path, scale: int) -> None:
    from sqlalchemy import insert, select

    from desktop.store.database import open_database
    from desktop.store.models import NeedCategoryRecord, NeedRecord, new_uuid, utcnow

    rng = random.Random(7)
    db = open_database(data_dir)
    try:
        with db.session() as s:
            categories = list(s.scalars(select(NeedCategoryRecord.id)))
            now = utcnow()
            for start in range(0, scale, 10_000):
                rows = [
                    {
                        **need_row(i, rng, categories),
                        "uuid": new_uuid(),
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i in range(start, min(start + 10_000, scale))
                ]
                s.execute(insert(NeedRecord), rows)
    finally:
        db.close()


def peak_mib() -> float:
    """This process's peak RSS. VmHWM, because ru_maxrss survives exec: a child would report
    its parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(name: str, data_dir: Path, path: Path) -> dict:
    """One measured step, in this (child) process."""
    from desktop.services.ledger import export_ledger, import_ledger
    from desktop.store.database import open_database

    data_dir.mkdir(exist_ok=True)
    db = open_database(data_dir)
    baseline = peak_mib()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    started = time.perf_counter()
    try:
        if name == "export":
            result: object = export_ledger(db, "needs", path, progress=progress)
        else:
            report = import_ledger(db, "needs", path, dry_run=name == "dry-run", progress=progress)
            result = report.summary() if report.ok else [str(e) for e in report.errors[:3]]
    finally:
        elapsed = time.perf_counter() - started
        db.close()
    return {
        "seconds": elapsed,
        "peak_mib": peak_mib(),
        "baseline_mib": baseline,
        "result": result,
        "progress": [calls[0], calls[-1], len(calls)] if calls else None,
    }


def run_step(name: str, data_dir: Path, path: Path) -> dict:
    args = ["--step", name, "--data-dir", str(data_dir), "--file", str(path)]
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(step(args.step, args.data_dir, args.file), ensure_ascii=False))
        return 0

    import sqlite3

    import openpyxl

    versions = f"sqlite {sqlite3.sqlite_version}, openpyxl {openpyxl.__version__}"
    print(f"python {sys.version.split()[0]}, {versions}, {args.scale:,} needs")
    with tempfile.TemporaryDirectory(prefix="shuren-bench-ledger-") as folder:
        dirs = {"source": Path(folder) / "source", "target": Path(folder) / "target"}
        ledger = Path(folder) / "needs.xlsx"
        dirs["source"].mkdir()
        started = time.perf_counter()
        fill(dirs["source"], args.scale)
        print(f"  {'bulk insert of the needs':<45} {time.perf_counter() - started:7.1f} s")
        for label, name, where in STEPS:
            figures = run_step(name, dirs[where], ledger)
            print(
                f"  {label:<45} {figures['seconds']:7.1f} s   peak RSS"
                f" {figures['peak_mib']:5.0f} MiB (at start {figures['baseline_mib']:.0f} MiB)"
            )
            print(f"      {figures['result']}; progress first/last/calls {figures['progress']}")
            if name == "export":
                print(f"      file: {ledger.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
