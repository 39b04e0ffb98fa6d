"""Bringing a store to the current schema, safely.

Order (docs/pitfalls.md §1.7): a verified backup of a populated store first; foreign keys off
on the connection *before* the transaction (a batch table rebuild would otherwise
cascade-delete child rows); all revisions in one transaction; ``foreign_key_check``
must come back empty before commit; foreign keys back on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from homeassess.store.engine import StoreError, driver_connection

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^(down_)?revision\s*=\s*['\"]?([\w]+)['\"]?", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic is only imported when there is migrating to do

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision, read from the revision files (without importing Alembic at every start)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            if value != "None":
                (parents if down else revisions).add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise StoreError("the schema migrations do not form one line of revisions")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        raw = driver_connection(conn)
        if not raw.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone():
            return None
        row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = driver_connection(conn).execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()
        return bool(rows[0])


def upgrade_store(engine: Engine, backup: Callable[[], Path] | None = None, target: str = "head") -> MigrationResult:
    """Migrate to ``target``; ``backup()`` is called first on a populated store and must return a verified path."""
    before = current_revision(engine)
    head = head_revision() if target == "head" else target
    if before == head:
        return MigrationResult(before, head, None)
    from alembic import command

    backup_path = backup() if (backup and _has_user_tables(engine)) else None
    config = alembic_config()
    with engine.connect() as conn:
        raw = driver_connection(conn)
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
