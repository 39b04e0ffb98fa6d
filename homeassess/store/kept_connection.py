"""One keyed connection kept out of the pool for the hot write path: recording a typed value.

Checking a connection out of SQLAlchemy's pool and back in costs more than a recording's own statements
(about 45 µs of the 0.3 to 0.5 ms a recording may add to a raw insert-and-commit; ``benchmarks/README.md``).
The recorder instead keeps one connection: taken from the pool once (the warm one the window used last, or a
keyed spare) and detached from it, then used under a lock. Beside it lives a ``memo`` (a dict), new with each
connection, where the user keeps what it may reuse while nothing else writes (``recording.py``).

The connection is closed whenever the engine's pool is disposed (the store locked, restored or closed), so no
decrypted connection outlives the pool's own; the next use takes a fresh one, with an empty memo.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, event


@dataclass
class Kept:
    """The kept connection and its memo (emptied whenever the connection is replaced)."""

    connection: sqlcipher.Connection
    memo: dict[object, object] = field(default_factory=dict)


class KeptConnection:
    """The engine's kept connection (one per engine: ``kept_connection``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = weakref.ref(engine)
        self._lock = threading.Lock()
        self._kept: Kept | None = None

    @contextmanager
    def use(self) -> Iterator[Kept]:
        """The connection, held by this thread until the block ends (another thread's recording waits)."""
        with self._lock:
            if self._kept is None:
                self._kept = Kept(self._take())
            yield self._kept

    def close(self) -> None:
        """Close the connection (after a use under way ends); the next ``use`` takes a new one."""
        with self._lock:
            kept, self._kept = self._kept, None
        if kept is not None:
            kept.connection.close()

    def _take(self) -> sqlcipher.Connection:
        engine = self._engine()
        if engine is None:
            raise RuntimeError("the store was closed")
        pooled = engine.raw_connection()
        connection = pooled.driver_connection
        if connection is None:
            raise RuntimeError("the store connection was closed while in use")
        pooled.detach()  # the pool forgets it: closing it is ours (``close``)
        return connection


_KEPT: weakref.WeakKeyDictionary[Engine, KeptConnection] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def kept_connection(engine: Engine) -> KeptConnection:
    """The engine's kept connection, made on first use and closed with the engine's pool."""
    with _KEPT_LOCK:
        kept = _KEPT.get(engine)
        if kept is None:
            kept = _KEPT[engine] = KeptConnection(engine)
            event.listen(engine, "engine_disposed", lambda _engine: kept.close())
        return kept
