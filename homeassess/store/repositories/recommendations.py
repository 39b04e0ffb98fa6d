"""Recommendations: proposed from findings, then accepted, edited or dismissed."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import select

from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import AssessmentRow, RecommendationRow, utcnow

EDITABLE = {
    "title", "specification", "rationale", "plain", "category", "priority", "responsible",
    "cost_low", "cost_high", "cost_source", "status", "position",
}


class RecommendationRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def list(self, assessment_id: int, statuses: tuple[str, ...] | None = None) -> list[RecommendationRow]:
        query = select(RecommendationRow).where(RecommendationRow.assessment_id == assessment_id)
        if statuses:
            query = query.where(RecommendationRow.status.in_(statuses))
        with read_session(self.engine) as session:
            return list(session.exec(query.order_by(RecommendationRow.position, RecommendationRow.id)))

    def get(self, rec_id: int) -> RecommendationRow | None:
        with read_session(self.engine) as session:
            return session.get(RecommendationRow, rec_id)

    def add(self, row: RecommendationRow) -> RecommendationRow:
        with write_session(self.engine) as session:
            session.add(row)
            session.get(AssessmentRow, row.assessment_id).updated_at = utcnow()
            return row

    def update(self, rec_id: int, **fields: object) -> tuple[RecommendationRow, dict[str, object]]:
        """Change fields; returns the row and the previous values (for undo)."""
        with write_session(self.engine) as session:
            row = session.get(RecommendationRow, rec_id)
            previous = {}
            for name, value in fields.items():
                if name not in EDITABLE:
                    raise AttributeError(name)
                previous[name] = getattr(row, name)
                setattr(row, name, value)
            row.updated_at = utcnow()
            session.get(AssessmentRow, row.assessment_id).updated_at = utcnow()
            return row, previous

    def remove(self, rec_id: int) -> RecommendationRow:
        with write_session(self.engine) as session:
            row = session.get(RecommendationRow, rec_id)
            kept = RecommendationRow.model_validate(row.model_dump())
            session.delete(row)
            return kept

    def restore(self, row: RecommendationRow) -> None:
        with write_session(self.engine) as session:
            session.add(RecommendationRow.model_validate(row.model_dump()))

    def sync_room_proposals(self, room_id: int, assessment_id: int, proposals: list[dict]) -> None:
        """Make the room's still-proposed recommendations exactly ``proposals`` (one per library entry).

        Accepted and dismissed ones are the clinician's decisions and stay; a proposal
        for a library entry already decided on in this room is not added again. One
        transaction, so the room never shows a half-updated list.
        """
        with write_session(self.engine) as session:
            existing = list(session.exec(select(RecommendationRow).where(RecommendationRow.room_id == room_id)))
            decided = {r.library_id for r in existing if r.status != "proposed" or r.custom}
            kept_proposed = {r.library_id: r for r in existing if r.status == "proposed" and not r.custom}
            wanted: dict[str, dict] = {}
            for fields in proposals:
                library_id = fields["library_id"]
                if library_id not in decided and library_id not in wanted:
                    wanted[library_id] = fields
            for library_id, row in kept_proposed.items():
                if library_id not in wanted:
                    session.delete(row)
                    continue
                fresh = wanted.pop(library_id)
                for name in ("item_id", "specification", "rationale", "plain"):
                    if getattr(row, name) != fresh[name]:
                        setattr(row, name, fresh[name])
            for fields in wanted.values():
                session.add(RecommendationRow(**fields))
            session.get(AssessmentRow, assessment_id).updated_at = utcnow()
