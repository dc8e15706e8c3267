"""Partner units and the 三个一, committee terms, cross-appointments, evaluations, patrols,
self-organizations' members and activities, rest stations, talents; the dispute flag on needs.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patrol",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol")),
        sa.UniqueConstraint("uuid", name=op.f("uq_patrol_uuid")),
    )
    with op.batch_alter_table("patrol", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrol_held_on"), ["held_on"], unique=False)

    op.create_table(
        "committee_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("formed_on", sa.Date(), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_committee_term_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_term")),
    )
    with op.batch_alter_table("committee_term", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_term_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "evaluation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=False),
        sa.Column("evaluators", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_evaluation_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_evaluation_uuid")),
    )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "organization_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_organization_activity_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization_activity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_organization_activity_uuid")),
    )
    with op.batch_alter_table("organization_activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_organization_activity_org", ["organization_id", "held_on"], unique=False
        )

    op.create_table(
        "partner_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('pairing','practical_service','dispute_mediation')",
            name=op.f("ck_partner_activity_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_partner_activity_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_activity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_partner_activity_uuid")),
    )
    with op.batch_alter_table("partner_activity", schema=None) as batch_op:
        batch_op.create_index("ix_partner_activity_kind", ["kind", "held_on"], unique=False)
        batch_op.create_index(
            "ix_partner_activity_org", ["organization_id", "held_on"], unique=False
        )

    op.create_table(
        "partner_agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_partner_agreement_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_agreement")),
        sa.UniqueConstraint("uuid", name=op.f("uq_partner_agreement_uuid")),
    )
    with op.batch_alter_table("partner_agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_agreement_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partner_agreement_signed_on"), ["signed_on"], unique=False
        )

    op.create_table(
        "evaluation_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name=op.f("ck_evaluation_score_score")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_score_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_score")),
    )
    with op.batch_alter_table("evaluation_score", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_score_evaluation_id"), ["evaluation_id"], unique=False
        )

    op.create_table(
        "partner_activity_project",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["partner_activity.id"],
            name=op.f("fk_partner_activity_project_activity_id_partner_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_partner_activity_project_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "activity_id", "project_id", name=op.f("pk_partner_activity_project")
        ),
    )
    with op.batch_alter_table("partner_activity_project", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_activity_project_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "committee_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.String(length=40), nullable=False),
        sa.Column("is_party_member", sa.Boolean(), nullable=False),
        sa.Column("position_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_committee_member_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["committee_term.id"],
            name=op.f("fk_committee_member_term_id_committee_term"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_member")),
    )
    with op.batch_alter_table("committee_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_member_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_committee_member_term_id"), ["term_id"], unique=False)

    op.create_table(
        "cross_appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("branch_post", sa.String(length=80), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("post", sa.String(length=80), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_cross_appointment_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_cross_appointment_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cross_appointment")),
    )
    with op.batch_alter_table("cross_appointment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cross_appointment_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cross_appointment_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "organization_member",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_organization_member_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_organization_member_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organization_id", "person_id", name=op.f("pk_organization_member")
        ),
    )
    with op.batch_alter_table("organization_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organization_member_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "talent_cultivation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('training','role')", name=op.f("ck_talent_cultivation_kind")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_talent_cultivation_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talent_cultivation")),
    )
    with op.batch_alter_table("talent_cultivation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_talent_cultivation_happened_on"), ["happened_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_talent_cultivation_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "talent_right_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("right", sa.String(length=20), nullable=False),
        sa.Column("used_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "source IN ('meeting','project','evaluation','other')",
            name=op.f("ck_talent_right_use_source"),
        ),
        sa.CheckConstraint(
            "\"right\" IN ('deliberation','suggestion','supervision','evaluation')",
            name=op.f("ck_talent_right_use_right"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_talent_right_use_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talent_right_use")),
    )
    with op.batch_alter_table("talent_right_use", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_talent_right_use_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "partner_activity_need",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["partner_activity.id"],
            name=op.f("fk_partner_activity_need_activity_id_partner_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["need_id"],
            ["need.id"],
            name=op.f("fk_partner_activity_need_need_id_need"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "need_id", name=op.f("pk_partner_activity_need")),
    )
    with op.batch_alter_table("partner_activity_need", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_activity_need_need_id"), ["need_id"], unique=False
        )

    op.create_table(
        "patrol_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patrol_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("building", sa.String(length=80), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"],
            ["need.id"],
            name=op.f("fk_patrol_finding_need_id_need"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patrol_id"],
            ["patrol.id"],
            name=op.f("fk_patrol_finding_patrol_id_patrol"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_finding")),
    )
    with op.batch_alter_table("patrol_finding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrol_finding_need_id"), ["need_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_patrol_finding_patrol_id"), ["patrol_id"], unique=False
        )

    op.create_table(
        "station_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("riders_served", sa.Integer(), nullable=False),
        sa.Column("services", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resource.id"],
            name=op.f("fk_station_service_resource_id_resource"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_service")),
        sa.UniqueConstraint("resource_id", "month", name="uq_station_service_month"),
    )
    # Plain ADD COLUMN: batch mode would copy these tables, and SQLite refuses to copy into
    # their generated search_text column.
    op.add_column(
        "need", sa.Column("is_dispute", sa.Boolean(), server_default=sa.text("0"), nullable=False)
    )
    op.add_column("organization", sa.Column("partner_type", sa.String(length=20), nullable=True))
    op.add_column("organization", sa.Column("incubated_on", sa.Date(), nullable=True))
    op.add_column("person", sa.Column("talent_discovered_on", sa.Date(), nullable=True))
    op.add_column(
        "resource",
        sa.Column("is_rest_station", sa.Boolean(), server_default=sa.text("0"), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("resource", "is_rest_station")
    op.drop_column("person", "talent_discovered_on")
    op.drop_column("organization", "incubated_on")
    op.drop_column("organization", "partner_type")
    op.drop_column("need", "is_dispute")
    op.drop_table("station_service")
    with op.batch_alter_table("patrol_finding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_finding_patrol_id"))
        batch_op.drop_index(batch_op.f("ix_patrol_finding_need_id"))

    op.drop_table("patrol_finding")
    with op.batch_alter_table("partner_activity_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_activity_need_need_id"))

    op.drop_table("partner_activity_need")
    with op.batch_alter_table("talent_right_use", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talent_right_use_person_id"))

    op.drop_table("talent_right_use")
    with op.batch_alter_table("talent_cultivation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talent_cultivation_person_id"))
        batch_op.drop_index(batch_op.f("ix_talent_cultivation_happened_on"))

    op.drop_table("talent_cultivation")
    with op.batch_alter_table("organization_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_member_person_id"))

    op.drop_table("organization_member")
    with op.batch_alter_table("cross_appointment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cross_appointment_person_id"))
        batch_op.drop_index(batch_op.f("ix_cross_appointment_organization_id"))

    op.drop_table("cross_appointment")
    with op.batch_alter_table("committee_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_member_term_id"))
        batch_op.drop_index(batch_op.f("ix_committee_member_person_id"))

    op.drop_table("committee_member")
    with op.batch_alter_table("partner_activity_project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_activity_project_project_id"))

    op.drop_table("partner_activity_project")
    with op.batch_alter_table("evaluation_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_score_evaluation_id"))

    op.drop_table("evaluation_score")
    with op.batch_alter_table("partner_agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_agreement_signed_on"))
        batch_op.drop_index(batch_op.f("ix_partner_agreement_organization_id"))

    op.drop_table("partner_agreement")
    with op.batch_alter_table("partner_activity", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_activity_org")
        batch_op.drop_index("ix_partner_activity_kind")

    op.drop_table("partner_activity")
    with op.batch_alter_table("organization_activity", schema=None) as batch_op:
        batch_op.drop_index("ix_organization_activity_org")

    op.drop_table("organization_activity")
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_organization_id"))

    op.drop_table("evaluation")
    with op.batch_alter_table("committee_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_term_organization_id"))

    op.drop_table("committee_term")
    with op.batch_alter_table("patrol", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_held_on"))

    op.drop_table("patrol")
