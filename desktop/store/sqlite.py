"""The SQLite the branch's files are opened with: SQLCipher's build (``sqlcipher3``).

Without a key it is SQLite itself (a demo folder, the street office's plain copies); with
one, every page is encrypted. One module, so the app has one ``connect`` and one family of
errors: the standard library's ``sqlite3`` errors are not these (the street office's receiver
still uses ``sqlite3``; ``store/errors.py`` reads both).
"""

from contextlib import closing
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from desktop.store.cipher import Key, WrongPassword, key_of

Connection = dbapi2.Connection
Row = dbapi2.Row
Error = dbapi2.Error
DatabaseError = dbapi2.DatabaseError
OperationalError = dbapi2.OperationalError
IntegrityError = dbapi2.IntegrityError
SQLITE_FULL = dbapi2.SQLITE_FULL
driver = dbapi2  # for SQLAlchemy's ``module=``: it must wrap this driver's errors

# SQLCipher reports a wrong key on stderr too; the app says it in its own words.
with closing(dbapi2.connect(":memory:")) as _quiet:
    _quiet.execute("PRAGMA cipher_log_level = NONE")

_OWN_KEY: Any = object()  # connect's default: the key the file itself names


def connect(
    path: Path | str, query: str = "", *, key: Key | None = _OWN_KEY, **options: Any
) -> Connection:
    """Open ``path`` (with URI parameters ``query``, e.g. ``mode=ro``) under ``key``.

    By default the key is the one the file names (``cipher.key_of``: none for a plain file);
    a file about to be created takes the key it is given (a copy: its source's).
    """
    path = Path(path)
    if key is _OWN_KEY:
        key = key_of(path)
    # uri=True also for a plain name: ATTACH (``attach``) may then name a file by URI.
    con = dbapi2.connect(_name(path, query), uri=True, **options)
    if key is not None:
        con.execute(key.pragma)
    return con


def attach(con: Connection, path: Path, schema: str, query: str = "") -> None:
    """ATTACH ``path`` as ``schema`` under the key it names (none for a plain file: without
    ``KEY ''`` SQLCipher would try the main database's key)."""
    key = key_of(path)
    con.execute(
        f"ATTACH DATABASE ? AS {schema} KEY ?", (_name(path, query), key.literal if key else "")
    )


def _name(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}" if query else str(path)


def check_key(path: Path, key: Key) -> None:
    """WrongPassword unless ``key`` opens the encrypted file ``path``; nothing is written."""
    con = connect(path, "mode=ro", key=key)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        if "not a database" in str(exc):
            raise WrongPassword() from exc
        raise
    finally:
        con.close()
