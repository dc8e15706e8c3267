"""All indicators on a `shuren demo --scale 100000` database. Goal: ≤ 1 s for every figure.

Run: .venv/bin/python tests/benchmarks/bench_indicators.py [--scale 100000] [--keep DIR]
With --keep the data dir is made once (≈40 s) and reused. Tables of issue 8 that the demo
fills with fewer than --scale rows (partner agreements and activities, talent cultivation,
incubation and discovery dates, disputes) are topped up to --scale rows spread over the
demo's years, so every query runs at full size.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.domain.indicators import current_period, parse_period
from desktop.services.demo import make_demo
from desktop.services.indicators import (
    compute_indicators,
    compute_indicators_file,
    indicator_records,
    trend,
)
from desktop.store.database import Database, open_database

FIRST_DAY = date(2024, 1, 1)
TABLES = (
    "person",
    "need",
    "need_status_change",
    "meeting",
    "meeting_topic",
    "organization",
    "partner_agreement",
    "partner_activity",
    "talent_cultivation",
)
DAYS = 3 * 365


def _day(rng: random.Random) -> str:
    return (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()


def top_up(db: Database, scale: int) -> None:
    """Rows in the issue-8 tables up to ``scale``, with dates over three years."""
    rng = random.Random(8)
    with db.engine.begin() as conn:
        run = conn.exec_driver_sql

        def count(sql: str) -> int:
            return int(run(sql).scalar() or 0)

        partners = [r[0] for r in run("SELECT id FROM organization WHERE kind = 'partner_unit'")]
        for n in range(max(0, 20 - len(partners))):
            run(
                "INSERT INTO organization (uuid, kind, name, contact_name, phone, note,"
                " created_at, updated_at) VALUES (?, 'partner_unit', ?, '', '', '',"
                " '2024-01-01', '2024-01-01')",
                (f"bench-partner-{n}", f"共建单位{n}"),
            )
        partners = [r[0] for r in run("SELECT id FROM organization WHERE kind = 'partner_unit'")]
        missing = scale - count("SELECT COUNT(*) FROM partner_agreement")
        run_many = conn.connection.driver_connection.executemany  # type: ignore[union-attr]
        run_many(
            "INSERT INTO partner_agreement (uuid, organization_id, signed_on, content,"
            " created_at, updated_at) VALUES (?, ?, ?, '', '2024-01-01', '2024-01-01')",
            [(f"bench-a-{i}", rng.choice(partners), _day(rng)) for i in range(max(0, missing))],
        )
        missing = scale - count("SELECT COUNT(*) FROM partner_activity")
        kinds = ("pairing", "practical_service", "dispute_mediation")
        run_many(
            "INSERT INTO partner_activity (uuid, organization_id, kind, held_on, participants,"
            " description, created_at, updated_at) VALUES (?, ?, ?, ?, '', '结对活动',"
            " '2024-01-01', '2024-01-01')",
            [
                (f"bench-p-{i}", rng.choice(partners), rng.choice(kinds), _day(rng))
                for i in range(max(0, missing))
            ],
        )
        people = [r[0] for r in run("SELECT id FROM person")]
        missing = scale - count("SELECT COUNT(*) FROM talent_cultivation")
        run_many(
            "INSERT INTO talent_cultivation (person_id, happened_on, kind, description)"
            " VALUES (?, ?, 'training', '')",
            [(rng.choice(people), _day(rng)) for _ in range(max(0, missing))],
        )
        # Every tenth person a talent, every fifth need a dispute, self-organizations incubated.
        run_many(
            "UPDATE person SET talent_discovered_on = ? WHERE id = ?",
            [(_day(rng), p) for p in people[::10]],
        )
        run("UPDATE need SET is_dispute = 1 WHERE id % 5 = 0")
        run(
            "UPDATE organization SET incubated_on = date('2024-01-01', '+' || (id % 1000)"
            " || ' days') WHERE kind = 'self_organization'"
        )


def timed(label: str, work: Callable[[], object], repeat: int) -> float:
    """Wall time (first run and median) and CPU time: on a busy machine the CPU figure is
    the steadier one."""
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median = statistics.median(times)
    print(
        f"  {label:<44} first {times[0] * 1000:6.0f} ms, median {median * 1000:6.0f} ms,"
        f" CPU median {statistics.median(cpu) * 1000:6.0f} ms"
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="data dir to make once and reuse")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.keep or Path(scratch)
        data_dir.mkdir(parents=True, exist_ok=True)
        db = open_database(data_dir)
        with db.engine.connect() as conn:
            empty = conn.exec_driver_sql("SELECT 1 FROM need LIMIT 1").first() is None
        if empty:
            started = time.perf_counter()
            make_demo(db, scale=args.scale, seed=1)
            print(f"demo made in {time.perf_counter() - started:.1f} s")
        top_up(db, args.scale)
        db.close()
        db = open_database(data_dir)
        with db.engine.connect() as conn:
            sizes = {t: conn.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar() for t in TABLES}
        print("rows: " + ", ".join(f"{t} {n:,}" for t, n in sizes.items()))
        quarter = current_period(date.today())
        year = parse_period(str(date.today().year))
        path = data_dir / "shuren.sqlite3"
        worst = max(
            timed(
                f"compute_indicators {quarter.label}",
                lambda: compute_indicators(db, quarter),
                args.repeat,
            ),
            timed(
                f"compute_indicators {year.label}",
                lambda: compute_indicators(db, year),
                args.repeat,
            ),
            timed(
                f"compute_indicators_file {year.label} (read-only)",
                lambda: compute_indicators_file(path, year),
                args.repeat,
            ),
        )
        timed(
            f"trend {year.label} (four quarters)", lambda: trend(db, year.start.year), args.repeat
        )
        timed(
            f"indicator_records needs_by_status {year.label}",
            lambda: indicator_records(db, "needs_by_status", year),
            args.repeat,
        )
        figures = compute_indicators(db, year)
        print(
            f"  {year.label}: meetings {figures.meetings_held}, solved {figures.problems_solved},"
            f" disputes {figures.property_disputes} ({figures.property_disputes_change_pct}%),"
            f" activities {figures.pairing_activities + figures.practical_services}"
        )
        print(f"all indicators, slowest median: {worst * 1000:.0f} ms (goal ≤ 1000 ms)")
        db.close()


if __name__ == "__main__":
    main()
