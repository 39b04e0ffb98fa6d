"""Bringing a store to the current schema, safely.

Order (pitfalls §1.7): a verified backup of a populated store first; foreign keys off
on the connection *before* the transaction (a batch table rebuild would otherwise
cascade-delete child rows); all revisions in one transaction; ``foreign_key_check``
must come back empty before commit; foreign keys back on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from homeassess.store.engine import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.connection.driver_connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()
        return bool(rows[0])


def upgrade_store(engine: Engine, backup: callable | None = None, target: str = "head") -> MigrationResult:
    """Migrate to ``target``; ``backup()`` is called first on a populated store and must return a verified path."""
    before = current_revision(engine)
    head = head_revision() if target == "head" else target
    if before == head:
        return MigrationResult(before, head, None)
    backup_path = backup() if (backup and _has_user_tables(engine)) else None
    config = alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, or SQLite ignores it
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StoreError(f"migration left {len(problems)} broken references; nothing was changed")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    log.info("store migrated from %s to %s", before, head)
    return MigrationResult(before, head, backup_path)
