"""Rooms of an assessment and the responses recorded in them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, case, func
from sqlmodel import select

from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import AssessmentRow, ResponseRow, RoomRow, utcnow

FINDING_VERDICTS = ("fails", "advisory")


@dataclass(frozen=True)
class RoomProgress:
    room_id: int
    answered: int
    findings: int


@dataclass(frozen=True)
class RoomSnapshot:
    """A removed room with its responses, so removal can be undone."""

    room: RoomRow
    responses: list[ResponseRow]


class RoomRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- rooms ---------------------------------------------------------------------------

    def get(self, room_id: int) -> RoomRow | None:
        with read_session(self.engine) as session:
            return session.get(RoomRow, room_id)

    def add(self, assessment_id: int, room_type: str, name: str, position: int | None = None) -> RoomRow:
        with write_session(self.engine) as session:
            if position is None:
                last = session.exec(select(func.max(RoomRow.position)).where(RoomRow.assessment_id == assessment_id)).one()
                position = (last if last is not None else -1) + 1
            room = RoomRow(assessment_id=assessment_id, room_type=room_type, name=name, position=position)
            session.add(room)
            _touch(session, assessment_id)
            return room

    def rename(self, room_id: int, name: str) -> None:
        with write_session(self.engine) as session:
            room = session.get(RoomRow, room_id)
            room.name = name
            _touch(session, room.assessment_id)

    def reorder(self, assessment_id: int, room_ids: list[int]) -> None:
        with write_session(self.engine) as session:
            for position, room_id in enumerate(room_ids):
                room = session.get(RoomRow, room_id)
                if room is None or room.assessment_id != assessment_id:
                    raise KeyError(room_id)
                room.position = position
            _touch(session, assessment_id)

    def remove(self, room_id: int) -> RoomSnapshot:
        with write_session(self.engine) as session:
            room = session.get(RoomRow, room_id)
            responses = list(session.exec(select(ResponseRow).where(ResponseRow.room_id == room_id)))
            snapshot = RoomSnapshot(RoomRow.model_validate(room.model_dump()), [ResponseRow.model_validate(r.model_dump()) for r in responses])
            session.delete(room)
            _touch(session, room.assessment_id)
            return snapshot

    def restore(self, snapshot: RoomSnapshot) -> None:
        with write_session(self.engine) as session:
            session.add(RoomRow.model_validate(snapshot.room.model_dump()))
            session.flush()
            for response in snapshot.responses:
                session.add(ResponseRow.model_validate(response.model_dump()))
            _touch(session, snapshot.room.assessment_id)

    def progress(self, assessment_id: int) -> dict[int, RoomProgress]:
        answered = func.count(ResponseRow.id)
        findings = func.sum(case((ResponseRow.verdict.in_(FINDING_VERDICTS), 1), else_=0))
        query = (
            select(RoomRow.id, answered, findings)
            .outerjoin(ResponseRow, ResponseRow.room_id == RoomRow.id)
            .where(RoomRow.assessment_id == assessment_id)
            .group_by(RoomRow.id)
        )
        with read_session(self.engine) as session:
            return {rid: RoomProgress(rid, a or 0, f or 0) for rid, a, f in session.exec(query).all()}

    # --- responses -----------------------------------------------------------------------

    def responses(self, room_id: int) -> dict[str, ResponseRow]:
        with read_session(self.engine) as session:
            return {r.item_id: r for r in session.exec(select(ResponseRow).where(ResponseRow.room_id == room_id))}

    def responses_of_assessment(self, assessment_id: int) -> list[ResponseRow]:
        query = select(ResponseRow).join(RoomRow, RoomRow.id == ResponseRow.room_id).where(RoomRow.assessment_id == assessment_id)
        with read_session(self.engine) as session:
            return list(session.exec(query))

    def save_response(
        self, room_id: int, item_id: str, value_text: str, value: float | None, verdict: str, note: str | None = None
    ) -> ResponseRow | None:
        """Insert or replace one response; returns the previous one (for undo) or None."""
        with write_session(self.engine) as session:
            row = session.exec(select(ResponseRow).where(ResponseRow.room_id == room_id, ResponseRow.item_id == item_id)).first()
            previous = ResponseRow.model_validate(row.model_dump()) if row else None
            if row is None:
                row = ResponseRow(room_id=room_id, item_id=item_id)
                session.add(row)
            row.value_text, row.value, row.verdict, row.updated_at = value_text, value, verdict, utcnow()
            if note is not None:
                row.note = note
            room = session.get(RoomRow, room_id)
            _touch(session, room.assessment_id)
            return previous

    def clear_response(self, room_id: int, item_id: str) -> ResponseRow | None:
        with write_session(self.engine) as session:
            row = session.exec(select(ResponseRow).where(ResponseRow.room_id == room_id, ResponseRow.item_id == item_id)).first()
            if row is None:
                return None
            previous = ResponseRow.model_validate(row.model_dump())
            session.delete(row)
            _touch(session, session.get(RoomRow, room_id).assessment_id)
            return previous

    def set_verdicts(self, verdicts: dict[int, str]) -> None:
        """Store re-judged verdicts (after the client profile or the standard changed)."""
        with write_session(self.engine) as session:
            for response_id, verdict in verdicts.items():
                session.get(ResponseRow, response_id).verdict = verdict


def _touch(session, assessment_id: int) -> None:  # noqa: ANN001 - an open Session
    session.get(AssessmentRow, assessment_id).updated_at = utcnow()
