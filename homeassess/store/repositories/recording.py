"""Recording one typed value: read what it is judged against, judge it, write it, in one transaction.

This is the write a clinician makes for every value typed, so it is held to twice a raw SQLCipher
insert-and-commit (``benchmarks/scenarios/record_measurement.py``). It runs on the engine's kept
connection (``store/kept_connection.py``: no pool checkout) with fixed SQL texts, without SQLAlchemy's
statement layer (whose cache keys and result objects cost more than the statements themselves), in one
``BEGIN IMMEDIATE … COMMIT``:

1. under the write lock, what the value is judged against: the room, its assessment's status, standard
   and units, the client profile and the answer already stored for the item. One ``SELECT`` reads them,
   unless the kept connection read them before and nothing else has written to the store since: its
   ``PRAGMA data_version`` moves whenever another connection commits (a note, a decision, the client's
   profile, a finalised visit), and then every target remembered is forgotten. The answers this
   connection writes itself are remembered as written, after their commit;
2. the caller's ``decide`` judges the typed value against them and returns what to store (it may
   refuse: the transaction is rolled back and nothing is written);
3. one statement stores the answer (``UPDATE``, ``INSERT`` or ``DELETE``) and one moves the
   assessment's version (``updated_at``), which the review's caches key on.

A killed process leaves either the previous answer or the new one, never half of either (the proposals
are derived from the answers, ``services/proposals.py``, so there is nothing else to keep in step).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from homeassess.store.engine import describe_write_failure
from homeassess.store.kept_connection import Kept, kept_connection
from homeassess.store.repositories.rooms import ResponseRecord, RoomRecord
from homeassess.store.tables import utcnow

_READ = (
    "SELECT r.assessment_id, r.room_type, r.name, r.position, r.notes, a.status, a.standard, a.unit, c.profile_json,"
    " p.id, p.value_text, p.value, p.verdict, p.note"
    " FROM room r JOIN assessment a ON a.id = r.assessment_id JOIN client c ON c.id = a.client_id"
    " LEFT JOIN response p ON p.room_id = r.id AND p.item_id = ?"
    " WHERE r.id = ?"
)
_UPDATE = "UPDATE response SET value_text = ?, value = ?, verdict = ?, updated_at = ? WHERE id = ?"
_INSERT = ("INSERT INTO response (room_id, item_id, value_text, value, verdict, note, updated_at)"
           " VALUES (?, ?, ?, ?, ?, '', ?)")
_DELETE = "DELETE FROM response WHERE id = ?"
_TOUCH = "UPDATE assessment SET updated_at = ? WHERE id = ?"


@dataclass(frozen=True)
class RecordingTarget:
    """What a typed value is judged against, read in the recording's own transaction."""

    room: RoomRecord
    status: str
    standard: str
    unit: str
    client_profile_json: str
    previous: ResponseRecord | None


@dataclass(frozen=True)
class StoredAnswer:
    """What ``decide`` stores: the text as typed, its canonical value and its verdict."""

    value_text: str
    value: float | None
    verdict: str


Decide = Callable[[RecordingTarget], StoredAnswer | None]  # None: clear the answer


def stored_time(moment: datetime) -> str:
    """A timestamp as the store's DateTime columns hold it (SQLAlchemy's SQLite format, UTC, no offset)."""
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


class ResponseRecorder:
    """Records typed answers in the store at ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection = kept_connection(engine)

    def record(self, room_id: int, item_id: str, decide: Decide) -> RecordingTarget | None:
        """Judge (``decide``) and store one answer in one transaction; the target read (with the previous
        answer, for undo), or None when the room does not exist (nothing is written)."""
        with self._connection.use() as kept:
            return _record(kept, room_id, item_id, decide)


_DATA_VERSION = "data_version"  # the memo's key for the store's data version its targets were read at


def _record(kept: Kept, room_id: int, item_id: str, decide: Decide) -> RecordingTarget | None:
    memo, key = kept.memo, (room_id, item_id)
    with _write_transaction(kept.connection) as conn:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if memo.get(_DATA_VERSION) != version:  # another connection wrote: what was read before may have changed
            memo.clear()
            memo[_DATA_VERSION] = version
        target = memo.get(key)
        if not isinstance(target, RecordingTarget):
            target = _read_target(conn, room_id, item_id)
            if target is None:
                return None
        previous = target.previous
        answer = decide(target)
        now = stored_time(utcnow())
        stored: ResponseRecord | None = None
        if answer is None:
            if previous is None:  # no answer to clear: nothing is written
                memo[key] = target
                return target
            conn.execute(_DELETE, (previous.id,))
        elif previous is None:
            row_id = conn.execute(_INSERT, (room_id, item_id, answer.value_text, answer.value, answer.verdict, now)).lastrowid
            stored = ResponseRecord(row_id, room_id, item_id, answer.value_text, answer.value, answer.verdict, "")
        else:
            conn.execute(_UPDATE, (answer.value_text, answer.value, answer.verdict, now, previous.id))
            stored = replace(previous, value_text=answer.value_text, value=answer.value, verdict=answer.verdict)
        conn.execute(_TOUCH, (now, target.room.assessment_id))
    memo[key] = replace(target, previous=stored)  # committed: what the store now holds for this item
    return target


def _read_target(conn: sqlcipher.Connection, room_id: int, item_id: str) -> RecordingTarget | None:
    row = conn.execute(_READ, (item_id, room_id)).fetchone()
    if row is None:
        return None
    room = RoomRecord(room_id, row[0], row[1], row[2], row[3], row[4])
    previous = ResponseRecord(row[9], room_id, item_id, row[10], row[11], row[12], row[13]) if row[9] is not None else None
    return RecordingTarget(room, row[5], row[6], row[7], row[8], previous)


@contextmanager
def _write_transaction(conn: sqlcipher.Connection) -> Iterator[sqlcipher.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any exception. A driver failure (disk full, locked,
    read-only) becomes SaveFailed; integrity errors are bugs and pass through."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.rollback()
        if isinstance(exc, sqlcipher.DatabaseError) and not isinstance(exc, sqlcipher.IntegrityError):
            raise describe_write_failure(exc) from None
        raise
