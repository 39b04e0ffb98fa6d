"""What the main window is given: the named services, built once by the composition root.

The window keeps this bundle to itself and hands each screen and dialog only the services it
names (the photo strip gets the photo service, the review gets the recommendation service...).
``from_workspace`` builds it from the services of one open store; ``homeassess.app`` and the
self-test use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassess.domain.judge import Judge
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditLog
from homeassess.services.backups import BackupService
from homeassess.services.bundle_transfer import BundleService
from homeassess.services.changes import Change
from homeassess.services.checklist import ChecklistService
from homeassess.services.demo_follow_up import add_demo
from homeassess.services.follow_up import FollowUpService
from homeassess.services.outcomes import OutcomeService
from homeassess.services.photo_import import PhotoImportService
from homeassess.services.recommendations import RecommendationService
from homeassess.services.settings import SettingsService
from homeassess.services.workspace import StoreSession, Workspace

if TYPE_CHECKING:
    from homeassess.services.reports import ReportService


@dataclass(frozen=True)
class WindowServices:
    judge: Judge
    assessments: AssessmentService
    checklist: ChecklistService
    recommendations: RecommendationService
    photos: PhotoImportService
    settings: SettingsService
    audit: AuditLog
    backups: BackupService
    bundles: BundleService
    session: StoreSession
    reports: Callable[[], ReportService]  # built on first use: ReportLab is not imported at start
    install_demo: Callable[[], Change]  # value: the demo assessment's id (added once, with the demo follow-up)
    follow_ups: FollowUpService
    outcomes: OutcomeService

    @classmethod
    def from_workspace(cls, workspace: Workspace) -> WindowServices:
        built: list[ReportService] = []

        def reports() -> ReportService:
            if not built:
                from homeassess.services.reports import ReportService

                built.append(ReportService(workspace))
            return built[0]

        return cls(
            judge=workspace.judge, assessments=workspace.assessments, checklist=workspace.checklist,
            recommendations=workspace.recommendations, photos=workspace.photo_import, settings=workspace.settings,
            audit=workspace.audit, backups=workspace.backups, bundles=BundleService(workspace), session=workspace.session,
            reports=reports, install_demo=lambda: add_demo(workspace), follow_ups=workspace.follow_ups,
            outcomes=workspace.outcomes,
        )
