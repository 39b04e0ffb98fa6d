"""Keeping what was measured when an assessment's units change.

A value is stored as typed, and a bare number is read in the assessment's units: "850" is 850 mm in a
metric visit and 850 in in an imperial one, "120" is 120 °F or 120 °C. So when the clinician switches the
visit from millimetres to inches, every bare number would be read again in the new unit (a door of 850 mm
becoming an implausible 850 in) and findings would come and go. Before the switch, each such text gets the
unit it was read in ("850" -> "850 mm"); a text that already names its unit ("2' 10\"", "81 cm") is left as
typed.
"""

from __future__ import annotations

from typing import Protocol

from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem

_SAME = 1e-6


class TypedMeasure(Protocol):
    def parse(self, text: str, default_unit: LengthUnit) -> float: ...

    def bare_unit(self, default_unit: LengthUnit) -> str: ...

    def format(self, value: float, system: UnitSystem) -> str: ...


def kept_under(measure: TypedMeasure, text: str, old: LengthUnit, new: LengthUnit) -> str | None:
    """``text`` as it must read under ``new`` to keep the value it has under ``old``: with the unit it was read
    in, else (should that not read back the same) the value printed in the old units. None when nothing changes
    (the text names its unit, the quantity has no units to switch, or the text cannot be read at all)."""
    try:
        before = measure.parse(text, old)
    except MeasurementError:
        return None
    try:
        if abs(measure.parse(text, new) - before) <= _SAME:
            return None
    except MeasurementError:
        pass
    with_unit = f"{text.strip()} {measure.bare_unit(old)}"
    try:
        if abs(measure.parse(with_unit, new) - before) <= _SAME:
            return with_unit
    except MeasurementError:
        pass
    return measure.format(before, old.system)
