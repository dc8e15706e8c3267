"""Sync on a full disk: one Chinese line, the failure recorded, no half snapshot left."""

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.disks import fill, small_disk

from .apps import configure
from .conftest import StreetServer

ROOT = Path(__file__).resolve().parents[2]


def test_sync_on_a_full_disk_says_so_in_one_line_and_leaves_no_snapshot(
    tmp_path: Path, app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    _branch, token = add_street_branch(shared_street)
    with small_disk(tmp_path / "disk", "3m") as disk:
        folder = disk / "data"
        shutil.copytree(app_dir, folder)
        configure(folder, shared_street.url, token)
        fill(disk, leave=96 * 1024)  # room for the state file, not for a snapshot
        run = subprocess.run(
            [sys.executable, "-m", "desktop", "sync", "--data-dir", str(folder), "--once"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 1
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert "磁盘空间" in run.stderr and "Traceback" not in run.stderr
        leftovers = [p.name for p in (folder / "sync").iterdir() if "snapshot" in p.name]
        assert leftovers == []
        state = json.loads((folder / "sync" / "state.json").read_text(encoding="utf-8"))
        assert "磁盘空间" in state["last_error"]
