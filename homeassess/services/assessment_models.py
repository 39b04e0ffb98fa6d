"""What an assessment is made of, as the services take and give it: the visit details, the rooms
asked for, a new assessment, and the read views of an assessment and its rooms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import LengthUnit
from homeassess.domain.vocabulary import AssessmentStatus


class AssessmentDetails(BaseModel):
    """The home and the visit, as entered on the New assessment screen."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    visit_date: date = Field(default_factory=date.today)
    clinician: str = ""
    credentials: str = ""
    licence: str = ""
    referral: str = ""
    address: str = ""
    dwelling_type: str = ""
    tenure: Literal["owner", "renter", "other", ""] = ""
    landlord_name: str = ""
    landlord_contact: str = ""
    access_contact: str = ""
    standard: str = "ada2010"
    unit: LengthUnit = LengthUnit.INCH


class RoomSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    type: str
    name: str = ""


class NewAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    client: ClientProfile
    details: AssessmentDetails
    rooms: list[RoomSpec] = []
    uid: str | None = None


@dataclass(frozen=True)
class RoomView:
    id: int
    room_type: str
    room_type_name: str
    name: str
    position: int
    answered: int
    total: int
    findings: int


@dataclass(frozen=True)
class AssessmentView:
    id: int
    uid: str
    status: AssessmentStatus
    details: AssessmentDetails
    client: ClientProfile
    catalogue_version: str
    rooms: list[RoomView]

    @property
    def read_only(self) -> bool:
        return self.status != AssessmentStatus.DRAFT
