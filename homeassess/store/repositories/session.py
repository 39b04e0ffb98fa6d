"""The session factory every repository uses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel

from homeassess.store.engine import describe_write_failure, writer
from homeassess.store.tables import AuditRow, table_of

RowT = TypeVar("RowT", bound=SQLModel)


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@dataclass(frozen=True)
class AuditEntry:
    """An audit-trail line written in the same transaction as the change it describes."""

    action: str
    clinician: str
    assessment_id: int | None = None
    detail: str = ""


@contextmanager
def write_session(engine: Engine, audit: AuditEntry | None = None) -> Iterator[Session]:
    """A write transaction that takes the lock up front and commits on success.

    ``audit``, when given, is appended in the same transaction: the change and its audit line
    are stored together or not at all.

    A driver failure (disk full, locked, read-only) becomes SaveFailed with a plain
    message; integrity errors are programming errors and pass through unchanged.
    """
    try:
        with Session(writer(engine), expire_on_commit=False) as session, session.begin():
            yield session
            if audit is not None:
                session.add(AuditRow(action=audit.action, clinician=audit.clinician, assessment_id=audit.assessment_id,
                                     detail=audit.detail))
    except DBAPIError as exc:
        if exc.__class__.__name__ == "IntegrityError":
            raise
        raise describe_write_failure(exc) from None


@contextmanager
def write_connection(engine: Engine, audit: AuditEntry | None = None) -> Iterator[Connection]:
    """The same write transaction on a plain connection, for Core statements without the ORM's
    unit of work: recording a measurement, the one write a clinician makes dozens of times a room."""
    try:
        with writer(engine).begin() as conn:
            yield conn
            if audit is not None:
                conn.execute(table_of(AuditRow).insert().values(
                    action=audit.action, clinician=audit.clinician, assessment_id=audit.assessment_id, detail=audit.detail,
                ))
    except DBAPIError as exc:
        if exc.__class__.__name__ == "IntegrityError":
            raise
        raise describe_write_failure(exc) from None


def get_row(session: Session, table: type[RowT], key: object) -> RowT:
    """The row with this primary key. The services check that what they change exists, so a missing row is a bug."""
    row = session.get(table, key)
    if row is None:
        raise KeyError(f"no {table.__name__} row with this key")
    return row


def id_chunks(ids: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    """``ids`` in lists of at most ``size``, one ``IN (…)`` query each (SQLite bounds a statement's parameters)."""
    for start in range(0, len(ids), size):
        yield list(ids[start:start + size])
