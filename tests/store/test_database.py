"""The engine's pragmas, creating a database, and the schema guard rails."""

from pathlib import Path

import pytest
from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, Text, inspect, text

from desktop.store import migrate, schema, sqlite
from desktop.store.database import BUSY_TIMEOUT_MS, Database, make_engine, open_database
from desktop.store.datadir import db_path
from desktop.store.models import Base

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "secure_delete": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def read_pragmas(connection: Connection) -> dict[str, object]:
    return {name: connection.execute(text(f"PRAGMA {name}")).scalar() for name in PRAGMAS}


def test_busy_timeout_is_generous() -> None:
    assert BUSY_TIMEOUT_MS >= 5000


def test_pragmas_on_every_pooled_connection(db: Database) -> None:
    # Two connections open at once cannot be the same pooled one.
    with db.engine.connect() as first, db.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        assert read_pragmas(first) == PRAGMAS
        assert read_pragmas(second) == PRAGMAS


def test_pragmas_after_the_pool_is_emptied(db: Database) -> None:
    with db.engine.connect() as connection:
        assert read_pragmas(connection) == PRAGMAS
    db.engine.dispose()
    with db.engine.connect() as connection:
        assert read_pragmas(connection) == PRAGMAS


def test_pragmas_in_a_service_session(db: Database) -> None:
    with db.session() as session:
        assert read_pragmas(session.connection()) == PRAGMAS


def test_pragmas_on_a_fresh_engine(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "plain.sqlite3")
    try:
        with engine.connect() as connection:
            assert read_pragmas(connection) == PRAGMAS
    finally:
        engine.dispose()


def test_open_database_creates_the_file_at_head(data_dir: Path) -> None:
    path = db_path(data_dir)
    assert not path.exists()
    db = open_database(data_dir)
    try:
        assert db.path == path
        assert path.exists()
        assert schema.read_revision(path) == schema.HEAD
        assert schema.schema_state(path) == (schema.SchemaState.CURRENT, schema.HEAD)
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
    finally:
        db.close()
    # A second open of a current file neither migrates nor backs up.
    db = open_database(data_dir)
    db.close()
    assert not (data_dir / "backups").exists()


def test_open_database_on_a_current_file_does_not_run_alembic(
    db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("migrated a current database")

    monkeypatch.setattr(migrate, "upgrade_to_head", refuse)
    open_database(data_dir).close()


def test_revisions_match_alembic_history() -> None:
    assert list(schema.REVISIONS) == migrate.script_revisions()
    assert schema.REVISIONS[-1] == schema.HEAD
    assert migrate.script_revisions()[-1] == schema.HEAD
    assert schema.REVISIONS[0] == "0001"
    assert len(set(schema.REVISIONS)) == len(schema.REVISIONS)


def same_unless_not_a_varchar_length(_context, _inspected, _metadata, found, wanted):
    """A VARCHAR's length is the field's limit in the domain (models.py) and SQLite does not
    enforce it: a limit may change without a migration. Any other change of type counts."""
    if all(isinstance(t, String) and not isinstance(t, Text) for t in (found, wanted)):
        return False
    return None  # Alembic's own comparison


def test_models_match_migrations_at_head(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": same_unless_not_a_varchar_length,
                "compare_server_default": True,
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_the_model_check_still_sees_a_change_of_type(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    metadata = MetaData()
    Table("need", metadata, Column("id", Integer, primary_key=True), Column("title", Text))
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": same_unless_not_a_varchar_length}
        )
        changes = [c for c in compare_metadata(context, metadata) if isinstance(c, list)]
    assert [c[0][0] for c in changes] == ["modify_type"]  # VARCHAR(…) → TEXT is seen


def test_schema_state_of_a_missing_file(tmp_path: Path) -> None:
    assert schema.schema_state(tmp_path / "none.sqlite3") == (schema.SchemaState.MISSING, None)


def test_read_revision_does_not_create_a_file(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    with pytest.raises(sqlite.OperationalError):
        schema.read_revision(path)
    assert not path.exists()
