"""Photos: the row, its thumbnail and its large renditions written in one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from sqlalchemy import Engine, func
from sqlmodel import col, select

from homeassess.store.repositories.session import get_row, id_chunks, read_session, write_session
from homeassess.store.tables import AssessmentRow, PhotoDataRow, PhotoRow, RecommendationRow, stored_id, utcnow


@dataclass(frozen=True)
class PhotoRecord:
    """A photo's row (with its thumbnail), as plain data."""

    id: int
    uid: str
    assessment_id: int
    room_id: int | None
    item_id: str | None
    recommendation_id: int | None
    caption: str
    include_in_report: bool
    position: int
    width: int
    height: int
    sha256: str
    orientation_unknown: bool
    thumbnail: bytes
    created_at: datetime


@dataclass(frozen=True)
class PhotoData:
    """The large renditions."""

    photo_id: int
    working: bytes
    print_copy: bytes


def _record(row: PhotoRow) -> PhotoRecord:
    return PhotoRecord(**{f.name: getattr(row, f.name) for f in fields(PhotoRecord)})


def _data(row: PhotoDataRow) -> PhotoData:
    return PhotoData(row.photo_id, bytes(row.working), bytes(row.print_copy))


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
        recommendation_id: int | None = None,
    ) -> PhotoRecord:
        with write_session(self.engine) as session:
            last = session.exec(select(func.max(PhotoRow.position)).where(PhotoRow.assessment_id == assessment_id)).one()
            row = PhotoRow(
                uid=uid or str(uuid.uuid4()), assessment_id=assessment_id, room_id=room_id, item_id=item_id,
                recommendation_id=recommendation_id,
                caption=caption, width=width, height=height, sha256=sha256, orientation_unknown=orientation_unknown,
                thumbnail=thumbnail, position=(last if last is not None else -1) + 1,
            )
            session.add(row)
            session.flush()
            session.add(PhotoDataRow(photo_id=stored_id(row.id), working=working, print_copy=print_copy))
            get_row(session, AssessmentRow, assessment_id).updated_at = utcnow()
            return _record(row)

    def list(self, assessment_id: int, room_id: int | None = None, item_id: str | None = None) -> list[PhotoRecord]:
        query = select(PhotoRow).where(PhotoRow.assessment_id == assessment_id)
        if room_id is not None:
            query = query.where(PhotoRow.room_id == room_id)
        if item_id is not None:
            query = query.where(PhotoRow.item_id == item_id)
        with read_session(self.engine) as session:
            return [_record(row) for row in session.exec(query.order_by(col(PhotoRow.position), col(PhotoRow.id)))]

    def assessment_of_recommendation(self, recommendation_id: int) -> int | None:
        """The assessment a recommendation decision belongs to (None: no such decision), for an "after" photo."""
        with read_session(self.engine) as session:
            row = session.get(RecommendationRow, recommendation_id)
            return row.assessment_id if row is not None else None

    def renditions(self, photo_id: int) -> PhotoData | None:
        with read_session(self.engine) as session:
            row = session.get(PhotoDataRow, photo_id)
            return _data(row) if row is not None else None

    def print_copy(self, photo_id: int) -> bytes | None:
        """The print copy alone (a report reads nothing else: the working copy is several times its size)."""
        with read_session(self.engine) as session:
            return session.exec(select(PhotoDataRow.print_copy).where(PhotoDataRow.photo_id == photo_id)).first()

    def print_copies(self, photo_ids: Sequence[int]) -> dict[int, bytes]:
        """Several photos' print copies in one query each 500 (a report prints a room's at once), by photo id."""
        found: dict[int, bytes] = {}
        with read_session(self.engine) as session:
            for chunk in id_chunks(photo_ids):
                query = select(PhotoDataRow.photo_id, PhotoDataRow.print_copy).where(col(PhotoDataRow.photo_id).in_(chunk))
                found.update({photo_id: bytes(data) for photo_id, data in session.exec(query) if data})
        return found

    def update(self, photo_id: int, **changes: object) -> PhotoRecord:
        with write_session(self.engine) as session:
            row = get_row(session, PhotoRow, photo_id)
            for name, value in changes.items():
                if name not in ("caption", "include_in_report", "position", "room_id", "item_id"):
                    raise AttributeError(name)
                setattr(row, name, value)
            return _record(row)

    def get(self, photo_id: int) -> PhotoRecord | None:
        with read_session(self.engine) as session:
            row = session.get(PhotoRow, photo_id)
            return _record(row) if row is not None else None

    def replace_renditions(self, photo_id: int, working: bytes, print_copy: bytes, thumbnail: bytes, width: int, height: int,
                           sha256: str | None = None) -> None:
        with write_session(self.engine) as session:
            row = get_row(session, PhotoRow, photo_id)
            row.thumbnail, row.width, row.height, row.orientation_unknown = thumbnail, width, height, False
            if sha256 is not None:
                row.sha256 = sha256
            data = get_row(session, PhotoDataRow, photo_id)
            data.working, data.print_copy = working, print_copy

    def remove(self, photo_id: int) -> tuple[PhotoRecord, PhotoData]:
        """Delete a photo; returns copies so the removal can be undone."""
        with write_session(self.engine) as session:
            row = get_row(session, PhotoRow, photo_id)
            data = get_row(session, PhotoDataRow, photo_id)
            kept = (_record(row), _data(data))
            session.delete(row)
            return kept

    def restore(self, row: PhotoRecord, data: PhotoData) -> None:
        with write_session(self.engine) as session:
            session.add(PhotoRow(**asdict(row)))
            session.flush()
            session.add(PhotoDataRow(**asdict(data)))
