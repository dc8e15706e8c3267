"""Put a data file back at an older revision, as an older version of the app left it: for the
tests of a migration (what it does to files written before it)."""

from pathlib import Path

from alembic import command

from desktop.store import migrate
from desktop.store.database import make_engine


def downgrade(path: Path, revision: str) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
            with connection.begin():
                config = migrate.alembic_config()
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()
