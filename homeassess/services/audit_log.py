"""Writing the audit trail from the services: who did what to which record, and when.

Details never carry health information: ids, counts, audiences and file hashes only.
"""

from __future__ import annotations

from enum import StrEnum

from homeassess.store.repositories import AuditRepository
from homeassess.store.tables import AuditRow


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


class AuditLog:
    def __init__(self, repository: AuditRepository, clinician: callable) -> None:
        self._repository = repository
        self._clinician = clinician

    def record(self, action: AuditAction, assessment_id: int | None = None, detail: str = "") -> None:
        self._repository.append(action.value, self._clinician(), assessment_id, detail)

    def for_assessment(self, assessment_id: int) -> list[AuditRow]:
        return self._repository.for_assessment(assessment_id)
