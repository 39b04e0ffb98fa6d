"""Reviewing recommendations: proposals derived from the findings, and the clinician's decisions.

``list`` joins the two: every proposal (``services/proposals.py``) with the decision taken about
it, if any (accepted, dismissed, fields edited), and the clinician's own recommendations. A
decision about a proposal that no longer arises (the value was corrected) is kept but not
listed, so an undo of the correction brings it back as it was.

Every change is one transaction through ``RecommendationRepository.apply`` and returns a
``Change`` whose ``undo`` puts the previous decisions back.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from homeassess.domain.judge import JudgeContext
from homeassess.domain.refusals import InvalidInput, NotFound
from homeassess.domain.vocabulary import Category, Funding, Installer, Priority, RecommendationStatus, Responsible
from homeassess.report.report_data import priced_totals
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditAction
from homeassess.services.changes import Change, Scope, change
from homeassess.services.proposals import Proposal, ProposalDeriver
from homeassess.services.recommendation_views import CUSTOM_DEFAULTS, RecommendationView, ReviewList, options
from homeassess.store.repositories import RecommendationRepository
from homeassess.store.repositories.recommendations import FIELDS, Decision
from homeassess.store.repositories.rooms import RoomRecord


@dataclass(frozen=True)
class CostTotals:
    """Accepted recommendations' cost ranges, per priority and overall; an option (an alternative to the
    chosen recommendation for the same finding) is counted in ``count`` and ``options`` but in no sum."""

    by_priority: dict[Priority, tuple[int, int]]
    low: int
    high: int
    count: int
    unpriced: int
    options: int = 0


class RecommendationService:
    def __init__(self, assessments: AssessmentService, repository: RecommendationRepository, deriver: ProposalDeriver) -> None:
        self.assessments = assessments
        self.repository = repository
        self.deriver = deriver
        self._listed: ReviewList | None = None  # the last list, by version

    # --- reading ---------------------------------------------------------------------------

    def list(self, assessment_id: int, statuses: Iterable[str] | None = None) -> list[RecommendationView]:
        wanted = {RecommendationStatus(s) for s in statuses} if statuses is not None else None
        views = self._review(assessment_id).views.values()
        return [v for v in views if wanted is None or v.status in wanted]

    def _version(self, assessment_id: int) -> tuple:
        # Every change to an assessment (an answer, a decision, a room, the client, the standard) moves
        # its updated_at in the same transaction; with the margins that is all the list depends on.
        settings = self.assessments.settings.load()
        margins = (settings.width_margin_mm, settings.transfer_tolerance_mm)
        return (assessment_id, self.assessments.assessments.version(assessment_id), margins)

    def _review(self, assessment_id: int) -> ReviewList:
        version = self._version(assessment_id)
        if self._listed is None or self._listed.version != version:
            base = self.assessments.context(assessment_id)
            rooms = self.assessments.assessments.rooms(assessment_id)
            owner = self.assessments.record(assessment_id).fields.get("tenure") == "owner"
            self._listed = ReviewList(version, assessment_id, self.assessments.catalogue, {r.id: r.name for r in rooms},
                                      self.proposals(assessment_id, rooms, base), self.repository.decisions(assessment_id),
                                      owner)
        return self._listed

    def decided_in_room(self, room_id: int) -> dict[str, RecommendationStatus]:
        """What the clinician decided about the room's proposals (library id → accepted or dismissed): the room
        walk names beside each finding only the proposals still open or accepted, never one dismissed."""
        return self.repository.statuses_in_room(room_id)

    def proposals(self, assessment_id: int, rooms: builtins.list[RoomRecord] | None = None,
                  base: JudgeContext | None = None) -> builtins.list[Proposal]:
        rooms = rooms if rooms is not None else self.assessments.assessments.rooms(assessment_id)
        responses = self.assessments.rooms.responses_by_room(assessment_id)
        base = base if base is not None else self.assessments.context(assessment_id)
        return self.deriver.for_rooms(rooms, responses, lambda room: replace(base, room_name=room.name, room_type=room.room_type))

    def get(self, assessment_id: int, ref: str) -> RecommendationView:
        for view in self.list(assessment_id):
            if view.ref == ref:
                return view
        raise NotFound("recommendation")

    def totals(self, assessment_id: int, views: Sequence[RecommendationView] | None = None) -> CostTotals:
        views = views if views is not None else self.list(assessment_id)
        accepted = [v for v in views if v.status is RecommendationStatus.ACCEPTED]
        optional = options(accepted)
        summed = priced_totals([v for v in accepted if v.ref not in optional])
        by_priority = {Priority(t.priority): (t.low, t.high) for t in summed}
        unpriced = sum(1 for v in accepted if v.ref not in optional and v.cost_low is None and v.cost_high is None)
        return CostTotals(by_priority, sum(t.low for t in summed), sum(t.high for t in summed), len(accepted), unpriced,
                          len(optional))

    # --- changing --------------------------------------------------------------------------

    def set_status(self, assessment_id: int, refs: Sequence[str], status: str) -> Change:
        """Accept, dismiss or return to proposed several recommendations in one transaction."""
        new = RecommendationStatus.parse(status)
        views = self._views(assessment_id, refs)
        states = {v.ref: _minimal(replace(self._decision_of(v), status=new)) for v in views if v.status is not new}
        verb = {RecommendationStatus.ACCEPTED: "accept", RecommendationStatus.DISMISSED: "dismiss",
                RecommendationStatus.PROPOSED: "reopen"}[new]
        return self._apply(assessment_id, states, f"{verb} {_label_for(views)}", f"recommendation {new.value}")

    def edit(self, assessment_id: int, ref: str, **fields: object) -> Change:
        """Change a recommendation's wording, priority, installer, funding or cost; only changed fields are stored."""
        view = self._views(assessment_id, [ref])[0]
        _validate(fields, {**{n: view.field(n) for n in FIELDS}, **fields})
        decision = self._decision_of(view)
        if view.custom:
            overrides = {**decision.overrides, **fields}
        else:
            library = self._library_fields(assessment_id, view)
            merged = {**decision.overrides, **fields}
            overrides = {k: v for k, v in merged.items() if v != library.get(k)}
        return self._apply(assessment_id, {ref: _minimal(replace(decision, overrides=overrides))}, f"edit {_label_for([view])}",
                           "recommendation edited")

    def add_custom(self, assessment_id: int, room_id: int | None, title: str, **fields: object) -> Change:
        """The clinician's own recommendation, accepted; ``Change.value`` is its ref."""
        self.assessments.require_draft(assessment_id)
        if not title.strip():
            raise InvalidInput("a recommendation needs a title")
        if room_id is not None and room_id not in {r.id for r in self.assessments.assessments.rooms(assessment_id)}:
            raise NotFound("room")
        overrides = {**CUSTOM_DEFAULTS, **fields, "title": title.strip()}
        _validate(fields, overrides)
        decision = Decision(assessment_id, room_id, None, RecommendationStatus.ACCEPTED, custom=True,
                            overrides=overrides)
        return self._apply(assessment_id, {"custom:new": decision}, f"add {_label(title)}", "recommendation added")

    def remove(self, assessment_id: int, refs: Sequence[str]) -> Change:
        """Remove recommendations the clinician added (proposals are dismissed, not removed)."""
        views = self._views(assessment_id, refs)
        if any(not v.custom for v in views):
            raise InvalidInput("only recommendations you added can be removed; dismiss a proposed one instead")
        return self._apply(assessment_id, dict.fromkeys((v.ref for v in views), None), f"remove {_label_for(views)}",
                           "recommendation removed")

    # --- helpers ---------------------------------------------------------------------------

    def _apply(self, assessment_id: int, states: Mapping[str, Decision | None], label: str, detail: str) -> Change:
        self.assessments.require_draft(assessment_id)
        audit = self.assessments.audit.entry(AuditAction.EDIT, assessment_id, detail)
        before = self._listed if self._listed is not None and self._listed.version == self._version(assessment_id) else None
        previous = self.repository.apply(assessment_id, states, audit) if states else {}
        if before is not None:  # patch the views this changed instead of listing everything again
            now = {ref: states[ref] for ref in states if ref != "custom:new"}
            added = states.get("custom:new")
            if added is not None:  # stored under the ref the store gave it
                now.update({ref: replace(added, id=int(ref.split(":")[1]))
                            for ref, was in previous.items() if was is None and ref not in states})
            self._listed = before.patched(self._version(assessment_id), now)
        refs = tuple(previous)
        undo: Callable[[], Change] = lambda: self._apply(assessment_id, previous, label, "recommendation change undone")  # noqa: E731
        value = refs[0] if refs else None
        return change(Scope.RECOMMENDATIONS, label=label, assessment_id=assessment_id, refs=refs, undo=undo, value=value)

    def _views(self, assessment_id: int, refs: Sequence[str]) -> builtins.list[RecommendationView]:
        by_ref = {v.ref: v for v in self.list(assessment_id)}
        missing = [r for r in refs if r not in by_ref]
        if missing:
            raise NotFound("recommendation")
        return [by_ref[r] for r in refs]

    def _decision_of(self, view: RecommendationView) -> Decision:
        overrides = {n: view.field(n) for n in view.edited} if not view.custom else {n: view.field(n) for n in FIELDS}
        custom_id = int(view.ref.split(":")[1]) if view.custom else None
        return Decision(view.assessment_id, view.room_id, view.library_id, view.status, custom=view.custom,
                        item_id=view.item_id, position=view.position, overrides=overrides, id=custom_id)

    def _library_fields(self, assessment_id: int, view: RecommendationView) -> dict[str, object]:
        return self._review(assessment_id).library_fields(view.ref)


def _minimal(decision: Decision) -> Decision | None:
    """No row for a proposal the clinician has left as proposed and unedited: it is derived."""
    if not decision.custom and decision.status is RecommendationStatus.PROPOSED and not decision.overrides:
        return None
    return decision


def _validate(changed: Mapping[str, object], merged: Mapping[str, object]) -> None:
    unknown = set(changed) - set(FIELDS)
    if unknown:
        raise InvalidInput("a recommendation has no such field")
    if "title" in changed and not str(changed["title"] or "").strip():
        raise InvalidInput("a recommendation needs a title")
    kinds = (("priority", Priority), ("category", Category), ("responsible", Responsible), ("installer", Installer),
             ("funding", Funding))
    for name, kind in kinds:
        unset = changed.get(name) is None and name in ("installer", "funding")  # as suggested; to be agreed
        if name in changed and not unset:
            kind.parse(changed[name])
    low, high = merged.get("cost_low"), merged.get("cost_high")
    for value in (low, high):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise InvalidInput("a cost must be a whole number of dollars, not below zero")
    if isinstance(low, int) and isinstance(high, int) and high < low:  # both are whole numbers or None by now
        raise InvalidInput("the high cost must not be below the low cost")


def _label(title: str) -> str:
    title = title.strip()
    if len(title) > 1 and title[1].isupper():
        return title  # an acronym: "ADA-height toilet" stays as written
    return title[:1].lower() + title[1:]


def _label_for(views: Sequence[RecommendationView]) -> str:
    """"swing-clear (offset) hinges" for one, "3 recommendations" for several."""
    return _label(views[0].title) if len(views) == 1 else f"{len(views)} recommendations"
