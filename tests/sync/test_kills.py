"""SIGKILL `shuren sync`, `shuren restore` and `shuren sync --resolve merge` at random moments,
against a real receiver: no data file is ever damaged, and nothing a folder holds as
acknowledged is missing at the street office.

Two PCs of one branch (the second a copy of the first's folder) and a third folder restored
from the street office take turns. SHUREN_SYNC_KILLS sets the number of kills (default 12;
``SHUREN_SYNC_KILLS=1000 pytest tests/sync/test_kills.py`` for a long run).
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.needs import Need
from desktop.services import needs
from desktop.store.database import open_database
from desktop.sync.client import Diverged, SyncError, sync_once
from desktop.sync.protocol import integrity_problem
from desktop.sync.receiver.storage import KEEP_LAST, Storage
from desktop.sync.resolve import merge_with_street
from desktop.sync.status import load_status

from .apps import configure
from .conftest import StreetServer, add_branch

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"),
]

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("SHUREN_SYNC_KILLS", "12"))


def add_need(folder: Path, title: str) -> None:
    db = open_database(folder)
    try:
        category = needs.list_categories(db)[0].id
        need = Need(title=title, category_id=category, raised_by="住户", registered_on=date.today())
        needs.save_need(db, need)
    finally:
        db.close()


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *args]


def killed(args: list[str], rng: random.Random, longest: float) -> int | None:
    """Run ``args`` and SIGKILL it after a random moment within ``longest`` seconds; its exit
    code if it finished first, None if it was killed."""
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, longest))
    if process.poll() is not None:
        return process.returncode
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    return None


def sound(folder: Path) -> None:
    db = folder / "shuren.sqlite3"
    if not db.exists():
        return
    with closing(sqlite3.connect(db)) as conn:  # opening rolls back what a kill cut short
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    assert rows == ["ok"], f"{folder.name}: {rows[:3]}"


def acknowledged_is_there(folder: Path, storage: Storage, branch: str) -> None:
    ack = load_status(folder).acknowledged
    if ack is None:
        return
    current = storage.current_version(branch)
    assert current is not None and ack.version <= current, folder.name
    if ack.version <= current - KEEP_LAST and not storage.has_version(branch, ack.version):
        return  # pruned by the receiver's retention long after it was acknowledged
    assert storage.version_info(branch, ack.version).sha256 == ack.sha256, folder.name


def settle(folder: Path) -> None:
    """Unkilled: sync, merging when another PC's copy moved on."""
    try:
        sync_once(folder)
    except Diverged:
        merge_with_street(folder)


def test_kills_leave_every_file_sound_and_nothing_acknowledged_lost(
    tmp_path: Path, app_dir: Path, start_street: Callable[..., StreetServer]
) -> None:
    street = start_street()
    branch, token = add_branch(street)
    token_file = tmp_path / "token"
    token_file.write_text(token, encoding="utf-8")
    configure(app_dir, street.url, token)
    sync_once(app_dir)
    pc_b = tmp_path / "pc-b"
    shutil.copytree(app_dir, pc_b)
    restored = tmp_path / "restored"
    rng = random.Random(20261207)
    # How long each command runs unkilled here, to spread the kills over its whole run.
    started = time.monotonic()
    subprocess.run(command("sync", "--data-dir", str(app_dir), "--once"), cwd=ROOT, check=True)
    longest = max(1.0, (time.monotonic() - started) * 1.5)
    counted = {"sync": 0, "restore": 0, "merge": 0, "finished": 0}

    i = 0
    while counted["sync"] + counted["restore"] + counted["merge"] < KILLS and i < 4 * KILLS:
        i += 1
        action = rng.choice(["sync", "restore", "merge"])
        if action == "sync":
            pc = rng.choice([app_dir, pc_b])
            add_need(pc, f"第{i}条")
            args = command("sync", "--data-dir", str(pc), "--once")
        elif action == "restore":
            args = command(
                "restore",
                "--data-dir",
                str(restored),
                "--server",
                street.url,
                "--token-file",
                str(token_file),
            )
        else:
            pc = rng.choice([app_dir, pc_b])
            add_need(pc, f"第{i}条（合并前）")
            try:
                sync_once(pc)
            except Diverged:
                pass
            except SyncError:
                continue  # busy or behind: nothing to merge this turn
            if load_status(pc).diverged is None:
                continue
            args = command("sync", "--data-dir", str(pc), "--resolve", "merge")
        outcome = killed(args, rng, longest)
        counted[action if outcome is None else "finished"] += 1
        storage = Storage(street.data_dir, create=False)
        for folder in (app_dir, pc_b, restored):
            sound(folder)
            acknowledged_is_there(folder, storage, branch)
        current = storage.current_path(branch)
        assert current is not None and integrity_problem(current) is None

    for folder in (app_dir, pc_b):
        settle(folder)
    settle(app_dir)
    storage = Storage(street.data_dir, create=False)
    assert load_status(app_dir).acknowledged.version == storage.current_version(branch)
    print(f"kills: {counted} in {i} turns")  # seen with -s
    assert counted["sync"] + counted["restore"] + counted["merge"] == KILLS
