"""After the work: what a follow-up visit records and compares, as plain values.

A follow-up is an assessment whose ``parent_id`` is the final assessment it follows up. It carries
the original's client profile, rooms and accepted recommendations. For each accepted
recommendation the clinician records an ``InstalledItem``: its status, why work was not done, when
and by whom it was installed, and the as-installed measurements its library entry lists
(``VerifyCheck``), each judged against the specification, the standard and the client
(``CheckResult``). Outcomes (``Outcomes``) are recorded at the first visit (the baseline) and at the
follow-up; ``OutcomeChange`` is one row of the comparison with its direction.

The services build these (``homeassess.services.follow_up``); the reports and the window only read
them. See docs/follow-up.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from homeassess.domain.verdicts import Verdict
from homeassess.domain.verify_check import VerifyCheck
from homeassess.domain.vocabulary import Difficulty, InstallStatus, NotDoneReason

GOAL_SCORE_RANGE = (1, 10)  # performance and satisfaction, rated by the client
CONCERN_RANGE = (0, 10)  # concern about falling
FALLS_RANGE = (0, 100)  # falls in the last 3 months


@dataclass(frozen=True)
class CheckResult:
    """One as-installed measurement, judged. ``value_text`` is "" until the clinician enters it."""

    check: VerifyCheck
    value_text: str
    value: float | None
    verdict: Verdict  # MEETS, FAILS (a deviation), NOT_APPLICABLE while unmeasured, IMPLAUSIBLE
    message: str  # "Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface"
    correction: str = ""  # the proposed correction where it deviates

    @property
    def measured(self) -> bool:
        return bool(self.value_text)

    @property
    def deviates(self) -> bool:
        return self.verdict is Verdict.FAILS


@dataclass(frozen=True)
class InstalledItem:
    """One accepted recommendation of the original visit, as the follow-up found it."""

    installation_id: int
    recommendation_id: int  # the original's decision row
    ref: str  # the original's RecommendationView.ref
    room_name: str
    title: str
    specification: str
    library_id: str | None
    status: InstallStatus
    reason: NotDoneReason | None
    reason_note: str
    installed_on: date | None
    installed_by: str
    note: str
    checks: tuple[CheckResult, ...]  # every check the library lists, measured or not
    before_photos: tuple[int, ...]  # photo ids of the first visit (same room and item)
    after_photos: tuple[int, ...]  # photo ids taken at the follow-up for this recommendation

    @property
    def deviations(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if c.deviates)

    @property
    def installation_shown(self) -> bool:
        """Whether "installed on … by …" is printed: never beside "Not done", whatever was typed before."""
        return self.status is not InstallStatus.NOT_DONE and bool(self.installed_on or self.installed_by)

    @property
    def is_open(self) -> bool:
        """Still needs work: not installed as specified, or a measurement deviates."""
        return not self.status.is_complete or bool(self.deviations)


@dataclass(frozen=True)
class GoalScore:
    """One of the client's own goals, rated by the client (1–10); None where not rated."""

    goal: str
    performance: int | None
    satisfaction: int | None
    difficulty: Difficulty | None


@dataclass(frozen=True)
class Outcomes:
    """The outcome measures of one visit. ``open_findings`` is counted, never typed."""

    recorded_on: date | None
    goals: tuple[GoalScore, ...]
    falls_3m: int | None
    fall_concern: int | None
    instrument: str  # a standardised instrument the clinician used, by name (scores only, no items)
    instrument_score: str
    open_findings: int


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    UNKNOWN = "unknown"  # one side not recorded

    @property
    def label(self) -> str:
        return {"better": "Better", "worse": "Worse", "same": "No change", "unknown": "Not comparable"}[self.value]


@dataclass(frozen=True)
class OutcomeChange:
    """One row of the outcome table: "Falls in the last 3 months: 3 → 0, better"."""

    label: str
    baseline: str  # as printed; "Not recorded" where missing
    follow_up: str
    direction: Direction


@dataclass(frozen=True)
class FollowUpRecord:
    """Everything a follow-up report prints, gathered in one read."""

    follow_up_id: int
    original_id: int
    original_visit: date
    follow_up_visit: date
    items: tuple[InstalledItem, ...]
    baseline: Outcomes
    follow_up: Outcomes
    changes: tuple[OutcomeChange, ...]

    @property
    def still_open(self) -> tuple[InstalledItem, ...]:
        return tuple(i for i in self.items if i.is_open)
