"""Walking a room: each item's state, and recording a response the moment it is typed.

A measurement is parsed, judged and committed in one call; the finding's proposed
recommendations replace that item's earlier proposals. A value that cannot be parsed
is refused with a reason and nothing is written; an implausible value is kept (so
no keystroke is lost) but flagged and never counted as a finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from homeassess.domain.catalogue import Item, ItemKind
from homeassess.domain.judge import ImplausibleValue, JudgeContext
from homeassess.domain.units import MeasurementError
from homeassess.domain.verdicts import Finding, Verdict
from homeassess.services.assessments import AssessmentService
from homeassess.store.repositories import RecommendationRepository, RoomRepository
from homeassess.store.tables import ResponseRow, RoomRow


@dataclass(frozen=True)
class ItemState:
    item: Item
    text: str
    note: str
    finding: Finding | None
    error: str | None = None


@dataclass(frozen=True)
class ResponseResult:
    """What happened to one typed value; ``previous_text`` lets the UI undo it."""

    room_id: int
    item_id: str
    text: str
    saved: bool
    finding: Finding | None
    error: str | None
    previous_text: str


class ChecklistService:
    def __init__(self, assessments: AssessmentService, rooms: RoomRepository, recommendations: RecommendationRepository) -> None:
        self.assessments = assessments
        self.rooms = rooms
        self.recommendations = recommendations

    @property
    def judge(self):  # noqa: ANN201 - the domain Judge
        return self.assessments.judge

    def _room(self, room_id: int) -> RoomRow:
        room = self.rooms.get(room_id)
        if room is None:
            raise KeyError(f"no room with id {room_id}")
        return room

    def evaluate(self, item: Item, text: str, ctx: JudgeContext) -> Finding | None:
        """Judge a stored or typed value; None for notes, counts and empty values."""
        text = text.strip()
        if not text:
            return None
        if item.kind is ItemKind.MEASUREMENT:
            return self.judge.judge_measurement(item.id, text, ctx)
        if item.kind in (ItemKind.YES_NO, ItemKind.CHOICE):
            return self.judge.judge_answer(item.id, text, ctx)
        return None

    def room_items(self, room_id: int) -> list[ItemState]:
        room = self._room(room_id)
        ctx = self.assessments.context(room.assessment_id, room.name)
        responses = self.rooms.responses(room_id)
        states = []
        for item in self.assessments.catalogue.items_of(room.room_type):
            response = responses.get(item.id)
            text = response.value_text if response else ""
            error = None
            try:
                finding = self.evaluate(item, text, ctx)
            except MeasurementError as exc:  # a stored value the catalogue no longer accepts
                finding, error = None, str(exc)
            states.append(ItemState(item, text, response.note if response else "", finding, error))
        return states

    def record(self, room_id: int, item_id: str, text: str) -> ResponseResult:
        room = self._room(room_id)
        item = self.assessments.catalogue.item(item_id)
        ctx = self.assessments.context(room.assessment_id, room.name, for_change=True)
        texts = {key: r.value_text for key, r in self.rooms.responses(room_id).items()}
        previous_text = texts.get(item_id, "")
        text = text.strip()
        if not text:
            self.rooms.clear_response(room_id, item_id)
            texts.pop(item_id, None)
            self._replace_proposals(room, texts, item_id, None, ctx)
            return ResponseResult(room_id, item_id, "", True, None, None, previous_text)
        value: float | None = None
        try:
            finding = self._validated_finding(item, text, ctx)
        except MeasurementError as exc:
            return ResponseResult(room_id, item_id, text, False, None, str(exc), previous_text)
        if finding is not None and finding.measured_value is not None:
            value = finding.measured_value
        elif item.kind is ItemKind.COUNT:
            value = float(text)
        verdict = finding.verdict.value if finding else ""
        self.rooms.save_response(room_id, item_id, text, value, verdict)
        texts[item_id] = text
        self._replace_proposals(room, texts, item_id, finding, ctx)
        error = finding.message if finding and finding.verdict is Verdict.IMPLAUSIBLE else None
        return ResponseResult(room_id, item_id, text, True, finding, error, previous_text)

    def _validated_finding(self, item: Item, text: str, ctx: JudgeContext) -> Finding | None:
        if item.kind is ItemKind.COUNT:
            if not text.isdigit():
                raise MeasurementError(f"{text} is not a whole number")
            if item.max_count is not None and int(text) > item.max_count:
                raise ImplausibleValue(f"{text} is more than {item.max_count}; check the count")
            return None
        if item.kind is ItemKind.YES_NO and text not in ("yes", "no", "na"):
            raise MeasurementError("answer yes, no or not applicable")
        if item.kind is ItemKind.CHOICE and item.choice(text) is None:
            raise MeasurementError(f"{text!r} is not one of the choices")
        return self.evaluate(item, text, ctx)

    def set_note(self, room_id: int, item_id: str, note: str) -> str:
        """A clinician's note beside an item's answer; returns the previous note."""
        room = self._room(room_id)
        self.assessments.require_draft(room.assessment_id)
        response = self.rooms.responses(room_id).get(item_id)
        if response is None:
            self.rooms.save_response(room_id, item_id, "", None, "", note)
            return ""
        self.rooms.save_response(room_id, item_id, response.value_text, response.value, response.verdict, note)
        return response.note

    def _replace_proposals(
        self, room: RoomRow, texts: dict[str, str], item_id: str, finding: Finding | None, ctx: JudgeContext
    ) -> None:
        """Re-derive the room's proposals from all its findings: one proposal per library entry per room.

        ``texts`` is every response of the room as now stored; ``finding`` is the one just judged for ``item_id``.
        """
        proposals = []
        for item_key, value_text in texts.items():
            item = self.assessments.catalogue.items.get(item_key)
            if item is None or not value_text:
                continue
            try:
                found = finding if item_key == item_id else self.evaluate(item, value_text, ctx)
            except MeasurementError:
                continue
            if found is None or not found.verdict.is_finding:
                continue
            for rec in found.recommendations:
                # Plain dicts: the repository builds rows only for proposals that are new.
                proposals.append({
                    "assessment_id": room.assessment_id, "room_id": room.id, "item_id": item_key,
                    "library_id": rec.library_id, "title": rec.title, "specification": rec.specification,
                    "rationale": rec.rationale, "plain": rec.plain, "category": rec.category, "priority": rec.priority,
                    "responsible": rec.responsible, "cost_low": rec.cost_low, "cost_high": rec.cost_high,
                    "cost_source": rec.cost_source, "status": "proposed",
                })
        self.recommendations.sync_room_proposals(room.id, room.assessment_id, proposals)

    def rejudge_assessment(self, assessment_id: int) -> int:
        """Re-judge every stored response (after the client, the standard or a margin changed)."""
        changed: dict[int, str] = {}
        for view in self.assessments.room_views(assessment_id):
            room = self._room(view.id)
            ctx = self.assessments.context(assessment_id, room.name)
            responses = self.rooms.responses(room.id)
            for item_id, response in responses.items():
                item = self.assessments.catalogue.items.get(item_id)
                if item is None or not response.value_text:
                    continue
                try:
                    finding = self.evaluate(item, response.value_text, ctx)
                except MeasurementError:
                    continue
                verdict = finding.verdict.value if finding else ""
                if verdict != response.verdict:
                    changed[response.id] = verdict
            self._replace_proposals(room, {key: r.value_text for key, r in responses.items()}, "", None, ctx)
        self.rooms.set_verdicts(changed)
        return len(changed)

    def findings(self, assessment_id: int) -> list[tuple[RoomRow, ResponseRow, Finding]]:
        """Every finding (fails or advisory) of the assessment, room by room."""
        out = []
        for view in self.assessments.room_views(assessment_id):
            room = self._room(view.id)
            ctx = self.assessments.context(assessment_id, room.name)
            responses = self.rooms.responses(room.id)
            for item in self.assessments.catalogue.items_of(room.room_type):
                response = responses.get(item.id)
                if not response or not response.value_text:
                    continue
                try:
                    finding = self.evaluate(item, response.value_text, ctx)
                except MeasurementError:
                    continue
                if finding is not None and finding.verdict.is_finding:
                    out.append((room, response, finding))
        return out
