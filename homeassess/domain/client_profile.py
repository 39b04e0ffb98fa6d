"""The client: who the home is judged against, beyond the code's average user.

The JSON form (``homeassess check --client FILE``, and the store) is this model's
``model_dump(mode="json")``. Lengths are numbers in millimetres or strings with units
(``"27 in"``, ``"686 mm"``); they are held in millimetres. See docs/client-profile.md.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from homeassess.domain.mobility_devices import DeviceKind
from homeassess.domain.units import LengthUnit, MeasurementError, parse_length

__all__ = ["BodyMeasures", "ClientProfile", "DeviceKind", "MobilityDevice"]


def _to_mm(value: object) -> object:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return parse_length(value, LengthUnit.MILLIMETRE)
        except MeasurementError as exc:
            raise ValueError(str(exc)) from None
    if isinstance(value, int | float) and value < 0:
        raise ValueError("a length cannot be below zero")
    return value


Millimetres = Annotated[float | None, BeforeValidator(_to_mm)]


class MobilityDevice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: DeviceKind
    description: str = ""
    overall_width: Millimetres = None
    overall_length: Millimetres = None
    seat_height: Millimetres = None
    turning_diameter: Millimetres = None


class BodyMeasures(BaseModel):
    model_config = ConfigDict(extra="forbid")
    popliteal_height: Millimetres = None
    seated_reach_high: Millimetres = None
    seated_reach_low: Millimetres = None
    standing_reach_high: Millimetres = None
    height: Millimetres = None
    weight_kg: float | None = Field(default=None, ge=0)


class ClientProfile(BaseModel):
    """Everything the product design lists for the person side of the assessment."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    diagnosis: str = ""
    conditions: list[str] = []
    functional_limitations: list[str] = []
    devices: list[MobilityDevice] = []
    body: BodyMeasures = BodyMeasures()
    transfer_method: str = ""
    caregiver: str = ""
    goals: list[str] = []
    priority_activities: list[str] = []

    def primary_device(self) -> MobilityDevice | None:
        """The device that sets the widest need: wheelchairs and scooters before walkers."""
        order = list(DeviceKind)
        wheeled = sorted(self.devices, key=lambda d: order.index(d.kind), reverse=True)
        return wheeled[0] if wheeled else None

    def widest_device(self) -> MobilityDevice | None:
        sized = [d for d in self.devices if d.overall_width]
        return max(sized, key=lambda d: d.overall_width or 0) if sized else None

    def age_on(self, day: date) -> int | None:
        if not self.date_of_birth:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
