"""The residents list at 100,000 people: first screen, search, sort, memory.

Run: .venv/bin/python tests/benchmarks/bench_roster.py [--scale 100000]
Goals: first screen ≤ 100 ms, search ≤ 50 ms.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from desktop.domain.roster import PersonRole
from desktop.services.demo import make_demo
from desktop.store.database import open_database
from desktop.ui.models.people import PeopleTableModel


def timed(fn, repeat: int = 7) -> float:
    """Median wall time in ms."""
    samples = []
    for _ in range(repeat):
        begin = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - begin) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp))
        begin = time.perf_counter()
        make_demo(db, scale=args.scale, seed=1)
        print(
            f"demo of {args.scale:,} people: {time.perf_counter() - begin:.1f} s, "
            f"file {(Path(tmp) / 'shuren.sqlite3').stat().st_size / 1e6:.1f} MB"
        )
        model = PeopleTableModel(db)

        def search(text: str, **filters) -> None:
            model.query.text = text
            model.query.role = filters.get("role")
            model.query.building_id = filters.get("building_id")
            model.refresh()

        cold = time.perf_counter()
        model.refresh()
        cold_ms = (time.perf_counter() - cold) * 1000
        print(f"first screen, cold (count + 200 rows): {cold_ms:.1f} ms")
        print(f"first screen, warm: {timed(lambda: search('')):.1f} ms (goal ≤ 100 ms)")
        cases = [
            ("张伟", {}),
            ("欧阳", {}),
            ("李", {}),
            ("1380", {}),
            ("1203", {}),
            ("无此人名", {}),
            ("", {"role": PersonRole.TALENT}),
            ("王", {"building_id": 3}),
        ]
        for text, filters in cases:
            ms = timed(lambda t=text, f=filters: search(t, **f))
            label = text or ", ".join(f"{k}={getattr(v, 'value', v)}" for k, v in filters.items())
            print(f"search {label!r}: {ms:.1f} ms, {model.total():,} found (goal ≤ 50 ms)")
        model.query.text = ""
        for key in ("building", "room"):
            model.set_sort(key, True)
            print(f"sort by {key}: {timed(model.refresh):.1f} ms")
        model.set_sort("name", False)
        model.refresh()
        scroll = time.perf_counter()
        while model.canFetchMore() and model.rowCount() < 5000:
            model.fetchMore()
        print(f"scroll to 5,000 rows: {(time.perf_counter() - scroll) * 1000:.1f} ms")
        db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")
    del app


if __name__ == "__main__":
    main()
