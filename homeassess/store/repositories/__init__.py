"""Repositories: one short session per operation, plain (detached) objects out."""

from homeassess.store.repositories.assessments import AssessmentRepository, AssessmentSummary
from homeassess.store.repositories.audit import AuditRepository
from homeassess.store.repositories.follow_ups import FollowUpRepository
from homeassess.store.repositories.outcomes import OutcomeRepository
from homeassess.store.repositories.photos import PhotoRepository
from homeassess.store.repositories.recommendations import RecommendationRepository
from homeassess.store.repositories.reports import ReportRepository
from homeassess.store.repositories.rooms import RoomProgress, RoomRepository
from homeassess.store.repositories.settings import SettingsRepository

__all__ = [
    "AssessmentRepository",
    "AssessmentSummary",
    "AuditRepository",
    "FollowUpRepository",
    "OutcomeRepository",
    "PhotoRepository",
    "RecommendationRepository",
    "ReportRepository",
    "RoomProgress",
    "RoomRepository",
    "SettingsRepository",
]
