"""Assessments and their clients."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, func, or_
from sqlmodel import select

from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import AssessmentRow, ClientRow, RecommendationRow, RoomRow, utcnow


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the home screen."""

    id: int
    uid: str
    client_name: str
    address: str
    visit_date: date
    status: str
    open_recommendations: int
    updated_at: datetime


class AssessmentRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, client: ClientRow, assessment: AssessmentRow, rooms: list[tuple[str, str]]) -> int:
        with write_session(self.engine) as session:
            session.add(client)
            session.flush()
            assessment.client_id = client.id
            session.add(assessment)
            session.flush()
            for position, (room_type, name) in enumerate(rooms):
                session.add(RoomRow(assessment_id=assessment.id, room_type=room_type, name=name, position=position))
            return assessment.id

    def get(self, assessment_id: int) -> AssessmentRow | None:
        with read_session(self.engine) as session:
            return session.get(AssessmentRow, assessment_id)

    def get_by_uid(self, uid: str) -> AssessmentRow | None:
        with read_session(self.engine) as session:
            return session.exec(select(AssessmentRow).where(AssessmentRow.uid == uid)).first()

    def with_client(self, assessment_id: int) -> tuple[AssessmentRow, ClientRow] | None:
        """The assessment and its client, in one session."""
        with read_session(self.engine) as session:
            row = session.get(AssessmentRow, assessment_id)
            return (row, session.get(ClientRow, row.client_id)) if row else None

    def update(self, assessment_id: int, **fields: object) -> AssessmentRow:
        with write_session(self.engine) as session:
            row = session.get(AssessmentRow, assessment_id)
            if row is None:
                raise KeyError(assessment_id)
            for name, value in fields.items():
                if not hasattr(row, name) or name in ("id", "uid", "client_id"):
                    raise AttributeError(name)
                setattr(row, name, value)
            row.updated_at = utcnow()
            return row

    def update_client(self, assessment_id: int, name: str, profile_json: str) -> None:
        with write_session(self.engine) as session:
            row = session.get(AssessmentRow, assessment_id)
            client = session.get(ClientRow, row.client_id)
            client.name, client.profile_json, client.updated_at = name, profile_json, utcnow()
            row.updated_at = utcnow()

    def touch(self, session, assessment_id: int) -> None:  # noqa: ANN001 - an open Session
        session.exec(select(AssessmentRow).where(AssessmentRow.id == assessment_id)).one().updated_at = utcnow()

    def summaries(self, search: str = "", statuses: tuple[str, ...] = ("draft", "final")) -> list[AssessmentSummary]:
        # A correlated count per listed assessment uses ix_recommendation_assessment_status;
        # a grouped subquery would scan every recommendation in the store on each keystroke.
        open_recs = (
            select(func.count())
            .where(RecommendationRow.assessment_id == AssessmentRow.id, RecommendationRow.status.in_(("proposed", "accepted")))
            .correlate(AssessmentRow)
            .scalar_subquery()
        )
        query = (
            select(AssessmentRow.id, AssessmentRow.uid, ClientRow.name, AssessmentRow.address, AssessmentRow.visit_date,
                   AssessmentRow.status, open_recs, AssessmentRow.updated_at)
            .join(ClientRow, ClientRow.id == AssessmentRow.client_id)
            .where(AssessmentRow.status.in_(statuses))
            .order_by(AssessmentRow.visit_date.desc(), AssessmentRow.id.desc())
        )
        if search.strip():
            pattern = f"%{search.strip()}%"
            query = query.where(or_(ClientRow.name.ilike(pattern), AssessmentRow.address.ilike(pattern)))
        with read_session(self.engine) as session:
            return [AssessmentSummary(*row) for row in session.exec(query).all()]

    def rooms(self, assessment_id: int) -> list[RoomRow]:
        with read_session(self.engine) as session:
            return list(
                session.exec(select(RoomRow).where(RoomRow.assessment_id == assessment_id).order_by(RoomRow.position, RoomRow.id))
            )
