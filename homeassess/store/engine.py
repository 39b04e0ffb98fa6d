"""The one engine factory: SQLCipher-encrypted SQLite with durable, checked settings.

Every connection: keyed with the passphrase and verified at once, foreign keys on
(checked), WAL journal with ``synchronous=FULL`` (a committed edit survives a power cut),
temporary tables in memory, Python's legacy transaction handling off (we emit BEGIN,
or BEGIN IMMEDIATE for writers), and ``hide_parameters`` so no value typed by the
clinician ever appears in an error message.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from homeassess.domain.refusals import Refused
from homeassess.store.location import STORE_FILE_NAME as STORE_FILE_NAME  # re-exported, where callers find it

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_CACHE_KIB = 32 * 1024  # each connection's page cache


class StoreError(Refused):
    """A store problem with a message fit for the clinician (no health information)."""


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__("wrong passphrase or damaged file")


class NotEncrypted(StoreError):
    def __init__(self) -> None:
        super().__init__("this store file is not encrypted; HomeAssess only opens encrypted stores")


class SaveFailed(StoreError):
    """A write did not reach the disk; what was typed is still on screen."""


def describe_write_failure(exc: BaseException) -> SaveFailed:
    """Turn a driver error into a plain message (the driver's text may not be shown: it can quote values)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return SaveFailed("could not save: the disk is full. Free some space; what you typed is kept and can be saved again")
    if "locked" in text or "busy" in text:
        return SaveFailed("could not save: the store is busy. Try again in a moment; what you typed is kept")
    if "readonly" in text or "read-only" in text:
        return SaveFailed("could not save: the store folder is read-only; what you typed is kept")
    return SaveFailed("could not save to the store; what you typed is kept")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def classify_open_failure(path: Path) -> StoreError:
    """Tell an unencrypted file from a wrong passphrase (or damage) for the message."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return StoreError("the store file cannot be read")
    if header == SQLITE_HEADER:
        return NotEncrypted()
    return WrongPassphrase()


def open_connection(path: Path, passphrase: str) -> sqlcipher.Connection:
    """Open, key and verify one SQLCipher connection, with our pragmas applied."""
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            raise classify_open_failure(path) from None
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
            raise StoreError("the database refused to enforce foreign keys")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        # 32 MiB of decrypted pages (this build's default is 8 MiB): searching the home list of 2,000
        # assessments reads every client's row (a profile of about 2 KB each) and the assessments, 12 to 16 MiB.
        # Below that the scan evicted its own pages and decrypted them all again on every keystroke (27 ms of
        # SQL a keystroke at 8 MiB, under 3 ms at 16 MiB and more; docs/architecture.md, "Page cache").
        conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        conn.execute("PRAGMA busy_timeout = 10000")
        if sys.platform == "darwin":
            conn.execute("PRAGMA fullfsync = ON")
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def driver_connection(conn: Connection) -> sqlcipher.Connection:
    """The SQLCipher (DB-API) connection under a checked-out SQLAlchemy connection, for pragmas and VACUUM."""
    return _driver(conn.connection.driver_connection)


@contextmanager
def pooled_driver(engine: Engine) -> Iterator[sqlcipher.Connection]:
    """A pooled SQLCipher connection for fixed SQL texts on a hot path (a recording, the home list), given back to
    the pool after (where an open transaction is rolled back)."""
    pooled = engine.raw_connection()
    try:
        yield _driver(pooled.driver_connection)
    finally:
        pooled.close()


def _driver(raw: sqlcipher.Connection | None) -> sqlcipher.Connection:
    if raw is None:
        raise RuntimeError("the store connection was closed while in use")
    return raw


class ConnectionFactory:
    """Opens keyed connections for the pool, with a few opened ahead on a background thread.

    SQLCipher derives the key on every new connection (about 0.1 s). Without spares, the
    first time the GUI thread and a worker both need the store, one of them pays for it
    mid-visit (a stalled window); the spares are keyed right after unlock instead.
    """

    def __init__(self, path: Path, passphrase: str, first: sqlcipher.Connection) -> None:
        self._path = path
        self._passphrase = passphrase
        self._spare: list[sqlcipher.Connection] = [first]
        self._lock = threading.Lock()
        self._generation = 0  # moved by close_spares: a spare keyed for an earlier generation is closed, not kept

    def __call__(self) -> sqlcipher.Connection:
        with self._lock:
            if self._spare:
                return self._spare.pop()
        return open_connection(self._path, self._passphrase)

    def prewarm(self, count: int) -> threading.Thread:
        with self._lock:
            generation = self._generation

        def work() -> None:
            for _ in range(count):
                try:
                    conn = open_connection(self._path, self._passphrase)
                except Exception:  # a spare is an optimisation; the pool opens its own
                    return
                with self._lock:
                    current = generation == self._generation
                    if current:
                        self._spare.append(conn)
                if not current:  # the store was closed (or locked) meanwhile: no keyed connection outlives it
                    conn.close()
                    return

        thread = threading.Thread(target=work, name="homeassess-prewarm", daemon=True)
        thread.start()
        return thread

    def close_spares(self) -> None:
        """Close the spares, and any a prewarm still under way is keying (it closes them as they open)."""
        with self._lock:
            spares, self._spare = self._spare, []
            self._generation += 1
        for conn in spares:
            conn.close()


# Each engine's connection factory, so its spare connections can be closed with it.
_FACTORIES: weakref.WeakKeyDictionary[Engine, ConnectionFactory] = weakref.WeakKeyDictionary()


def create_store_engine(path: Path, passphrase: str, *, pool_size: int = 3, prewarm: int = 2) -> Engine:
    """Build the engine for the store at ``path``; raises WrongPassphrase/NotEncrypted at once."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    factory = ConnectionFactory(path, passphrase, open_connection(path, passphrase))  # fail fast, before any pool
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=factory,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        # The connection returned last is taken next: one window's reads and writes keep using one
        # connection, whose page cache stays valid. Taken in turn (FIFO), each found the others' writes
        # in the WAL, dropped its cache and decrypted every page again (a third of a recording's CPU).
        pool_use_lifo=True,
        pool_pre_ping=False,
        hide_parameters=True,
    )
    _FACTORIES[engine] = factory

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("begin_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    if prewarm:
        factory.prewarm(prewarm)
    log.info("store opened (SQLCipher, SQLite %s)", sqlcipher.sqlite_version)
    return engine


def open_spare_connections(engine: Engine, count: int) -> None:
    """Key ``count`` spare connections on a background thread (for an engine created with ``prewarm=0``)."""
    factory = _FACTORIES.get(engine)
    if factory is not None:
        factory.prewarm(count)


def close_spare_connections(engine: Engine) -> None:
    factory = _FACTORIES.get(engine)
    if factory is not None:
        factory.close_spares()


# Each engine's writing view, made once: ``execution_options`` builds a new engine object per call.
_WRITERS: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock up front (BEGIN IMMEDIATE)."""
    found = _WRITERS.get(engine)
    if found is None:
        found = _WRITERS[engine] = engine.execution_options(begin_immediate=True)
    return found


def checkpoint_and_dispose(engine: Engine) -> None:
    """At clean shutdown: fold the WAL back into the main file, then close connections."""
    try:
        with engine.connect() as conn:
            driver_connection(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # shutdown must not fail on a checkpoint
        log.warning("WAL checkpoint at shutdown failed", exc_info=False)
    engine.dispose()
    close_spare_connections(engine)
