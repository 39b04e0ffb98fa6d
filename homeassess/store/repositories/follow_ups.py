"""Follow-up visits: starting one from a final assessment, and what it found of each accepted recommendation.

A follow-up is an ``assessment`` row whose ``parent_id`` is the original. Its ``installation`` rows
(one per accepted recommendation of the original) and their ``installed_measure`` rows are read
and written here, as plain records. Every write is one transaction with its audit line and moves
the follow-up's ``updated_at``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping
from sqlalchemy import select as sa_select

from homeassess.domain.vocabulary import AssessmentStatus, InstallStatus
from homeassess.store.repositories.session import AuditEntry, write_connection
from homeassess.store.tables import (
    AssessmentRow,
    AuditRow,
    ClientRow,
    InstallationRow,
    InstalledMeasureRow,
    RoomRow,
    stored_id,
    table_of,
    utcnow,
)

_ASSESSMENT = table_of(AssessmentRow)
_AUDIT = table_of(AuditRow)
_CLIENT = table_of(ClientRow)
_ROOM = table_of(RoomRow)
_INSTALLATION = table_of(InstallationRow)
_MEASURE = table_of(InstalledMeasureRow)
EDITABLE = ("status", "reason", "reason_note", "installed_on", "installed_by", "note", "room_id")


@dataclass(frozen=True)
class MeasureRecord:
    check_id: str
    value_text: str
    value: float | None
    verdict: str


@dataclass(frozen=True)
class InstallationRecord:
    """One installed item of a follow-up, with its as-installed measurements (by check id)."""

    id: int
    assessment_id: int
    recommendation_id: int
    room_id: int | None
    status: str
    reason: str | None
    reason_note: str
    installed_on: date | None
    installed_by: str
    note: str
    measures: Mapping[str, MeasureRecord]

    def fields(self) -> dict[str, object]:
        """The editable columns, as ``update`` takes them (for undo)."""
        return {name: getattr(self, name) for name in EDITABLE}


@dataclass(frozen=True)
class NewFollowUp:
    """What a follow-up starts with: the visit's columns, a new client, rooms and the recommendations carried."""

    original_id: int
    uid: str
    catalogue_version: str
    fields: Mapping[str, Any]  # assessment columns (visit_date, clinician, address, standard, unit, ...)
    client_name: str
    profile_json: str
    rooms: Sequence[tuple[int, str, str]]  # (the original's room id, room type, name), in order
    carried: Sequence[tuple[int, int | None]]  # (the original's recommendation id, its room id)


class FollowUpRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- the visit --------------------------------------------------------------------------

    def start(self, new: NewFollowUp, audit: AuditEntry | None = None) -> int:
        """The follow-up, its own client row, its rooms and one installation per carried recommendation."""
        now = utcnow()
        with write_connection(self.engine) as conn:
            client_id = stored_id(conn.execute(_CLIENT.insert().values(
                name=new.client_name, profile_json=new.profile_json, created_at=now, updated_at=now)).lastrowid)
            follow_up_id = stored_id(conn.execute(_ASSESSMENT.insert().values(
                uid=new.uid, client_id=client_id, parent_id=new.original_id, status=AssessmentStatus.DRAFT.value,
                catalogue_version=new.catalogue_version, created_at=now, updated_at=now, **new.fields,
            )).lastrowid)
            room_of: dict[int, int] = {}
            for position, (original_room, room_type, name) in enumerate(new.rooms):
                room_of[original_room] = stored_id(conn.execute(_ROOM.insert().values(
                    assessment_id=follow_up_id, room_type=room_type, name=name, position=position, notes="",
                )).lastrowid)
            if new.carried:
                conn.execute(_INSTALLATION.insert(), [
                    {"assessment_id": follow_up_id, "recommendation_id": rec_id,
                     "room_id": room_of.get(room_id) if room_id is not None else None, "status": InstallStatus.NOT_CHECKED.value,
                     "reason": None, "reason_note": "", "installed_on": None, "installed_by": "", "note": "",
                     "updated_at": now}
                    for rec_id, room_id in new.carried
                ])
            if audit is not None:  # its line names the new follow-up
                conn.execute(_AUDIT.insert().values(**{**asdict(audit), "assessment_id": follow_up_id}))
            return follow_up_id

    def remove(self, follow_up_id: int, audit: AuditEntry | None = None) -> None:
        """The follow-up and everything under it (the undo of ``start``); its audit lines stay."""
        with write_connection(self.engine, audit) as conn:
            client_id = conn.execute(sa_select(_ASSESSMENT.c.client_id).where(_ASSESSMENT.c.id == follow_up_id)).scalar()
            conn.execute(_ASSESSMENT.delete().where(_ASSESSMENT.c.id == follow_up_id))
            if client_id is not None:
                in_use = conn.execute(sa_select(_ASSESSMENT.c.id).where(_ASSESSMENT.c.client_id == client_id)).first()
                if in_use is None:
                    conn.execute(_CLIENT.delete().where(_CLIENT.c.id == client_id))

    def follow_ups_of(self, original_id: int) -> list[tuple[int, str]]:
        """(id, status) of every follow-up of an assessment, oldest first."""
        a = _ASSESSMENT.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa_select(a.id, a.status).where(a.parent_id == original_id).order_by(a.id)).all()
        return [(row.id, row.status) for row in rows]

    # --- installed items --------------------------------------------------------------------

    def installations(self, follow_up_id: int) -> list[InstallationRecord]:
        i = _INSTALLATION.c
        with self.engine.connect() as conn:
            rows = conn.execute(_INSTALLATION.select().where(i.assessment_id == follow_up_id).order_by(i.id)).mappings().all()
            measures = _measures(conn, [row["id"] for row in rows])
        return [_installation(row, measures.get(row["id"], {})) for row in rows]

    def installation(self, installation_id: int) -> InstallationRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(_INSTALLATION.select().where(_INSTALLATION.c.id == installation_id)).mappings().first()
            if row is None:
                return None
            return _installation(row, _measures(conn, [installation_id]).get(installation_id, {}))

    def update(self, installation_id: int, fields: Mapping[str, object], audit: AuditEntry | None = None) -> InstallationRecord:
        """Change some editable columns of one installed item; returns it as it was (for undo)."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise AttributeError(", ".join(sorted(unknown)))
        now = utcnow()
        with write_connection(self.engine, audit) as conn:
            before = self._locked(conn, installation_id)
            conn.execute(_INSTALLATION.update().where(_INSTALLATION.c.id == installation_id).values(**fields, updated_at=now))
            _touch(conn, before.assessment_id, now)
            return before

    def set_measure(self, installation_id: int, measure: MeasureRecord | None, check_id: str,
                    audit: AuditEntry | None = None, *, status: str | None = None) -> MeasureRecord | None:
        """Store (or, given None, clear) one as-installed measurement, and with ``status`` the item's new status in
        the same transaction; returns the previous measurement."""
        now = utcnow()
        m = _MEASURE.c
        with write_connection(self.engine, audit) as conn:
            before = self._locked(conn, installation_id)
            previous = before.measures.get(check_id)
            where = (m.installation_id == installation_id) & (m.check_id == check_id)
            if measure is None:
                conn.execute(_MEASURE.delete().where(where))
            elif previous is None:
                conn.execute(_MEASURE.insert().values(installation_id=installation_id, **_measure_values(measure)))
            else:
                conn.execute(_MEASURE.update().where(where).values(**_measure_values(measure)))
            changed: dict[str, object] = {"updated_at": now} if status is None else {"updated_at": now, "status": status}
            conn.execute(_INSTALLATION.update().where(_INSTALLATION.c.id == installation_id).values(**changed))
            _touch(conn, before.assessment_id, now)
            return previous

    def _locked(self, conn: Connection, installation_id: int) -> InstallationRecord:
        row = conn.execute(_INSTALLATION.select().where(_INSTALLATION.c.id == installation_id)).mappings().first()
        if row is None:
            raise KeyError("no installation row with this key")
        return _installation(row, _measures(conn, [installation_id]).get(installation_id, {}))


def _measures(conn: Connection, installation_ids: list[int]) -> dict[int, dict[str, MeasureRecord]]:
    if not installation_ids:
        return {}
    m = _MEASURE.c
    found: dict[int, dict[str, MeasureRecord]] = {}
    query = sa_select(m.installation_id, m.check_id, m.value_text, m.value, m.verdict).where(
        m.installation_id.in_(installation_ids)).order_by(m.id)
    for row in conn.execute(query):
        found.setdefault(row.installation_id, {})[row.check_id] = MeasureRecord(row.check_id, row.value_text, row.value,
                                                                                 row.verdict)
    return found


def _installation(row: RowMapping, measures: Mapping[str, MeasureRecord]) -> InstallationRecord:
    return InstallationRecord(
        id=row["id"], assessment_id=row["assessment_id"], recommendation_id=row["recommendation_id"], room_id=row["room_id"],
        status=row["status"], reason=row["reason"], reason_note=row["reason_note"], installed_on=row["installed_on"],
        installed_by=row["installed_by"], note=row["note"], measures=dict(measures),
    )


def set_measure_texts(conn: Connection, texts: Mapping[tuple[int, str], str]) -> None:
    """As-installed values rewritten to name their unit (their value unchanged), inside the caller's transaction;
    ``texts``: (installation id, check id) → text."""
    m = _MEASURE.c
    for (installation_id, check_id), text in texts.items():
        conn.execute(_MEASURE.update().where(m.installation_id == installation_id, m.check_id == check_id)
                     .values(value_text=text))


def _measure_values(measure: MeasureRecord) -> dict[str, object]:
    return {"check_id": measure.check_id, "value_text": measure.value_text, "value": measure.value, "verdict": measure.verdict}


def _touch(conn: Connection, assessment_id: int, now: object) -> None:
    conn.execute(_ASSESSMENT.update().where(_ASSESSMENT.c.id == assessment_id).values(updated_at=now))
