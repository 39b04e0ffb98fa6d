"""The clinician's recommendation decisions, and their own recommendations.

Proposals are derived (``services/proposals.py``); what is stored is what the clinician did
to them. Everything goes through ``apply``: one transaction sets some decisions to given
states (or removes them) and returns their previous states, which is how every change is
undone and redone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Connection, Engine, Row, and_, or_
from sqlalchemy import select as sa_select

from homeassess.domain.vocabulary import RECOMMENDATION_FIELDS, RecommendationStatus
from homeassess.store.repositories.session import AuditEntry, write_connection
from homeassess.store.tables import AssessmentRow, RecommendationRow, stored_id, table_of, utcnow

# A decision stores only the fields the clinician changed (custom: all of them).
FIELDS = RECOMMENDATION_FIELDS
_RECOMMENDATION = table_of(RecommendationRow)
_ASSESSMENT = table_of(AssessmentRow)


@dataclass(frozen=True)
class Decision:
    """What the clinician decided about one recommendation (plain data, no table row)."""

    assessment_id: int
    room_id: int | None
    library_id: str | None
    status: RecommendationStatus
    custom: bool = False
    item_id: str | None = None
    position: int = 0
    overrides: Mapping[str, object] = field(default_factory=dict)
    id: int | None = None

    @property
    def ref(self) -> str:
        return decision_ref(self.room_id, self.library_id, self.id if self.custom else None)

    def with_overrides(self, **changes: object) -> Decision:
        return replace(self, overrides={**self.overrides, **changes})


def decision_ref(room_id: int | None, library_id: str | None, custom_id: int | None = None) -> str:
    """The stable name of a recommendation: ``"12:grab_bar_toilet_side"`` or ``"custom:7"``."""
    if custom_id is not None:
        return f"custom:{custom_id}"
    return f"{room_id}:{library_id}"


class RecommendationRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def decisions(self, assessment_id: int) -> list[Decision]:
        # Plain column tuples, not ORM objects: the review reads every decision on each refresh.
        table = _RECOMMENDATION
        query = (
            table.select().where(table.c.assessment_id == assessment_id).order_by(table.c.position, table.c.id)
        )
        with self.engine.connect() as conn:
            return [_decision(row) for row in conn.execute(query)]

    def statuses_in_room(self, room_id: int) -> dict[str, RecommendationStatus]:
        """The room's decisions on library proposals, library id → status (the walk names them beside the fields)."""
        c = _RECOMMENDATION.c
        query = sa_select(c.library_id, c.status).where(c.room_id == room_id, c.custom.is_(False), c.library_id.is_not(None))
        with self.engine.connect() as conn:
            return {str(library_id): RecommendationStatus(str(status)) for library_id, status in conn.execute(query)}

    def decision(self, decision_id: int) -> Decision | None:
        """One stored decision by its id (a follow-up's installed item names it)."""
        with self.engine.connect() as conn:
            row = conn.execute(_RECOMMENDATION.select().where(_RECOMMENDATION.c.id == decision_id)).first()
        return _decision(row) if row is not None else None

    def apply(
        self, assessment_id: int, states: Mapping[str, Decision | None], audit: AuditEntry | None = None
    ) -> dict[str, Decision | None]:
        """Set each ref to its decision (None: no decision) in one transaction; return the previous states.

        A new custom recommendation is given as ref ``"custom:new"``; the returned mapping then
        names it by its real ref (previous state None). Core statements, not the ORM: every accept,
        dismiss and undo in the review comes here (benchmarks/scenarios/review_actions.py).
        """
        now = utcnow()
        table = _RECOMMENDATION
        with write_connection(self.engine, audit) as conn:
            rows = _rows_of(conn, assessment_id, [ref for ref in states if ref != "custom:new"])
            previous: dict[str, Decision | None] = {}
            for ref, wanted in states.items():
                row = rows.get(ref)
                if ref != "custom:new":
                    previous[ref] = _decision(row) if row is not None else None
                if wanted is None:
                    if row is not None:
                        conn.execute(table.delete().where(table.c.id == row.id))
                    continue
                if row is not None:
                    conn.execute(table.update().where(table.c.id == row.id).values(**_values(wanted, now)))
                    continue
                kept_id = {"id": wanted.id} if wanted.custom and wanted.id is not None else {}
                inserted = conn.execute(table.insert().values(assessment_id=assessment_id, created_at=now, **kept_id,
                                                              **_values(wanted, now)))
                if ref == "custom:new":
                    previous[f"custom:{stored_id(inserted.lastrowid)}"] = None
            conn.execute(_ASSESSMENT.update().where(_ASSESSMENT.c.id == assessment_id).values(updated_at=now))
            return previous


def _rows_of(conn: Connection, assessment_id: int, refs: list[str]) -> dict[str, Row]:
    """The stored decisions named by ``refs`` (only those: an assessment may hold hundreds)."""
    custom_ids = [int(ref.split(":", 1)[1]) for ref in refs if ref.startswith("custom:")]
    pairs = [ref.split(":", 1) for ref in refs if not ref.startswith("custom:")]
    c = _RECOMMENDATION.c
    conditions = [and_(c.room_id == int(room), c.library_id == library, c.custom.is_(False)) for room, library in pairs]
    if custom_ids:
        conditions.append(and_(c.id.in_(custom_ids), c.custom.is_(True)))
    if not conditions:
        return {}
    query = sa_select(_RECOMMENDATION).where(c.assessment_id == assessment_id, or_(*conditions))
    return {_decision(row).ref: row for row in conn.execute(query)}


def _decision(row: Row) -> Decision:
    overrides = {name: getattr(row, name) for name in FIELDS if getattr(row, name) is not None}
    return Decision(
        assessment_id=row.assessment_id, room_id=row.room_id, library_id=row.library_id,
        status=RecommendationStatus(row.status),
        custom=row.custom, item_id=row.item_id, position=row.position, overrides=overrides, id=row.id,
    )


def _values(decision: Decision, now: datetime) -> dict[str, object]:
    """The columns a decision sets (every override field: NULL where the clinician changed nothing)."""
    return {
        "room_id": decision.room_id, "item_id": decision.item_id, "library_id": decision.library_id,
        "status": decision.status.value, "custom": decision.custom, "position": decision.position,
        **{name: decision.overrides.get(name) for name in FIELDS}, "updated_at": now,
    }
