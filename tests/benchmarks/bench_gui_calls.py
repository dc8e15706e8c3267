"""The service calls the window makes on the GUI thread, timed on a large list.

The rule in docs/architecture.md ("The GUI thread") lets a call run on the GUI thread when it
touches a bounded number of rows by key: one record, or the rows she selected. This prints
what such calls cost on lists of N records each, to check the rule against a frame (16 ms) and
against what a person notices (100 ms). A script that prints figures, not a test.

    python -m tests.benchmarks.bench_gui_calls [--scale 100000]
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need, NeedQuery
from desktop.services import needs, trash
from desktop.store.changes import track_changes
from desktop.store.database import open_database
from desktop.store.datadir import db_path
from tests.benchmarks.fill_lists import fill


def _median_ms(fn: Callable[[], object], repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        open_database(data_dir).close()
        fill(db_path(data_dir), args.scale)
        db = open_database(data_dir)
        try:
            first_page = needs.list_needs(db, NeedQuery(), limit=50)
            # A need of her own among the filled ones (those carry random, not always valid,
            # dates), saved again and again below.
            one = needs.save_need(
                db, Need(title="楼道灯不亮", category_id=needs.list_categories(db)[0].id)
            )
            ids = [row.id for row in first_page[:20]]

            def save_one() -> None:
                with track_changes():
                    needs.save_need(db, replace(one, description=one.description + "。"))

            def trash_and_restore_twenty() -> None:
                with track_changes():
                    needs.delete_needs(db, ids)
                    listed = [i for i in trash.list_trash(db) if i.kind is RecordKind.NEED]
                    trash.restore(db, listed)

            calls = {
                "get_need (open a form)": lambda: needs.get_need(db, one.id),
                "save_need, tracked (save a form)": save_one,
                "trash 20 needs, list the trash, restore": trash_and_restore_twenty,
                "list_needs, first page of 200": lambda: needs.list_needs(db, NeedQuery()),
                "count_needs, whole list": lambda: needs.count_needs(db, NeedQuery()),
            }
            print(f"{args.scale:,} records per list; median of 15, ms")
            for name, fn in calls.items():
                print(f"  {name:<40} {_median_ms(fn):8.1f}")
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
