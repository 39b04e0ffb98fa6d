"""Outcome measures: recorded at the first visit (the baseline) and again at the follow-up.

The client's own goals come from the client profile (``ClientProfile.goals``, in order); each is
scored by the client for performance and satisfaction (1–10) and the difficulty of the activity
tied to it. Falls in the last 3 months, concern about falling (0–10) and the score of a
standardised instrument the clinician used (by name; its items are never copied) are recorded per
visit. "Open findings" is counted, never typed (docs/follow-up.md). The comparison and the range
checks are the domain's (``homeassess.domain.outcomes``). Goal positions here count from 0.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.follow_up import CONCERN_RANGE, FALLS_RANGE, GOAL_SCORE_RANGE, GoalScore, OutcomeChange, Outcomes
from homeassess.domain.limits import TEXT
from homeassess.domain.outcomes import compare, validate_score
from homeassess.domain.refusals import InvalidInput
from homeassess.domain.vocabulary import Difficulty
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditAction
from homeassess.services.changes import Change, Scope, change
from homeassess.store.repositories.assessments import AssessmentRecord
from homeassess.store.repositories.outcomes import GoalScoreRecord, OutcomeRecord, OutcomeRepository

INSTRUMENT_MAX = TEXT.line  # an instrument's name or score: a line, as the export file carries it


class OutcomeService:
    def __init__(self, assessments: AssessmentService, repository: OutcomeRepository) -> None:
        self.assessments = assessments
        self.repository = repository
        self.audit = assessments.audit
        # Set by the composition root to FollowUpService.open_findings: a follow-up's findings still open.
        self.open_findings: Callable[[int], int] = lambda _follow_up_id: 0

    # --- reading ----------------------------------------------------------------------------

    def outcomes(self, assessment_id: int, *, open_findings: int | None = None) -> Outcomes:
        """The visit's outcomes; ``open_findings`` when the caller has counted a follow-up's already."""
        record = self.assessments.record(assessment_id)
        stored = self.repository.goals(assessment_id)
        goals = tuple(_scored(text, position, stored) for position, text in enumerate(_goals(record)))
        measures = self.repository.measures(assessment_id) or OutcomeRecord()
        if record.parent_id is None:
            open_findings = self.repository.failing_findings(assessment_id)
        elif open_findings is None:
            open_findings = self.open_findings(assessment_id)
        return Outcomes(recorded_on=measures.recorded_on, goals=goals, falls_3m=measures.falls_3m,
                        fall_concern=measures.fall_concern, instrument=measures.instrument,
                        instrument_score=measures.instrument_score, open_findings=open_findings)

    def compare(self, follow_up_id: int) -> tuple[OutcomeChange, ...]:
        """The follow-up's outcomes against its original's (the baseline), each with its direction."""
        record = self.assessments.record(follow_up_id)
        if record.parent_id is None:
            raise InvalidInput("This assessment is not a follow-up.")
        return compare(self.outcomes(record.parent_id), self.outcomes(follow_up_id))

    # --- recording --------------------------------------------------------------------------

    def set_goal(self, assessment_id: int, position: int, performance: int | None, satisfaction: int | None,
                 difficulty: Difficulty | str | None) -> Change:
        """The client's scores for the goal at ``position`` (from 0); all None clears them."""
        record = self._draft(assessment_id)
        goals = _goals(record)
        if not 0 <= position < len(goals):
            raise InvalidInput(f"The client profile lists {len(goals)} goals; there is no goal {position + 1}."
                               if goals else "The client profile lists no goals; add them to the profile first.")
        scores = GoalScoreRecord(
            position, goals[position], validate_score("Performance", performance, *GOAL_SCORE_RANGE),
            validate_score("Satisfaction", satisfaction, *GOAL_SCORE_RANGE), _difficulty(difficulty),
        )
        empty = scores.performance is None and scores.satisfaction is None and scores.difficulty is None
        return self._put_goal(assessment_id, position, None if empty else scores)

    def set_measures(self, assessment_id: int, *, recorded_on: date | None, falls_3m: int | None, fall_concern: int | None,
                     instrument: str = "", instrument_score: str = "") -> Change:
        """Falls, concern about falling and an instrument's score for this visit."""
        self._draft(assessment_id)
        if recorded_on is not None and recorded_on > date.today():
            raise InvalidInput("The date outcomes were recorded cannot be later than today.")
        measures = OutcomeRecord(
            recorded_on, validate_score("Falls in the last 3 months", falls_3m, *FALLS_RANGE),
            validate_score("Concern about falling", fall_concern, *CONCERN_RANGE),
            _short(instrument, "The instrument's name"), _short(instrument_score, "The instrument's score"),
        )
        return self._put_measures(assessment_id, None if measures == OutcomeRecord() else measures)

    def _put_goal(self, assessment_id: int, position: int, scores: GoalScoreRecord | None) -> Change:
        self._draft(assessment_id)
        audit = self.audit.entry(AuditAction.OUTCOMES, assessment_id, f"goal {position + 1} scores")
        previous = self.repository.set_goal(assessment_id, position, scores, audit)
        return change(Scope.OUTCOMES, label="score goal", assessment_id=assessment_id, value=position,
                      undo=lambda: self._put_goal(assessment_id, position, previous))

    def _put_measures(self, assessment_id: int, measures: OutcomeRecord | None) -> Change:
        self._draft(assessment_id)
        audit = self.audit.entry(AuditAction.OUTCOMES, assessment_id, "outcome measures")
        previous = self.repository.set_measures(assessment_id, measures, audit)
        return change(Scope.OUTCOMES, label="record outcome measures", assessment_id=assessment_id,
                      undo=lambda: self._put_measures(assessment_id, previous))

    # --- helpers ----------------------------------------------------------------------------

    def _draft(self, assessment_id: int) -> AssessmentRecord:
        record = self.assessments.record(assessment_id)
        self.assessments.require_draft(assessment_id)
        return record



def _goals(record: AssessmentRecord) -> list[str]:
    return [g for g in ClientProfile.from_stored(record.client_profile_json).goals if g.strip()]


def _scored(text: str, position: int, stored: list[GoalScoreRecord]) -> GoalScore:
    """The goal with its scores: stored at its position for this same goal, or else stored for this goal's text."""
    found = next((s for s in stored if s.position == position and s.goal == text), None)
    found = found or next((s for s in stored if s.goal == text), None)
    if found is None:
        return GoalScore(text, None, None, None)
    return GoalScore(text, found.performance, found.satisfaction, Difficulty(found.difficulty) if found.difficulty else None)


def _difficulty(value: Difficulty | str | None) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return Difficulty(str(value).strip().lower()).value
    except ValueError:
        raise InvalidInput("Difficulty is one of " + ", ".join(d.value for d in Difficulty) + ".") from None


def _short(text: str, what: str) -> str:
    text = text.strip()
    if len(text) > INSTRUMENT_MAX:
        raise InvalidInput(f"{what} can be at most {INSTRUMENT_MAX} characters.")
    return text
