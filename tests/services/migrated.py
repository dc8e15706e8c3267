"""A fresh database at the newest schema, copied from one migrated once per test run.

Running the migrations costs ~0.2 s per test; copying the migrated files ~0.01 s. A module
with many small tests overrides the ``db`` fixture with ``copy_of_migrated`` (the ``roster``
fixture then uses the copy too). Its commits skip fsync: these tests check what is stored,
while durability has its own tests (tests/store/test_crash.py) with the house pragmas.
"""

import atexit
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import event

from desktop.store.database import Database, open_database

_template: Path | None = None


def copy_of_migrated(data_dir: Path) -> Database:
    """Open a copy of the migrated template in ``data_dir`` (an empty dir)."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="shuren-migrated-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        open_database(folder).close()  # closed cleanly: no WAL left beside the files
        _template = folder
    for path in _template.iterdir():
        shutil.copy2(path, data_dir / path.name)
    database = open_database(data_dir)
    event.listen(database.engine, "connect", _without_fsync)
    database.engine.dispose()  # the connections made so far wait for fsync
    return database


def _without_fsync(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA synchronous=OFF")


def copy_of(empty_database: Path, folder: Path) -> Database:
    """A database copied from ``empty_database`` (see the ``empty_database`` fixture)."""
    folder.mkdir()
    shutil.copyfile(empty_database, folder / empty_database.name)
    return open_database(folder)
