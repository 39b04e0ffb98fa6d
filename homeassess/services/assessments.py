"""Creating, listing, opening and changing assessments and their rooms."""

from __future__ import annotations

import builtins
import functools
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.refusals import InvalidInput, NotFound, Refused
from homeassess.domain.units import LengthUnit
from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.assessment_models import AssessmentDetails, AssessmentView, NewAssessment, RoomSpec, RoomView
from homeassess.services.audit_log import AuditAction, AuditLog
from homeassess.services.changes import Change, Scope, change
from homeassess.services.settings import SettingsService
from homeassess.store.repositories import AssessmentRepository, AssessmentSummary, RoomProgress, RoomRepository
from homeassess.store.repositories.assessments import AssessmentRecord
from homeassess.store.repositories.home_list import CountedVersion
from homeassess.store.repositories.recording import RecordingTarget
from homeassess.store.repositories.rooms import RoomRecord, RoomSnapshot
from homeassess.store.tables import utcnow

ROOM_NAME_MAX = 120
__all__ = ["AssessmentDetails", "AssessmentService", "AssessmentView", "NewAssessment", "ReadOnlyAssessment", "RoomSpec",
           "RoomView"]


class ReadOnlyAssessment(Refused):
    def __init__(self) -> None:
        super().__init__("this assessment is final and read-only; return it to draft to change it")


class AssessmentService:
    """Assessments, their client and visit details, and their rooms.

    Every change is one user action in one transaction, audited in the same transaction, and
    returns a ``Change`` whose ``undo`` reverses it.
    """

    def __init__(
        self, assessments: AssessmentRepository, rooms: RoomRepository, judge: Judge, settings: SettingsService, audit: AuditLog
    ) -> None:
        self.assessments = assessments
        self.rooms = rooms
        self.judge = judge
        self.settings = settings
        self.audit = audit
        # Set by the composition root (ChecklistService.verdicts and .units_kept, FollowUpService.units_kept): the
        # cached verdicts under a new judging context; the answers and as-installed values that must name their unit.
        self.verdicts: Callable[[int, JudgeContext, dict[int, str]], dict[int, str]] = lambda _id, _ctx, _texts: {}
        self.units_kept: Callable[[int, LengthUnit, LengthUnit], dict[int, str]] = lambda _id, _old, _new: {}
        self.measures_kept: Callable[[int, LengthUnit, LengthUnit], dict[tuple[int, str], str]] = lambda *_: {}
        self._counted: dict[int, CountedVersion] = {}  # the home list's counts, by assessment id

    @property
    def catalogue(self) -> Catalogue:
        return self.judge.catalogue

    # --- create, list, open --------------------------------------------------------------

    def create(self, new: NewAssessment) -> Change:
        """A new draft; ``Change.value`` is its id."""
        self.judge.standards.profile(new.details.standard)  # refuse an unknown standard up front
        rooms = []
        for spec in new.rooms:
            room_type = self.catalogue.room_type(spec.type)
            rooms.append((room_type.id, spec.name or room_type.name))
        assessment_id = self.assessments.create(
            new.uid or str(uuid.uuid4()), self.catalogue.version, new.details.model_dump(), new.client.name,
            new.client.model_dump_json(), rooms,
        )
        self.audit.record(AuditAction.CREATE, assessment_id, f"{len(rooms)} rooms")
        return change(Scope.ASSESSMENTS, label="create assessment", assessment_id=assessment_id, value=assessment_id)

    def list(self, search: str = "", statuses: tuple[str, ...] = (AssessmentStatus.DRAFT, AssessmentStatus.FINAL)) -> list[AssessmentSummary]:
        """The home screen's lines; each assessment's counts are made once per version (``updated_at``) and kept."""
        rows, counted = self.assessments.summaries(search, statuses, self._counted), self._counted
        for r in rows:
            if not ((known := counted.get(r.id)) and known.is_at(r.uid, r.updated_at)):
                counted[r.id] = CountedVersion(r.uid, r.updated_at, (r.findings, r.accepted))
        return rows

    def open(self, assessment_id: int, *, audit: bool = True) -> AssessmentView:
        record = self.record(assessment_id)
        if audit:
            self.audit.record(AuditAction.OPEN, assessment_id)
        return AssessmentView(
            id=record.id, uid=record.uid, status=AssessmentStatus(record.status),
            details=AssessmentDetails.model_validate({k: record.fields[k] for k in AssessmentDetails.model_fields}),
            client=ClientProfile.from_stored(record.client_profile_json),
            catalogue_version=record.catalogue_version,
            rooms=self.room_views(assessment_id),
        )

    def room_views(self, assessment_id: int) -> builtins.list[RoomView]:
        notes = self.catalogue.note_ids  # optional: neither answered nor to answer
        progress, views = self.rooms.progress(assessment_id, notes), []
        for room in self.assessments.rooms(assessment_id):
            room_type = self.catalogue.room_type(room.room_type)
            p = progress.get(room.id, RoomProgress(room.id, 0, 0))
            to_answer = sum(1 for i in room_type.item_ids if i not in notes)
            views.append(RoomView(room.id, room.room_type, room_type.name, room.name, room.position, p.answered, to_answer, p.findings))
        return views

    def room_view(self, room_id: int) -> RoomView:
        """One room as it is now (its answer count read at the moment of asking)."""
        room = self._room(room_id)
        for view in self.room_views(room.assessment_id):
            if view.id == room_id:
                return view
        raise NotFound("room")

    def context(self, assessment_id: int, room_name: str = "", *, for_change: bool = False) -> JudgeContext:
        """What responses are judged against; with ``for_change``, refuse unless the assessment is a draft."""
        return self._context(self.record(assessment_id), room_name, for_change)

    def room_context(self, room_id: int, *, for_change: bool = False) -> tuple[RoomRecord, JudgeContext]:
        """A room and what its answers are judged against, in one read (asked for every typed value)."""
        found = self.assessments.get_with_room(room_id)
        if found is None:
            raise NotFound("room")
        room, record = found
        return room, self._context(record, room.name, for_change, room.room_type)

    def recording_context(self, target: RecordingTarget) -> JudgeContext:
        """What a typed value is judged against, from what the recording read; refused unless a draft."""
        room = target.room
        return self._judging(target.status, target.standard, target.unit, target.client_profile_json, room.name, True,
                             room.room_type)

    def _context(self, record: AssessmentRecord, room_name: str, for_change: bool, room_type: str = "") -> JudgeContext:
        return self._judging(record.status, record.standard, record.unit, record.client_profile_json, room_name, for_change,
                             room_type)

    def _judging(self, status: str, standard: str, unit_text: str, client_json: str, room_name: str,
                 for_change: bool, room_type: str = "") -> JudgeContext:
        if for_change and status != AssessmentStatus.DRAFT:
            raise ReadOnlyAssessment()
        unit = LengthUnit(unit_text)
        return JudgeContext(standard=standard, unit=unit, client=_judged_client(client_json),
                            margins=self.settings.load().margins(unit.system), room_name=room_name, room_type=room_type)

    def require_draft(self, assessment_id: int) -> None:
        status = self.assessments.status_of(assessment_id)
        if status is None:
            raise NotFound("assessment")
        if status != AssessmentStatus.DRAFT:
            raise ReadOnlyAssessment()

    # --- change --------------------------------------------------------------------------

    def update_details(self, assessment_id: int, details: AssessmentDetails) -> Change:
        """The home and visit; a change of standard or units re-judges every answer. A change of units first
        gives each bare number the unit it was typed in ("850" -> "850 mm"), so no measurement changes."""
        self.require_draft(assessment_id)
        self.judge.standards.profile(details.standard)
        audit = self.audit.entry(AuditAction.EDIT, assessment_id, "visit details")
        current = self.context(assessment_id)
        ctx = replace(current, standard=details.standard, unit=LengthUnit(details.unit))
        switch = (assessment_id, current.unit, ctx.unit)
        texts, measures = (self.units_kept(*switch), self.measures_kept(*switch)) if ctx.unit != current.unit else ({}, {})
        previous = self.assessments.update(assessment_id, audit=audit, verdicts=self.verdicts(assessment_id, ctx, texts),
                                           texts=texts, measure_texts=measures, **details.model_dump())
        before = AssessmentDetails.model_validate({k: previous[k] for k in AssessmentDetails.model_fields})
        return change(Scope.ASSESSMENT, Scope.ITEMS, Scope.RECOMMENDATIONS, Scope.ROOMS, Scope.ASSESSMENTS,
                      label="edit visit details", assessment_id=assessment_id,
                      undo=lambda: self.update_details(assessment_id, before))

    def update_client(self, assessment_id: int, client: ClientProfile) -> Change:
        """The client profile; every answer is re-judged against the new profile."""
        self.require_draft(assessment_id)
        audit = self.audit.entry(AuditAction.EDIT, assessment_id, "client profile")
        verdicts = self.verdicts(assessment_id, replace(self.context(assessment_id), client=client), {})
        _, previous_json = self.assessments.update_client(assessment_id, client.name, client.model_dump_json(),
                                                          audit=audit, verdicts=verdicts)
        before = ClientProfile.from_stored(previous_json)
        return change(Scope.ASSESSMENT, Scope.ITEMS, Scope.RECOMMENDATIONS, Scope.ROOMS, Scope.ASSESSMENTS,
                      label="edit client", assessment_id=assessment_id,
                      undo=lambda: self.update_client(assessment_id, before))

    def set_status(self, assessment_id: int, status: str) -> Change:
        """Finalise, return to draft or archive."""
        return self._set_status(assessment_id, AssessmentStatus.parse(status), None)

    def _set_status(self, assessment_id: int, new: AssessmentStatus, restore_due: dict[str, object] | None) -> Change:
        """Finalising an original sets its follow-up due date (the settings' weeks on); undo restores the previous one."""
        record = self.record(assessment_id)
        if new is AssessmentStatus.DRAFT and record.status != AssessmentStatus.DRAFT and self.assessments.has_follow_ups(assessment_id):
            raise InvalidInput("This assessment has a follow-up, so it stays as it was signed; record what changed in the follow-up.")
        fields: dict[str, Any] = {"status": new.value}
        if new is AssessmentStatus.FINAL:
            fields["finalised_at"] = utcnow()
            if record.parent_id is None:
                fields["followup_due"] = date.today() + timedelta(weeks=self.settings.load().followup_weeks)
        fields.update(restore_due or {})
        action = {AssessmentStatus.FINAL: AuditAction.FINALISE, AssessmentStatus.ARCHIVED: AuditAction.ARCHIVE}.get(new, AuditAction.EDIT)
        previous = self.assessments.update(assessment_id, audit=self.audit.entry(action, assessment_id, f"status {new.value}"), **fields)
        verb = {AssessmentStatus.FINAL: "finalise", AssessmentStatus.ARCHIVED: "archive"}.get(new, "return to draft")
        before = AssessmentStatus(str(previous["status"]))
        due = {"followup_due": previous["followup_due"]} if "followup_due" in previous else None
        return change(Scope.ASSESSMENT, Scope.ASSESSMENTS, label=f"{verb} assessment", assessment_id=assessment_id,
                      undo=lambda: self._set_status(assessment_id, before, due))

    def add_room(self, assessment_id: int, room_type: str, name: str = "") -> Change:
        """A room at the end of the list; ``Change.value`` is its id."""
        self.require_draft(assessment_id)
        rt = self.catalogue.room_type(room_type)
        existing = [r.name for r in self.assessments.rooms(assessment_id)]
        audit = self.audit.entry(AuditAction.EDIT, assessment_id, "room added")
        room = self.rooms.add(assessment_id, rt.id, _room_name(name) if name.strip() else _unique_name(rt.name, existing), audit=audit)
        return self._room_change(f"add {room.name}", room.assessment_id, room.id, lambda: self.remove_room(room.id), room.id)

    def rename_room(self, room_id: int, name: str) -> Change:
        room = self._room(room_id)
        self.require_draft(room.assessment_id)
        new = _room_name(name)
        self.rooms.rename(room_id, new, audit=self.audit.entry(AuditAction.EDIT, room.assessment_id, "room renamed"))
        return self._room_change(f"rename {room.name}", room.assessment_id, room_id,
                                 lambda: self.rename_room(room_id, room.name))

    def reorder_rooms(self, assessment_id: int, room_ids: builtins.list[int]) -> Change:
        self.require_draft(assessment_id)
        before = [r.id for r in self.assessments.rooms(assessment_id)]
        if sorted(before) != sorted(room_ids):
            raise NotFound("room")
        self.rooms.reorder(assessment_id, room_ids)
        return self._room_change("move room", assessment_id, None, lambda: self.reorder_rooms(assessment_id, before))

    def move_room(self, room_id: int, step: int) -> Change:
        """One place up (step -1) or down (+1); at either end nothing moves."""
        room = self._room(room_id)
        ids = [r.id for r in self.assessments.rooms(room.assessment_id)]
        i = ids.index(room_id)
        j = max(0, min(len(ids) - 1, i + step))
        ids[i], ids[j] = ids[j], ids[i]
        moved = self.reorder_rooms(room.assessment_id, ids)
        return replace(moved, room_id=room_id)

    def remove_room(self, room_id: int) -> Change:
        """The room, its answers and its recommendation decisions; undo restores them all."""
        room = self._room(room_id)
        self.require_draft(room.assessment_id)
        snapshot = self.rooms.remove(room_id, audit=self.audit.entry(AuditAction.EDIT, room.assessment_id, "room removed"))
        return self._room_change(f"remove {room.name}", room.assessment_id, None, lambda: self._restore_room(snapshot))

    def _restore_room(self, snapshot: RoomSnapshot) -> Change:
        assessment_id = snapshot.room["assessment_id"]
        self.require_draft(assessment_id)
        self.rooms.restore(snapshot, audit=self.audit.entry(AuditAction.EDIT, assessment_id, "room restored"))
        room_id = snapshot.room["id"]
        return self._room_change(f"remove {snapshot.room['name']}", assessment_id, room_id, lambda: self.remove_room(room_id))

    # --- helpers -------------------------------------------------------------------------

    def _room_change(self, label: str, assessment_id: int, room_id: int | None, undo: Callable[[], Change],
                     value: object = None) -> Change:
        return change(Scope.ROOMS, Scope.ITEMS, Scope.RECOMMENDATIONS, Scope.PHOTOS, label=label,
                      assessment_id=assessment_id, room_id=room_id, undo=undo, value=value)

    def record(self, assessment_id: int) -> AssessmentRecord:
        """The stored assessment; NotFound when there is none."""
        record = self.assessments.get(assessment_id)
        if record is None:
            raise NotFound("assessment")
        return record

    def _room(self, room_id: int) -> RoomRecord:
        room = self.rooms.get(room_id)
        if room is None:
            raise NotFound("room")
        return room


@functools.lru_cache(maxsize=8)
def _judged_client(profile_json: str) -> ClientProfile:
    """A stored client profile, parsed once per text: every typed value is judged against it (read-only there)."""
    return ClientProfile.from_stored(profile_json)


def _room_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("a room needs a name")
    if len(name) > ROOM_NAME_MAX:
        raise InvalidInput(f"a room name can be at most {ROOM_NAME_MAX} characters")
    return name


def _unique_name(base: str, existing: list[str]) -> str:
    """``base``, or ``base 2``, ``base 3``… the first not taken."""
    return next(name for n in range(1, len(existing) + 2) if (name := base if n == 1 else f"{base} {n}") not in existing)
