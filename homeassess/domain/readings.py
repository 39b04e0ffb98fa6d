"""Readings that are not lengths or slopes: water temperature, door opening force, light level, rated load.

Each is typed like a length (a number and an optional unit) and stored in one canonical unit:
degrees Celsius, newtons, lux, kilograms. A bare number is read in the clinician's system: °F, lbf and lb for
imperial, °C, N and kg for metric. Light level is lux in both systems (what a light meter or phone
app shows); foot-candles must be typed as ``fc``. Reports print the clinician's system, with
the other unit in brackets where readers commonly use both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem

LUX_PER_FOOT_CANDLE = 10.7639
KG_PER_LB = 0.45359237
LB_PER_KG = 1 / KG_PER_LB
NEWTONS_PER_LBF = 4.44822

_NUMBER = re.compile(r"^(?P<num>\d+(?:[.,]\d+)?|[.,]\d+)\s*(?P<unit>[^\d\s].*)?$")


@dataclass(frozen=True)
class Reading:
    """One kind of reading: its units (name -> (scale, offset) to canonical) and how it prints."""

    kind: str
    units: dict[str, tuple[float, float]]
    imperial_unit: str
    metric_unit: str
    example: str

    def parse(self, text: str, default_unit: LengthUnit) -> float:
        cleaned = " ".join((text or "").strip().lower().replace("º", "°").split())
        if not cleaned:
            raise MeasurementError("no value entered")
        if cleaned.startswith(("-", "−")):
            raise MeasurementError(f"{text.strip()} is negative; enter the reading without a sign")
        match = _NUMBER.match(cleaned)
        if not match:
            raise MeasurementError(f"{text.strip()!r} is not a {self.kind} reading; type a number such as {self.example}")
        unit = (match["unit"] or "").replace(" ", "")
        if not unit:
            unit = self.imperial_unit if default_unit.system is UnitSystem.IMPERIAL else self.metric_unit
        if unit not in self.units:
            raise MeasurementError(f"{text.strip()!r} has a unit that is not a {self.kind} unit; type e.g. {self.example}")
        scale, offset = self.units[unit]
        return (float(match["num"].replace(",", ".")) - offset) * scale

    def bare_unit(self, default_unit: LengthUnit) -> str:
        """The unit a bare number is read in: the clinician's system's ("°F" in an imperial visit)."""
        return self.units_label(self.imperial_unit if default_unit.system is UnitSystem.IMPERIAL else self.metric_unit)

    def _in(self, value: float, unit: str) -> float:
        scale, offset = self.units[unit]
        return value / scale + offset

    def format(self, value: float, system: UnitSystem) -> str:
        unit = self.imperial_unit if system is UnitSystem.IMPERIAL else self.metric_unit
        return f"{_number(self._in(value, unit))} {self.units_label(unit)}"

    def format_difference(self, delta: float, system: UnitSystem) -> str:
        unit = self.imperial_unit if system is UnitSystem.IMPERIAL else self.metric_unit
        scale, _ = self.units[unit]
        if round(abs(delta) / scale, 1) == 0:  # never shown as zero (issue 11 point 6)
            return f"less than 0.1 {self.units_label(unit)} (at the limit)"
        return f"{_number(abs(delta) / scale)} {self.units_label(unit)}"

    @staticmethod
    def units_label(unit: str) -> str:
        return {"°f": "°F", "°c": "°C", "n": "N", "lbf": "lbf", "lx": "lx", "lb": "lb", "kg": "kg"}.get(unit, unit)


def _number(value: float) -> str:
    """Whole numbers plainly, others to one decimal (49 °C, 4.5 lbf)."""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if abs(rounded - round(rounded)) < 1e-9 else f"{rounded:.1f}"


_FAHRENHEIT = (5 / 9, 32.0)
_CELSIUS = (1.0, 0.0)
_LBF = (NEWTONS_PER_LBF, 0.0)
_LUX = (1.0, 0.0)
_FOOT_CANDLE = (LUX_PER_FOOT_CANDLE, 0.0)
_POUND = (KG_PER_LB, 0.0)
_KILOGRAM = (1.0, 0.0)

READINGS: dict[str, Reading] = {
    "temperature": Reading(
        "temperature",
        {"°f": _FAHRENHEIT, "f": _FAHRENHEIT, "degf": _FAHRENHEIT, "degreesf": _FAHRENHEIT, "fahrenheit": _FAHRENHEIT,
         "°c": _CELSIUS, "c": _CELSIUS, "degc": _CELSIUS, "degreesc": _CELSIUS, "celsius": _CELSIUS},
        "°f", "°c", "120 °F or 49 °C",
    ),
    "force": Reading(
        "force",
        {"lbf": _LBF, "lb": _LBF, "lbs": _LBF, "pound": _LBF, "pounds": _LBF, "n": (1.0, 0.0), "newton": (1.0, 0.0),
         "newtons": (1.0, 0.0)},
        "lbf", "n", "5 lbf or 22 N",
    ),
    "illuminance": Reading(
        "light level",
        {"lx": _LUX, "lux": _LUX, "fc": _FOOT_CANDLE, "footcandle": _FOOT_CANDLE, "footcandles": _FOOT_CANDLE,
         "foot-candle": _FOOT_CANDLE, "foot-candles": _FOOT_CANDLE},
        "lx", "lx", "150 lux or 14 fc",
    ),
    "weight": Reading(
        "weight",
        {"lb": _POUND, "lbs": _POUND, "pound": _POUND, "pounds": _POUND, "kg": _KILOGRAM, "kgs": _KILOGRAM,
         "kilogram": _KILOGRAM, "kilograms": _KILOGRAM},
        "lb", "kg", "450 lb or 204 kg",
    ),
}
