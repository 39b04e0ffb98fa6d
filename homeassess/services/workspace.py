"""Every service over one open store: the small typed bundle the composition roots build.

``homeassess.app`` (the window) and ``homeassess.cli`` build one ``Workspace`` per open store.
The window's widgets never receive it: the main window hands each screen the named services it
uses. ``StoreSession`` is what the idle lock needs from the store (lock, unlock, where it is),
so the window never touches the store itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from homeassess.domain.judge import Judge
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditAction, AuditLog
from homeassess.services.backups import BackupService
from homeassess.services.checklist import ChecklistService
from homeassess.services.follow_up import FollowUpService
from homeassess.services.follow_up_items import InstalledItemReader
from homeassess.services.outcomes import OutcomeService
from homeassess.services.photo_import import PhotoImportService
from homeassess.services.proposals import ProposalDeriver
from homeassess.services.recommendations import RecommendationService
from homeassess.services.settings import SettingsService
from homeassess.store.repositories import (
    AssessmentRepository,
    AuditRepository,
    FollowUpRepository,
    OutcomeRepository,
    PhotoRepository,
    RecommendationRepository,
    RoomRepository,
    SettingsRepository,
)
from homeassess.store.store import Store


class StoreSession:
    """Locking and unlocking the open store (the idle lock), audited."""

    def __init__(self, store: Store, audit: AuditLog) -> None:
        self._store = store
        self._audit = audit

    @property
    def path(self) -> Path:
        return self._store.path

    def lock(self) -> None:
        """Record the lock and close every decrypted connection until the passphrase is typed again."""
        self._audit.record(AuditAction.LOCK)
        self._store.release_connections()

    def unlock(self, passphrase: str) -> bool:
        if not self._store.passphrase_matches(passphrase):
            self._audit.record(AuditAction.UNLOCK_FAILED)
            return False
        self._audit.record(AuditAction.UNLOCK)
        return True


@dataclass
class Workspace:
    store: Store
    judge: Judge
    settings: SettingsService
    audit: AuditLog
    assessments: AssessmentService
    checklist: ChecklistService
    recommendations: RecommendationService
    photos_repo: PhotoRepository
    photo_import: PhotoImportService
    backups: BackupService
    session: StoreSession
    follow_ups: FollowUpService
    outcomes: OutcomeService

    @classmethod
    def build(cls, store: Store, judge: Judge) -> Workspace:
        engine = store.engine
        settings = SettingsService(SettingsRepository(engine))
        audit = AuditLog(AuditRepository(engine), lambda: settings.load().clinician_name)
        rooms = RoomRepository(engine)
        recs = RecommendationRepository(engine)
        photos = PhotoRepository(engine)
        assessments = AssessmentService(AssessmentRepository(engine), rooms, judge, settings, audit)
        store.backups_to_keep = settings.load().backups_to_keep
        checklist = ChecklistService(assessments, rooms)
        assessments.verdicts = checklist.verdicts
        assessments.units_kept = checklist.units_kept
        deriver = ProposalDeriver(judge.catalogue, checklist.evaluate)
        recommendations = RecommendationService(assessments, recs, deriver)
        outcomes = OutcomeService(assessments, OutcomeRepository(engine))
        follow_ups = FollowUpService(assessments, recommendations, FollowUpRepository(engine),
                                     InstalledItemReader(assessments, recommendations, photos), outcomes)
        outcomes.open_findings = follow_ups.open_findings
        assessments.measures_kept = follow_ups.units_kept
        return cls(
            store=store, judge=judge, settings=settings, audit=audit, assessments=assessments,
            checklist=checklist,
            recommendations=recommendations,
            photos_repo=photos,
            photo_import=PhotoImportService(photos, assessments, audit),
            backups=BackupService(store, settings, audit),
            session=StoreSession(store, audit), follow_ups=follow_ups, outcomes=outcomes,
        )

    def close(self) -> None:
        self.store.close()
