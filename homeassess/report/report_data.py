"""What a report builder is given: plain, frozen data, already chosen for its audience.

The service layer gathers these from the store (``homeassess.services.reports``); the
builders never see an ORM object and never decide what an audience may read. A
contractor's or landlord's :class:`ReportData` is built with an empty clinical side
(``ClientBlock.diagnosis``, ``conditions`` and the rest are blank), so nothing clinical
can leak even if a builder printed every field. Lengths arrive already formatted in the
report's units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from homeassess.domain.vocabulary import Priority

if TYPE_CHECKING:
    from homeassess.report.follow_up_data import FollowUpBlock


class Audience(StrEnum):
    CLINICAL = "clinical"
    CONTRACTOR = "contractor"
    LANDLORD = "landlord"
    CLIENT = "client"
    COMPLETION = "completion"  # a follow-up's completion record: funder, landlord and contractor
    FOLLOWUP = "followup"  # a follow-up's clinical report: outcomes and what is still open

    @property
    def is_follow_up(self) -> bool:
        """Built from a follow-up visit (``ReportData.follow_up``), not from a first assessment."""
        return self in (Audience.COMPLETION, Audience.FOLLOWUP)

    @property
    def title(self) -> str:  # type: ignore[override]  # the report's title, not str.title()
        return {
            "clinical": "Home Modification Assessment",
            "contractor": "Scope of Works",
            "landlord": "Request for Reasonable Modification",
            "client": "Your Home Safety Plan",
            "completion": "Completion Record",
            "followup": "Follow-up Clinical Report",
        }[self.value]

    @property
    def confidentiality(self) -> str:
        if self in (Audience.CLINICAL, Audience.FOLLOWUP):
            return "Confidential — contains health information"
        if self is Audience.CLIENT:
            return "Your own copy — keep it private"
        return "Confidential — for the named recipient only"


@dataclass(frozen=True)
class Letterhead:
    agency_name: str = ""
    address: str = ""
    phone: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class ReportMeta:
    report_id: str
    generated: date
    audience: Audience
    paper_size: str = "letter"  # "letter" or "a4"
    unit_system: str = "imperial"  # "imperial" or "metric"
    millimetres: bool = False  # contractor: every length in mm, whatever the clinician's units
    language: str = "en-US"


@dataclass(frozen=True)
class Device:
    kind: str
    description: str = ""
    dimensions: str = ""  # "width 27 in, length 42 in, seat 19 1/2 in"


@dataclass(frozen=True)
class BodyMeasure:
    """A body or device measure the client-fit verdicts used: "Popliteal height", "17 in", the items judged."""

    name: str
    value: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClientBlock:
    name: str
    date_of_birth: str = ""
    age: str = ""
    address: str = ""
    phone: str = ""
    diagnosis: str = ""
    conditions: tuple[str, ...] = ()
    functional_limitations: tuple[str, ...] = ()
    devices: tuple[Device, ...] = ()
    transfer_method: str = ""
    caregiver: str = ""
    goals: tuple[str, ...] = ()
    priority_activities: tuple[str, ...] = ()
    body_measures: tuple[BodyMeasure, ...] = ()  # clinical only


@dataclass(frozen=True)
class VisitBlock:
    address: str = ""
    dwelling_type: str = ""
    tenure: str = ""
    landlord_name: str = ""
    landlord_contact: str = ""
    access_contact: str = ""
    visit_date: str = ""
    clinician: str = ""
    credentials: str = ""
    licence: str = ""
    phone: str = ""
    email: str = ""
    referral: str = ""
    standard: str = ""


@dataclass(frozen=True)
class FindingRow:
    item: str
    measured: str = ""
    required: str = ""
    verdict: str = ""  # label: "Fails", "Advisory"
    citation: str = ""
    shortfall: str = ""
    person_fit: tuple[str, ...] = ()
    note: str = ""  # the clinician's note on this item (clinical only)
    standard_note: str = ""  # the standard's own remark, e.g. "advisory only"
    item_id: str = ""  # the checklist item, to name the photos taken of it
    severity: str = ""  # the catalogue's: "life_safety", "falls" or "function" (domain.catalogue.Severity)


@dataclass(frozen=True)
class Photo:
    jpeg: bytes  # the stored print copy, embedded as is (upright, metadata-free); its size is read from it
    caption: str = ""
    item_id: str = ""  # the checklist item the photo was taken of, if any


@dataclass(frozen=True)
class Measurement:
    """A measured value a work item rests on: "Door clear width: 30 1/2 in (required 32 in)"."""

    item: str
    measured: str
    required: str = ""


@dataclass(frozen=True)
class Recommendation:
    room: str
    title: str
    item: str = ""
    specification: str = ""
    rationale: str = ""
    plain: str = ""
    category: str = ""
    priority: str = Priority.MEDIUM.value
    installer: str = ""  # vocabulary.Installer value: who does the work
    funding: str = "to_be_agreed"  # vocabulary.Funding value: who pays, as the clinician chose
    funding_program: str = ""  # the grant or program's name
    cost_low: int | None = None
    cost_high: int | None = None
    cost_source: str = ""
    location: str = ""
    mounting_height: str = ""
    length: str = ""
    clearances: str = ""
    structure: str = ""
    measurements: tuple[Measurement, ...] = ()  # every measurement of the element it changes, failing or not
    item_id: str = ""  # the checklist item behind it, to name the photos taken of it
    quantity: str = ""  # what to price: "2 bars: side wall and rear wall"
    removal: str = ""  # the existing element removed and disposed of first
    ramp_figures: tuple[str, ...] = ()  # a ramp work item: total rise, run, landings, handrail lengths
    alternative_to: str = ""  # an option instead of the recommendation titled so: listed, not counted in totals
    severity: str = ""  # what is at stake at its item (the catalogue's "life_safety", "falls" or "function")


@dataclass(frozen=True)
class Room:
    name: str
    room_type: str = ""
    findings: tuple[FindingRow, ...] = ()
    photos: tuple[Photo, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    observations: tuple[str, ...] = ()  # the clinician's free-text notes on the room (clinical only)
    existing_conditions: tuple[str, ...] = ()  # the building as the notes describe it (walls, studs), no person
    answered: int | None = None  # items answered, of ``to_answer`` (notes are optional); None: not counted
    to_answer: int = 0


@dataclass(frozen=True)
class CostTotal:
    priority: str
    count: int
    low: int
    high: int


@dataclass(frozen=True)
class Signature:
    name: str = ""
    credentials: str = ""
    licence: str = ""
    date: str = ""  # the day the report was built (printed in its header, not as the signing date)
    image_png: bytes | None = None
    signed_on: str = ""  # the day the clinician signed the assessment; a line to write it on when empty


@dataclass(frozen=True)
class ReportData:
    meta: ReportMeta
    letterhead: Letterhead
    client: ClientBlock
    visit: VisitBlock
    rooms: tuple[Room, ...] = ()
    whole_home: tuple[Recommendation, ...] = ()  # recommendations not tied to one room
    totals: tuple[CostTotal, ...] = ()
    signature: Signature = field(default_factory=Signature)
    dismissed_count: int = 0
    undecided_count: int = 0  # proposals neither accepted nor dismissed (the clinical report says so)
    draft: bool = False  # the assessment is not finalised: the clinical report says what is still open
    currency: str = "USD"
    follow_up: FollowUpBlock | None = None  # the completion record and the follow-up report only

    @property
    def recommendations(self) -> list[Recommendation]:
        return [r for room in self.rooms for r in room.recommendations] + list(self.whole_home)

    @property
    def photo_count(self) -> int:
        return sum(len(room.photos) for room in self.rooms)


PRIORITIES = tuple(p.value for p in Priority)  # the vocabulary's order: high first


class Priced(Protocol):
    @property
    def priority(self) -> str: ...
    @property
    def cost_low(self) -> int | None: ...
    @property
    def cost_high(self) -> int | None: ...


def cost_totals(recs: Sequence[Recommendation]) -> tuple[CostTotal, ...]:
    """Count and summed cost range of the recommendations, per priority; an option (``alternative_to``,
    decided by ``services.recommendation_views.options``) is listed, not counted."""
    return priced_totals([r for r in recs if not r.alternative_to])


def priced_totals(recs: Sequence[Priced]) -> tuple[CostTotal, ...]:
    """Count and summed cost range per priority of everything given (the review's totals and every
    report's add up the same way): a range with only its low end counts that end as its high end too."""
    out = []
    for priority in PRIORITIES:
        chosen = [r for r in recs if r.priority == priority]
        out.append(CostTotal(priority, len(chosen), sum(r.cost_low or 0 for r in chosen),
                             sum(r.cost_high or r.cost_low or 0 for r in chosen)))
    return tuple(out)
