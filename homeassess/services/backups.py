"""Automatic backups (daily, when idle after a change, and on exit) and restoring one, with the audit trail.

The service remembers which verified backup holds the store as it is now (``current``: nothing committed
since it was taken, by the store's change marker). The window takes one on a worker thread once it has been
idle a while after a change (``ui/shell/idle_backup.py``), so that quitting usually finds the store already
backed up and writes nothing; when something did change since, the exit backup is handed to a detached step
that writes and verifies it after the store is closed (``store/exit_backup.py``). docs/backups.md.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from homeassess.domain.refusals import Refused
from homeassess.services.audit_log import AuditAction, AuditLog
from homeassess.services.changes import Change, Scope, change
from homeassess.services.settings import SettingsService
from homeassess.store.backup import BackupInfo
from homeassess.store.exit_backup import DetachedBackup
from homeassess.store.store import Store

DAILY = timedelta(hours=24)


class BackupFailed(Refused):
    """A backup that could not be written, verified or restored; the sentence says which and why."""


@dataclass(frozen=True)
class ExitBackup:
    """What quitting did: found the verified backup that already holds everything (``current``), or handed a
    new one to a detached step that writes and verifies it once the store is closed (``detached``)."""

    current: BackupInfo | None = None
    detached: DetachedBackup | None = None


class BackupService:
    def __init__(self, store: Store, settings: SettingsService, audit: AuditLog) -> None:
        self.store = store
        self.settings = settings
        self.audit = audit
        self._verified: tuple[tuple, BackupInfo] | None = None  # (the store's change marker, the backup taken at it)
        self._lock = threading.Lock()  # backups run on worker threads; one at a time

    def _keep(self) -> None:
        self.store.backups_to_keep = self.settings.load().backups_to_keep

    def list(self) -> list[BackupInfo]:
        return self.store.backups()

    def take(self, reason: str = "manual") -> BackupInfo:
        with self._lock:
            self._keep()
            before = self.store.change_marker()
            info = self.store.backup(reason)
            if self.store.change_marker() == before:  # nothing was committed while it was taken
                self._verified = (before, info)
            return info

    def back_up_now(self) -> Change:
        """The clinician's "Back up now": ``Change.value`` is the verified backup; refused when it cannot be
        written or verified (a full disk, a read-only folder)."""
        try:
            info = self.take("manual")
        except OSError as exc:
            raise BackupFailed(f"The backup could not be written or verified ({exc.strerror or 'error'}).") from None
        return change(label="back up", value=info)

    def current(self) -> BackupInfo | None:
        """The newest verified backup if nothing has been committed to the store since it was taken."""
        verified = self._verified
        if verified is None or verified[0] != self.store.change_marker() or not verified[1].path.exists():
            return None
        return verified[1]

    def take_if_changed(self, reason: str = "idle") -> BackupInfo | None:
        """A verified backup unless one already holds the store as it is; None when nothing was written."""
        if self.current() is not None:
            return None
        return self.take(reason)

    def daily_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        now = now or datetime.now(UTC)
        latest = next(iter(self.list()), None)
        if latest is not None and now - latest.created < DAILY:
            return None
        return self.take("daily")

    def on_exit(self) -> ExitBackup:
        """At quit, before the store closes: nothing to do if a verified backup is current, else a detached
        step writes and verifies one after ``Store.close`` (quitting does not wait for it)."""
        with self._lock:  # an idle backup under way finishes first (it may make this one unneeded)
            current = self.current()
            if current is not None:
                return ExitBackup(current=current)
            self._keep()
            return ExitBackup(detached=self.store.backup_after_close("exit"))

    def restore(self, backup: Path) -> Change:
        """Replace the store with ``backup``; ``Change.value`` is the backup of the state just replaced. Refused,
        with nothing changed, when the backup is not a verified copy of this store or cannot be read."""
        try:
            with self._lock:  # after an idle backup under way
                safety = self.store.restore_from(backup)
        except OSError as exc:
            raise BackupFailed(f"The backup could not be restored ({exc.strerror or 'error'}).") from None
        self.audit.record(AuditAction.RESTORE, None, "store restored from a verified backup")
        return change(*Scope, label="restore backup", value=safety)  # every view shows another store now
