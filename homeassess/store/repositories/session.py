"""The session factory every repository uses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from homeassess.store.engine import describe_write_failure, writer


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A write transaction that takes the lock up front and commits on success.

    A driver failure (disk full, locked, read-only) becomes SaveFailed with a plain
    message; integrity errors are programming errors and pass through unchanged.
    """
    try:
        with Session(writer(engine), expire_on_commit=False) as session, session.begin():
            yield session
    except DBAPIError as exc:
        if exc.__class__.__name__ == "IntegrityError":
            raise
        raise describe_write_failure(exc) from None
