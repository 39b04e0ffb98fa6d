"""Outcome measures of a visit (``outcome``) and the client's goal scores (``goal_score``), as plain records.

Every write is one transaction with its audit line, moves the assessment's ``updated_at`` and
returns what was there before (None: nothing), which is how it is undone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import Connection, Engine, func
from sqlalchemy import select as sa_select

from homeassess.store.repositories.session import AuditEntry, write_connection
from homeassess.store.tables import AssessmentRow, GoalScoreRow, OutcomeRow, ResponseRow, RoomRow, table_of, utcnow

_ASSESSMENT = table_of(AssessmentRow)
_OUTCOME = table_of(OutcomeRow)
_GOAL = table_of(GoalScoreRow)
_RESPONSE = table_of(ResponseRow)
_ROOM = table_of(RoomRow)


@dataclass(frozen=True)
class OutcomeRecord:
    recorded_on: date | None = None
    falls_3m: int | None = None
    fall_concern: int | None = None
    instrument: str = ""
    instrument_score: str = ""


@dataclass(frozen=True)
class GoalScoreRecord:
    position: int
    goal: str
    performance: int | None
    satisfaction: int | None
    difficulty: str | None


class OutcomeRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def measures(self, assessment_id: int) -> OutcomeRecord | None:
        with self.engine.connect() as conn:
            return _measures(conn, assessment_id)

    def goals(self, assessment_id: int) -> list[GoalScoreRecord]:
        g = _GOAL.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa_select(g.position, g.goal, g.performance, g.satisfaction, g.difficulty)
                                .where(g.assessment_id == assessment_id).order_by(g.position)).mappings().all()
        return [GoalScoreRecord(**row) for row in rows]

    def failing_findings(self, assessment_id: int) -> int:
        """Answers of the assessment's checklist whose verdict is FAILS."""
        query = (sa_select(func.count()).select_from(_RESPONSE).join(_ROOM, _ROOM.c.id == _RESPONSE.c.room_id)
                 .where(_ROOM.c.assessment_id == assessment_id, _RESPONSE.c.verdict == "fails"))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar() or 0)

    def set_measures(self, assessment_id: int, record: OutcomeRecord | None,
                     audit: AuditEntry | None = None) -> OutcomeRecord | None:
        """Store (None: remove) the visit's outcome measures; returns the previous ones."""
        with write_connection(self.engine, audit) as conn:
            previous = _measures(conn, assessment_id)
            conn.execute(_OUTCOME.delete().where(_OUTCOME.c.assessment_id == assessment_id))
            if record is not None:
                conn.execute(_OUTCOME.insert().values(assessment_id=assessment_id, **asdict(record)))
            _touch(conn, assessment_id)
            return previous

    def set_goal(self, assessment_id: int, position: int, record: GoalScoreRecord | None,
                 audit: AuditEntry | None = None) -> GoalScoreRecord | None:
        """Store (None: remove) the score of the goal at ``position``; returns the previous one."""
        g = _GOAL.c
        with write_connection(self.engine, audit) as conn:
            row = conn.execute(sa_select(g.position, g.goal, g.performance, g.satisfaction, g.difficulty)
                               .where(g.assessment_id == assessment_id, g.position == position)).mappings().first()
            previous = GoalScoreRecord(**row) if row is not None else None
            conn.execute(_GOAL.delete().where(g.assessment_id == assessment_id, g.position == position))
            if record is not None:
                conn.execute(_GOAL.insert().values(assessment_id=assessment_id, **asdict(record)))
            _touch(conn, assessment_id)
            return previous


def _measures(conn: Connection, assessment_id: int) -> OutcomeRecord | None:
    o = _OUTCOME.c
    row = conn.execute(sa_select(o.recorded_on, o.falls_3m, o.fall_concern, o.instrument, o.instrument_score)
                       .where(o.assessment_id == assessment_id)).mappings().first()
    return OutcomeRecord(**row) if row is not None else None


def _touch(conn: Connection, assessment_id: int) -> None:
    conn.execute(_ASSESSMENT.update().where(_ASSESSMENT.c.id == assessment_id).values(updated_at=utcnow()))
