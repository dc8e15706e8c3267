"""A uuid on every record with a surrogate key, and the merge_conflict table.

Two copies of one data folder (the office PC and the secretary's laptop) are merged by joining
their records on uuid. Rows that existed before the copy was made must get the *same* uuid on
both PCs even though each PC runs this upgrade on its own, so the uuid is derived from the row's
place (its table, its id and its owner's uuid, or its unique name) instead of drawn at random.
Rows added after this revision get a random uuid from the models' default.

Link tables whose primary key is the pair they link (project_need, person_role, …) need none:
the pair of uuids is their identity. ``draft`` gets none: an autosaved form belongs to one PC.

Revision ID: 0007
Revises: 0006
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Fixed forever: changing it would give the same row different uuids on two PCs.
NAMESPACE = uuid.UUID("8f0b6a52-3c1e-4d7a-9b2f-5e6c1d0a7b34")

# table -> (owner table, foreign key to it) or (None, unique name column or None), in an
# order where every owner comes before the rows it owns.
TABLES: tuple[tuple[str, str | None, str | None], ...] = (
    ("neighborhood", None, None),
    ("grid", None, "name"),
    ("building", None, "name"),
    ("need_category", None, "name"),
    ("project_party", "project", "project_id"),
    ("need_status_change", "need", "need_id"),
    ("meeting_action", "meeting", "meeting_id"),
    ("meeting_amendment", "meeting", "meeting_id"),
    ("meeting_topic", "meeting", "meeting_id"),
    ("meeting_participant", "meeting", "meeting_id"),
    ("compact_version", "compact", "compact_id"),
    ("committee_term", "organization", "organization_id"),
    ("committee_member", "committee_term", "term_id"),
    ("evaluation_score", "evaluation", "evaluation_id"),
    ("cross_appointment", "organization", "organization_id"),
    ("talent_cultivation", "person", "person_id"),
    ("talent_right_use", "person", "person_id"),
    ("patrol_finding", "patrol", "patrol_id"),
    ("station_service", "resource", "resource_id"),
)


def derived_uuid(table: str, row_id: int, anchor: str | None) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{table}:{anchor or ''}:{row_id}"))


def upgrade() -> None:
    conn = op.get_bind()
    for table, owner, column in TABLES:
        # ADD COLUMN and a separate unique index, not a batch rebuild: a rebuilt table's SQL
        # lists its constraints in an order that varies from run to run, and the street
        # office accepts only a schema the app writes the same way every time. SQLite adds a
        # NOT NULL column only with a constant default, so the column allows NULL; the
        # models always fill it.
        op.add_column(table, sa.Column("uuid", sa.String(length=36), nullable=True))
        if owner is not None:
            query = (
                f'SELECT t.id, o.uuid FROM "{table}" t LEFT JOIN "{owner}" o ON o.id = t.{column}'
            )
        elif column is not None:
            query = f'SELECT id, "{column}" FROM "{table}"'
        else:
            query = f'SELECT id, NULL FROM "{table}"'
        rows = conn.exec_driver_sql(query).fetchall()
        if rows:
            conn.exec_driver_sql(
                f'UPDATE "{table}" SET uuid = ? WHERE id = ?',
                [(derived_uuid(table, row_id, anchor), row_id) for row_id, anchor in rows],
            )
        op.create_index(f"ix_{table}_uuid", table, ["uuid"], unique=True)

    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("record_table", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kept_side", sa.String(length=10), nullable=False),
        sa.Column("kept_values", sa.Text(), nullable=False),
        sa.Column("other_values", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kept_side IN ('here','there')", name=op.f("ck_merge_conflict_kept_side")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
        sa.UniqueConstraint("uuid", name=op.f("uq_merge_conflict_uuid")),
    )
    with op.batch_alter_table("merge_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merge_conflict_merged_at"), ["merged_at"])
        batch_op.create_index(batch_op.f("ix_merge_conflict_record_uuid"), ["record_uuid"])


def downgrade() -> None:
    op.drop_table("merge_conflict")
    for table, _owner, _column in reversed(TABLES):
        op.drop_index(f"ix_{table}_uuid", table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("uuid")
