"""Reports that were saved: audience, hash, page count and file name (never the full path)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import col, select

from homeassess.store.repositories.session import AuditEntry, read_session, write_session
from homeassess.store.tables import ReportRow, stored_id


@dataclass(frozen=True)
class ReportRecord:
    id: int
    assessment_id: int
    audience: str
    created_at: datetime
    sha256: str
    page_count: int
    file_name: str


def _record(row: ReportRow) -> ReportRecord:
    return ReportRecord(stored_id(row.id), row.assessment_id, row.audience, row.created_at, row.sha256, row.page_count, row.file_name)


class ReportRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self, assessment_id: int, audience: str, sha256: str, page_count: int, file_name: str, audit: AuditEntry | None = None
    ) -> ReportRecord:
        with write_session(self.engine, audit) as session:
            row = ReportRow(
                assessment_id=assessment_id,
                audience=audience,
                sha256=sha256,
                page_count=page_count,
                file_name=file_name,
            )
            session.add(row)
            session.flush()
            return _record(row)

    def list(self, assessment_id: int) -> list[ReportRecord]:
        with read_session(self.engine) as session:
            query = select(ReportRow).where(ReportRow.assessment_id == assessment_id).order_by(col(ReportRow.id))
            return [_record(row) for row in session.exec(query)]
