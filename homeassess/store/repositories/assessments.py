"""Assessments and their clients."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, RowMapping, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from homeassess.store.repositories.follow_ups import set_measure_texts
from homeassess.store.repositories.home_list import ALL_LISTED, AssessmentSummary, CountedVersion, list_summaries
from homeassess.store.repositories.rooms import RoomRecord, room_record, set_texts, set_verdicts
from homeassess.store.repositories.session import AuditEntry, get_row, read_session, write_session
from homeassess.store.tables import (
    AssessmentRow,
    ClientRow,
    RoomRow,
    stored_id,
    table_of,
    utcnow,
)


@dataclass(frozen=True)
class AssessmentRecord:
    """One assessment with its client (plain data). ``fields`` holds every column of the visit."""

    id: int
    uid: str
    status: str
    parent_id: int | None
    catalogue_version: str
    fields: Mapping[str, object]
    client_name: str
    client_profile_json: str

    @property
    def standard(self) -> str:
        return str(self.fields["standard"])

    @property
    def unit(self) -> str:
        return str(self.fields["unit"])


class AssessmentRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(
        self, uid: str, catalogue_version: str, fields: Mapping[str, Any], client_name: str, profile_json: str,
        rooms: list[tuple[str, str]],
    ) -> int:
        """A new draft assessment, its client and its rooms, in one transaction."""
        with write_session(self.engine) as session:
            client = ClientRow(name=client_name, profile_json=profile_json)
            session.add(client)
            session.flush()
            assessment = AssessmentRow(uid=uid, client_id=stored_id(client.id), catalogue_version=catalogue_version, **fields)
            session.add(assessment)
            session.flush()
            assessment_id = stored_id(assessment.id)
            for position, (room_type, name) in enumerate(rooms):
                session.add(RoomRow(assessment_id=assessment_id, room_type=room_type, name=name, position=position))
            return assessment_id

    def get(self, assessment_id: int) -> AssessmentRecord | None:
        """The assessment and its client, in one read (a plain query: every recorded value asks)."""
        with self.engine.connect() as conn:
            row = conn.execute(_RECORD_QUERY.where(_ASSESSMENT.c.id == assessment_id)).mappings().first()
        return _record(row) if row is not None else None

    def get_with_room(self, room_id: int) -> tuple[RoomRecord, AssessmentRecord] | None:
        """A room with its assessment and client, in one read."""
        with self.engine.connect() as conn:
            row = conn.execute(_ROOM_RECORD_QUERY.where(_ROOM.c.id == room_id)).mappings().first()
        if row is None:
            return None
        room = RoomRecord(row["room_id"], row["room_assessment_id"], row["room_room_type"], row["room_name"],
                          row["room_position"], row["room_notes"])
        return room, _record(row)

    def id_of_uid(self, uid: str) -> int | None:
        with read_session(self.engine) as session:
            return session.exec(select(AssessmentRow.id).where(AssessmentRow.uid == uid)).first()

    def version(self, assessment_id: int) -> datetime | None:
        """When the assessment last changed: every change to it or its rooms, answers and decisions moves this.

        Plain queries here and in ``status_of``: the review asks on every accept, dismiss and undo."""
        with self.engine.connect() as conn:
            found: datetime | None = conn.execute(_VERSION_OF, {"id": assessment_id}).scalar()
        return found

    def status_of(self, assessment_id: int) -> str | None:
        with self.engine.connect() as conn:
            found: str | None = conn.execute(_STATUS_OF, {"id": assessment_id}).scalar()
        return found

    def has_follow_ups(self, assessment_id: int) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa_select(_ASSESSMENT.c.id).where(_ASSESSMENT.c.parent_id == assessment_id).limit(1)).first() is not None

    def update(
        self, assessment_id: int, *, audit: AuditEntry | None = None, verdicts: Mapping[int, str] | None = None,
        texts: Mapping[int, str] | None = None, measure_texts: Mapping[tuple[int, str], str] | None = None,
        **fields: object,
    ) -> dict[str, object]:
        """Change columns of the visit in one transaction; returns their previous values (for undo).

        ``verdicts`` (response id → cached verdict), ``texts`` (response id → the answer as it now reads, its value
        unchanged) and ``measure_texts`` (a follow-up's (installation id, check id) → the as-installed value as it
        now reads) are written in the same transaction.
        """
        with write_session(self.engine, audit) as session:
            set_verdicts(session, verdicts or {})
            set_texts(session, texts or {})
            set_measure_texts(session.connection(), measure_texts or {})
            row = session.get(AssessmentRow, assessment_id)
            if row is None:
                raise KeyError(assessment_id)
            previous: dict[str, object] = {}
            for name, value in fields.items():
                if not hasattr(row, name) or name in ("id", "uid", "client_id"):
                    raise AttributeError(name)
                previous[name] = getattr(row, name)
                setattr(row, name, value)
            row.updated_at = utcnow()
            return previous

    def update_client(
        self, assessment_id: int, name: str, profile_json: str, *, audit: AuditEntry | None = None,
        verdicts: Mapping[int, str] | None = None,
    ) -> tuple[str, str]:
        """Replace the client's name and profile (and re-judged verdicts) in one transaction; returns the previous pair."""
        with write_session(self.engine, audit) as session:
            set_verdicts(session, verdicts or {})
            row = get_row(session, AssessmentRow, assessment_id)
            client = get_row(session, ClientRow, row.client_id)
            previous = (client.name, client.profile_json)
            client.name, client.profile_json, client.updated_at = name, profile_json, utcnow()
            row.updated_at = utcnow()
            return previous

    def summaries(self, search: str = "", statuses: tuple[str, ...] = ALL_LISTED,
                  counted: Mapping[int, CountedVersion] | None = None) -> list[AssessmentSummary]:
        """The home screen's lines (``store/repositories/home_list.py``). ``counted``: counts already made, by
        assessment id; those still at the version counted are reused, the others are counted now."""
        return list_summaries(self.engine, search, statuses, counted or {})

    def rooms(self, assessment_id: int) -> list[RoomRecord]:
        with read_session(self.engine) as session:
            query = select(RoomRow).where(RoomRow.assessment_id == assessment_id).order_by(col(RoomRow.position), col(RoomRow.id))
            return [room_record(row) for row in session.exec(query)]


_ASSESSMENT = table_of(AssessmentRow)
# Built once: the review asks for these on every accept, dismiss and undo, and building the expression
# each time cost more than running it.
_VERSION_OF = sa_select(_ASSESSMENT.c.updated_at).where(_ASSESSMENT.c.id == bindparam("id"))
_STATUS_OF = sa_select(_ASSESSMENT.c.status).where(_ASSESSMENT.c.id == bindparam("id"))
_CLIENT = table_of(ClientRow)
_ROOM = table_of(RoomRow)
_RECORD_QUERY = sa_select(
    _ASSESSMENT, _CLIENT.c.name.label("client_name"), _CLIENT.c.profile_json.label("client_profile_json"),
).join_from(_ASSESSMENT, _CLIENT, _CLIENT.c.id == _ASSESSMENT.c.client_id)
_ROOM_RECORD_QUERY = _RECORD_QUERY.add_columns(*(c.label(f"room_{c.name}") for c in _ROOM.c)).join(
    _ROOM, _ROOM.c.assessment_id == _ASSESSMENT.c.id)
_NOT_FIELDS = {"id", "uid", "client_id", "parent_id", "status", "catalogue_version"}
_FIELD_NAMES = [column.name for column in _ASSESSMENT.c if column.name not in _NOT_FIELDS]


def _record(row: RowMapping) -> AssessmentRecord:
    fields = {key: row[key] for key in _FIELD_NAMES}
    return AssessmentRecord(
        id=row["id"], uid=row["uid"], status=row["status"], parent_id=row["parent_id"],
        catalogue_version=row["catalogue_version"], fields=fields, client_name=row["client_name"],
        client_profile_json=row["client_profile_json"],
    )
