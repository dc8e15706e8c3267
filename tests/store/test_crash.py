"""Kill a writer with SIGKILL at random moments: the file stays sound, commits stay.

200 kills against one data dir. The first few writers are fresh interpreters (killed while
writing, with everything a real start does); the rest are forked from one interpreter that
has already imported SQLAlchemy, so each kill costs tens of milliseconds, not half a second.
"""

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from desktop.store.database import open_database
from desktop.store.datadir import db_path

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX"),
]

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 200
FRESH_PROCESS_KILLS = 8
DELAY_MS = (0, 60)
# Most kills wait for a first commit, then a random delay: they land mid-transaction or
# between commits, not only before the writer got going.
WAIT_FOR_FIRST_COMMIT = 0.85
TIMEOUT = 30.0


class Lines:
    """Line reader over a pipe, with a deadline so a stuck child fails the test, not hangs it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.fd = stream.fileno()
        self.buffer = b""

    def next(self, timeout: float = TIMEOUT) -> str | None:
        """The next full line; None at end of stream."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("child said nothing")
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return None  # a trailing partial line is discarded: it was never complete
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8")


def start(mode: str, data_dir: Path, seed: int, stderr: IO[bytes]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), mode, str(data_dir), str(seed)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def first_commit(lines: "Lines", rng: random.Random) -> list[int]:
    """Mostly wait for the writer's first commit before the random delay, so the kills land
    mid-work whatever the machine's load (a fixed delay alone missed on a busy machine)."""
    if rng.random() >= WAIT_FOR_FIRST_COMMIT:
        return []
    line = lines.next()
    assert line is not None and line.isdigit(), line
    return [int(line)]


def verify(path: Path, committed: set[int]) -> int:
    """The checks after every kill; returns the number of people."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {row[0] for row in con.execute("SELECT id FROM person")}
        missing = committed - present
        assert not missing, f"{len(missing)} committed people lost, e.g. {sorted(missing)[:5]}"
        torn = con.execute(
            "SELECT count(*) FROM person p WHERE NOT EXISTS "
            "(SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'volunteer')"
        ).fetchone()[0]
        assert torn == 0, "a person was stored without the roles written in the same commit"
        return len(present)
    finally:
        con.close()


def test_sigkill_never_loses_a_commit_nor_damages_the_file(data_dir: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    open_database(data_dir).close()
    path = db_path(data_dir)
    rng = random.Random(20261125)
    committed: set[int] = set()
    kills_while_writing = 0
    log_path = tmp_path / "writer-stderr.txt"

    with log_path.open("wb") as log:
        # Fresh interpreters: the app as it really starts.
        for i in range(FRESH_PROCESS_KILLS):
            child = start("write", data_dir, i, log)
            lines = Lines(child.stdout)
            assert lines.next() == "ready"
            printed = first_commit(lines, rng)
            time.sleep(rng.uniform(*DELAY_MS) / 1000)
            child.send_signal(signal.SIGKILL)
            assert child.wait(TIMEOUT) == -signal.SIGKILL
            while (line := lines.next()) is not None:
                printed.append(int(line))
            child.stdin.close()
            child.stdout.close()
            kills_while_writing += bool(printed)
            committed.update(printed)
            verify(path, committed)

        # Forked writers for the rest.
        zygote = start("fork", data_dir, 7, log)
        try:
            lines = Lines(zygote.stdout)
            assert lines.next() == "zygote ready"
            for _ in range(KILLS - FRESH_PROCESS_KILLS):
                zygote.stdin.write(b"fork\n")
                zygote.stdin.flush()
                pid, ready, printed = None, False, []
                while pid is None or not ready:
                    line = lines.next()
                    assert line is not None and not line.startswith("reaped"), line
                    if line.startswith("pid "):
                        pid = int(line.split()[1])
                    else:
                        assert line == "ready", line
                        ready = True
                printed += first_commit(lines, rng)
                time.sleep(rng.uniform(*DELAY_MS) / 1000)
                os.kill(pid, signal.SIGKILL)
                while not (line := lines.next()).startswith("reaped"):
                    printed.append(int(line))
                reaped_pid, status = map(int, line.split()[1:])
                assert reaped_pid == pid
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
                kills_while_writing += bool(printed)
                committed.update(printed)
                verify(path, committed)
        finally:
            zygote.stdin.close()
            zygote.wait(TIMEOUT)
            zygote.stdout.close()

    people = verify(path, committed)
    elapsed = time.monotonic() - started
    print(
        f"\n{KILLS} kills, {len(committed)} committed ids checked, {people} people, "
        f"{kills_while_writing} kills after at least one commit, {elapsed:.1f} s"
    )
    assert log_path.read_text(encoding="utf-8", errors="replace") == ""
    # The kills must have landed while writing, not only before the first commit.
    assert kills_while_writing >= KILLS * 3 // 4
    assert len(committed) >= KILLS
