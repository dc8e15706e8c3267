"""Engine with the house pragmas, session scope, and opening a data dir's database."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy.orm import Session, sessionmaker

from desktop.store import sqlite
from desktop.store.changes import track_changes
from desktop.store.cipher import Key, key_of, session_key
from desktop.store.datadir import backups_dir, db_path
from desktop.store.errors import storage_detail
from desktop.store.health import DamagedDatabaseError, Health, record_health
from desktop.store.models import Base
from desktop.store.schema import (
    DatabaseTooNewError,
    DatabaseTooOldError,
    SchemaState,
    connect_readonly,
    schema_state,
)
from desktop.store.search_index import SearchIndex, index_path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
ENCRYPTED_CACHE_KIB = 65_536  # per connection, at most


def _apply_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL + FULL: a committed transaction survives a killed process or a power cut.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Deleted personal data must not linger in free pages of a file that gets uploaded.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(path: Path, *, readonly: bool = False) -> Engine:
    """``readonly``: through ``connect_readonly``, for a data dir that cannot be written."""
    # hide_parameters: SQLAlchemy's error text would otherwise carry the statement's values
    # (residents' names, phones, rooms) into tracebacks and the log file.

    # check_same_thread off, as SQLAlchemy sets it for a file: the pool hands a connection to
    # whichever thread asks (background work), one at a time.
    options = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}

    def creator() -> sqlite.Connection:
        key = key_of(path)
        opened = connect_readonly if readonly else sqlite.connect
        con = opened(path, key=key, **options)
        if key is not None:
            # Every page read from an encrypted file is decrypted and checked: a cache that
            # holds the lists (SQLite's default is 8 MB) reads them at plain speed once read.
            con.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
        return con

    # The SQLCipher driver (store/sqlite.py) opens the file under its key; ``module`` makes
    # SQLAlchemy wrap that driver's errors as it wraps sqlite3's.
    # The file URL only picks the pool SQLAlchemy uses for a file; ``creator`` connects.
    engine = create_engine(
        f"sqlite:///{path}", creator=creator, module=sqlite.driver, hide_parameters=True
    )
    event.listen(engine, "connect", _apply_pragmas)
    return engine


class UnitOfWork:
    """A transaction spanning many service calls (see ``Database.transaction``).

    ``changed_tables``: the names of the tables it wrote (``store/changes.py`` notes them);
    empty again after a rollback.
    """

    def __init__(self, session: Session, changed_tables: set[str]) -> None:
        self.session = session
        self.changed_tables = changed_tables


class Database:
    """One SQLite file. Services open a session per unit of work with ``session()``;
    ``transaction()`` makes many of them one.

    With ``search_index`` (a file path) searches of 3 characters or more use an FTS5 index
    kept in that file (see search_index.py); without it they scan the lists.

    ``hold_writes()`` makes every connection ``PRAGMA query_only``: SQLite itself then
    refuses any change (services, background work, triggers alike) until ``allow_writes()``
    — the window holds writes until the data file has passed its check.
    """

    def __init__(
        self, path: Path, *, search_index: Path | None = None, readonly: bool = False
    ) -> None:
        self.path = path
        self.readonly = readonly
        self.engine = make_engine(path, readonly=readonly)
        self._writes_held = False
        event.listen(self.engine, "checkout", self._apply_write_hold)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._thread = threading.local()  # .unit: this thread's open UnitOfWork, if any
        self.search_index: SearchIndex | None = None
        if search_index is not None:
            tables = [t.name for t in Base.metadata.sorted_tables if "search_text" in t.c]
            self.search_index = SearchIndex(search_index, path, tables)
            self.search_index.install(self.engine)

    @property
    def writes_held(self) -> bool:
        return self._writes_held

    def hold_writes(self) -> None:
        self._writes_held = True

    def allow_writes(self) -> None:
        self._writes_held = False

    def _apply_write_hold(self, dbapi_connection, record, _proxy) -> None:
        held = self._writes_held
        if record.info.get("query_only") is not held:
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA query_only={'ON' if held else 'OFF'}")
            cursor.close()
            record.info["query_only"] = held

    def release_connections(self) -> None:
        """Close the idle connections, e.g. before another connection replaces the data."""
        self.engine.dispose()

    def reopen_after_restore(self) -> None:
        """After the file's content was replaced underneath (a backup or the street office's
        copy restored, a merge): fresh connections, and the search index rebuilt from the new
        lists."""
        self.engine.dispose()
        if self.search_index is not None:
            self.search_index.open(self.engine, rebuild=True)
            # Connections opened meanwhile lack the index's triggers.
            self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[UnitOfWork]:
        """One transaction for everything this thread does in the block: every ``session()``
        opened inside joins it; committed once when the block ends, all of it rolled back on
        any error. A ``transaction()`` inside another joins the outer one."""
        unit: UnitOfWork | None = getattr(self._thread, "unit", None)
        if unit is not None:
            yield unit
            return
        try:
            with track_changes() as changes, self._own_session() as session:
                unit = self._thread.unit = UnitOfWork(session, changes.tables)
                yield unit
        except BaseException:
            if unit is not None:
                unit.changed_tables.clear()  # rolled back: nothing of it was written
            raise
        finally:
            self._thread.unit = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error. Inside
        ``transaction()``: that transaction's session, committed or rolled back by it."""
        unit: UnitOfWork | None = getattr(self._thread, "unit", None)
        if unit is not None:
            yield unit.session
            return
        with self._own_session() as session:
            yield session

    @contextmanager
    def _own_session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        # Keeps the planner's statistics fresh for the search queries (SQLite's advice); not
        # while writes are held (a damaged file is left as it is).
        try:
            if not self.readonly and not self._writes_held:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA optimize")
        except sqlalchemy_exc.OperationalError as exc:
            log.warning("PRAGMA optimize skipped: %s", storage_detail(exc))
        self.engine.dispose()
        if self.search_index is not None:
            self.search_index.closed()


def create_encrypted(path: Path, key: Key) -> None:
    """A new, empty database file under ``key`` (its first page carries the key's salt)."""
    con = sqlite.connect(path, key=key)
    try:
        con.execute("PRAGMA user_version = 0")
        con.commit()
    finally:
        con.close()


def open_database(data_dir: Path) -> Database:
    """Open the data dir's database, creating or upgrading it as needed.

    A file written by a newer app is refused untouched. An older one is first copied into
    ``backups/`` with the SQLite backup API, then upgraded; when that copy fails its check
    the file is damaged: DamagedDatabaseError, nothing upgraded, nothing backed up.
    """
    path = db_path(data_dir)
    state, revision = schema_state(path)
    if state is SchemaState.NEWER:
        raise DatabaseTooNewError(revision or "?")
    if state is SchemaState.OLDER:
        from desktop.store.backup import backup_database

        try:
            copy = backup_database(path, backups_dir(data_dir), label=revision or "none")
        except DamagedDatabaseError as exc:
            record_health(data_dir, Health(ok=False, problems=exc.problems))
            raise
        log.info("backed up %s to %s before upgrading from %s", path, copy, revision)
    if state is SchemaState.MISSING and (key := session_key()) is not None:
        create_encrypted(path, key)
    if state is not SchemaState.CURRENT:
        from desktop.store import migrate  # Alembic is imported only when it has work to do

        migrate.upgrade_to_head(path)
    return Database(path, search_index=index_path(data_dir))


def open_database_readonly(data_dir: Path) -> Database:
    """Open the data dir's database for reading only: nothing is created, upgraded, indexed
    or written, so it works on a read-only copy or a full disk (``connect_readonly``).

    FileNotFoundError without a database; DatabaseTooOldError for a file that needs the
    upgrade only a writable data dir allows.
    """
    path = db_path(data_dir)
    state, revision = schema_state(path)
    if state is SchemaState.MISSING:
        raise FileNotFoundError(path)
    if state is SchemaState.NEWER:
        raise DatabaseTooNewError(revision or "?")
    if state is SchemaState.OLDER:
        raise DatabaseTooOldError(revision)
    return Database(path, readonly=True)
