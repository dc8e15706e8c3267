"""Roster: neighborhood, grids, buildings, people and their roles.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "neighborhood",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("community", sa.String(80), nullable=False),
        sa.Column("street", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_neighborhood"),
    )
    op.create_table(
        "grid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_grid"),
        sa.UniqueConstraint("name", name="uq_grid_name"),
    )
    op.create_table(
        "building",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("unit_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grid.id"], name="fk_building_grid_id_grid", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_building"),
        sa.UniqueConstraint("name", name="uq_building_name"),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("room", sa.String(40), nullable=False),
        sa.Column("is_party_member", sa.Boolean(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("talent_rights", sa.String(80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "search_text",
            sa.Text(),
            sa.Computed("name || ' ' || phone || ' ' || room", persisted=True),
        ),
        sa.ForeignKeyConstraint(
            ["building_id"],
            ["building.id"],
            name="fk_person_building_id_building",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
        sa.UniqueConstraint("uuid", name="uq_person_uuid"),
    )
    op.create_index("ix_person_building_id", "person", ["building_id"])
    op.create_index(
        "ix_person_live",
        "person",
        ["name", "search_text", "deleted_at"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_person_trash", "person", ["deleted_at"], sqlite_where=sa.text("deleted_at IS NOT NULL")
    )
    op.create_table(
        "person_role",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_person_role_person_id_person",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "role", name="pk_person_role"),
    )
    op.create_index("ix_person_role_role", "person_role", ["role", "person_id"])


def downgrade() -> None:
    op.drop_table("person_role")
    op.drop_table("person")
    op.drop_table("building")
    op.drop_table("grid")
    op.drop_table("neighborhood")
