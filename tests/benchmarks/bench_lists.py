"""Benchmark of the four lists at 100,000 records each (not a test; prints figures).

    .venv/bin/python tests/benchmarks/bench_lists.py [--scale N] [--data-dir DIR]

With --data-dir, a filled directory is reused (it is filled first if empty). Every figure is
what a list page pays, through the service calls the UI makes: a refresh is count_* plus the
first page of list_* (200 rows); scrolling fetches the page after the last row shown.

Goals: first screen ≤ 100 ms, search ≤ 50 ms, filter change ≤ 100 ms, peak memory ≤ 400 MB.
"""

import argparse
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.domain.needs import NeedQuery, NeedStatus
from desktop.domain.projects import ProjectKind, ProjectQuery, ProjectStage
from desktop.domain.resources import ResourceKind, ResourceQuery
from desktop.domain.roster import PeopleQuery
from desktop.services import needs, people, projects, resources
from desktop.store.database import Database, open_database
from desktop.store.datadir import db_path
from desktop.store.search_index import index_path
from tests.benchmarks.fill_lists import fill

PAGE = 200
REPEATS = 5
GOAL_FIRST_SCREEN = 0.100
GOAL_SEARCH = 0.050
GOAL_FILTER = 0.100
GOAL_MEMORY_MB = 400


@dataclass(frozen=True)
class ListCalls:
    name: str
    query: Callable[..., Any]
    count: Callable[..., int]
    page: Callable[..., list[Any]]
    # words of 1, 2, 3 and 4+ characters, a mixed search, and a 3-character word that is in
    # many rows (the index's worst case)
    words: tuple[str, ...]
    filters: tuple[tuple[str, dict[str, Any]], ...]
    sorts: tuple[str, ...]  # orders with no index of their own: a full sort of the list


LISTS = (
    ListCalls(
        "people",
        PeopleQuery,
        people.count_people,
        people.list_people,
        ("王", "张伟", "张伟华", "13812", "张伟 1203", "138"),
        (("party members", {"party_member": True}), ("building 3", {"building_id": 3})),
        ("room", "phone", "building"),
    ),
    ListCalls(
        "needs",
        NeedQuery,
        needs.count_needs,
        needs.list_needs,
        ("灯", "电梯", "电梯灯", "独居老人", "电梯 3栋", "灯不亮"),
        (
            ("status pending", {"status": NeedStatus.PENDING}),
            ("open only", {"open_only": True}),
            ("overdue only", {"overdue_only": True}),
            ("category 2", {"category_id": 2}),
            ("building 3栋", {"building": "3栋"}),
            (
                "registered in 2021",
                {"registered_from": date(2021, 1, 1), "registered_to": date(2021, 12, 31)},
            ),
        ),
        ("due", "title", "category", "status"),
    ),
    ListCalls(
        "resources",
        ResourceQuery,
        resources.count_resources,
        resources.list_resources,
        ("室", "义诊", "活动室", "鹏程律师", "法律 周六", "全天"),
        (("kind venue", {"kind": ResourceKind.VENUE}), ("valid only", {"valid_only": True})),
        ("valid_until", "provider", "title"),
    ),
    ListCalls(
        "projects",
        ProjectQuery,
        projects.count_projects,
        projects.list_projects,
        ("梯", "电梯", "长者饭", "加装电梯", "电梯 3栋", "（第1"),
        (
            ("stage in progress", {"stage": ProjectStage.IN_PROGRESS}),
            ("kind partnership", {"kind": ProjectKind.PARTNERSHIP}),
            (
                "registered in 2022",
                {"registered_from": date(2022, 1, 1), "registered_to": date(2022, 12, 31)},
            ),
        ),
        ("budget", "title", "stage"),
    ),
)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def verdict(seconds: float, goal: float) -> str:
    return "ok" if seconds <= goal else f"OVER {goal * 1000:.0f} ms"


def repeat(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """First run, best of REPEATS, the result."""
    times, result = [], None
    for _ in range(REPEATS):
        elapsed, result = timed(fn)
        times.append(elapsed)
    return times[0], min(times), result


def cpu_of(fn: Callable[[], Any]) -> float:
    """CPU seconds of one run: what the figure would be on a machine with nothing else on."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def screen(db: Database, lst: ListCalls, query: Any) -> tuple[int, int]:
    total = lst.count(db, query)
    return total, len(lst.page(db, query, 0, PAGE))


def line(label: str, db: Database, lst: ListCalls, query: Any, goal: float) -> float:
    first, best, (total, _rows) = repeat(lambda: screen(db, lst, query))
    cpu = cpu_of(lambda: screen(db, lst, query))
    print(
        f"    {label:<26} first {ms(first)}  best {ms(best)}  cpu {ms(cpu)} {total:>7} rows  "
        f"{verdict(best, goal)}"
    )
    return best


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def size_mb(path: Path) -> float:
    files = [Path(f"{path}{s}") for s in ("", "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def prepare(data_dir: Path, scale: int) -> None:
    path = db_path(data_dir)
    if path.exists():
        con = sqlite3.connect(path)
        try:
            have = con.execute("SELECT count(*) FROM need").fetchone()[0]
        finally:
            con.close()
        if have:
            print(f"reusing {data_dir} ({have:,} needs)")
            return
    open_database(data_dir).close()
    elapsed, _ = timed(lambda: fill(path, scale))
    print(f"filled {scale:,} records per list in {elapsed:.1f} s (SQL bulk insert)")


def run(data_dir: Path, scale: int) -> None:
    prepare(data_dir, scale)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_path(data_dir)}{suffix}").unlink(missing_ok=True)
    worst = {"first screen": 0.0, "search": 0.0, "filter": 0.0, "sort": 0.0}

    print("\nsearch index (open_database, which checks it)")
    elapsed, db = timed(lambda: open_database(data_dir))
    assert db.search_index is not None
    rebuilt = db.search_index.rebuilt
    print(
        f"  index file missing, built:       {ms(elapsed)}  ("
        + ", ".join(f"{t} {s * 1000:.0f} ms" for t, s in rebuilt.items())
        + ")"
    )
    db.close()

    def reopen(forget: str | None = None) -> tuple[float, Database]:
        if forget:
            index = sqlite3.connect(index_path(data_dir))
            with index:
                index.execute("DELETE FROM fts_meta WHERE key = ?", (forget,))
            index.close()
        return timed(lambda: open_database(data_dir))

    def opens(label: str, forget: str | None = None) -> None:
        times = []
        for _ in range(3):
            elapsed, db = reopen(forget)
            assert db.search_index is not None and db.search_index.ready
            assert db.search_index.checked == bool(forget)
            db.close()
            times.append(elapsed)
        print(f"  {label:<33}{ms(statistics.median(times))}  (median of 3)")

    opens("closed in step, nothing to check:")
    opens("compared row by row (daily):", forget="compared_on")
    time.sleep(0.05)  # not within the file system's clock tick of the last close
    con = sqlite3.connect(db_path(data_dir))
    # A change behind its back (a new value each run, so that a reused data dir changes too).
    con.execute("UPDATE need SET room = ? WHERE id = 1", (str(time.time_ns() % 10_000),))
    con.commit()
    con.close()
    elapsed, db = reopen()
    assert db.search_index is not None
    repaired = ", ".join(f"{t} {n} rows" for t, n in db.search_index.repaired.items())
    print(f"  one need edited without it:      {ms(elapsed)}  (repaired {repaired})")
    print(
        f"  files: database {size_mb(db_path(data_dir)):6.1f} MB, "
        f"index {size_mb(index_path(data_dir)):6.1f} MB"
    )

    for lst in LISTS:
        print(f"\n{lst.name}")
        print("  first screen (count + first 200 rows):")
        worst["first screen"] = max(
            worst["first screen"], line("everything", db, lst, lst.query(), GOAL_FIRST_SCREEN)
        )
        print("  search (count + first 200 rows):")
        labels = ("1 char", "2 chars", "3 chars", "4+ chars", "mixed", "3 chars, common")
        for label, word in zip(labels, lst.words, strict=True):
            best = line(f"{label} {word!r}", db, lst, lst.query(text=word), GOAL_SEARCH)
            worst["search"] = max(worst["search"], best)
        print("  filter change (count + first 200 rows):")
        for label, fields in lst.filters:
            best = line(label, db, lst, lst.query(**fields), GOAL_FILTER)
            worst["filter"] = max(worst["filter"], best)
        print("  sort change (count + first 200 rows):")
        for key in lst.sorts:
            best = line(f"by {key}", db, lst, lst.query(sort=key), GOAL_FILTER)
            worst["sort"] = max(worst["sort"], best)
        print("  last page (200 rows) by offset and by keyset:")
        for key in ("default", lst.sorts[0]):
            query = lst.query() if key == "default" else lst.query(sort=key)
            total = lst.count(db, query)
            before_last = lst.page(db, query, total - PAGE - 1, 1)[0]
            _, by_offset, rows_o = repeat(
                lambda q=query, t=total, c=lst: c.page(db, q, t - PAGE, PAGE)
            )
            _, by_keyset, rows_k = repeat(
                lambda q=query, b=before_last, c=lst: c.page(db, q, limit=PAGE, after=b)
            )
            assert [r.id for r in rows_o] == [r.id for r in rows_k]
            print(f"    {'order ' + key:<28} offset {ms(by_offset)}   keyset {ms(by_keyset)}")

    print("\nscrolling to the end of the needs list, page after page by keyset:")
    query, rows, worst_page, last = NeedQuery(), 0, 0.0, None
    started = time.perf_counter()
    kept: list[Any] = []
    while True:
        elapsed, page = timed(lambda a=last: needs.list_needs(db, query, limit=PAGE, after=a))
        worst_page = max(worst_page, elapsed)
        if not page:
            break
        kept += page  # as the table model does
        rows, last = rows + len(page), page[-1]
    total_time = time.perf_counter() - started
    print(f"  {rows:,} rows in {total_time:.2f} s, worst page {ms(worst_page)}")
    db.close()

    print("\nsummary")
    print(
        f"  worst first screen {ms(worst['first screen'])}  "
        f"{verdict(worst['first screen'], GOAL_FIRST_SCREEN)}"
    )
    print(f"  worst search       {ms(worst['search'])}  {verdict(worst['search'], GOAL_SEARCH)}")
    print(f"  worst filter       {ms(worst['filter'])}  {verdict(worst['filter'], GOAL_FILTER)}")
    print(f"  worst sort         {ms(worst['sort'])}  {verdict(worst['sort'], GOAL_FILTER)}")
    peak = rss_mb()
    print(
        f"  peak memory        {peak:7.1f} MB  "
        f"{'ok' if peak <= GOAL_MEMORY_MB else f'OVER {GOAL_MEMORY_MB} MB'}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args(argv)
    print(
        f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, "
        f"{args.scale:,} records per list, best of {REPEATS} runs"
    )
    if args.data_dir:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        run(args.data_dir, args.scale)
    else:
        with tempfile.TemporaryDirectory(prefix="shuren-bench-") as folder:
            run(Path(folder), args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
