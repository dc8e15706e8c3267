"""Child of test_crash.py: writes roster people until it is killed with SIGKILL.

Imports only the store and the services (never Qt). Every id is printed, flushed, only after
``save_person`` has returned, i.e. after its transaction committed; the parent then checks
that each printed id survived the kill.

    python crash_writer.py write DATA_DIR SEED   import, print "ready", write until killed
    python crash_writer.py fork DATA_DIR SEED    import once, then per "fork" line on stdin
                                                 fork a writer; print "pid N" for it and
                                                 "reaped N STATUS" once it is gone

The fork mode pays the ~0.5 s import of SQLAlchemy once instead of two hundred times. Output
lines are short single writes to a pipe, hence atomic: a kill never leaves half a line.
"""

import os
import random
import sys
import traceback
from pathlib import Path

from desktop.domain.roster import Address, Person, PersonRole
from desktop.services.people import save_person
from desktop.store.database import open_database

NAMES = "王李张刘陈杨黄赵吴周"
GIVEN = ("伟", "芳", "䶮", "𠮷", "堃", "喆", "秀英", "子涵")
MAX_WRITES = 1_000_000


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_until_killed(data_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    say("ready" if "PySide6" not in sys.modules else "qt-imported")
    db = open_database(data_dir)
    last: Person | None = None
    for n in range(MAX_WRITES):
        if last is not None and n % 5 == 4:
            # An update rewrites the person and replaces roles in one transaction.
            last.roles = frozenset({PersonRole.VOLUNTEER, rng.choice(list(PersonRole))})
            last.note = f"第{n}次修改"
            save_person(db, last)
            continue
        person = Person(
            name=rng.choice(NAMES) + rng.choice(GIVEN),
            phone=f"13{rng.randint(0, 999_999_999):09d}",
            address=Address(unit=str(rng.randint(1, 3)), room=f"{rng.randint(2, 33)}0{n % 6}"),
            is_party_member=rng.random() < 0.2,
            # Every person gets a volunteer role: a person row without one would mean a
            # transaction was torn apart by the kill.
            roles=frozenset({PersonRole.VOLUNTEER, rng.choice(list(PersonRole))}),
            note="备注" * rng.randint(0, 50),
        )
        last = save_person(db, person)
        say(str(last.id))


def warm_up() -> None:
    """Do the one-off work every writer would repeat: the SQLite dialect, the ORM mappers."""
    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401 - imported by the first engine
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def fork_on_request(data_dir: Path, seed: int) -> None:
    warm_up()
    say("zygote ready" if "PySide6" not in sys.modules else "qt-imported")
    for number, line in enumerate(sys.stdin):
        if line.strip() != "fork":
            break
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(data_dir, seed * 1000 + number)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(3)  # never return into the zygote's loop
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"reaped {pid} {status}")


def main() -> None:
    mode, data_dir, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    if mode == "write":
        warm_up()
        write_until_killed(data_dir, seed)
    elif mode == "fork":
        fork_on_request(data_dir, seed)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
