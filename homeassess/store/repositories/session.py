"""The session factory every repository uses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlmodel import Session

from homeassess.store.engine import writer


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A write transaction that takes the lock up front and commits on success."""
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        yield session
