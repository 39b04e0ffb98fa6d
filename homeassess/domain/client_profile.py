"""The client: who the home is judged against, beyond the code's average user.

The JSON form (``homeassess check --client FILE``, and the store) is this model's
``model_dump(mode="json")``. Lengths are numbers in millimetres or strings with units
(``"27 in"``, ``"686 mm"``); a string without a unit is read in the unit given as the
validation context ``{"unit": "in"}`` (the assessment's unit), else in millimetres. They are
held in millimetres. Every value is checked against its plausible range
(``resources/standards/person_fit.toml``): a likely unit slip is refused with the reading that
would fit. See docs/client-profile.md.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from homeassess.domain.mobility_devices import DeviceKind
from homeassess.domain.readings import LB_PER_KG
from homeassess.domain.units import LengthUnit, MeasurementError, parse_length, typed_number_and_unit, unit_slip_hint

__all__ = ["BodyMeasures", "ClientProfile", "DeviceKind", "MobilityDevice", "UsableSide"]

UsableSide = Literal["", "left", "right", "both"]


@cache
def plausible_ranges() -> dict[str, dict[str, Any]]:
    """Each client measure's plausible ``low``/``high`` (mm, or kg for weight) and ``noun``."""
    from homeassess.domain.resource_snapshot import validated_resources

    return validated_resources()["person_fit"]["plausible"]


def _implausible(text: str, noun: str, hint: str) -> PydanticCustomError:
    return PydanticCustomError("implausible", "{sentence}", {"sentence": f"{text} is not a plausible {noun}; {hint}"})


def _unit(info: ValidationInfo) -> LengthUnit:
    context = info.context if isinstance(info.context, dict) else {}
    unit = context.get("unit")
    return LengthUnit(unit) if unit else LengthUnit.MILLIMETRE


def _to_mm(value: object, info: ValidationInfo) -> object:
    """A length in mm, range-checked like a measurement; a unit slip is refused with the reading that fits."""
    if value is None or value == "":
        return None
    unit = _unit(info)
    if isinstance(value, str):
        try:
            mm = parse_length(value, unit)
        except MeasurementError as exc:
            raise ValueError(str(exc)) from None
        typed = typed_number_and_unit(value, unit)
        shown = f"{typed[0]:g} {typed[1]}" if typed else value.strip()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise ValueError("a length cannot be below zero")
        mm, typed, shown = float(value), (float(value), "mm"), f"{value:g} mm"
    else:
        return value  # pydantic refuses it as not a number
    bounds = None if _stored(info) else plausible_ranges().get(info.field_name or "")
    if bounds and not bounds["low"] - 1e-6 <= mm <= bounds["high"] + 1e-6:
        hint = unit_slip_hint(*typed, bounds["low"], bounds["high"]) if typed else "check the units"
        kind = info.data.get("kind") if isinstance(info.data, dict) else None
        noun = f"{kind.label} {bounds['noun']}" if isinstance(kind, DeviceKind) else bounds["noun"]
        raise _implausible(shown, noun, hint)
    return mm


def _stored(info: ValidationInfo) -> bool:
    """Read back from the store: accepted when it was written, so not range-checked again."""
    return isinstance(info.context, dict) and bool(info.context.get("stored"))


def _to_kg(value: object, info: ValidationInfo) -> object:
    """A weight in kg: a number of kg, or ``"150 lb"`` / ``"68 kg"``; a pounds-for-kilograms slip is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        words = value.strip().lower().split()
        try:
            number = float(words[0])
        except (ValueError, IndexError):
            raise ValueError(f"{value.strip()} is not a weight; type a number of kg, or lb after it") from None
        unit = words[1] if len(words) > 1 else "kg"
        if len(words) > 2 or unit not in ("kg", "lb", "lbs"):
            raise ValueError(f"{value.strip()} is not a weight; type a number of kg, or lb after it")
        kg, shown, other = (number / LB_PER_KG, f"{number:g} lb", "kg") if unit != "kg" else (number, f"{number:g} kg", "lb")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number, kg, shown, other = float(value), float(value), f"{value:g} kg", "lb"
    else:
        return value
    if kg < 0:
        raise ValueError("a weight cannot be below zero")
    kind = info.data.get("kind") if isinstance(info.data, dict) else None
    bounds = plausible_ranges()["device_weight_kg" if isinstance(kind, DeviceKind) else "weight_kg"]
    if not _stored(info) and not bounds["low"] <= kg <= bounds["high"]:
        as_other = number / LB_PER_KG if other == "lb" else number * LB_PER_KG
        fits = bounds["low"] <= as_other <= bounds["high"]
        hint = f"check the units: did you mean {number:g} {other}?" if fits else "check the units"
        raise _implausible(shown, f"{kind.label} {bounds['noun']}" if isinstance(kind, DeviceKind) else bounds["noun"], hint)
    return kg


Millimetres = Annotated[float | None, BeforeValidator(_to_mm)]
Kilograms = Annotated[float | None, BeforeValidator(_to_kg)]


class MobilityDevice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: DeviceKind
    description: str = ""
    primary: bool = False
    overall_width: Millimetres = None
    overall_length: Millimetres = None
    seat_height: Millimetres = None
    turning_diameter: Millimetres = None
    weight_kg: Kilograms = None  # the device's own weight: carried with the client on a ramp or platform lift


class BodyMeasures(BaseModel):
    model_config = ConfigDict(extra="forbid")
    popliteal_height: Millimetres = None
    seated_reach_high: Millimetres = None
    seated_reach_low: Millimetres = None
    standing_reach_high: Millimetres = None
    height: Millimetres = None
    weight_kg: Kilograms = None

    @model_validator(mode="after")
    def _reach_in_order(self) -> BodyMeasures:
        low, high = self.seated_reach_low, self.seated_reach_high
        if low is not None and high is not None and low > high:
            raise PydanticCustomError("implausible", "the lowest seated reach is above the highest; check the two values")
        return self


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
    other_aids: list[str] = []  # aids typed on intake that are not a device kind above, kept as typed
    usable_side: UsableSide = ""
    primary_kind: DeviceKind | None = Field(default=None, validation_alias="primary_device", exclude=True)
    body: BodyMeasures = BodyMeasures()
    transfer_method: str = ""
    caregiver: str = ""
    goals: list[str] = []
    priority_activities: list[str] = []

    @model_validator(mode="after")
    def _one_primary(self) -> ClientProfile:
        """``"primary_device": "scooter"`` marks the listed scooter primary; at most one device is primary."""
        if self.primary_kind is not None:
            chosen = [d for d in self.devices if d.kind is self.primary_kind]
            if not chosen:
                raise PydanticCustomError("primary", "the primary device {kind} is not among the devices listed",
                                          {"kind": self.primary_kind.label})
            for device in self.devices:
                device.primary = device is chosen[0]
            self.primary_kind = None
        if sum(d.primary for d in self.devices) > 1:
            raise PydanticCustomError("primary", "more than one device is marked primary; mark one")
        return self

    @classmethod
    def from_stored(cls, text: str | bytes) -> ClientProfile:
        """A profile read back from the store: every value was checked when it was written, so a profile
        kept before a plausible range tightened still opens (the form refuses it when next saved)."""
        return cls.model_validate_json(text, context={"stored": True})

    def primary_device(self) -> MobilityDevice | None:
        """The device the client mainly uses: the one marked ``primary``, else the first listed."""
        marked = [d for d in self.devices if d.primary]
        return marked[0] if marked else (self.devices[0] if self.devices else None)

    def widest_device(self) -> MobilityDevice | None:
        sized = [d for d in self.devices if d.overall_width]
        return max(sized, key=lambda d: d.overall_width or 0) if sized else None

    def age_on(self, day: date) -> int | None:
        if not self.date_of_birth:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
