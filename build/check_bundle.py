"""Install the .deb into a temporary root and use it as an office PC would, with no Python of
ours anywhere: `shuren self-test`, then every command of the README, against the street
office's bundled receiver for sync and restore. One line per step; exit 0 when all pass.

    python build/check_bundle.py dist       (bash build/dev.sh check-bundle; CI runs it)
"""

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TIMEOUT = 300


class Failed(Exception):
    pass


class Office:
    """An unpacked package and a street office, each run with a bare environment."""

    def __init__(self, dist: Path, work: Path) -> None:
        debs = sorted(dist.glob("shuren-xiaoqu_*_amd64.deb"))
        if not debs:
            raise Failed(f"no package in {dist}: run bash build/dev.sh bundle first")
        self.root = work / "root"
        subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(self.root)], check=True)
        self.app = self.root / "opt" / "shuren-xiaoqu" / "shuren"
        self.street = dist / "shuren-street" / "shuren-street"
        self.work = work
        home = work / "home"
        home.mkdir()
        # No virtualenv, no PYTHONPATH, no Python of ours on the PATH: only the system's tools.
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "TMPDIR": str(work),
            "QT_QPA_PLATFORM": "offscreen",
        }

    def run(self, program: Path, *args: str, expect: int = 0) -> str:
        done = subprocess.run(
            [str(program), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            cwd=self.work,
        )
        if done.returncode != expect:
            raise Failed(f"exit {done.returncode}: {(done.stderr or done.stdout).strip()[-400:]}")
        return done.stdout

    def shuren(self, *args: str, expect: int = 0) -> str:
        return self.run(self.app, *args, expect=expect)


def steps(office: Office) -> tuple[list[tuple[str, Callable[[], object]]], dict[str, object]]:
    data, copy = office.work / "data", office.work / "restored"
    out = office.work / "out"
    out.mkdir()
    street_dir = office.work / "street"
    state: dict[str, object] = {}

    def serve() -> None:
        branch = json.loads(
            office.run(
                office.street, "add-branch", "--data", str(street_dir), "--name", "翠竹苑", "--json"
            )
        )
        token = office.work / "token.txt"
        token.write_text(branch["token"], encoding="utf-8")
        server = subprocess.Popen(
            [str(office.street), "serve", "--data", str(street_dir), "--port", "0"],
            env=office.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = server.stdout.readline() if server.stdout else ""
        port = re.search(r":(\d+)", line)
        if port is None:
            server.kill()
            raise Failed(f"serve said {line!r}")
        state.update(server=server, url=f"http://127.0.0.1:{port[1]}", token=token)

    def connection() -> tuple[str, ...]:
        """The street office the branch was registered at, as sync and restore take it."""
        return ("--server", str(state["url"]), "--token-file", str(state["token"]))

    return [
        ("shuren self-test", lambda: office.shuren("self-test")),
        ("shuren demo", lambda: office.shuren("demo", "--data-dir", str(data), "--scale", "200")),
        ("shuren check", lambda: office.shuren("check", "--data-dir", str(data))),
        (
            "shuren list needs --json",
            lambda: json.loads(office.shuren("list", "needs", "--data-dir", str(data), "--json")),
        ),
        ("shuren list people", lambda: office.shuren("list", "people", "--data-dir", str(data))),
        (
            "shuren print minutes",
            lambda: office.shuren(
                "print",
                "minutes",
                "--data-dir",
                str(data),
                "--meeting",
                "1",
                "--out",
                str(out / "纪要.pdf"),
            ),
        ),
        (
            "shuren print compact",
            lambda: office.shuren(
                "print",
                "compact",
                "--data-dir",
                str(data),
                "--compact",
                "1",
                "--out",
                str(out / "公约.pdf"),
            ),
        ),
        (
            "shuren ledger export",
            lambda: office.shuren(
                "ledger",
                "export",
                "--data-dir",
                str(data),
                "--list",
                "needs",
                "--out",
                str(out / "需求.xlsx"),
            ),
        ),
        (
            "shuren ledger import --dry-run",
            lambda: office.shuren(
                "ledger",
                "import",
                "--data-dir",
                str(data),
                "--list",
                "needs",
                str(out / "需求.xlsx"),
                "--dry-run",
            ),
        ),
        (
            "shuren indicators --json",
            lambda: json.loads(office.shuren("indicators", "--data-dir", str(data), "--json")),
        ),
        ("shuren-street add-branch and serve", serve),
        (
            "shuren sync --once",
            lambda: office.shuren("sync", "--data-dir", str(data), *connection(), "--once"),
        ),
        (
            "shuren-street list",
            lambda: office.run(office.street, "list", "--data", str(street_dir)),
        ),
        (
            "shuren-street report",
            lambda: office.run(
                office.street, "report", "--data", str(street_dir), "--out", str(out / "汇总.xlsx")
            ),
        ),
        (
            "shuren restore",
            lambda: office.shuren("restore", "--data-dir", str(copy), *connection()),
        ),
        ("shuren check (restored)", lambda: office.shuren("check", "--data-dir", str(copy))),
    ], state


def main(argv: list[str]) -> int:
    dist = Path(argv[0] if argv else "dist").resolve()
    work = Path(tempfile.mkdtemp(prefix="shuren-check-"))
    failures = 0
    state: dict[str, object] = {}
    try:
        office = Office(dist, work)
        plan, state = steps(office)
        for name, step in plan:
            started = time.perf_counter()
            try:
                step()
                print(f"ok    {name}  ({time.perf_counter() - started:.1f} s)", flush=True)
            except (Failed, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
                failures += 1
                print(f"FAIL  {name}: {exc}", flush=True)
    except Failed as exc:
        print(f"FAIL  {exc}")
        return 1
    finally:
        server = state.get("server")
        if isinstance(server, subprocess.Popen):
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("all steps passed" if not failures else f"{failures} step(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
