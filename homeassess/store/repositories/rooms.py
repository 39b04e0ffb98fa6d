"""Rooms of an assessment and the responses recorded in them."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from homeassess.store.repositories.session import AuditEntry, get_row, read_session, write_connection, write_session
from homeassess.store.tables import (
    AssessmentRow,
    InstallationRow,
    RecommendationRow,
    ResponseRow,
    RoomRow,
    stored_id,
    table_of,
    utcnow,
)

FINDING_VERDICTS = ("fails", "advisory")
_RESPONSE = table_of(ResponseRow)
_ROOM = table_of(RoomRow)
_ASSESSMENT = table_of(AssessmentRow)


@dataclass(frozen=True)
class RoomProgress:
    room_id: int
    answered: int
    findings: int


@dataclass(frozen=True)
class RoomRecord:
    id: int
    assessment_id: int
    room_type: str
    name: str
    position: int
    notes: str = ""


@dataclass(frozen=True)
class NewResponse:
    """An answer to add: the text as typed, its canonical value, its verdict and the note beside it."""

    item_id: str
    value_text: str
    value: float | None
    verdict: str
    note: str = ""


@dataclass(frozen=True)
class ResponseRecord:
    """One answer as typed (``value_text``), its canonical value and its cached verdict."""

    id: int
    room_id: int
    item_id: str
    value_text: str
    value: float | None
    verdict: str
    note: str


@dataclass(frozen=True)
class RoomSnapshot:
    """A removed room with its responses and recommendation decisions, so removal can be undone."""

    room: dict[str, Any]
    responses: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    installations: list[int] = field(default_factory=list)  # a follow-up's installed items in the room (their room_id)


def room_record(row: RoomRow) -> RoomRecord:
    return RoomRecord(stored_id(row.id), row.assessment_id, row.room_type, row.name, row.position, row.notes)


def response_record(row: ResponseRow) -> ResponseRecord:
    return ResponseRecord(stored_id(row.id), row.room_id, row.item_id, row.value_text, row.value, row.verdict, row.note)


class RoomRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- rooms ---------------------------------------------------------------------------

    def get(self, room_id: int) -> RoomRecord | None:
        with read_session(self.engine) as session:
            row = session.get(RoomRow, room_id)
            return room_record(row) if row is not None else None

    def add(
        self, assessment_id: int, room_type: str, name: str, position: int | None = None, audit: AuditEntry | None = None
    ) -> RoomRecord:
        with write_session(self.engine, audit) as session:
            if position is None:
                last = session.exec(select(func.max(RoomRow.position)).where(RoomRow.assessment_id == assessment_id)).one()
                position = (last if last is not None else -1) + 1
            room = RoomRow(assessment_id=assessment_id, room_type=room_type, name=name, position=position)
            session.add(room)
            _touch(session, assessment_id)
            session.flush()
            return room_record(room)

    def rename(self, room_id: int, name: str, audit: AuditEntry | None = None) -> None:
        with write_session(self.engine, audit) as session:
            room = get_row(session, RoomRow, room_id)
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

    def remove(self, room_id: int, audit: AuditEntry | None = None) -> RoomSnapshot:
        with write_session(self.engine, audit) as session:
            room = get_row(session, RoomRow, room_id)
            responses = session.exec(select(ResponseRow).where(ResponseRow.room_id == room_id))
            decisions = session.exec(select(RecommendationRow).where(RecommendationRow.room_id == room_id))
            installed = session.exec(select(InstallationRow.id).where(InstallationRow.room_id == room_id))
            snapshot = RoomSnapshot(room.model_dump(), [r.model_dump() for r in responses], [d.model_dump() for d in decisions],
                                    [stored_id(i) for i in installed])
            session.delete(room)
            _touch(session, room.assessment_id)
            return snapshot

    def restore(self, snapshot: RoomSnapshot, audit: AuditEntry | None = None) -> None:
        with write_session(self.engine, audit) as session:
            session.add(RoomRow(**snapshot.room))
            session.flush()
            session.add_all(ResponseRow(**response) for response in snapshot.responses)
            session.add_all(RecommendationRow(**decision) for decision in snapshot.decisions)
            for installation_id in snapshot.installations:
                get_row(session, InstallationRow, installation_id).room_id = snapshot.room["id"]
            _touch(session, snapshot.room["assessment_id"])

    def progress(self, assessment_id: int, optional: Collection[str] = ()) -> dict[int, RoomProgress]:
        """Per room: the items answered (a value typed; a note alone, or an ``optional`` item, is no answer) and
        the findings."""
        typed = (col(ResponseRow.value_text) != "") & col(ResponseRow.item_id).not_in(list(optional))
        answered = func.sum(case((typed, 1), else_=0))
        findings = func.sum(case((col(ResponseRow.verdict).in_(FINDING_VERDICTS), 1), else_=0))
        query = (
            select(col(RoomRow.id), answered, findings)
            .outerjoin(ResponseRow, col(ResponseRow.room_id) == col(RoomRow.id))
            .where(RoomRow.assessment_id == assessment_id)
            .group_by(col(RoomRow.id))
        )
        with read_session(self.engine) as session:
            rows = session.exec(query).all()
        progress = [RoomProgress(stored_id(room_id), a or 0, f or 0) for room_id, a, f in rows]
        return {p.room_id: p for p in progress}

    # --- responses -----------------------------------------------------------------------

    def responses(self, room_id: int) -> dict[str, ResponseRecord]:
        with read_session(self.engine) as session:
            return {r.item_id: response_record(r) for r in session.exec(select(ResponseRow).where(ResponseRow.room_id == room_id))}

    def responses_by_room(self, assessment_id: int) -> dict[int, dict[str, ResponseRecord]]:
        """Every response of the assessment in one read, by room id then item id."""
        r = _RESPONSE.c
        query = (
            sa_select(r.id, r.room_id, r.item_id, r.value_text, r.value, r.verdict, r.note)
            .join_from(_RESPONSE, _ROOM, _ROOM.c.id == r.room_id)
            .where(_ROOM.c.assessment_id == assessment_id)
        )
        by_room: dict[int, dict[str, ResponseRecord]] = {}
        with self.engine.connect() as conn:  # plain tuples: this is read on every refresh of the review
            for row in conn.execute(query):
                by_room.setdefault(row.room_id, {})[row.item_id] = ResponseRecord(
                    row.id, row.room_id, row.item_id, row.value_text, row.value, row.verdict, row.note
                )
        return by_room

    def save_response(
        self, room_id: int, item_id: str, value_text: str, value: float | None, verdict: str, note: str | None = None
    ) -> ResponseRecord | None:
        """Insert or replace one response in one transaction; returns the previous one (for undo) or None.

        Core statements, not the ORM (a note; a typed value is recorded by ``recording.ResponseRecorder``).
        """
        now = utcnow()
        fields: dict[str, object] = {"value_text": value_text, "value": value, "verdict": verdict, "updated_at": now}
        if note is not None:
            fields["note"] = note
        with write_connection(self.engine) as conn:
            previous = _response_of(conn, room_id, item_id)
            if previous is None:
                conn.execute(_RESPONSE.insert().values(room_id=room_id, item_id=item_id, **{"note": "", **fields}))
            else:
                conn.execute(_RESPONSE.update().where(_RESPONSE.c.id == previous.id).values(**fields))
            _touch_room_assessment(conn, room_id, now)
            return previous

    def add_responses(self, room_id: int, responses: Sequence[NewResponse]) -> None:
        """A room's first answers, all in one transaction (a new assessment's, such as the demo visit's)."""
        if not responses:
            return
        now = utcnow()
        with write_connection(self.engine) as conn:
            conn.execute(_RESPONSE.insert(), [
                {"room_id": room_id, "item_id": r.item_id, "value_text": r.value_text, "value": r.value,
                 "verdict": r.verdict, "note": r.note, "updated_at": now} for r in responses
            ])
            _touch_room_assessment(conn, room_id, now)


def store_rejudged(session: Session, verdicts: Mapping[int, str]) -> None:
    """Re-judged verdicts (after a margin in Settings changed) inside the caller's transaction; each assessment they
    belong to changes version, as with any change to its answers (the home list's counts and the review key on it)."""
    if not verdicts:
        return
    set_verdicts(session, verdicts)
    r, p = _ROOM.c, _RESPONSE.c
    of_responses = sa_select(r.assessment_id).join(_RESPONSE, p.room_id == r.id).where(p.id.in_(list(verdicts)))
    session.connection().execute(_ASSESSMENT.update().where(_ASSESSMENT.c.id.in_(of_responses)).values(updated_at=utcnow()))


def set_verdicts(session: Session, verdicts: Mapping[int, str]) -> None:
    """Cached verdicts of responses, inside the caller's transaction."""
    for response_id, verdict in verdicts.items():
        row = session.get(ResponseRow, response_id)
        if row is not None:
            row.verdict = verdict


def set_texts(session: Session, texts: Mapping[int, str]) -> None:
    """Answers rewritten to name their unit (their value unchanged), inside the caller's transaction."""
    for response_id, text in texts.items():
        row = session.get(ResponseRow, response_id)
        if row is not None:
            row.value_text = text


def _response_of(conn: Connection, room_id: int, item_id: str) -> ResponseRecord | None:
    r = _RESPONSE.c
    row = conn.execute(
        sa_select(r.id, r.room_id, r.item_id, r.value_text, r.value, r.verdict, r.note)
        .where(r.room_id == room_id, r.item_id == item_id)
    ).first()
    return ResponseRecord(row.id, row.room_id, row.item_id, row.value_text, row.value, row.verdict, row.note) if row else None


def _touch_room_assessment(conn: Connection, room_id: int, now: datetime) -> None:
    """The room's assessment changed now (its version, which the review's cache keys on)."""
    of_room = sa_select(_ROOM.c.assessment_id).where(_ROOM.c.id == room_id).scalar_subquery()
    conn.execute(_ASSESSMENT.update().where(_ASSESSMENT.c.id == of_room).values(updated_at=now))


def _touch(session: Session, assessment_id: int) -> None:
    get_row(session, AssessmentRow, assessment_id).updated_at = utcnow()
