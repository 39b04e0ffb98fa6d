"""The audit trail: appended through the services, never edited (triggers refuse it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import col, select

from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import AuditRow, stored_id


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    clinician: str
    action: str
    assessment_id: int | None
    detail: str


class AuditRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def append(self, action: str, clinician: str = "", assessment_id: int | None = None, detail: str = "") -> None:
        with write_session(self.engine) as session:
            session.add(AuditRow(action=action, clinician=clinician, assessment_id=assessment_id, detail=detail))

    def for_assessment(self, assessment_id: int) -> list[AuditRecord]:
        with read_session(self.engine) as session:
            query = select(AuditRow).where(AuditRow.assessment_id == assessment_id).order_by(col(AuditRow.id))
            return [_record(row) for row in session.exec(query)]

    def all(self, limit: int = 500) -> list[AuditRecord]:
        with read_session(self.engine) as session:
            return [_record(row) for row in session.exec(select(AuditRow).order_by(col(AuditRow.id).desc()).limit(limit))]


def _record(row: AuditRow) -> AuditRecord:
    return AuditRecord(stored_id(row.id), row.at, row.clinician, row.action, row.assessment_id, row.detail)
