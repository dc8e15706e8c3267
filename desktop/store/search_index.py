"""The search index: one FTS5 ``trigram`` table per list, in its own file in the data dir.

The index is a cache of the lists' ``search_text`` columns. It lives apart from the database
because it nearly doubles the size and the database file is what gets uploaded; nothing in the
database refers to it, so backups, migrations and uploads never see it.

- Every connection of the app's engine ATTACHes the file as ``search`` and gets TEMP triggers
  on the lists, so each insert, edit and purge updates the index in the same transaction.
- At open each list is compared with its index table row by row (ids and texts, one join by
  primary key: ~30–50 ms per 100,000 rows), unless the database file has the size and time
  it had when this index was last closed in step with it. Rows that differ — written while
  the index was not attached, a crash between the two files' commits — are put right one by
  one; when many differ (a restored copy), the list's table is rebuilt in one
  INSERT … SELECT, as is every list after a schema revision or an index format change. A
  missing or unreadable file is simply built anew.
- Anything going wrong (read-only or full disk, a damaged file) switches the index off for
  the session: search then runs on the base tables with instr(), slower but complete.
"""

import contextlib
import logging
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy import exc as sqlalchemy_exc

from desktop.store import sqlite
from desktop.store.cipher import key_of

log = logging.getLogger(__name__)

INDEX_FILENAME = "search.sqlite3"
SCHEMA = "search"
# Words shorter than this are searched on the base table: a trigram index cannot look them up
# (and SQLite 3.40.1 silently answers nothing for a 2-character LIKE on it).
MIN_INDEXED_LENGTH = 3
# Bump when the tables below change: an index of another format is rebuilt from scratch.
FORMAT = "1 trigram case_sensitive"

_TOKENIZE = "tokenize='trigram case_sensitive 1'"  # as exact as instr(), which short words use


def index_path(data_dir: Path) -> Path:
    return data_dir / INDEX_FILENAME


def fts_table(table: str) -> str:
    return f"{table}_fts"


def fts_phrase(words: Iterable[str]) -> str:
    """An FTS5 query asking for every word as a literal substring.

    Each word becomes a double-quoted string with its own quotes doubled, so nothing typed
    (``NEAR(``, ``AND``, ``*``, ``"``, ``:``, ``^``) is read as query syntax. Strings side
    by side are an implicit AND.
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


class SearchIndex:
    """The index file of one database; ``ready`` tells whether searches may use it."""

    def __init__(self, path: Path, main: Path, tables: Iterable[str]) -> None:
        self.path = path
        self.main = main  # the database file the index copies from
        self.tables = tuple(tables)
        self.ready = False
        self.checked = False  # whether the last open compared the lists row by row
        # At the last open: lists rebuilt (→ seconds) and lists repaired (→ rows).
        self.rebuilt: dict[str, float] = {}
        self.repaired: dict[str, int] = {}

    # -- per connection ---------------------------------------------------------------------
    def install(self, engine: Engine) -> None:
        """Attach on every new connection of ``engine``, then check the file (see ``open``)."""
        event.listen(engine, "connect", self._on_connect)
        self.open(engine)

    def _on_connect(self, dbapi_connection: sqlite.Connection, _record: object) -> None:
        if not self.ready:
            return
        try:
            self._attach(dbapi_connection)
            self._create_triggers(dbapi_connection)
        except sqlite.Error:
            # A connection without the triggers would let the index fall behind: stop using
            # it for this session; the next open finds it stale and rebuilds it.
            log.warning(
                "search index %s: attach failed; searching without it", self.path, exc_info=True
            )
            self.ready = False
            _detach(dbapi_connection)

    def _attach(self, con: sqlite.Connection) -> None:
        # No KEY: SQLCipher attaches under the database's own key (and salt), as it should.
        con.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(self.path),))
        # A cache: after a power cut it may miss the last writes (then it is rebuilt), but WAL
        # keeps it from being damaged, and it never makes the database wait on a second fsync.
        con.execute(f"PRAGMA {SCHEMA}.journal_mode=WAL")
        con.execute(f"PRAGMA {SCHEMA}.synchronous=NORMAL")

    def _create_triggers(self, con: sqlite.Connection) -> None:
        # TEMP triggers may write to another attached file; they name its tables unqualified
        # (SQLite's rule for trigger bodies), which resolves to ``search`` as the database has
        # no tables of these names.
        for table in self.tables:
            fts = fts_table(table)
            con.executescript(f"""
                CREATE TEMP TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON main.{table}
                BEGIN
                  INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text);
                END;
                CREATE TEMP TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON main.{table}
                BEGIN
                  DELETE FROM {fts} WHERE rowid = old.id;
                END;
                CREATE TEMP TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE ON main.{table}
                WHEN old.search_text IS NOT new.search_text OR old.id IS NOT new.id
                BEGIN
                  DELETE FROM {fts} WHERE rowid = old.id;
                  INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text);
                END;
            """)

    # -- at open ------------------------------------------------------------------------------
    def open(self, engine: Engine, *, rebuild: bool = False) -> None:
        """Build the file if missing, rebuild the lists found stale, or switch the index off.

        ``rebuild``: every list, whatever the index holds (the data was restored from a
        backup)."""
        self.ready, self.checked = False, False
        self.rebuilt, self.repaired = {}, {}
        stamp = _file_stamp(self.main)  # before our own connection touches the files
        try:
            raw = engine.raw_connection()
        except sqlalchemy_exc.DBAPIError as exc:
            log.info("search index %s not used this session: %s", self.path, exc)
            return  # the database itself cannot be opened: the app reports that
        try:
            con = raw.driver_connection
            assert isinstance(con, sqlite.Connection)
            try:
                self._check(con, None if rebuild else stamp, rebuild=rebuild)
            except sqlite.DatabaseError:
                if self._file_sound():
                    raise  # the database's own trouble: the app reports it on its first query
                # A damaged or foreign file: start a new one (it only holds a copy).
                log.info("search index %s damaged; building it anew", self.path)
                _detach(con)
                self._remove_file()
                self._check(con, None)
            self._create_triggers(con)
            self.ready = True
        except (sqlite.Error, OSError) as exc:
            # Expected on a read-only or full disk or a damaged database: INFO, which reaches
            # the app's log file but never the command line's stderr.
            log.info("search index %s not used this session: %s", self.path, exc)
            _rollback(con)
            _drop_triggers(con, self.tables)
            _detach(con)
        finally:
            raw.close()

    def _check(self, con: sqlite.Connection, stamp: str | None, *, rebuild: bool = False) -> None:
        if not _attached(con):
            self._attach(con)
        # IMMEDIATE: proves the file writable now, not at the first save, and keeps a second
        # process opening the same data dir from rebuilding at the same time.
        con.execute("BEGIN IMMEDIATE")
        try:
            fresh = self._prepare_schema(con) or rebuild
            revision = _main_revision(con)
            if _meta(con, "revision") != revision:
                fresh = True
                _set_meta(con, "revision", revision)
            # Untouched since this index was last closed in step with it: nothing to compare.
            # Still compared once a day, which bounds the harm of a write that kept the file's
            # size within the file system's clock tick of that close.
            today = date.today().isoformat()
            unchanged = (
                not fresh
                and stamp is not None
                and _meta(con, "main_stamp") == stamp
                and _meta(con, "compared_on") == today
            )
            self.checked = not unchanged
            if self.checked:
                _set_meta(con, "compared_on", today)
            for table in () if unchanged else self.tables:
                started = time.perf_counter()
                differing = None if fresh else _differences(con, table)
                if differing is None or differing > _repair_limit(con, table):
                    _rebuild(con, table)
                    self.rebuilt[table] = time.perf_counter() - started
                elif differing:
                    # Typically the last commit before a crash: the two files commit one
                    # after the other, so a kill in between leaves the index a row behind.
                    self.repaired[table] = _repair(con, table)
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise
        if self.rebuilt or self.repaired:
            log.info(
                "search index rebuilt: %s; repaired: %s",
                ", ".join(f"{t} {s:.2f} s" for t, s in self.rebuilt.items()) or "-",
                ", ".join(f"{t} {n} rows" for t, n in self.repaired.items()) or "-",
            )

    def _prepare_schema(self, con: sqlite.Connection) -> bool:
        """Create or reset the bookkeeping tables; True when every list must be rebuilt."""
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {SCHEMA}.fts_meta "
            "(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        if _meta(con, "format") == FORMAT:
            return False
        _set_meta(con, "format", FORMAT)
        return True

    def closed(self) -> None:
        """After the last connection closed: note the database file as the index last saw it,
        so that the next open can skip comparing the lists when nothing has written since."""
        stamp = _file_stamp(self.main)
        if not self.ready or stamp is None:
            return  # writes went past the index, or another process still has the file open
        try:
            con = sqlite.connect(self.path, key=key_of(self.main))
            try:
                with con:
                    con.execute(
                        "INSERT OR REPLACE INTO fts_meta VALUES ('main_stamp', ?)", (stamp,)
                    )
            finally:
                con.close()
        except sqlite.Error:
            log.info("search index %s: could not note the close", self.path, exc_info=True)

    def disable(self, engine: Engine) -> None:
        """Stop using the index for this session (it failed under a query)."""
        if self.ready:
            log.warning("search index %s failed; searching without it", self.path)
            self.ready = False
            # Idle connections carry the triggers: new ones come without them.
            engine.dispose()

    def _file_sound(self) -> bool:
        """Whether the index file passes SQLite's quick check on its own."""
        if not self.path.exists():
            return True
        try:
            # Under the database's key, as ATTACH reads it: one under another key is unsound.
            con = sqlite.connect(self.path, "mode=ro", key=key_of(self.main))
            try:
                return con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            finally:
                con.close()
        except sqlite.Error:
            return False

    def _remove_file(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _file_stamp(main: Path) -> str | None:
    """Size and modification time of the database file; None while its WAL holds writes (they
    reach the file later) or when it cannot be read."""
    try:
        wal = Path(f"{main}-wal")
        if wal.exists() and wal.stat().st_size:
            return None
        stat = main.stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _rebuild(con: sqlite.Connection, table: str) -> None:
    fts = f"{SCHEMA}.{fts_table(table)}"
    con.execute(f"DROP TABLE IF EXISTS {fts}")
    con.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, {_TOKENIZE})")
    con.execute(f"INSERT INTO {fts}(rowid, search_text) SELECT id, search_text FROM main.{table}")


def _differences(con: sqlite.Connection, table: str) -> int | None:
    """How many rows the index lacks or holds in excess (None: it has no table for the list)."""
    # FTS5 keeps the indexed text in its ``_content`` table (id, c0): joined by primary key it
    # is read twice as fast as through the virtual table.
    content = f"{fts_table(table)}_content"
    exists = con.execute(
        f"SELECT 1 FROM {SCHEMA}.sqlite_master WHERE name = ?", (content,)
    ).fetchone()
    if not exists:
        return None
    rows = con.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
    indexed = con.execute(f"SELECT count(*) FROM {SCHEMA}.{content}").fetchone()[0]
    same = con.execute(
        f"SELECT count(*) FROM main.{table} AS t JOIN {SCHEMA}.{content} AS c"
        " ON c.id = t.id AND c.c0 = t.search_text"
    ).fetchone()[0]
    return int(rows - same + indexed - same)


def _repair_limit(con: sqlite.Connection, table: str) -> int:
    """Beyond this many differing rows a rebuild in one go is quicker than a repair."""
    return max(1_000, con.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0] // 20)


def _repair(con: sqlite.Connection, table: str) -> int:
    """Bring the rows that differ into step; returns how many index rows were touched."""
    fts, content = f"{SCHEMA}.{fts_table(table)}", f"{SCHEMA}.{fts_table(table)}_content"
    stale = con.execute(
        f"SELECT c.id FROM {content} AS c LEFT JOIN main.{table} AS t"
        " ON t.id = c.id WHERE t.search_text IS NOT c.c0"
    ).fetchall()
    con.executemany(f"DELETE FROM {fts} WHERE rowid = ?", stale)
    added = con.execute(
        f"INSERT INTO {fts}(rowid, search_text) SELECT t.id, t.search_text"
        f" FROM main.{table} AS t LEFT JOIN {content} AS c ON c.id = t.id"
        " WHERE c.id IS NULL"
    ).rowcount
    return len(stale) + added


def _main_revision(con: sqlite.Connection) -> str:
    """The database's schema revision: a migration may change what search_text holds."""
    try:
        row = con.execute("SELECT version_num FROM main.alembic_version").fetchone()
    except sqlite.OperationalError:
        return ""
    return row[0] if row else ""


def _meta(con: sqlite.Connection, key: str) -> str | None:
    row = con.execute(f"SELECT value FROM {SCHEMA}.fts_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set_meta(con: sqlite.Connection, key: str, value: str) -> None:
    con.execute(f"INSERT OR REPLACE INTO {SCHEMA}.fts_meta VALUES (?, ?)", (key, value))


def _attached(con: sqlite.Connection) -> bool:
    return any(row[1] == SCHEMA for row in con.execute("PRAGMA database_list"))


def _rollback(con: sqlite.Connection) -> None:
    try:
        if con.in_transaction:
            con.execute("ROLLBACK")
    except sqlite.Error:
        pass


def _drop_triggers(con: sqlite.Connection, tables: Iterable[str]) -> None:
    for table in tables:
        for action in ("insert", "delete", "update"):
            with contextlib.suppress(sqlite.Error):
                con.execute(f"DROP TRIGGER IF EXISTS temp.{fts_table(table)}_{action}")


def _detach(con: sqlite.Connection) -> None:
    try:
        if _attached(con):
            con.execute(f"DETACH DATABASE {SCHEMA}")
    except sqlite.Error:
        pass
