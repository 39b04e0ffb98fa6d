"""Follow-up visits: starting one, and recording what was installed of each accepted recommendation.

A follow-up is an assessment whose ``parent_id`` is the final assessment it follows up (docs/follow-up.md). ``start``
copies the original's client profile (into a client row of its own), rooms and visit details, and carries one installed
item per accepted recommendation. Every edit is one transaction, audited, refused on a final follow-up, and returns a
``Change`` whose ``undo`` restores the previous values.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from homeassess.domain.as_installed import judge_installed, unmeasured
from homeassess.domain.follow_up import FollowUpRecord, InstalledItem
from homeassess.domain.limits import TEXT
from homeassess.domain.outcomes import compare
from homeassess.domain.refusals import InvalidInput, NotFound, Refused
from homeassess.domain.verify_check import VerifyCheck
from homeassess.domain.vocabulary import AssessmentStatus, InstallStatus, NotDoneReason, RecommendationStatus
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditAction
from homeassess.services.changes import Change, Scope, change
from homeassess.services.follow_up_items import InstalledItemReader
from homeassess.services.open_findings import count_open_at_follow_up
from homeassess.store.repositories.assessments import AssessmentRecord
from homeassess.store.repositories.follow_ups import FollowUpRepository, InstallationRecord, MeasureRecord, NewFollowUp

if TYPE_CHECKING:
    from homeassess.domain.units import LengthUnit
    from homeassess.services.outcomes import OutcomeService
    from homeassess.services.recommendations import RecommendationService

NAME_MAX, NOTE_MAX = TEXT.line, TEXT.paragraph  # who installed it: a line, as the export file carries it
DETAIL_FIELDS = ("clinician", "credentials", "licence", "referral", "address", "dwelling_type", "tenure", "landlord_name",
                 "landlord_contact", "access_contact", "standard", "unit")


@dataclass(frozen=True)
class FollowUpLink:
    """How an assessment stands among its visits: its original (on a follow-up), its follow-ups, its due date."""

    original_id: int | None
    follow_up_ids: tuple[int, ...]
    due: date | None


class FollowUpService:
    def __init__(self, assessments: AssessmentService, recommendations: RecommendationService,
                 repository: FollowUpRepository, reader: InstalledItemReader, outcomes: OutcomeService) -> None:
        self.assessments = assessments
        self.recommendations = recommendations
        self.repository = repository
        self.reader = reader
        self.outcomes = outcomes
        self.audit = assessments.audit

    # --- the visit --------------------------------------------------------------------------

    def start(self, original_id: int) -> Change:
        """A draft follow-up of a final assessment; ``Change.value`` is its id."""
        original = self.assessments.record(original_id)
        if original.parent_id is not None:
            raise Refused("Start the follow-up from the original assessment.")
        if original.status == AssessmentStatus.DRAFT:
            raise Refused("Finalise this assessment before starting its follow-up.")
        if original.status == AssessmentStatus.ARCHIVED:
            raise Refused("This assessment is archived; return it to final before starting its follow-up.")
        open_ones = [fid for fid, status in self.repository.follow_ups_of(original_id) if status == AssessmentStatus.DRAFT]
        if open_ones:
            raise Refused(f"Follow-up {open_ones[0]} of this assessment is still a draft; finish it before starting another.")
        decisions = {d.ref: d for d in self.recommendations.repository.decisions(original_id)}
        carried = [(decisions[v.ref].id, v.room_id) for v in self.recommendations.list(original_id, (RecommendationStatus.ACCEPTED,))
                   if v.ref in decisions]
        new = NewFollowUp(
            original_id=original_id, uid=str(uuid.uuid4()), catalogue_version=self.assessments.catalogue.version,
            fields={"visit_date": date.today(), **{k: original.fields[k] for k in DETAIL_FIELDS}},
            client_name=original.client_name, profile_json=original.client_profile_json,
            rooms=[(r.id, r.room_type, r.name) for r in self.assessments.assessments.rooms(original_id)],
            carried=[(int(rec_id), room_id) for rec_id, room_id in carried if rec_id is not None],
        )
        audit = self.audit.entry(AuditAction.FOLLOW_UP_STARTED, None, f"follow-up of {original_id}, {len(new.carried)} items")
        follow_up_id = self.repository.start(new, audit)
        return change(Scope.ASSESSMENTS, Scope.ASSESSMENT, label="start follow-up", assessment_id=follow_up_id,
                      ids=(original_id, follow_up_id), value=follow_up_id, undo=lambda: self._remove(follow_up_id))

    def _remove(self, follow_up_id: int) -> Change:
        record = self.assessments.record(follow_up_id)
        self.assessments.require_draft(follow_up_id)
        original_id = record.parent_id
        self.repository.remove(follow_up_id, self.audit.entry(AuditAction.EDIT, original_id, f"follow-up {follow_up_id} removed"))
        return change(Scope.ASSESSMENTS, Scope.ASSESSMENT, label="start follow-up", assessment_id=original_id,
                      ids=(follow_up_id,), undo=(lambda: self.start(original_id)) if original_id is not None else None)

    def link(self, assessment_id: int) -> FollowUpLink:
        record = self.assessments.record(assessment_id)
        follow_ups = tuple(fid for fid, _status in self.repository.follow_ups_of(assessment_id))
        due = record.fields.get("followup_due")
        return FollowUpLink(record.parent_id, follow_ups, due if isinstance(due, date) else None)

    def set_due(self, assessment_id: int, due: date | None) -> Change:
        """When the follow-up is due (None: not planned); on an original assessment, draft or final."""
        record = self.assessments.record(assessment_id)
        if record.parent_id is not None:
            raise InvalidInput("A follow-up has no follow-up due date of its own; set it on the original assessment.")
        previous = self.assessments.assessments.update(
            assessment_id, audit=self.audit.entry(AuditAction.EDIT, assessment_id, "follow-up due date"), followup_due=due)
        before = previous["followup_due"]
        return change(Scope.ASSESSMENT, Scope.ASSESSMENTS, label="set follow-up due date", assessment_id=assessment_id,
                      value=due, undo=lambda: self.set_due(assessment_id, before if isinstance(before, date) else None))

    # --- installed items --------------------------------------------------------------------

    def items(self, follow_up_id: int) -> list[InstalledItem]:
        """Every installed item, by the follow-up's room order, then the original's review order."""
        record = self._follow_up(follow_up_id)
        return self.reader.items(record, self.repository.installations(follow_up_id))

    def item(self, follow_up_id: int, installation_id: int) -> InstalledItem:
        """One installed item, read and judged alone (a save redraws one card, not every item)."""
        record = self._follow_up(follow_up_id)
        return self.reader.items(record, [self._installation(follow_up_id, installation_id)])[0]

    def set_status(self, follow_up_id: int, installation_id: int, status: InstallStatus | str,
                   reason: NotDoneReason | str | None = None, reason_note: str = "") -> Change:
        """What was found; a reason (why not done) only with a status that needs one."""
        new = install_status(status)
        why = _parse(NotDoneReason, reason, "reason") if reason else None
        note = _text(reason_note, NOTE_MAX, "The reason note")
        if (why is not None or note) and not new.needs_reason:
            raise InvalidInput("A reason is recorded only for work not done or partly done.")
        if new is InstallStatus.AS_SPECIFIED:
            off = self.item(follow_up_id, installation_id).deviations
            if off:
                raise InvalidInput(f"{off[0].check.label} is off the specification, so this was installed with deviations;"
                                   " correct the measurement first if it was mistyped.")
        fields = {"status": new.value, "reason": why.value if why else None, "reason_note": note}
        return self._update(follow_up_id, installation_id, fields, f"set status {new.label.lower()}", f"status {new.value}")

    def set_installed(self, follow_up_id: int, installation_id: int, installed_on: date | None, installed_by: str) -> Change:
        if installed_on is not None and installed_on > date.today():
            raise InvalidInput("The installation date cannot be later than today.")
        fields = {"installed_on": installed_on, "installed_by": _text(installed_by, NAME_MAX, "Who installed it")}
        return self._update(follow_up_id, installation_id, fields, "set installed on and by", "installed on and by")

    def set_note(self, follow_up_id: int, installation_id: int, note: str) -> Change:
        return self._update(follow_up_id, installation_id, {"note": _text(note, NOTE_MAX, "The note")}, "edit note", "note")

    def record_check(self, follow_up_id: int, installation_id: int, check_id: str, text: str) -> Change:
        """One as-installed measurement, judged; ``Change.value`` is the ``CheckResult`` ("" clears it). A deviation
        found on work recorded as installed as specified makes it installed with deviations, in the same transaction."""
        return self._record_check(follow_up_id, installation_id, check_id, text, None)

    def _record_check(self, follow_up_id: int, installation_id: int, check_id: str, text: str,
                      force: InstallStatus | None) -> Change:
        record = self._follow_up(follow_up_id, for_change=True)
        installation = self._installation(follow_up_id, installation_id)
        check = self._check(record, installation, check_id)
        if text.strip():
            result = judge_installed(check, text, self.reader.context(record, installation), self.assessments.judge)
            measure: MeasureRecord | None = MeasureRecord(check.id, result.value_text, result.value, result.verdict.value)
        else:
            result, measure = unmeasured(check), None
        was = InstallStatus(installation.status)
        status = force or (InstallStatus.DEVIATIONS if result.deviates and was is InstallStatus.AS_SPECIFIED else None)
        audit = self.audit.entry(AuditAction.AS_INSTALLED_CHECK, follow_up_id, f"item {installation_id} check {check.id}")
        previous = self.repository.set_measure(installation_id, measure, check.id, audit,
                                               status=status.value if status else None)
        before = previous.value_text if previous is not None else ""
        return change(Scope.FOLLOW_UP, Scope.OUTCOMES, label=f"record {check.label.lower()}", assessment_id=follow_up_id, item_id=check.id,
                      ids=(installation_id,), value=result,
                      undo=lambda: self._record_check(follow_up_id, installation_id, check_id, before, was if status else None))

    def units_kept(self, assessment_id: int, old: LengthUnit, new: LengthUnit) -> dict[tuple[int, str], str]:
        """On a follow-up, the as-installed values that must name their unit when its units change (else none)."""
        record = self.assessments.record(assessment_id)
        installations = self.repository.installations(assessment_id) if record.parent_id is not None else []
        return self.reader.units_kept(record, installations, old, new)

    def checks(self, follow_up_id: int, installation_id: int) -> tuple[VerifyCheck, ...]:
        """The as-installed measurements the item's library entry lists (none for a custom recommendation)."""
        return self._checks_of(self._follow_up(follow_up_id), self._installation(follow_up_id, installation_id))

    def record(self, follow_up_id: int) -> FollowUpRecord:
        """Everything the follow-up reports print."""
        record = self._follow_up(follow_up_id)
        original_id = _original(record)
        original = self.assessments.record(original_id)
        items = tuple(self.reader.items(record, self.repository.installations(follow_up_id)))
        baseline = self.outcomes.outcomes(original_id)
        now = self.outcomes.outcomes(follow_up_id, open_findings=self.open_findings(follow_up_id, items))
        return FollowUpRecord(
            follow_up_id=follow_up_id, original_id=original_id, original_visit=_visit(original), follow_up_visit=_visit(record),
            items=items, baseline=baseline, follow_up=now, changes=compare(baseline, now),
        )

    def open_findings(self, follow_up_id: int, items: Sequence[InstalledItem] | None = None) -> int:
        """Findings still open at the follow-up, comparable with the first visit's (services/open_findings.py)."""
        record = self._follow_up(follow_up_id)
        original_id = _original(record)
        decisions = {d.id: d for d in self.recommendations.repository.decisions(original_id)}
        names = {room.id: room.name for room in self.assessments.assessments.rooms(original_id)}

        def key(item: InstalledItem) -> tuple[str, str] | None:
            decision = decisions.get(item.recommendation_id)
            if decision is None or decision.room_id not in names or not decision.item_id:
                return None
            return names[decision.room_id], decision.item_id

        found = self.items(follow_up_id) if items is None else items
        return count_open_at_follow_up(self._verdicts(original_id, names), [(i, key(i)) for i in found],
                                       self._verdicts(follow_up_id))

    def _verdicts(self, assessment_id: int, names: dict[int, str] | None = None) -> dict[tuple[str, str], str]:
        """Each answer's verdict by (room name, item); ``names``: the assessment's room names, when already read."""
        names = names if names is not None else {room.id: room.name for room in self.assessments.assessments.rooms(assessment_id)}
        return {(names[room_id], item_id): response.verdict
                for room_id, answers in self.assessments.rooms.responses_by_room(assessment_id).items() if room_id in names
                for item_id, response in answers.items()}

    # --- helpers ----------------------------------------------------------------------------

    def _update(self, follow_up_id: int, installation_id: int, fields: Mapping[str, object], label: str, detail: str) -> Change:
        self._follow_up(follow_up_id, for_change=True)
        self._installation(follow_up_id, installation_id)
        audit = self.audit.entry(AuditAction.INSTALLED_ITEM, follow_up_id, f"item {installation_id} {detail}")
        before = self.repository.update(installation_id, fields, audit)
        previous = {name: before.fields()[name] for name in fields}
        return change(Scope.FOLLOW_UP, Scope.OUTCOMES, label=label, assessment_id=follow_up_id, ids=(installation_id,),
                      undo=lambda: self._update(follow_up_id, installation_id, previous, label, detail))

    def _check(self, record: AssessmentRecord, installation: InstallationRecord, check_id: str) -> VerifyCheck:
        checks = self._checks_of(record, installation)
        if not checks:
            raise InvalidInput("This recommendation has no as-installed measurements.")
        for check in checks:
            if check.id == check_id:
                return check
        raise InvalidInput("This recommendation has no such as-installed measurement; its measurements are "
                           + ", ".join(c.id for c in checks) + ".")

    def _checks_of(self, record: AssessmentRecord, installation: InstallationRecord) -> tuple[VerifyCheck, ...]:
        return self.reader.checks(_original(record), installation.recommendation_id)

    def _installation(self, follow_up_id: int, installation_id: int) -> InstallationRecord:
        found = self.repository.installation(installation_id)
        if found is None or found.assessment_id != follow_up_id:
            raise NotFound("installed item")
        return found

    def _follow_up(self, follow_up_id: int, *, for_change: bool = False) -> AssessmentRecord:
        record = self.assessments.record(follow_up_id)
        if record.parent_id is None:
            raise InvalidInput("This assessment is not a follow-up.")
        if for_change:
            self.assessments.require_draft(follow_up_id)
        return record



def _original(record: AssessmentRecord) -> int:
    if record.parent_id is None:
        raise InvalidInput("This assessment is not a follow-up.")
    return record.parent_id


def _visit(record: AssessmentRecord) -> date:
    found = record.fields["visit_date"]
    if not isinstance(found, date):
        raise TypeError("a visit date is stored as a date")
    return found


EnumT = TypeVar("EnumT", bound=StrEnum)


def install_status(value: object) -> InstallStatus:
    """A status as typed ("as specified", "not-done") or as stored; refused with the choices."""
    return _parse(InstallStatus, value, "status")


def _parse(kind: type[EnumT], value: object, what: str) -> EnumT:
    """A status or reason as typed ("as specified", "landlord-declined") or as stored."""
    try:
        return kind(str(value).strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        choices = ", ".join(v.value for v in kind)
        raise InvalidInput(f"A {what} is one of {choices}.") from None


def _text(value: str, limit: int, what: str) -> str:
    value = value.strip()
    if len(value) > limit:
        raise InvalidInput(f"{what} can be at most {limit} characters.")
    return value

