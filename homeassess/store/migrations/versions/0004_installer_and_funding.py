"""recommendations: who installs and who pays are separate fields

Three nullable columns on ``recommendation``: ``installer`` (NULL: as the library's party
suggests), ``funding`` (NULL: to be agreed) and ``funding_program`` (the grant or program's
name). Existing rows keep NULL in all three, so no stored recommendation gains a payer the
clinician did not choose.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ("installer", "funding", "funding_program")


def upgrade() -> None:
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)
