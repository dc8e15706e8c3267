"""Sync as a whole: 10,000 seeded schedules of two PCs, a faulty network and crashes on either
side (simulation.py says what each schedule does and which promises it checks).

A failing seed is replayed, with its trace, by ``python -m tests.sync.simulation --seed N -v``.
SHUREN_SIMULATIONS sets how many schedules run (default 10,000).
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from tests.sync.simulation import run_chunk

SCHEDULES = int(os.environ.get("SHUREN_SIMULATIONS", "10000"))


@pytest.mark.slow
def test_ten_thousand_schedules_keep_every_promise() -> None:
    workers = max(1, min(2, os.cpu_count() or 1))
    share = -(-SCHEDULES // workers)
    chunks = [range(i * share, min(SCHEDULES, (i + 1) * share)) for i in range(workers)]
    # spawn: a fresh interpreter, not a fork of this one with Qt's threads in it
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        outcomes = [o for chunk in pool.map(run_chunk, chunks) for o in chunk]
    assert len(outcomes) == SCHEDULES
    failed = [o for o in outcomes if o.error]
    report = "\n\n".join("\n".join(o.trace[-40:]) + "\n" + (o.error or "") for o in failed[:3])
    seeds = " ".join(str(o.seed) for o in failed)
    assert not failed, f"{len(failed)} schedules broke a promise (seeds {seeds}):\n{report}"
    # The faults really happened: crashes on both sides, and syncs that got through.
    assert sum(o.crashes for o in outcomes) > SCHEDULES // 10
    assert sum(o.syncs for o in outcomes) > SCHEDULES
