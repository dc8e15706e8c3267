"""The three lists: needs (with categories and status history), resources, projects
(with their parties and links to needs and resources).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

# A copy, not an import: a migration must not change when the app's defaults do.
DEFAULT_CATEGORIES = (
    "物业服务",
    "环境卫生",
    "停车交通",
    "噪音扰民",
    "安全隐患",
    "设施维修",
    "邻里纠纷",
    "养老助老",
    "托育教育",
    "其他",
)

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "need_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need_category")),
        sa.UniqueConstraint("name", name=op.f("uq_need_category_name")),
    )
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("stage", sa.String(length=30), nullable=False),
        sa.Column("stop_reason", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("budget_fen", sa.Integer(), nullable=False),
        sa.Column("spent_fen", sa.Integer(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("acceptance_note", sa.Text(), nullable=False),
        sa.Column("rating_count", sa.Integer(), nullable=False),
        sa.Column("rating_average_centi", sa.Integer(), nullable=True),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("search_text", sa.Text(), sa.Computed("title", persisted=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("uuid", name=op.f("uq_project_uuid")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_kind"), ["kind"], unique=False)
        batch_op.create_index(
            "ix_project_live",
            ["registered_on", "search_text", "deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_project_stage"), ["stage"], unique=False)
        batch_op.create_index(
            "ix_project_trash",
            ["deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NOT NULL"),
        )

    op.create_table(
        "need",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("raised_by", sa.String(length=80), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("building", sa.String(length=80), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("room", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("urgency", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("handled_by", sa.String(length=80), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(length=30), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "search_text",
            sa.Text(),
            sa.Computed(
                "title || ' ' || raised_by || ' ' || phone || ' ' || building || ' '"
                " || room || ' ' || handled_by",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["need_category.id"],
            name=op.f("fk_need_category_id_need_category"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_need_person_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need")),
        sa.UniqueConstraint("uuid", name=op.f("uq_need_uuid")),
    )
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_need_building"), ["building"], unique=False)
        batch_op.create_index(batch_op.f("ix_need_category_id"), ["category_id"], unique=False)
        batch_op.create_index(
            "ix_need_live",
            ["registered_on", "search_text", "deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_need_open",
            ["status", "due_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_need_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "ix_need_trash",
            ["deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NOT NULL"),
        )

    op.create_table(
        "project_party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_project_party_organization_id_organization"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_project_party_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_party_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_party")),
    )
    with op.batch_alter_table("project_party", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_project_party_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_project_party_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_project_party_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("provider_kind", sa.String(length=30), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("availability", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column(
            "search_text",
            sa.Text(),
            sa.Computed(
                "title || ' ' || provider || ' ' || availability || ' ' || contact || ' ' || phone",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_resource_organization_id_organization"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_resource_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource")),
        sa.UniqueConstraint("uuid", name=op.f("uq_resource_uuid")),
    )
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_kind"), ["kind"], unique=False)
        batch_op.create_index(
            "ix_resource_live",
            ["registered_on", "search_text", "deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_resource_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resource_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "ix_resource_trash",
            ["deleted_at"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NOT NULL"),
        )

    op.create_table(
        "need_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"],
            ["need.id"],
            name=op.f("fk_need_status_change_need_id_need"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need_status_change")),
    )
    with op.batch_alter_table("need_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_need_status_change_need_id"), ["need_id"], unique=False
        )

    op.create_table(
        "project_need",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"], ["need.id"], name=op.f("fk_project_need_need_id_need"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_need_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "need_id", name=op.f("pk_project_need")),
    )
    with op.batch_alter_table("project_need", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_need_need_id"), ["need_id"], unique=False)

    op.create_table(
        "project_resource",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_resource_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resource.id"],
            name=op.f("fk_project_resource_resource_id_resource"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "resource_id", name=op.f("pk_project_resource")),
    )
    with op.batch_alter_table("project_resource", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_project_resource_resource_id"), ["resource_id"], unique=False
        )

    # The editable category list starts with the reform's usual categories.
    categories = sa.table("need_category", sa.column("name"), sa.column("position"))
    op.bulk_insert(
        categories, [{"name": name, "position": i} for i, name in enumerate(DEFAULT_CATEGORIES)]
    )


def downgrade() -> None:
    with op.batch_alter_table("project_resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_resource_resource_id"))

    op.drop_table("project_resource")
    with op.batch_alter_table("project_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_need_need_id"))

    op.drop_table("project_need")
    with op.batch_alter_table("need_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_need_status_change_need_id"))

    op.drop_table("need_status_change")
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_index("ix_resource_trash", sqlite_where=sa.text("deleted_at IS NOT NULL"))
        batch_op.drop_index(batch_op.f("ix_resource_person_id"))
        batch_op.drop_index(batch_op.f("ix_resource_organization_id"))
        batch_op.drop_index("ix_resource_live", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index(batch_op.f("ix_resource_kind"))

    op.drop_table("resource")
    with op.batch_alter_table("project_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_party_project_id"))
        batch_op.drop_index(batch_op.f("ix_project_party_person_id"))
        batch_op.drop_index(batch_op.f("ix_project_party_organization_id"))

    op.drop_table("project_party")
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.drop_index("ix_need_trash", sqlite_where=sa.text("deleted_at IS NOT NULL"))
        batch_op.drop_index(batch_op.f("ix_need_person_id"))
        batch_op.drop_index("ix_need_open", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index("ix_need_live", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index(batch_op.f("ix_need_category_id"))
        batch_op.drop_index(batch_op.f("ix_need_building"))

    op.drop_table("need")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index("ix_project_trash", sqlite_where=sa.text("deleted_at IS NOT NULL"))
        batch_op.drop_index(batch_op.f("ix_project_stage"))
        batch_op.drop_index("ix_project_live", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index(batch_op.f("ix_project_kind"))

    op.drop_table("project")
    op.drop_table("need_category")
