"""keep the entrance's lighting decisions: lighting_upgrade there becomes exterior_lighting

The library's "Brighter, even lighting" (``lighting_upgrade``) was proposed in every room, with one text that
named counter task lights and outside motion-sensor lights wherever it went. It is now three entries: interior
lighting (``lighting_upgrade``), task lighting at the counter (``task_lighting``) and outside lighting
(``exterior_lighting``), and at the entrance only the outside one is proposed. A clinician's decision on the
entrance's ``lighting_upgrade`` (accepted or dismissed, with any edited text) would otherwise match no proposal
and drop out of the review and the reports, a finalised assessment's included; it is moved to
``exterior_lighting``, the entry that answers the same findings there. Elsewhere ``lighting_upgrade`` is still
proposed for the same answers it was. See docs/data-model.md.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_MOVE = ("UPDATE recommendation SET library_id = '{new}' WHERE custom = 0 AND library_id = '{old}'"
         " AND room_id IN (SELECT id FROM room WHERE room_type = 'entrance')"
         " AND NOT EXISTS (SELECT 1 FROM recommendation other WHERE other.room_id = recommendation.room_id"
         " AND other.custom = 0 AND other.library_id = '{new}')")


def upgrade() -> None:
    op.execute(_MOVE.format(old="lighting_upgrade", new="exterior_lighting"))


def downgrade() -> None:
    op.execute(_MOVE.format(old="exterior_lighting", new="lighting_upgrade"))
