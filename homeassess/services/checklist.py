"""Walking a room: each item's state, and recording a response the moment it is typed.

A measurement is parsed, judged and committed in one call and one transaction; the findings'
proposed recommendations are derived from the responses when they are shown
(``services/proposals.py``), so nothing else is written. A value that cannot be read is refused
(``MeasurementError``, a ``Refused``) and nothing is written; an implausible value is kept (so
no keystroke is lost) but flagged and never counted as a finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from homeassess.domain.catalogue import Catalogue, Item, ItemKind
from homeassess.domain.judge import ImplausibleValue, Judge, JudgeContext
from homeassess.domain.refusals import NotFound
from homeassess.domain.unit_change import kept_under
from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem
from homeassess.domain.verdicts import Finding, Verdict
from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.assessments import AssessmentService
from homeassess.services.changes import Change, Scope, change
from homeassess.services.settings import AppSettings
from homeassess.store.repositories import RoomRepository
from homeassess.store.repositories.recording import RecordingTarget, ResponseRecorder, StoredAnswer
from homeassess.store.repositories.rooms import NewResponse, ResponseRecord, RoomRecord


@dataclass(frozen=True)
class ItemState:
    item: Item
    text: str
    note: str
    finding: Finding | None
    error: str | None = None
    example: str = ""  # what to type, in the visit's units ("e.g. 815 mm, 81.5 cm or 32 in")


@dataclass(frozen=True)
class ResponseResult:
    """What a recorded value became: the text kept, its finding, and the flag for an implausible value."""

    room_id: int
    item_id: str
    text: str
    finding: Finding | None
    error: str | None


class ChecklistService:
    def __init__(self, assessments: AssessmentService, rooms: RoomRepository) -> None:
        self.assessments = assessments
        self.rooms = rooms
        self.recorder = ResponseRecorder(rooms.engine)

    @property
    def judge(self) -> Judge:
        return self.assessments.judge

    @property
    def catalogue(self) -> Catalogue:
        return self.assessments.catalogue

    def room(self, room_id: int) -> RoomRecord:
        room = self.rooms.get(room_id)
        if room is None:
            raise NotFound("room")
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
        room, ctx = self.assessments.room_context(room_id)
        responses = self.rooms.responses(room_id)
        states = []
        for item in self.catalogue.items_of(room.room_type):
            response = responses.get(item.id)
            text = response.value_text if response else ""
            error = None
            try:
                finding = self.evaluate(item, text, ctx)
            except MeasurementError as exc:  # a stored value the catalogue no longer accepts
                finding, error = None, str(exc)
            example = item.input_example(ctx.system is UnitSystem.METRIC) if item.kind is ItemKind.MEASUREMENT else ""
            states.append(ItemState(item, text, response.note if response else "", finding, error, example))
        return states

    def response_text(self, room_id: int, item_id: str) -> str:
        response = self.rooms.responses(room_id).get(item_id)
        return response.value_text if response else ""

    def record(self, room_id: int, item_id: str, text: str) -> Change:
        """Store one typed value; ``Change.value`` is a ResponseResult. Refuses a value that cannot be read.

        One transaction reads the room, its assessment and the previous answer, judges the value and writes
        it (``store/repositories/recording.py``): the hot path of a visit, held to twice a raw insert."""
        item = self.catalogue.item(item_id)
        text = text.strip()
        judged: list[Finding | None] = []

        def decide(target: RecordingTarget) -> StoredAnswer | None:
            ctx = self.assessments.recording_context(target)
            finding = self._validated_finding(item, text, ctx) if text else None
            judged.append(finding)
            if not text:
                return None
            return StoredAnswer(text, _stored_value(item, text, finding), finding.verdict.value if finding else "")

        target = self.recorder.record(room_id, item_id, decide)
        if target is None:
            raise NotFound("room")
        finding = judged[0]
        previous_text = target.previous.value_text if target.previous else ""
        error = finding.message if finding and finding.verdict is Verdict.IMPLAUSIBLE else None
        return change(
            Scope.ITEMS, Scope.ROOMS, Scope.RECOMMENDATIONS, label=f"set {item.prompt.lower()}",
            assessment_id=target.room.assessment_id, room_id=room_id, item_id=item_id,
            value=ResponseResult(room_id, item_id, text, finding, error),
            undo=lambda: self.record(room_id, item_id, previous_text),
        )

    def record_room(self, room_id: int, answers: Mapping[str, tuple[str, str]]) -> list[ResponseResult]:
        """Store a whole room's answers, ``{item id: (text, note)}``, in one transaction, each parsed and judged as
        ``record`` does (the demo visit at first run). Refuses, and writes nothing, if one cannot be read."""
        room, ctx = self.assessments.room_context(room_id, for_change=True)
        rows, results = [], []
        for item_id, (typed, note) in answers.items():
            item, text = self.catalogue.item(item_id), typed.strip()
            finding = self._validated_finding(item, text, ctx) if text else None
            rows.append(NewResponse(item_id, text, _stored_value(item, text, finding),
                                    finding.verdict.value if finding else "", note))
            error = finding.message if finding and finding.verdict is Verdict.IMPLAUSIBLE else None
            results.append(ResponseResult(room_id, item_id, text, finding, error))
        self.rooms.add_responses(room.id, rows)
        return results

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
            raise MeasurementError("that is not one of the choices")
        return self.evaluate(item, text, ctx)

    def set_note(self, room_id: int, item_id: str, note: str) -> Change:
        """A clinician's note beside an item's answer."""
        room = self.room(room_id)
        self.assessments.require_draft(room.assessment_id)
        response = self.rooms.responses(room_id).get(item_id)
        if response is None:
            self.rooms.save_response(room_id, item_id, "", None, "", note)
            previous = ""
        else:
            self.rooms.save_response(room_id, item_id, response.value_text, response.value, response.verdict, note)
            previous = response.note
        prompt = self.catalogue.item(item_id).prompt.lower()
        return change(Scope.ITEMS, label=f"note on {prompt}", assessment_id=room.assessment_id, room_id=room_id,
                      item_id=item_id, undo=lambda: self.set_note(room_id, item_id, previous))

    def verdicts(self, assessment_id: int, base: JudgeContext, texts: Mapping[int, str] | None = None) -> dict[int, str]:
        """The cached verdicts that change when every answer is judged under ``base`` (response id → verdict);
        ``texts``: answers about to be rewritten (response id → text), judged as they will read."""
        changed: dict[int, str] = {}
        by_room = self.rooms.responses_by_room(assessment_id)
        for room in self.assessments.assessments.rooms(assessment_id):
            ctx = replace(base, room_name=room.name, room_type=room.room_type)
            for response in by_room.get(room.id, {}).values():
                if texts and response.id in texts:
                    response = replace(response, value_text=texts[response.id])
                verdict = self._verdict(response, ctx)
                if verdict is not None and verdict != response.verdict:
                    changed[response.id] = verdict
        return changed

    def units_kept(self, assessment_id: int, old: LengthUnit, new: LengthUnit) -> dict[int, str]:
        """The answers that must name their unit to mean the same once the visit's units change from ``old`` to
        ``new`` (response id → text with its unit: "850" -> "850 mm"; ``domain/unit_change.py``)."""
        kept: dict[int, str] = {}
        for responses in self.rooms.responses_by_room(assessment_id).values():
            for response in responses.values():
                item = self.catalogue.items.get(response.item_id)
                if item is not None and item.kind is ItemKind.MEASUREMENT and response.value_text:
                    text = kept_under(item.measure, response.value_text, old, new)
                    if text is not None:
                        kept[response.id] = text
        return kept

    def save_settings(self, settings: AppSettings, shown: int | None = None) -> Change:
        """Settings, with every draft's answers judged again under them in the same transaction: a person-fit
        margin decides verdicts, which the home list counts and the review derives proposals from. ``shown``:
        the assessment on screen, which the Change names so that its views refresh."""
        previous = self.assessments.settings.load()
        verdicts: dict[int, str] = {}
        if any(previous.margins(system) != settings.margins(system) for system in UnitSystem):  # else none moves
            for summary in self.assessments.list(statuses=(AssessmentStatus.DRAFT,)):
                ctx = self.assessments.context(summary.id)
                verdicts |= self.verdicts(summary.id, replace(ctx, margins=settings.margins(ctx.unit.system)))
        saved = self.assessments.settings.save(settings, verdicts)
        return change(Scope.SETTINGS, Scope.ITEMS, Scope.ROOMS, Scope.RECOMMENDATIONS, Scope.ASSESSMENTS,
                      label=saved.label, assessment_id=shown, value=saved.value,
                      undo=lambda: self.save_settings(previous, shown))

    def _verdict(self, response: ResponseRecord, ctx: JudgeContext) -> str | None:
        item = self.catalogue.items.get(response.item_id)
        if item is None or not response.value_text:
            return None
        try:
            finding = self.evaluate(item, response.value_text, ctx)
        except MeasurementError:
            return None
        return finding.verdict.value if finding else ""

    def findings(self, assessment_id: int) -> list[tuple[RoomRecord, ResponseRecord, Finding]]:
        """Every finding (fails or advisory) of the assessment, room by room."""
        out = []
        by_room = self.rooms.responses_by_room(assessment_id)
        base = self.assessments.context(assessment_id)
        for room in self.assessments.assessments.rooms(assessment_id):
            ctx = replace(base, room_name=room.name, room_type=room.room_type)
            responses = by_room.get(room.id, {})
            for item in self.catalogue.items_of(room.room_type):
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


def _stored_value(item: Item, text: str, finding: Finding | None) -> float | None:
    """The number stored beside a typed value: the measurement read from it, or a count."""
    if not text:
        return None
    if finding is not None and finding.measured_value is not None:
        return finding.measured_value
    return float(text) if item.kind is ItemKind.COUNT else None
