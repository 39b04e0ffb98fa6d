"""Verified, rotating backups of the encrypted store.

``VACUUM INTO`` writes a consistent, encrypted snapshot of a live store (a file copy
would not: docs/pitfalls.md §1.10). Each backup is reopened with the passphrase and checked
(``integrity_check``, ``cipher_integrity_check``, row counts) before it is given its
final name; only verified backups count towards the number kept.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from homeassess.store.atomic_file import commit_temp_file, make_private, temp_path_for
from homeassess.store.engine import StoreError, driver_connection, open_connection

log = logging.getLogger(__name__)

BACKUP_GLOB = "homeassess-*.db"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


def _row_counts(conn: sqlcipher.Connection) -> dict[str, int]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def verify_backup(path: Path, passphrase: str, expected_counts: dict[str, int] | None = None) -> dict[str, int]:
    """Open a backup with the passphrase and check it whole; returns its row counts."""
    conn = open_connection(path, passphrase)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StoreError("the backup failed its integrity check")
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise StoreError("the backup failed its encryption integrity check")
        counts = _row_counts(conn)
        conn.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        conn.close()
    if expected_counts is not None and counts != expected_counts:
        raise StoreError("the backup does not hold the same records as the store")
    return counts


def take_backup(engine: Engine, passphrase: str, folder: Path, reason: str, keep: int = 10) -> BackupInfo:
    """Snapshot the live store into ``folder``, verify it, then rotate old backups."""
    folder.mkdir(parents=True, exist_ok=True)
    make_private(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"homeassess-{stamp}-{reason}.db"
    temp = temp_path_for(target)
    try:
        with engine.connect() as conn:
            raw = driver_connection(conn)
            counts = _row_counts(raw)
            # VACUUM INTO reads one consistent snapshot; a writer committing meanwhile only adds rows.
            raw.execute("VACUUM INTO ?", (str(temp),))
        actual = verify_backup(temp, passphrase)
        if any(actual.get(table, -1) < count for table, count in counts.items()):
            raise StoreError("the backup does not hold the same records as the store")
        make_private(temp)
        commit_temp_file(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    rotate_backups(folder, keep)
    info = BackupInfo(target, datetime.now(UTC), reason, target.stat().st_size)
    log.info("backup written and verified (%d bytes)", info.size)
    return info


def list_backups(folder: Path) -> list[BackupInfo]:
    found: list[BackupInfo] = []
    for path in sorted(folder.glob(BACKUP_GLOB), reverse=True):
        parts = path.stem.split("-", 2)
        try:
            created = datetime.strptime(parts[1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except (IndexError, ValueError):
            continue
        found.append(BackupInfo(path, created, parts[2] if len(parts) > 2 else "", path.stat().st_size))
    return found


def rotate_backups(folder: Path, keep: int) -> None:
    for stale in list_backups(folder)[max(keep, 1):]:
        with contextlib.suppress(OSError):
            stale.path.unlink()
