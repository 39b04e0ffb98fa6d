"""Every service over one open store, built once by the composition root and passed down."""

from __future__ import annotations

from dataclasses import dataclass

from homeassess.domain.judge import Judge
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditLog
from homeassess.services.backups import BackupService
from homeassess.services.checklist import ChecklistService
from homeassess.services.photo_import import PhotoImportService
from homeassess.services.proposals import ProposalDeriver
from homeassess.services.recommendations import RecommendationService
from homeassess.services.settings import SettingsService
from homeassess.store.repositories import (
    AssessmentRepository,
    AuditRepository,
    PhotoRepository,
    RecommendationRepository,
    RoomRepository,
    SettingsRepository,
)
from homeassess.store.store import Store


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
    backups: BackupService
    photo_import: PhotoImportService = None  # type: ignore[assignment] - set in build()

    @classmethod
    def build(cls, store: Store, judge: Judge) -> Workspace:
        engine = store.engine
        settings = SettingsService(SettingsRepository(engine))
        audit = AuditLog(AuditRepository(engine), lambda: settings.load().clinician_name)
        rooms = RoomRepository(engine)
        recs = RecommendationRepository(engine)
        assessments = AssessmentService(AssessmentRepository(engine), rooms, judge, settings, audit)
        store.backups_to_keep = settings.load().backups_to_keep
        checklist = ChecklistService(assessments, rooms)
        assessments.verdicts = checklist.verdicts
        deriver = ProposalDeriver(judge.catalogue, checklist.evaluate)
        workspace = cls(
            store=store, judge=judge, settings=settings, audit=audit, assessments=assessments,
            checklist=checklist,
            recommendations=RecommendationService(assessments, recs, deriver),
            photos_repo=PhotoRepository(engine),
            backups=BackupService(store, settings, audit),
        )
        workspace.photo_import = PhotoImportService(workspace)
        return workspace

    def close(self) -> None:
        self.store.close()
