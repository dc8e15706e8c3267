"""Benchmark of the roster services on a 100,000-person demo (not a test; prints figures).

    python tests/benchmarks/bench_roster_services.py [--scale N]

Each list figure is what the people page pays per refresh: count_people plus the first page
(200 rows) of list_people, through the same service calls the UI uses.
"""

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.domain.roster import PeopleQuery, PersonRole
from desktop.services.demo import make_demo
from desktop.services.neighborhood import list_buildings
from desktop.services.people import count_people, list_people
from desktop.store.database import Database, open_database

PAGE = 200
REPEATS = 5


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def page_and_count(db: Database, query: PeopleQuery, offset: int = 0) -> tuple[int, int]:
    total = count_people(db, query)
    rows = list_people(db, query, offset=offset, limit=PAGE)
    return total, len(rows)


def report(label: str, db: Database, query: PeopleQuery, offset: int = 0) -> None:
    times = []
    result: object = None
    for _ in range(REPEATS):
        elapsed, result = timed(lambda: page_and_count(db, query, offset))
        times.append(elapsed)
    total, rows = result  # type: ignore[misc]
    print(
        f"  {label:<44} first {times[0] * 1000:7.1f} ms  best {min(times) * 1000:7.1f} ms"
        f"  ({total:>6} matches, {rows} rows)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="shuren-bench-") as folder:
        data_dir = Path(folder)
        elapsed, db = timed(lambda: open_database(data_dir))
        print(f"python {sys.version.split()[0]}, sqlite {__import__('sqlite3').sqlite_version}")
        print(f"open_database (create at head):      {elapsed * 1000:8.1f} ms")
        elapsed, _ = timed(lambda: make_demo(db, scale=args.scale, seed=1))
        size = (data_dir / "shuren.sqlite3").stat().st_size
        print(
            f"make_demo({args.scale:,}):                {elapsed:8.2f} s"
            f"  (file {size / 1e6:.1f} MB)"
        )

        building = list_buildings(db)[0]
        print(f"count_people + list_people({PAGE} rows), {REPEATS} runs each:")
        report("everyone, by name", db, PeopleQuery())
        report("everyone, by name, descending", db, PeopleQuery(descending=True))
        report("everyone, by building", db, PeopleQuery(sort="building"))
        report("everyone, by room", db, PeopleQuery(sort="room"))
        report("everyone, last page by name", db, PeopleQuery(), offset=args.scale - PAGE)
        report("search 2-char name 张伟", db, PeopleQuery(text="张伟"))
        report("search 1-char name 王", db, PeopleQuery(text="王"))
        report("search 3-char name 欧阳娜", db, PeopleQuery(text="欧阳娜"))
        report("search rare char 𠮷", db, PeopleQuery(text="𠮷"))
        report("search phone fragment 1381", db, PeopleQuery(text="1381"))
        report("search phone fragment 26881", db, PeopleQuery(text="26881"))
        report("search room 1203", db, PeopleQuery(text="1203"))
        report("search, no match", db, PeopleQuery(text="无此人"))
        report("filter role: building leader", db, PeopleQuery(role=PersonRole.BUILDING_LEADER))
        report("filter role: volunteer", db, PeopleQuery(role=PersonRole.VOLUNTEER))
        report(f"filter building {building.name}", db, PeopleQuery(building_id=building.id))
        report("filter party members", db, PeopleQuery(party_member=True))
        report(
            f"party + {building.name} + search 王",
            db,
            PeopleQuery(text="王", party_member=True, building_id=building.id),
        )
        report("volunteers + search 张伟", db, PeopleQuery(text="张伟", role=PersonRole.VOLUNTEER))
        db.close()

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"peak RSS: {peak_kib / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
