"""The demo at 100,000 records per list: time of each phase, CPU, memory, file sizes.

Run: .venv/bin/python tests/benchmarks/bench_demo.py [--scale 100000] [--seed 1]
Goal: well under a minute for 100,000 people, needs, resources and projects.
"""

import argparse
import resource
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.services import demo
from desktop.store.database import open_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    marks: list[tuple[str, float]] = []

    def mark(label: str) -> None:
        marks.append((label, time.perf_counter()))

    def progress(done: int, total: int) -> None:
        if done % args.scale == 0:
            mark({1: "people", 2: "needs", 3: "resources", 4: "projects"}[done // args.scale])

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        db = open_database(data_dir)
        index = db.search_index
        assert index is not None
        open_index = index.open

        def timed_open(engine) -> None:
            mark("committed")
            open_index(engine)
            mark("search index")

        index.open = timed_open
        cpu = time.process_time()
        mark("start")
        demo.make_demo(db, scale=args.scale, seed=args.seed, progress=progress)
        mark("visits and meetings")
        db.close()
        mark("closed")
        print(f"demo at {args.scale:,} records per list, seed {args.seed}:")
        for (_, before), (label, after) in pairwise(marks):
            print(f"  {label:<20} {after - before:6.1f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        wall = time.perf_counter() - started
        print(
            f"  {'total':<20} {wall:6.1f} s wall, {time.process_time() - cpu:.1f} s CPU, "
            f"peak {peak:.0f} MB"
        )
        for name in ("shuren.sqlite3", "search.sqlite3"):
            print(f"  {name:<20} {(data_dir / name).stat().st_size / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
