"""Reviewing recommendations: accept, edit, dismiss, add by hand, and cost totals."""

from __future__ import annotations

from dataclasses import dataclass

from homeassess.domain.recommendations import Category, Priority, Responsible
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditAction
from homeassess.store.repositories import RecommendationRepository
from homeassess.store.tables import RecommendationRow

STATUSES = ("proposed", "accepted", "dismissed")


@dataclass(frozen=True)
class RecommendationView:
    row: RecommendationRow
    room_name: str
    item_prompt: str


@dataclass(frozen=True)
class CostTotals:
    """Accepted recommendations' cost ranges, per priority and overall."""

    by_priority: dict[str, tuple[int, int]]
    low: int
    high: int
    count: int


class RecommendationService:
    def __init__(self, assessments: AssessmentService, repository: RecommendationRepository) -> None:
        self.assessments = assessments
        self.repository = repository

    def list(self, assessment_id: int, statuses: tuple[str, ...] | None = None) -> list[RecommendationView]:
        rooms = {r.id: r.name for r in self.assessments.assessments.rooms(assessment_id)}
        items = self.assessments.catalogue.items
        return [
            RecommendationView(row, rooms.get(row.room_id, "Whole home"), items[row.item_id].prompt if row.item_id in items else "")
            for row in self.repository.list(assessment_id, statuses)
        ]

    def set_status(self, rec_id: int, status: str) -> str:
        """Accept, dismiss or return to proposed; returns the previous status (for undo)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        row = self._draft_row(rec_id)
        _, previous = self.repository.update(rec_id, status=status)
        self.assessments.audit.record(AuditAction.EDIT, row.assessment_id, f"recommendation {status}")
        return str(previous["status"])

    def edit(self, rec_id: int, **fields: object) -> dict[str, object]:
        """Change a recommendation's wording, priority, party or cost; returns the old values."""
        row = self._draft_row(rec_id)
        _validate(fields)
        _, previous = self.repository.update(rec_id, **fields)
        self.assessments.audit.record(AuditAction.EDIT, row.assessment_id, "recommendation edited")
        return previous

    def add_custom(self, assessment_id: int, room_id: int | None, title: str, **fields: object) -> RecommendationRow:
        self.assessments.require_draft(assessment_id)
        if not title.strip():
            raise ValueError("a recommendation needs a title")
        fields.setdefault("priority", Priority.MEDIUM.value)
        fields.setdefault("category", Category.MINOR_MODIFICATION.value)
        fields.setdefault("responsible", Responsible.CLIENT.value)
        _validate(fields)
        row = RecommendationRow(
            assessment_id=assessment_id, room_id=room_id, title=title.strip(), custom=True, status="accepted", **fields
        )
        added = self.repository.add(row)
        self.assessments.audit.record(AuditAction.EDIT, assessment_id, "recommendation added")
        return added

    def remove(self, rec_id: int) -> RecommendationRow:
        self._draft_row(rec_id)
        return self.repository.remove(rec_id)

    def restore(self, row: RecommendationRow) -> None:
        self.repository.restore(row)

    def totals(self, assessment_id: int, statuses: tuple[str, ...] = ("accepted",)) -> CostTotals:
        by_priority: dict[str, tuple[int, int]] = {p.value: (0, 0) for p in Priority}
        count = 0
        for row in self.repository.list(assessment_id, statuses):
            low, high = by_priority.get(row.priority, (0, 0))
            by_priority[row.priority] = (low + (row.cost_low or 0), high + (row.cost_high or 0))
            count += 1
        return CostTotals(by_priority, sum(v[0] for v in by_priority.values()), sum(v[1] for v in by_priority.values()), count)

    def _draft_row(self, rec_id: int) -> RecommendationRow:
        row = self.repository.get(rec_id)
        if row is None:
            raise KeyError(f"no recommendation with id {rec_id}")
        self.assessments.require_draft(row.assessment_id)
        return row


def _validate(fields: dict[str, object]) -> None:
    if "priority" in fields:
        Priority(fields["priority"])
    if "category" in fields:
        Category(fields["category"])
    if "responsible" in fields:
        Responsible(fields["responsible"])
    for key in ("cost_low", "cost_high"):
        if fields.get(key) is not None and int(fields[key]) < 0:
            raise ValueError("a cost cannot be negative")
    if fields.get("cost_low") is not None and fields.get("cost_high") is not None and int(fields["cost_high"]) < int(fields["cost_low"]):
        raise ValueError("the high cost must not be below the low cost")
