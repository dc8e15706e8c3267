"""Alembic, driven from code: the migrations ship inside the package."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from desktop.store.database import make_engine

MIGRATIONS = Path(__file__).parent / "migrations"


class MigrationError(RuntimeError):
    """An upgrade left the data inconsistent; it was rolled back."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade_to_head(path: Path, revision: str = "head") -> None:
    """Upgrade (or create) the database at ``path`` to ``revision``."""
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            # Batch mode rebuilds a table by copy-and-drop; with foreign keys on, dropping
            # ``person`` would cascade-delete every role. Check the keys once at the end.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # the pragma is ignored inside a transaction
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"foreign keys broken by the upgrade: {broken[:5]}")
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
    finally:
        engine.dispose()


def script_revisions() -> list[str]:
    """Alembic's own history, oldest first (for the test that guards schema.REVISIONS)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
