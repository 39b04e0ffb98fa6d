"""Reports that were saved: audience, hash, page count and file name (never the full path)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import select

from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import ReportRow


class ReportRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, assessment_id: int, audience: str, sha256: str, page_count: int, file_name: str) -> ReportRow:
        with write_session(self.engine) as session:
            row = ReportRow(
                assessment_id=assessment_id,
                audience=audience,
                sha256=sha256,
                page_count=page_count,
                file_name=file_name,
            )
            session.add(row)
            session.flush()
            return row

    def list(self, assessment_id: int) -> list[ReportRow]:
        with read_session(self.engine) as session:
            query = select(ReportRow).where(ReportRow.assessment_id == assessment_id).order_by(ReportRow.id)
            return list(session.exec(query))
