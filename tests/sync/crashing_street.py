"""`shuren-street` that dies at one chosen step, for the tests that kill the receiver there
(receiver/test_crash.py, test_end_to_end.py). The receiver's own code carries no crash hook:
the step is found here, from the outside, by the file operation that performs it.

    python -m tests.sync.crashing_street before-swap serve --data DIR --port 0

before-swap: the process exits with EXIT_CODE at the rename that would make a rebuilt upload
its branch's current version (``tmp/<upload>.sqlite3`` → ``versions/NNNNNN.sqlite3``): the file
is rebuilt, checked and fsynced, its sidecar written, and the old version still current.
"""

import os
import re
import sys
from pathlib import Path
from typing import Any

from desktop.sync.receiver.cli import main as street_main

EXIT_CODE = 17
FAULTS = ("before-swap",)
_VERSION_FILE = re.compile(r"^\d{6,}\.sqlite3$")


def is_swap(src: Any, dst: Any) -> bool:
    """Whether ``os.replace(src, dst)`` is the rename that makes a new version current."""
    source, target = Path(src), Path(dst)
    return (
        source.parent.name == "tmp"
        and target.parent.name == "versions"
        and _VERSION_FILE.match(target.name) is not None
    )


def plant(fault: str) -> None:
    """Make this process die at ``fault`` (one of FAULTS)."""
    if fault not in FAULTS:
        raise SystemExit(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
    real_replace = os.replace

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        if is_swap(src, dst):
            os._exit(EXIT_CODE)  # no cleanup, no answer: as if the power went
        real_replace(src, dst, **kwargs)

    os.replace = replace


def main(argv: list[str]) -> int:
    fault, *street_argv = argv
    plant(fault)
    return street_main(street_argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
