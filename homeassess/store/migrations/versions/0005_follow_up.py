"""follow-up visits: due date, installed items, as-installed measurements, outcomes, after photos

A follow-up is an ``assessment`` whose ``parent_id`` is the final assessment it follows up (the
column exists since 0001). New here:
- ``assessment.followup_due``: set when an original is finalised (NULL for every stored row: no
  date the clinician did not see appears);
- ``installation``: one per accepted recommendation carried into a follow-up;
- ``installed_measure``: the as-installed measurements of an installation;
- ``outcome`` and ``goal_score``: the outcome measures of a visit;
- ``photo.recommendation_id``: a follow-up's "after" photo of a recommendation (NULL for every stored photo).
Nothing stored is changed or removed. See docs/data-model.md and docs/follow-up.md.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INSTALL_STATUSES = "'not_checked', 'as_specified', 'deviations', 'partly', 'not_done'"
REASONS = "'cost', 'landlord_declined', 'client_declined', 'awaiting_funding', 'other'"
DIFFICULTIES = "'none', 'some', 'much', 'unable'"


def _fk(name: str, target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("followup_due", sa.Date(), nullable=True))
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recommendation_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_photo_recommendation", "recommendation", ["recommendation_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index("ix_photo_recommendation_id", ["recommendation_id"], unique=False)

    op.create_table(
        "installation",
        sa.Column("id", sa.Integer(), nullable=False),
        _fk("assessment_id", "assessment.id"),
        _fk("recommendation_id", "recommendation.id"),
        _fk("room_id", "room.id", nullable=True, ondelete="SET NULL"),
        sa.Column("status", sa.String(), nullable=False, server_default="not_checked"),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("reason_note", sa.String(), nullable=False, server_default=""),
        sa.Column("installed_on", sa.Date(), nullable=True),
        sa.Column("installed_by", sa.String(), nullable=False, server_default=""),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "recommendation_id", name="uq_installation_recommendation"),
        sa.CheckConstraint(f"status IN ({INSTALL_STATUSES})", name="ck_installation_status"),
        sa.CheckConstraint(f"reason IS NULL OR reason IN ({REASONS})", name="ck_installation_reason"),
    )
    for column in ("assessment_id", "recommendation_id", "room_id"):
        op.create_index(f"ix_installation_{column}", "installation", [column])

    op.create_table(
        "installed_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        _fk("installation_id", "installation.id"),
        sa.Column("check_id", sa.String(), nullable=False),
        sa.Column("value_text", sa.String(), nullable=False, server_default=""),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("verdict", sa.String(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("installation_id", "check_id", name="uq_installed_measure_check"),
    )
    op.create_index("ix_installed_measure_installation_id", "installed_measure", ["installation_id"])

    op.create_table(
        "outcome",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=True),
        sa.Column("falls_3m", sa.Integer(), nullable=True),
        sa.Column("fall_concern", sa.Integer(), nullable=True),
        sa.Column("instrument", sa.String(), nullable=False, server_default=""),
        sa.Column("instrument_score", sa.String(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("assessment_id"),
        sa.CheckConstraint("fall_concern IS NULL OR fall_concern BETWEEN 0 AND 10", name="ck_outcome_concern"),
        sa.CheckConstraint("falls_3m IS NULL OR falls_3m >= 0", name="ck_outcome_falls"),
    )

    op.create_table(
        "goal_score",
        sa.Column("id", sa.Integer(), nullable=False),
        _fk("assessment_id", "assessment.id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("goal", sa.String(), nullable=False, server_default=""),
        sa.Column("performance", sa.Integer(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("difficulty", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "position", name="uq_goal_score_position"),
        sa.CheckConstraint("performance IS NULL OR performance BETWEEN 1 AND 10", name="ck_goal_score_performance"),
        sa.CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10", name="ck_goal_score_satisfaction"),
        sa.CheckConstraint(f"difficulty IS NULL OR difficulty IN ({DIFFICULTIES})", name="ck_goal_score_difficulty"),
    )
    op.create_index("ix_goal_score_assessment_id", "goal_score", ["assessment_id"])


def downgrade() -> None:
    op.drop_table("goal_score")
    op.drop_table("outcome")
    op.drop_table("installed_measure")
    op.drop_table("installation")
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index("ix_photo_recommendation_id")
        batch_op.drop_constraint("fk_photo_recommendation", type_="foreignkey")
        batch_op.drop_column("recommendation_id")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_column("followup_due")
