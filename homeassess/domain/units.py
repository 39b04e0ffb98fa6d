"""Lengths and slopes as a clinician types them, and as a report prints them.

Canonical storage: lengths in millimetres (float), slopes as rise/run (float).
Input accepts US customary forms (``31 3/4``, ``31-3/4 in``, ``2' 8"``, ``2 ft 8 in``)
and metric (``815 mm``, ``81.5 cm``, ``0.815 m``); a bare number is in the
clinician's default unit. Every refusal raises :class:`MeasurementError` with a
one-line reason fit to show on screen.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from homeassess.domain.refusals import Refused

MM_PER_INCH = 25.4
MM_PER_FOOT = 304.8


class MeasurementError(Refused, ValueError):
    """A typed value that cannot be accepted; the message is one plain line."""


class LengthUnit(StrEnum):
    INCH = "in"
    MILLIMETRE = "mm"
    CENTIMETRE = "cm"
    METRE = "m"

    @property
    def system(self) -> UnitSystem:
        return UnitSystem.IMPERIAL if self is LengthUnit.INCH else UnitSystem.METRIC

    @classmethod
    def parse(cls, text: str) -> LengthUnit:
        try:
            return cls(text.strip().lower())
        except ValueError:
            choices = ", ".join(u.value for u in cls)
            raise MeasurementError(f"unknown unit {text!r}; use one of {choices}") from None


class UnitSystem(StrEnum):
    IMPERIAL = "imperial"
    METRIC = "metric"

    @property
    def default_unit(self) -> LengthUnit:
        return LengthUnit.INCH if self is UnitSystem.IMPERIAL else LengthUnit.MILLIMETRE


_UNIT_WORDS: dict[str, str] = {
    '"': "in", "in": "in", "in.": "in", "inch": "in", "inches": "in",
    "'": "ft", "ft": "ft", "ft.": "ft", "foot": "ft", "feet": "ft",
    "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
}
_MM_PER_UNIT = {"in": MM_PER_INCH, "ft": MM_PER_FOOT, "mm": 1.0, "cm": 10.0, "m": 1000.0}

_VULGAR = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅛": " 1/8", "⅜": " 3/8", "⅝": " 5/8", "⅞": " 7/8"}
_QUOTES = {"″": '"', "“": '"', "”": '"', "′": "'", "’": "'", "‘": "'", "''": '"'}

_NUMBER = r"(?:\d+(?:[.,]\d+)?[ -]+\d+/\d+|\d+/\d+|\d+(?:[.,]\d+)?|[.,]\d+)"
_UNIT = r"(?:\"|'|in\.?|inch(?:es)?|ft\.?|f(?:oo|ee)t|mm|millimet(?:re|er)s?|cm|centimet(?:re|er)s?|m|met(?:re|er)s?)"
_PART = re.compile(rf"\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?![a-z])", re.IGNORECASE)


_GLYPHS = {**_VULGAR, **_QUOTES}
_WHOLE_AND_FRACTION = re.compile(r"(\d+(?:\.\d+)?)[ -]+(\d+)/(\d+)")
_FRACTION = re.compile(r"(\d+)/(\d+)")


def _normalise(text: str) -> str:
    if text.isascii():  # typed on a keyboard: only a doubled apostrophe to read as inches
        text = text.replace("''", '"')
    else:
        text = unicodedata.normalize("NFKC", text) if not any(ch in text for ch in _VULGAR) else text
        for glyph, ascii_form in _GLYPHS.items():
            text = text.replace(glyph, ascii_form)
    return " ".join(text.strip().lower().split())


def _number(token: str) -> float:
    token = token.replace(",", ".")
    whole_and_fraction = _WHOLE_AND_FRACTION.fullmatch(token)
    if whole_and_fraction:
        whole, num, den = whole_and_fraction.groups()
        if int(den) == 0:
            raise MeasurementError(f"{token!r} divides by zero")
        return float(whole) + int(num) / int(den)
    fraction = _FRACTION.fullmatch(token)
    if fraction:
        num, den = fraction.groups()
        if int(den) == 0:
            raise MeasurementError(f"{token!r} divides by zero")
        return int(num) / int(den)
    return float(token)


def _split_parts(text: str) -> list[tuple[float, str | None]]:
    parts: list[tuple[float, str | None]] = []
    pos = 0
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match or match.end() == pos:
            raise MeasurementError(f"{text!r} is not a measurement; type a number such as 32, 31 3/4 or 815 mm")
        unit = match.group("unit")
        parts.append((_number(match.group("num")), _UNIT_WORDS[unit.lower()] if unit else None))
        pos = match.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return parts


def parse_length(text: str, default_unit: LengthUnit = LengthUnit.INCH) -> float:
    """Return the length in millimetres, or raise :class:`MeasurementError`."""
    return read_length(text, default_unit)[0]


def read_length(text: str, default_unit: LengthUnit = LengthUnit.INCH) -> tuple[float, str]:
    """The length in millimetres and the unit it was typed in (``default_unit`` for a bare number, ``"ft"``
    for feet and inches), read once: a judge that needs both does not parse twice."""
    cleaned = _normalise(text or "")
    if not cleaned:
        raise MeasurementError("no value entered")
    if cleaned.startswith("-") or cleaned.startswith("−"):
        raise MeasurementError(f"{text.strip()} is negative; a length cannot be below zero")
    parts = _split_parts(cleaned)
    if len(parts) == 1:
        value, unit = parts[0]
        unit = unit or default_unit.value
        return value * _MM_PER_UNIT[unit], unit
    if len(parts) == 2 and parts[0][1] == "ft" and parts[1][1] in ("in", None):
        feet, (inches, _) = parts[0][0], parts[1]
        if inches >= 12:
            raise MeasurementError(f"{text.strip()}: inches after feet must be under 12")
        return feet * MM_PER_FOOT + inches * MM_PER_INCH, "ft"
    units = [u or "no unit" for _, u in parts]
    raise MeasurementError(f"{text.strip()} mixes units ({', '.join(units)}); enter one value in one unit")


def typed_number_and_unit(text: str, default_unit: LengthUnit) -> tuple[float, str] | None:
    """The number and unit of a one-part length (``"26"`` -> ``(26, "mm")`` with mm as default); None otherwise."""
    try:
        parts = _split_parts(_normalise(text or ""))
    except MeasurementError:
        return None
    if len(parts) != 1 or parts[0][1] == "ft":
        return None
    number, unit = parts[0]
    return number, unit or default_unit.value


def unit_slip_hint(number: float, unit: str, low_mm: float, high_mm: float) -> str:
    """``"did you mean 26 in?"`` when the same number in another unit is plausible, else ``"check the units"``."""
    for other in ("in", "mm", "cm", "m"):
        if other != unit and low_mm - 1e-6 <= number * _MM_PER_UNIT[other] <= high_mm + 1e-6:
            return f"check the units: did you mean {number:g} {other}?"
    return "check the units"


def inches_as_fraction(inches: float, denominator: int = 8) -> str:
    """``31.75`` -> ``31 3/4``, ``-0.5`` -> ``-1/2``; rounds to the nearest 1/denominator."""
    parts = round(inches * denominator)
    sign = "-" if parts < 0 else ""
    whole, rest = divmod(abs(parts), denominator)
    if rest == 0:
        return f"{sign}{whole}"
    common = math.gcd(rest, denominator)
    fraction = f"{rest // common}/{denominator // common}"
    return f"{sign}{whole} {fraction}" if whole else f"{sign}{fraction}"


def format_length(mm: float, system: UnitSystem) -> str:
    """Imperial to the nearest 1/8 in as a fraction (``31 3/4 in``); metric in whole mm."""
    if system is UnitSystem.IMPERIAL:
        return f"{inches_as_fraction(mm / MM_PER_INCH)} in"
    return f"{round(mm)} mm"


AT_THE_LIMIT = "at the limit"


def format_length_difference(mm: float, system: UnitSystem) -> str:
    """A gap, never shown as zero: to the nearest 1/16 in or 1 mm, else "less than 1/16 in (at the limit)"."""
    mm = abs(mm)
    if system is UnitSystem.IMPERIAL:
        if round(mm / MM_PER_INCH * 16) == 0:
            return f"less than 1/16 in ({AT_THE_LIMIT})"
        return f"{inches_as_fraction(mm / MM_PER_INCH, 16)} in"
    if round(mm) == 0:
        return f"less than 1 mm ({AT_THE_LIMIT})"
    return f"{round(mm)} mm"


def standard_metric_figure(mm: float) -> float:
    """The metric figure a standard prints beside an inch figure (ADA 2010 §104.1 conversions).

    Figures of 3 in and more are rounded to the nearest 5 mm (48 in -> 1220 mm, 36 in -> 915 mm,
    17 in -> 430 mm), smaller ones to the nearest 1 mm (1/2 in -> 13 mm) or, under 10 mm, 0.1 mm
    (1/4 in -> 6.4 mm).
    """
    if mm >= 3 * MM_PER_INCH - 1e-9:
        return math.floor(mm / 5 + 0.5 + 1e-9) * 5.0
    if mm >= 10:
        return float(math.floor(mm + 0.5 + 1e-9))
    return math.floor(mm * 10 + 0.5 + 1e-9) / 10


def metric_low_limit(mm: float) -> float:
    """A minimum as a metric measurement meets it: the exact figure to the whole mm (32 in: 813 mm, so 812 mm is
    short), or the standard's own metric figure where that is lower (30 in: 760 mm, not 762)."""
    return min(standard_metric_figure(mm), float(math.floor(mm + 0.5)))


def metric_high_limit(mm: float) -> float:
    """A maximum as a metric measurement meets it: the exact figure to the whole mm, or the standard's own metric
    figure where that is higher (34 in: 865 mm, not 864)."""
    return max(standard_metric_figure(mm), float(math.floor(mm + 0.5)))


# --- slopes -------------------------------------------------------------------------------

_RATIO = re.compile(r"^(?P<rise>\d+(?:[.,]\d+)?)\s*:\s*(?P<run>\d+(?:[.,]\d+)?)$")
_PERCENT = re.compile(r"^(?P<pct>\d+(?:[.,]\d+)?)\s*%$")
_DEGREES = re.compile(r"^(?P<deg>\d+(?:[.,]\d+)?)\s*(?:°|deg|degrees?)$")
_RISE_RUN = re.compile(r"^(?:rise\s+)?(?P<rise>.+?)\s*(?:/|over|in|per|run|,)\s*(?:run\s+)?(?P<run>[\d.,].*)$")


def parse_slope(text: str, default_unit: LengthUnit = LengthUnit.INCH) -> float:
    """Return a slope as rise/run. Accepts ``1:12``, ``8.33%``, ``4.8°`` and ``6 in over 72 in``."""
    cleaned = _normalise(text or "").replace("º", "°")
    if not cleaned:
        raise MeasurementError("no value entered")
    if cleaned.startswith("-"):
        raise MeasurementError(f"{text.strip()} is negative; enter the slope without a sign")
    if m := _RATIO.match(cleaned):
        rise, run = (float(m[g].replace(",", ".")) for g in ("rise", "run"))
        if run == 0:
            raise MeasurementError(f"{text.strip()} has a run of zero")
        return rise / run
    if m := _PERCENT.match(cleaned):
        return float(m["pct"].replace(",", ".")) / 100
    if m := _DEGREES.match(cleaned):
        degrees = float(m["deg"].replace(",", "."))
        if degrees >= 90:
            raise MeasurementError(f"{text.strip()} is not a slope; degrees must be under 90")
        return math.tan(math.radians(degrees))
    if m := _RISE_RUN.match(cleaned):
        rise = parse_length(m["rise"], default_unit)
        run = parse_length(m["run"], default_unit)
        if run == 0:
            raise MeasurementError(f"{text.strip()} has a run of zero")
        return rise / run
    raise MeasurementError(
        f"{text.strip()!r} is not a slope; type 1:12, 8.3%, 4.8° or a rise over a run (6 in over 72 in)"
    )


def format_slope(ratio: float) -> str:
    """``1/12`` -> ``1:12 (8.3%)``."""
    run = 1 / ratio if ratio > 0 else math.inf
    if not math.isfinite(run):  # zero, or so gentle its run overflows (a denormal from arithmetic)
        return "level (0%)"
    run_text = f"{run:.0f}" if abs(run - round(run)) < 0.05 else f"{run:.1f}"
    return f"1:{run_text} ({ratio * 100:.1f}%)"


def format_slope_difference(delta: float) -> str:
    """A difference between two slopes, in percentage points; never shown as zero."""
    if round(abs(delta) * 1000) == 0:
        return f"less than 0.1 percentage points ({AT_THE_LIMIT})"
    return f"{abs(delta) * 100:.1f} percentage points"


@dataclass(frozen=True)
class Quantity:
    """How an item's value is typed, stored and printed."""

    kind: str  # "length" | "slope"

    def parse(self, text: str, default_unit: LengthUnit) -> float:
        return parse_slope(text, default_unit) if self.kind == "slope" else parse_length(text, default_unit)

    def bare_unit(self, default_unit: LengthUnit) -> str:
        """The unit a bare number is read in ("" for a slope, which has none)."""
        return default_unit.value if self.kind == "length" else ""

    def format(self, value: float, system: UnitSystem) -> str:
        return format_slope(value) if self.kind == "slope" else format_length(value, system)

    def format_difference(self, delta: float, system: UnitSystem) -> str:
        if self.kind == "slope":
            return format_slope_difference(delta)
        return format_length_difference(delta, system)
