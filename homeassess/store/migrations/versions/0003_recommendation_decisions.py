"""recommendations become decisions: proposals are derived, only the clinician's choices are stored

A ``recommendation`` row is now a decision about one library entry in one room (accepted,
dismissed, or edited while still proposed), or a custom recommendation. Text columns are
nullable: NULL means "as the library and the finding say", a value is a field the clinician
changed. Proposals nobody touched are derived from the responses and no longer stored.

Kept: every custom row, every accepted or dismissed row, and every proposed row the clinician
edited (its ``updated_at`` is later than its ``created_at``); their text stays as it was, so
nothing the clinician saw or wrote changes. Removed: untouched proposals (derived now).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("title", "specification", "rationale", "plain", "category", "priority", "responsible", "cost_source")


def upgrade() -> None:
    bind = op.get_bind()
    # Untouched proposals: created and last updated within the same second, never decided.
    bind.exec_driver_sql(
        "DELETE FROM recommendation WHERE custom = 0 AND status = 'proposed' "
        "AND (julianday(updated_at) - julianday(created_at)) * 86400.0 < 1.0"
    )
    # One decision per library entry per room: should an older store hold two, keep the decided one.
    bind.exec_driver_sql(
        "DELETE FROM recommendation WHERE library_id IS NOT NULL AND custom = 0 AND id NOT IN ("
        " SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY room_id, library_id"
        "  ORDER BY CASE status WHEN 'proposed' THEN 1 ELSE 0 END, id) AS n"
        "  FROM recommendation WHERE library_id IS NOT NULL AND custom = 0) WHERE n = 1)"
    )
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.alter_column(name, existing_type=sa.String(), nullable=True)
        batch_op.create_index(
            "uq_recommendation_room_library", ["room_id", "library_id"], unique=True,
            sqlite_where=sa.text("custom = 0"),
        )
    # The home list now counts findings (answers that fail or are advisory) instead of stored proposals.
    op.create_index("ix_response_room_verdict", "response", ["room_id", "verdict"])


def downgrade() -> None:
    op.drop_index("ix_response_room_verdict", table_name="response")
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.drop_index("uq_recommendation_room_library")
    for name, default in (("title", "''"), ("specification", "''"), ("rationale", "''"), ("plain", "''"),
                          ("category", "''"), ("priority", "'medium'"), ("responsible", "''"), ("cost_source", "''")):
        op.get_bind().exec_driver_sql(f"UPDATE recommendation SET {name} = {default} WHERE {name} IS NULL")
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.alter_column(name, existing_type=sa.String(), nullable=False)
