"""Validating ``resources/recommendations/library.toml``: entries, costs, triggers and templates."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import STRICT, Catalogue
from homeassess.domain.follow_up import VerifyCheck
from homeassess.domain.recommendations import TEMPLATE_FIELDS, LibraryEntry, template_fields
from homeassess.domain.units import LengthUnit, MeasurementError, parse_length
from homeassess.domain.validation.entries import (
    EntryProblem,
    fail,
    read_file,
    require,
    require_identifier,
    require_length,
    validated,
    validated_entries,
)
from homeassess.domain.validation.verify import VerifyEntry, require_unique, verify_check

CORRECTION_TEMPLATE_FIELDS = {"standard": {"label", "required", "citation"}, "client_fit": {"label", "required", "rule"}}


@dataclass(frozen=True)
class Corrections:
    """The correction proposed for an as-installed value that fails the standard or the client's fit."""

    __pydantic_config__ = STRICT
    standard: str
    client_fit: str


@dataclass(frozen=True)
class LibraryFile:
    __pydantic_config__ = STRICT
    version: str
    corrections: Corrections
    recommendations: tuple[dict[str, Any], ...]


def check_entry(entry: LibraryEntry) -> None:
    require_identifier(entry.id)
    require_length(entry.title, "title", 3)
    require_length(entry.plain, "plain", 10)
    require_length(entry.specification, "specification", 20)
    require_length(entry.rationale, "rationale", 20)
    cost = entry.cost
    require(cost.low >= 0, "cost.low", "Input should be greater than or equal to 0")
    require(cost.high >= 0, "cost.high", "Input should be greater than or equal to 0")
    require(cost.high >= cost.low, "cost", "cost high must not be below low")
    require_length(cost.source, "cost.source", 3)
    require_length(cost.year, "cost.year", 4)
    require(len(entry.triggers) >= 1, "triggers", "a recommendation needs at least one trigger")
    for n, trig in enumerate(entry.triggers):
        if trig.fit:
            require(not (trig.item or trig.when or trig.answer), f"triggers.{n}", "a 'fit' trigger takes no item, when or answer")
        else:
            require(bool(trig.item and (trig.when or trig.answer)), f"triggers.{n}",
                    "a trigger needs 'item' with 'when' or 'answer', or 'fit'")
    for name in ("title", "specification", "rationale", "plain"):
        text = getattr(entry, name)
        unknown = template_fields(text) - TEMPLATE_FIELDS
        require(not unknown, name, f"unknown template field(s) {sorted(unknown)}; allowed: {sorted(TEMPLATE_FIELDS)}")
        loose = _LOOSE_ROOM.search(_PLACED_ROOM.sub("", text))
        require(loose is None, name, "write {room} as 'the {room}' or at the start of a sentence, so it reads "
                "with a room name and without one ('this room')")


_PLACED_ROOM = re.compile(r"\b[Tt]he \{room\}|(?:^|(?<=[.!?:]\s))\{room\}")
_LOOSE_ROOM = re.compile(r"\{room\}")


def validate_library(path: Path, catalogue: Catalogue) -> dict[str, Any]:
    """The library as plain data: its entries, and each trigger's shortfall bounds in canonical units."""
    library = read_file(path, LibraryFile)
    for name, allowed in CORRECTION_TEMPLATE_FIELDS.items():
        unknown = template_fields(getattr(library.corrections, name)) - allowed
        if unknown:
            raise fail(path, " corrections", name, f"unknown template field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    raws = library.recommendations
    without_checks = [{k: v for k, v in raw.items() if k != "verify"} if isinstance(raw, dict) else raw for raw in raws]
    entries = validated_entries(path, without_checks, LibraryEntry, "recommendation", check_entry)
    entries = [replace(e, verify=_checks(path, e, raw.get("verify", []), catalogue)) for e, raw in zip(entries, raws, strict=True)]
    bounds: list[tuple[str, int, float | None, float | None, float | None]] = []  # low, high shortfall; reach
    seen: set[str] = set()
    room_types = {r.id for r in catalogue.room_types}
    for entry in entries:
        where = f" recommendation {entry.id!r}"
        if entry.id in seen:
            raise fail(path, where, "id", "defined twice")
        seen.add(entry.id)
        for index, trig in enumerate(entry.triggers):
            strangers = sorted(set(trig.not_in) - room_types)
            if strangers:
                raise fail(path, where, "triggers.not_in", f"no room type {strangers[0]!r}")
            if trig.item is None:  # a person-fit trigger: bounds on the check's shortfall, a length (a level change)
                try:
                    low = parse_length(trig.min_shortfall, LengthUnit.INCH) if trig.min_shortfall else None
                    high = parse_length(trig.max_shortfall, LengthUnit.INCH) if trig.max_shortfall else None
                except MeasurementError as exc:
                    raise fail(path, where, "triggers.min/max_shortfall", str(exc)) from None
                bounds.append((entry.id, index, low, high, None))
                continue
            if trig.item not in catalogue.items:
                raise fail(path, where, "triggers.item", f"no item {trig.item!r}")
            item = catalogue.item(trig.item)
            if trig.answer and item.choices and not item.choice(trig.answer):
                raise fail(path, where, "triggers.answer", f"{trig.item} has no choice {trig.answer!r}")
            try:
                low = item.measure.parse(trig.min_shortfall, LengthUnit.INCH) if trig.min_shortfall else None
                high = item.measure.parse(trig.max_shortfall, LengthUnit.INCH) if trig.max_shortfall else None
                reach = item.measure.parse(trig.reaches, LengthUnit.INCH) if trig.reaches else None
            except (MeasurementError, TypeError) as exc:
                raise fail(path, where, "triggers.min/max_shortfall/reaches", str(exc)) from None
            bounds.append((entry.id, index, low, high, reach))
    return {"version": library.version, "entries": [asdict(e) for e in entries], "shortfall_bounds": bounds,
            "corrections": asdict(library.corrections)}


def _checks(path: Path, entry: LibraryEntry, raw: object, catalogue: Catalogue) -> tuple[VerifyCheck, ...]:
    """The entry's ``[[recommendations.verify]]`` tables as checks; an error names the file, the entry and the field."""
    where = f" recommendation {entry.id!r}"
    if not isinstance(raw, list):
        raise fail(path, where, "verify", "a list of [[recommendations.verify]] tables")
    checks = []
    try:
        for index, table in enumerate(raw):
            written = validated(path, VerifyEntry, table, f"{where} verify.{index}")
            checks.append(verify_check(written, index, entry.specification, catalogue))
        require_unique(checks)
    except EntryProblem as problem:
        raise fail(path, where, problem.field, problem.message) from None
    return tuple(checks)
