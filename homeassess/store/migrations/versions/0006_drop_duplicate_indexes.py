"""drop two indexes that repeat the first column of others

``ix_response_room_id`` (response.room_id) is the first column of ``uq_response_room_item`` and of
``ix_response_room_verdict``; ``ix_recommendation_assessment_id`` (recommendation.assessment_id) is the
first column of ``ix_recommendation_assessment_status``. SQLite uses those for every lookup the single-column
indexes served (the foreign keys' cascades among them), so the duplicates only cost: one more page written
for every answer first typed or cleared and every decision, and about 4 KB of store per assessment.
Nothing stored is changed. See docs/data-model.md.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DUPLICATES = {"ix_response_room_id": ("response", "room_id"), "ix_recommendation_assessment_id": ("recommendation", "assessment_id")}


def upgrade() -> None:
    for name in DUPLICATES:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    for name, (table, column) in DUPLICATES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})")
