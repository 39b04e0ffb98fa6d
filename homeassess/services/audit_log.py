"""Writing the audit trail from the services: who did what to which record, and when.

Details never carry health information: ids, counts, audiences and file hashes only.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from homeassess.store.repositories import AuditRepository
from homeassess.store.repositories.audit import AuditRecord
from homeassess.store.repositories.session import AuditEntry


class AuditAction(StrEnum):
    OPEN = "open"
    CREATE = "create"
    EDIT = "edit"
    EXPORT = "export"
    IMPORT = "import"
    REPORT = "report"
    PRINT = "print"
    RESTORE = "restore"
    UNLOCK = "unlock"
    LOCK = "lock"
    UNLOCK_FAILED = "unlock_failed"
    FINALISE = "finalise"
    ARCHIVE = "archive"
    FOLLOW_UP_STARTED = "follow_up_started"
    INSTALLED_ITEM = "installed_item"  # a follow-up's item: status, reason, installed on/by, note
    AS_INSTALLED_CHECK = "as_installed_check"
    OUTCOMES = "outcomes"  # goal scores, falls, concern, instrument score


class AuditLog:
    def __init__(self, repository: AuditRepository, clinician: Callable[[], str]) -> None:
        self._repository = repository
        self._clinician = clinician

    def record(self, action: AuditAction, assessment_id: int | None = None, detail: str = "") -> None:
        self._repository.append(action.value, self._clinician(), assessment_id, detail)

    def entry(self, action: AuditAction, assessment_id: int | None = None, detail: str = "") -> AuditEntry:
        """An audit line for a repository to write in the same transaction as the change."""
        return AuditEntry(action.value, self._clinician(), assessment_id, detail)

    def for_assessment(self, assessment_id: int) -> list[AuditRecord]:
        return self._repository.for_assessment(assessment_id)

    def latest(self, limit: int = 500) -> list[AuditRecord]:
        """The store's latest events, of every assessment and of the store itself (a restore), newest first."""
        return self._repository.all(limit)
