"""Validating a library entry's as-installed checks (``[[recommendations.verify]]``) into ``VerifyCheck`` values.

The figures are typed as in the specification, in inches ("33 in", "1:12", "120 °F", "250 lb"), and
must be the specification's own: each figure's number appears in the entry's specification text
(one fact, one place). A check names a catalogue measurement item (``item``) whose standard and
person-fit rules also judge it, or gives its own ``plausible`` range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from homeassess.domain.as_installed import measure_of, target_text
from homeassess.domain.catalogue import STRICT, Catalogue, ItemKind
from homeassess.domain.follow_up import VerifyCheck
from homeassess.domain.recommendations import template_fields
from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem
from homeassess.domain.validation.entries import EntryProblem, require, require_identifier, require_length

CORRECTION_FIELDS = {"target", "measured"}
_FIGURE = re.compile(r"^\s*(?P<number>\d+:\d+(?:\.\d+)?|\d+[ -]\d+/\d+|\d+/\d+|\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class VerifyEntry:
    """One ``[[recommendations.verify]]`` table as written."""

    __pydantic_config__ = STRICT
    id: str
    label: str
    low: str = ""
    high: str = ""
    reading: Literal["length", "slope", "count", "weight", "temperature", "force", "illuminance"] | None = None
    item: str | None = None
    installed: str = ""
    measured_to: str = ""
    correction: str = ""
    plausible: tuple[str, str] | None = None


def figure_number(figure: str) -> str:
    """The number of a figure as written: "33" of "33 in", "1 1/2" of "1 1/2 in", "1:12" of "1:12"."""
    match = _FIGURE.match(figure)
    return match["number"] if match else figure.strip()


def states_figure(specification: str, figure: str) -> bool:
    """Whether the specification states this figure's number (not as part of a longer number)."""
    number = re.escape(figure_number(figure))
    return re.search(rf"(?<![\d/.:]){number}(?![\d/]|\.\d|:\d)", specification) is not None


def verify_check(entry: VerifyEntry, index: int, specification: str, catalogue: Catalogue) -> VerifyCheck:
    """The check in stored units, or :class:`EntryProblem` naming the field (``verify.<n>.<field>``)."""
    where = f"verify.{index}"
    require_identifier(entry.id, f"{where}.id")
    require_length(entry.label, f"{where}.label", 3)
    item = None
    if entry.item is not None:
        require(entry.item in catalogue.items, f"{where}.item", f"no item {entry.item!r}")
        item = catalogue.item(entry.item)
        require(item.kind is ItemKind.MEASUREMENT, f"{where}.item", f"{entry.item} is not a measurement")
        require(entry.reading in (None, item.quantity), f"{where}.reading",
                f"{entry.item} is measured as {item.quantity}, not {entry.reading}")
    reading = entry.reading or (item.quantity if item is not None else None) or "length"
    require(bool(entry.low or entry.high or item), where, "a check needs 'low', 'high' or 'item'")
    require(item is not None or entry.plausible is not None, f"{where}.plausible",
            "a check without 'item' needs its own plausible range")
    low = _figure(entry.low, reading, f"{where}.low", specification)
    high = _figure(entry.high, reading, f"{where}.high", specification)
    require(low is None or high is None or low <= high, f"{where}.high", "high must not be below low")
    plausible = None
    if entry.plausible is not None:
        bounds = (_parse(entry.plausible[0], reading, f"{where}.plausible"),
                  _parse(entry.plausible[1], reading, f"{where}.plausible"))
        require(bounds[0] <= bounds[1], f"{where}.plausible", "the plausible range runs from low to high")
        for value in (low, high):
            require(value is None or bounds[0] <= value <= bounds[1], f"{where}.plausible",
                    "the specified figures must be plausible")
        plausible = bounds
    if low is not None or high is not None:
        require_length(entry.correction, f"{where}.correction", 10)
    unknown = template_fields(entry.correction) - CORRECTION_FIELDS
    require(not unknown, f"{where}.correction", f"unknown template field(s) {sorted(unknown)}; allowed: {sorted(CORRECTION_FIELDS)}")
    return VerifyCheck(
        id=entry.id, label=entry.label, reading=reading, low=low, high=high,
        target=target_text(reading, low, high, entry.measured_to, UnitSystem.IMPERIAL), item_id=entry.item,
        installed=entry.installed, measured_to=entry.measured_to, correction=entry.correction, plausible=plausible,
    )


def _parse(text: str, reading: str, field: str) -> float:
    try:
        return measure_of(reading).parse(text, LengthUnit.INCH)
    except MeasurementError as exc:
        raise EntryProblem(field, str(exc)) from None


def _figure(text: str, reading: str, field: str, specification: str) -> float | None:
    if not text:
        return None
    value = _parse(text, reading, field)
    require(states_figure(specification, text), field,
            f"the specification does not state {figure_number(text)}; a check's figures come from its specification")
    return value


def require_unique(checks: list[VerifyCheck]) -> None:
    seen: set[str] = set()
    for index, check in enumerate(checks):
        require(check.id not in seen, f"verify.{index}.id", "defined twice in this recommendation")
        seen.add(check.id)

