"""The bundle's figures: sizes, `self-test` time, and start to the window shown.

The start is timed from launching the process to its window appearing on an X screen (Xvfb,
with `xwininfo` from x11-utils watching the screen), for the bundled app, the same app from
the venv and a bare PySide6 window, alternated in one run so a busy machine slows all three
alike. The files are in the page cache after the first round: these are warm starts. A script
that prints figures, not a test.

    bash build/dev.sh bundle && python -m tests.benchmarks.bench_bundle [--rounds 7]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
VENV_BIN = Path(sys.executable).parent
BARE = (
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget()\n"
    "w.resize(800, 600)\n"
    "w.show()\n"
    "app.exec()\n"
)
_CHILD = re.compile(r"^\s+0x[0-9a-f]+ .*?(\d+)x(\d+)\+", re.MULTILINE)


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB ({size / 1e6:.1f} MB)"


def big_window_shown(display: str) -> bool:
    """Some top-level window of at least 300×200 is on the screen."""
    out = subprocess.run(
        ["xwininfo", "-root", "-children"],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
    ).stdout
    return any(int(w) >= 300 and int(h) >= 200 for w, h in _CHILD.findall(out))


def seconds_to_window(command: list[str], env: dict[str, str], display: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while not big_window_shown(display):
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} ended before showing a window")
            if time.perf_counter() - started > 60:
                raise RuntimeError(f"{command[0]} showed no window in 60 s")
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
        while big_window_shown(display):  # the next one starts on an empty screen
            time.sleep(0.01)


def starts(rounds: int, data: Path) -> dict[str, list[float]]:
    display = ":61"
    screen = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    commands = {
        "bundle": [str(DIST / "shuren" / "shuren"), "--data-dir", str(data)],
        "venv": [str(VENV_BIN / "shuren"), "--data-dir", str(data)],
        "bare PySide6 window": [sys.executable, "-c", BARE],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for _ in range(rounds):
            for name, command in commands.items():
                times[name].append(seconds_to_window(command, env, display))
    finally:
        screen.terminate()
    return times


def self_test_seconds(runs: int = 3) -> list[float]:
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [str(DIST / "shuren" / "shuren"), "self-test"],
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        found.append(time.perf_counter() - started)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    debs = sorted(DIST.glob("shuren-xiaoqu_*_amd64.deb"))
    if not debs:
        sys.exit("no bundle: run bash build/dev.sh bundle first")
    print(f"bundle dist/shuren          {mib(tree_size(DIST / 'shuren'))}  (goal ≤ 180 MB)")
    print(f"bundle dist/shuren-street   {mib(tree_size(DIST / 'shuren-street'))}")
    print(f"package {debs[-1].name}  {mib(debs[-1].stat().st_size)}  (goal ≤ 70 MB)")
    tests = self_test_seconds()
    print(f"self-test  median {statistics.median(tests):.1f} s of {len(tests)}  (goal ≤ 15 s)")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [str(DIST / "shuren" / "shuren"), "demo", "--data-dir", str(data), "--scale", "600"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times = starts(args.rounds, data)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"start to the window shown, median of {args.rounds} (warm):")
    for name, value in medians.items():
        spread = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"  {name:<22} {value:.2f} s   ({spread})")
    ratio = medians["bundle"] / medians["venv"]
    print(f"bundle ÷ venv: {ratio:.2f}  (goal ≤ 1.2)")


if __name__ == "__main__":
    main()
