"""Neighborhood compacts (邻里公约) and their versions.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("search_text", sa.Text(), sa.Computed("title", persisted=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compact")),
        sa.UniqueConstraint("uuid", name=op.f("uq_compact_uuid")),
    )
    with op.batch_alter_table("compact", schema=None) as batch_op:
        batch_op.create_index(
            "ix_compact_live",
            ["title", "deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_compact_trash",
            ["deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NOT NULL"),
        )

    op.create_table(
        "compact_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("compact_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("preamble", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("closing", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("votes_abstain", sa.Integer(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["compact_id"],
            ["compact.id"],
            name=op.f("fk_compact_version_compact_id_compact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_compact_version_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compact_version")),
        sa.UniqueConstraint("compact_id", "number", name="uq_compact_version_number"),
    )
    with op.batch_alter_table("compact_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_compact_version_compact_id"), ["compact_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("compact_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compact_version_compact_id"))

    op.drop_table("compact_version")
    with op.batch_alter_table("compact", schema=None) as batch_op:
        batch_op.drop_index("ix_compact_trash", sqlite_where=sa.text("deleted_at IS NOT NULL"))
        batch_op.drop_index("ix_compact_live", sqlite_where=sa.text("deleted_at IS NULL"))

    op.drop_table("compact")
