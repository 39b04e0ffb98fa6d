"""index recommendations by assessment and status (home screen counts)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_recommendation_assessment_status", "recommendation", ["assessment_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_recommendation_assessment_status", table_name="recommendation")
