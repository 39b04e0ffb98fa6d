"""What the completion record and the follow-up report are given: a follow-up visit as plain text.

``homeassess.report.from_follow_up`` turns the domain's ``FollowUpRecord`` into these, with every
length already in the report's units and the photos' stored print copies attached. Statuses,
reasons, verdicts and directions stay as their vocabulary values; the builders print the labels.
A completion record's block carries no outcomes (they are the client's health information).
"""

from __future__ import annotations

from dataclasses import dataclass

from homeassess.domain.follow_up import Direction
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.report.report_data import Photo

# A measurement's verdict in the reader's words: a failed check of installed work is a deviation.
CHECK_VERDICTS = {
    Verdict.MEETS.value: "Meets",
    Verdict.FAILS.value: "Deviates",
    Verdict.ADVISORY.value: "Advisory",
    Verdict.IMPLAUSIBLE.value: "Check value",
    Verdict.NOT_APPLICABLE.value: "No standard",  # measured, judged by its item alone: no figure applies
}
NOT_MEASURED = "Not measured"


@dataclass(frozen=True)
class CheckRow:
    """One as-installed measurement: "Height: 38 in, specified 33–36 in, Deviates"."""

    label: str
    installed: str  # the value in the report's units; "" while unmeasured
    specified: str
    verdict: str  # a Verdict value
    message: str = ""  # "Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface"
    correction: str = ""  # the proposed correction where it deviates

    @property
    def verdict_label(self) -> str:
        return CHECK_VERDICTS.get(self.verdict, NOT_MEASURED) if self.installed else NOT_MEASURED

    @property
    def deviates(self) -> bool:
        return self.verdict == Verdict.FAILS.value


@dataclass(frozen=True)
class InstalledRow:
    """One accepted recommendation of the first visit, as the follow-up found it."""

    ref: str
    room: str
    title: str
    specification: str = ""
    status: str = InstallStatus.NOT_CHECKED.value
    reason: str = ""  # a NotDoneReason value, or ""
    reason_note: str = ""
    installed_on: str = ""
    installed_by: str = ""
    note: str = ""
    checks: tuple[CheckRow, ...] = ()
    before: tuple[Photo, ...] = ()  # the first visit's photos of the item
    after: tuple[Photo, ...] = ()  # the follow-up's photos of the work
    still_open: bool = False

    @property
    def status_label(self) -> str:
        return _label(InstallStatus, self.status)

    @property
    def reason_label(self) -> str:
        return _label(NotDoneReason, self.reason) if self.reason else ""

    @property
    def deviations(self) -> tuple[CheckRow, ...]:
        return tuple(c for c in self.checks if c.deviates)


@dataclass(frozen=True)
class OutcomeRow:
    """One row of the outcome table: "Falls in the last 3 months: 3 → 0, Better"."""

    label: str
    baseline: str
    follow_up: str
    direction: str  # a Direction value

    @property
    def direction_label(self) -> str:
        return _label(Direction, self.direction)


@dataclass(frozen=True)
class FollowUpBlock:
    original_id: int
    original_visit: str  # ISO dates
    follow_up_visit: str
    items: tuple[InstalledRow, ...] = ()
    outcomes: tuple[OutcomeRow, ...] = ()  # the follow-up report only
    baseline_recorded: str = ""
    follow_up_recorded: str = ""
    instrument: str = ""  # a standardised instrument by name, with the clinician's scores only
    baseline_score: str = ""
    follow_up_score: str = ""

    @property
    def still_open(self) -> tuple[InstalledRow, ...]:
        return tuple(i for i in self.items if i.still_open)


def _label(kind: type[InstallStatus] | type[NotDoneReason] | type[Direction], value: str) -> str:
    try:
        return kind(value).label
    except ValueError:
        return value.replace("_", " ").capitalize()
