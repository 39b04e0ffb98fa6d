"""Photos: the row, its thumbnail and its large renditions written in one transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, func
from sqlmodel import select

from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import AssessmentRow, PhotoDataRow, PhotoRow, utcnow


class PhotoRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self,
        assessment_id: int,
        room_id: int | None,
        item_id: str | None,
        *,
        working: bytes,
        print_copy: bytes,
        thumbnail: bytes,
        width: int,
        height: int,
        sha256: str,
        orientation_unknown: bool = False,
        caption: str = "",
        uid: str | None = None,
    ) -> PhotoRow:
        with write_session(self.engine) as session:
            last = session.exec(select(func.max(PhotoRow.position)).where(PhotoRow.assessment_id == assessment_id)).one()
            row = PhotoRow(
                uid=uid or str(uuid.uuid4()), assessment_id=assessment_id, room_id=room_id, item_id=item_id,
                caption=caption, width=width, height=height, sha256=sha256, orientation_unknown=orientation_unknown,
                thumbnail=thumbnail, position=(last if last is not None else -1) + 1,
            )
            session.add(row)
            session.flush()
            session.add(PhotoDataRow(photo_id=row.id, working=working, print_copy=print_copy))
            session.get(AssessmentRow, assessment_id).updated_at = utcnow()
            return row

    def list(self, assessment_id: int, room_id: int | None = None, item_id: str | None = None) -> list[PhotoRow]:
        query = select(PhotoRow).where(PhotoRow.assessment_id == assessment_id)
        if room_id is not None:
            query = query.where(PhotoRow.room_id == room_id)
        if item_id is not None:
            query = query.where(PhotoRow.item_id == item_id)
        with read_session(self.engine) as session:
            return list(session.exec(query.order_by(PhotoRow.position, PhotoRow.id)))

    def renditions(self, photo_id: int) -> PhotoDataRow | None:
        with read_session(self.engine) as session:
            return session.get(PhotoDataRow, photo_id)

    def update(self, photo_id: int, **fields: object) -> PhotoRow:
        with write_session(self.engine) as session:
            row = session.get(PhotoRow, photo_id)
            for name, value in fields.items():
                if name not in ("caption", "include_in_report", "position", "room_id", "item_id"):
                    raise AttributeError(name)
                setattr(row, name, value)
            return row

    def get(self, photo_id: int) -> PhotoRow | None:
        with read_session(self.engine) as session:
            return session.get(PhotoRow, photo_id)

    def replace_renditions(self, photo_id: int, working: bytes, print_copy: bytes, thumbnail: bytes, width: int, height: int,
                           sha256: str | None = None) -> None:
        with write_session(self.engine) as session:
            row = session.get(PhotoRow, photo_id)
            row.thumbnail, row.width, row.height, row.orientation_unknown = thumbnail, width, height, False
            if sha256 is not None:
                row.sha256 = sha256
            data = session.get(PhotoDataRow, photo_id)
            data.working, data.print_copy = working, print_copy

    def remove(self, photo_id: int) -> tuple[PhotoRow, PhotoDataRow]:
        """Delete a photo; returns copies so the removal can be undone."""
        with write_session(self.engine) as session:
            row = session.get(PhotoRow, photo_id)
            data = session.get(PhotoDataRow, photo_id)
            kept = (PhotoRow.model_validate(row.model_dump()), PhotoDataRow.model_validate(data.model_dump()))
            session.delete(row)
            return kept

    def restore(self, row: PhotoRow, data: PhotoDataRow) -> None:
        with write_session(self.engine) as session:
            session.add(PhotoRow.model_validate(row.model_dump()))
            session.flush()
            session.add(PhotoDataRow.model_validate(data.model_dump()))
