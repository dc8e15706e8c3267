"""The date of a need's return visit (回访日期).

Plain ADD COLUMN, as in 0006–0008: SQLite cannot copy into the generated search_text column,
and the street office accepts only a schema the app writes the same way every time.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("need", sa.Column("followed_up_on", sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column("need", "followed_up_on")
