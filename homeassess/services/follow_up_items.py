"""Reading a follow-up's installed items: each stored installation joined with the original's
recommendation, the library's as-installed checks (judged), and the before and after photos."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from homeassess.domain.as_installed import judge_installed, measure_of, unmeasured
from homeassess.domain.follow_up import CheckResult, InstalledItem
from homeassess.domain.judge import JudgeContext
from homeassess.domain.recommendations import LibraryEntry
from homeassess.domain.refusals import Refused
from homeassess.domain.unit_change import kept_under
from homeassess.domain.units import LengthUnit
from homeassess.domain.verdicts import Verdict
from homeassess.domain.verify_check import VerifyCheck
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.services.assessments import AssessmentService
from homeassess.store.repositories.assessments import AssessmentRecord
from homeassess.store.repositories.follow_ups import InstallationRecord, MeasureRecord
from homeassess.store.repositories.photos import PhotoRecord, PhotoRepository
from homeassess.store.repositories.recommendations import Decision

if TYPE_CHECKING:
    from homeassess.services.recommendations import RecommendationService

LAST = 1 << 30  # sorts after every room position and review position


class InstalledItemReader:
    def __init__(self, assessments: AssessmentService, recommendations: RecommendationService, photos: PhotoRepository) -> None:
        self.assessments = assessments
        self.recommendations = recommendations
        self.photos = photos

    def checks(self, original_id: int, recommendation_id: int) -> tuple[VerifyCheck, ...]:
        decision = self.recommendations.repository.decision(recommendation_id)
        entry = self._entry(decision if decision is not None and decision.assessment_id == original_id else None)
        return tuple(entry.verify) if entry is not None else ()

    def context(self, record: AssessmentRecord, installation: InstallationRecord) -> JudgeContext:
        """What the follow-up's measurements are judged against: its standard, units and client, in the item's room."""
        room = self.assessments.rooms.get(installation.room_id) if installation.room_id is not None else None
        return self.assessments.context(record.id, room.name if room is not None else "")

    def items(self, record: AssessmentRecord, installations: Sequence[InstallationRecord]) -> list[InstalledItem]:
        original_id = record.parent_id
        if original_id is None:
            return []
        decisions = self._decisions(original_id)
        views = {v.ref: v for v in self.recommendations.list(original_id)}
        rooms = {r.id: r for r in self.assessments.assessments.rooms(record.id)}
        before_photos = self.photos.list(original_id)
        after_photos = self.photos.list(record.id)
        base = self.assessments.context(record.id)
        found: list[tuple[tuple[int, int, int], InstalledItem]] = []
        for inst in installations:
            decision = decisions.get(inst.recommendation_id)
            view = views.get(decision.ref) if decision is not None else None
            entry = self._entry(decision)
            room = rooms.get(inst.room_id) if inst.room_id is not None else None
            ctx = replace(base, room_name=room.name if room else "", room_type=room.room_type if room else "")
            title = view.title if view else str((decision.overrides.get("title") if decision else None)
                                                or (entry.title if entry else "Recommendation"))
            item = InstalledItem(
                installation_id=inst.id, recommendation_id=inst.recommendation_id,
                ref=decision.ref if decision is not None else "", room_name=room.name if room else (view.room_name if view else ""),
                title=title, specification=view.specification if view else (entry.specification if entry else ""),
                library_id=decision.library_id if decision is not None else None,
                status=InstallStatus(inst.status), reason=NotDoneReason(inst.reason) if inst.reason else None,
                reason_note=inst.reason_note, installed_on=inst.installed_on, installed_by=inst.installed_by, note=inst.note,
                checks=tuple(self._judged(check, inst.measures.get(check.id), ctx) for check in
                             (entry.verify if entry is not None else ())),
                before_photos=_before(before_photos, decision), after_photos=_after(after_photos, inst.recommendation_id),
            )
            order = (room.position if room else LAST, view.position if view else LAST, inst.id)
            found.append((order, item))
        return [item for _, item in sorted(found, key=lambda pair: pair[0])]

    def units_kept(self, record: AssessmentRecord, installations: Sequence[InstallationRecord], old: LengthUnit,
                   new: LengthUnit) -> dict[tuple[int, str], str]:
        """The as-installed values that must name their unit to mean the same once the follow-up's units change
        ((installation id, check id) → text: "850" -> "850 mm"; ``domain/unit_change.py``)."""
        kept: dict[tuple[int, str], str] = {}
        for inst in installations:
            checks = {c.id: c for c in self.checks(record.parent_id or 0, inst.recommendation_id)}
            for check_id, measure in inst.measures.items():
                check = checks.get(check_id)
                text = kept_under(measure_of(check.reading), measure.value_text, old, new) if check else None
                if text is not None:
                    kept[(inst.id, check_id)] = text
        return kept

    def _judged(self, check: VerifyCheck, measure: MeasureRecord | None, ctx: JudgeContext) -> CheckResult:
        if measure is None or not measure.value_text:
            return unmeasured(check)
        try:
            return judge_installed(check, measure.value_text, ctx, self.assessments.judge)
        except Refused:  # stored under an older library or catalogue: show it as it was judged then
            verdict = Verdict(measure.verdict) if measure.verdict in {v.value for v in Verdict} else Verdict.NOT_APPLICABLE
            return CheckResult(check, measure.value_text, measure.value, verdict, "")

    def _decisions(self, original_id: int) -> dict[int, Decision]:
        return {d.id: d for d in self.recommendations.repository.decisions(original_id) if d.id is not None}

    def _entry(self, decision: Decision | None) -> LibraryEntry | None:
        if decision is None or decision.custom or not decision.library_id:
            return None
        try:
            return self.assessments.judge.library.entry(decision.library_id)
        except KeyError:
            return None


def _before(photos: Sequence[PhotoRecord], decision: Decision | None) -> tuple[int, ...]:
    """The first visit's photos of the recommendation's room and item (of the room alone, for one without an item)."""
    if decision is None or decision.room_id is None:
        return ()
    return tuple(p.id for p in photos if p.room_id == decision.room_id and p.item_id == decision.item_id)


def _after(photos: Sequence[PhotoRecord], recommendation_id: int) -> tuple[int, ...]:
    return tuple(p.id for p in photos if p.recommendation_id == recommendation_id)
