"""Automatic backups (daily and on exit) and restoring one, with the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from homeassess.services.audit_log import AuditAction, AuditLog
from homeassess.services.settings import SettingsService
from homeassess.store.backup import BackupInfo
from homeassess.store.store import Store

DAILY = timedelta(hours=24)


class BackupService:
    def __init__(self, store: Store, settings: SettingsService, audit: AuditLog) -> None:
        self.store = store
        self.settings = settings
        self.audit = audit

    def _keep(self) -> None:
        self.store.backups_to_keep = self.settings.load().backups_to_keep

    def list(self) -> list[BackupInfo]:
        return self.store.backups()

    def take(self, reason: str = "manual") -> BackupInfo:
        self._keep()
        return self.store.backup(reason)

    def daily_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        now = now or datetime.now(UTC)
        latest = next(iter(self.list()), None)
        if latest is not None and now - latest.created < DAILY:
            return None
        return self.take("daily")

    def on_exit(self) -> BackupInfo:
        return self.take("exit")

    def restore(self, backup: Path) -> BackupInfo:
        """Restore ``backup``; returns the backup of the state just replaced."""
        safety = self.store.restore_from(backup)
        self.audit.record(AuditAction.RESTORE, None, "store restored from a verified backup")
        return safety
