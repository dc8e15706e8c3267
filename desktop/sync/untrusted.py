"""Reading a SQLite file this end did not write: a branch's upload, the copies the street office
keeps, and a copy the app gets back from the street office.

Such a file is untrusted input. SQLite runs whatever the file's schema holds: a view named like
one of the app's tables can be an endless ``WITH RECURSIVE`` query that passes
``integrity_check`` and makes a plain ``count(*)`` run forever; a trigger or a virtual table can
call functions. So before anything else reads it:

- ``check_schema``: the file's ``sqlite_master`` (type, name, table, SQL) must be exactly the
  schema of one of the app's Alembic revisions, as a snapshot (snapshot.py) holds it. Those are
  listed in known_schemas.json, written from the migrations by
  ``python -m desktop.sync.known_schemas``; the statistics tables SQLite adds by itself
  (``PRAGMA optimize``) are allowed besides.
- ``open_untrusted``: read-only and immutable, ``trusted_schema=OFF``, and every statement on
  the connection stops once its time is up (a progress handler), raising ``TooSlow``.

Time limits: ``READ_SECONDS`` per file, plus the time to read a large file from an old disk;
``SHUREN_READ_SECONDS`` in the environment replaces ``READ_SECONDS`` (tests use a second).

No Qt, no Alembic and nothing of the app's store: the receiver imports this module.
"""

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

READ_SECONDS_ENV = "SHUREN_READ_SECONDS"
READ_SECONDS = 60.0  # for one file: its schema check, integrity check and counts, or a report
READ_BYTES_PER_SECOND = 20 * 1024 * 1024  # added per byte of file: a cold read from an old disk
PROGRESS_STEPS = 1000  # SQLite VM steps between two looks at the clock: some 30–50 µs here
KNOWN_SCHEMAS = Path(__file__).with_name("known_schemas.json")

# (type, name, tbl_name, normalised sql) of one row of sqlite_master.
SchemaRow = tuple[str, str, str, str | None]

# Tables SQLite creates by itself: ANALYZE (which the app's PRAGMA optimize may run) writes
# sqlite_stat1, and sqlite_stat4 where SQLite was built with it; AUTOINCREMENT, sqlite_sequence.
# A file may hold them or not whatever its revision, so they are compared apart.
_INTERNAL_SQL = {
    "sqlite_stat1": "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    "sqlite_stat4": "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    "sqlite_sequence": "CREATE TABLE sqlite_sequence(name,seq)",
}
_FOREIGN = ("view", "trigger", "virtual")  # kinds of object the app never creates
_KINDS = {"view": "视图", "trigger": "触发器", "virtual": "虚拟表", "table": "表", "index": "索引"}
_SHOWN_NAMES = 5  # names listed in a refusal
_SHOWN_NAME_LENGTH = 40


class UntrustedFileError(Exception):
    """A file that must not be used. ``reason`` says what was found, in Chinese, without the
    verdict (the caller adds 已拒收 or 未计入合计)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BadSchema(UntrustedFileError):
    """The file holds objects the app does not create, or lacks some it does."""


class TooSlow(UntrustedFileError):
    """Reading the file took longer than its time limit; the statement was stopped."""


class Damaged(UntrustedFileError):
    """The file is not a readable SQLite database, or fails ``integrity_check``."""


# --- time-limited read-only opening ------------------------------------------------------------


def read_seconds() -> float:
    """The base time limit: ``SHUREN_READ_SECONDS`` if it is a positive number, else the default."""
    try:
        seconds = float(os.environ.get(READ_SECONDS_ENV, ""))
    except ValueError:
        return READ_SECONDS
    return seconds if 0 < seconds < float("inf") else READ_SECONDS


def time_limit(path: Path) -> float:
    """Seconds allowed to read ``path``: the base limit plus a slow full read of the file."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    return read_seconds() + size / READ_BYTES_PER_SECOND


@contextmanager
def open_untrusted(path: Path, seconds: float | None = None) -> Iterator[sqlite3.Connection]:
    """A read-only connection whose statements all stop once ``seconds`` (default: the file's
    ``time_limit``) have passed since it was opened: TooSlow is raised then.

    ``immutable=1``: nothing may change the file while it is read (an upload being checked, a
    version in place), and SQLite creates no -wal, -shm or -journal beside it.
    FileNotFoundError if there is no such file.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    limit = time_limit(path) if seconds is None else seconds
    deadline = time.monotonic() + limit
    stopped = False

    def progress() -> int:
        nonlocal stopped
        stopped = stopped or time.monotonic() > deadline
        return 1 if stopped else 0

    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        connection.set_progress_handler(progress, PROGRESS_STEPS)
        # Functions with side effects may not run from a view, trigger, index or CHECK.
        connection.execute("PRAGMA trusted_schema = OFF")
        # Catch a corrupt cell size before it is used (SQLite's advice for untrusted files).
        connection.execute("PRAGMA cell_size_check = ON")
        try:
            yield connection
        except sqlite3.OperationalError:
            if stopped:
                raise TooSlow(_too_slow(limit)) from None
            raise
        # A caller that caught the interruption must not take a partial answer for a whole one.
        if stopped:
            raise TooSlow(_too_slow(limit))
    finally:
        connection.close()


def _too_slow(seconds: float) -> str:
    return f"数据文件在 {round(seconds, 1):g} 秒内没有读完"


# --- the schema check ------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""'(?:[^']|'')*'"""  # a string literal, kept as it is
    r"""|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]"""  # a quoted identifier
    r"|\s+|[(),]"
    r"""|[^\s'"`\[(),]+"""
    r"|.",  # anything else, one character at a time: nothing is dropped
    re.DOTALL,
)
_PUNCTUATION = ("(", ")", ",")
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def normalise_sql(sql: str | None) -> str | None:
    """``sql`` laid out one way: words one space apart, no space inside parentheses or around
    commas, one after ``)``, none before ``(``; plain identifiers unquoted. How the text was
    spaced, or whether a rename quoted the table's name, does not make two schemas differ."""
    if sql is None:
        return None
    tokens: list[str] = []
    for match in _TOKEN.finditer(sql):
        token = match[0]
        if token.isspace():
            continue
        if token[0] in '"`[' and _PLAIN_NAME.match(token[1:-1]):
            token = token[1:-1]
        if tokens and token not in _PUNCTUATION and tokens[-1] not in ("(", ","):
            tokens.append(" ")
        tokens.append(token)
    return "".join(tokens)


def schema_row(kind: str, name: str, table: str, sql: str | None) -> SchemaRow:
    return (kind, name, table, normalise_sql(sql))


def read_schema(connection: sqlite3.Connection) -> frozenset[SchemaRow]:
    """Every row of the file's sqlite_master (reading it runs nothing the schema holds)."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(schema_row(*row) for row in rows)


@cache
def known_schemas() -> dict[str, tuple[frozenset[SchemaRow], ...]]:
    """{revision: schemas a snapshot of that revision holds}, oldest revision first. Usually
    one schema per revision; an older one is kept when a library upgrade changed the SQL text
    the migrations write, since files written before it are still in use."""
    data = json.loads(KNOWN_SCHEMAS.read_text(encoding="utf-8"))
    return {
        revision: tuple(frozenset(schema_row(*row) for row in rows) for rows in variants)
        for revision, variants in data["revisions"].items()
    }


def _internal(row: SchemaRow) -> bool:
    kind, name, table, sql = row
    expected = _INTERNAL_SQL.get(name)
    return kind == "table" and table == name and expected is not None and sql == expected


def check_schema(source: Path | sqlite3.Connection) -> str:
    """The revision whose schema the file has; BadSchema if it has none of them.

    ``source``: a file (opened with ``open_untrusted``) or a connection from it.
    """
    if isinstance(source, sqlite3.Connection):
        return _check_schema(source)
    try:
        with open_untrusted(source) as connection:
            return _check_schema(connection)
    except sqlite3.DatabaseError as exc:  # not a database, or a schema SQLite cannot parse
        raise Damaged(f"数据文件无法读取（{exc}）") from None


def _check_schema(connection: sqlite3.Connection) -> str:
    rows = frozenset(row for row in read_schema(connection) if not _internal(row))
    known = known_schemas()
    for revision, variants in known.items():
        if rows in variants:
            return revision
    raise BadSchema(_explain(connection, rows, known))


def _explain(
    connection: sqlite3.Connection,
    rows: frozenset[SchemaRow],
    known: dict[str, tuple[frozenset[SchemaRow], ...]],
) -> str:
    """What is wrong with a schema that is none of the known ones, in Chinese."""
    schemas = [schema for variants in known.values() for schema in variants]
    every_known = frozenset().union(*schemas)
    foreign = sorted((_kind(r), r[1]) for r in rows - every_known if _kind(r) in _FOREIGN)
    if foreign:
        return f"数据文件里有本软件不会建立的{_objects(foreign)}"
    revision = _stored_revision(connection, rows, every_known)
    if revision is not None and revision not in known:
        return (
            f"数据文件来自较新版本的熟人小区（数据结构 {_shown(revision)}），"
            "这里的软件还不认识它的结构，请先升级"
        )
    closest = max(schemas, key=lambda schema: len(schema & rows))
    extra = sorted((_kind(row), row[1]) for row in rows - closest)
    missing = sorted((_kind(row), row[1]) for row in closest - rows)
    parts = []
    if extra:
        parts.append(f"多出或改动了{_objects(extra)}")
    if missing:
        parts.append(f"缺少{_objects(missing)}")
    return f"数据文件的结构与本软件建立的不一致（{'；'.join(parts)}）"


def _kind(row: SchemaRow) -> str:
    kind, _name, _table, sql = row
    if kind == "table" and sql is not None and sql.upper().startswith("CREATE VIRTUAL TABLE"):
        return "virtual"
    return kind


def _objects(items: Iterable[tuple[str, str]]) -> str:
    """The first few (kind, name) pairs as 视图 need、触发器 t."""
    items = list(items)
    shown = "、".join(
        f"{_KINDS.get(kind, kind)} {_shown(name)}" for kind, name in items[:_SHOWN_NAMES]
    )
    return shown + (f" 等 {len(items)} 项" if len(items) > _SHOWN_NAMES else "")


def _shown(name: str) -> str:
    """A name from the file, safe to print on one line: no control characters, not too long."""
    name = "".join(ch if ch.isprintable() else "?" for ch in str(name))
    return name if len(name) <= _SHOWN_NAME_LENGTH else name[: _SHOWN_NAME_LENGTH - 1] + "…"


def _stored_revision(
    connection: sqlite3.Connection, rows: frozenset[SchemaRow], every_known: frozenset[SchemaRow]
) -> str | None:
    """The revision the file says it has, read only from an alembic_version table the app made."""
    if not any(r[1] == "alembic_version" and r[0] == "table" for r in rows & every_known):
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


# --- the whole check ---------------------------------------------------------------------------


def integrity_problem(path: Path, seconds: float | None = None) -> str | None:
    """None if SQLite's integrity_check passes on the file, else its report (Chinese when the
    check ran out of time). Run it after ``check_schema``: it evaluates CHECK constraints and
    generated columns, which must be the app's own."""
    try:
        with open_untrusted(path, seconds) as connection:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    except TooSlow as exc:
        return exc.reason
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:5])


def check_copy(path: Path) -> str:
    """Check a database file from elsewhere before anything else reads it: its schema is one
    the app writes, then integrity_check, each within the file's time limit. Returns the
    revision; raises BadSchema, Damaged or TooSlow (``reason`` says why, in Chinese)."""
    revision = check_schema(path)
    problem = integrity_problem(path)
    if problem is not None:
        raise Damaged(f"数据文件没有通过完整性检查（{problem}）")
    return revision
