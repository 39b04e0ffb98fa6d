"""Validating ``resources/standards/``: the standards profiles and the person-fit rules."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import STRICT, Catalogue, ItemKind
from homeassess.domain.data_files import CatalogueError
from homeassess.domain.standards import ProfileHeader, Rule
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.validation.entries import fail, read_file, require, require_length, validated_entries

PERSON_FIT_FILE = "person_fit.toml"


@dataclass(frozen=True)
class ProfileFile:
    __pydantic_config__ = STRICT
    profile: ProfileHeader
    rules: tuple[dict[str, Any], ...] = ()


def check_rule(rule: Rule) -> None:
    require_length(rule.requirement, "requirement", 5)
    require_length(rule.citation, "citation", 3)
    require(rule.min is not None or rule.max is not None, "min", "a rule needs 'min', 'max' or both")


def _limits(path: Path, rule: Rule, catalogue: Catalogue, short: str) -> dict[str, Any]:
    where = f" rule {rule.item!r}"
    if rule.item not in catalogue.items:
        raise fail(path, where, "item", "no catalogue item has this id")
    item = catalogue.item(rule.item)
    if item.kind is not ItemKind.MEASUREMENT:
        raise fail(path, where, "item", "not a measurement")
    if rule.recommend_as is not None and rule.recommend_as not in catalogue.items:
        raise fail(path, where, "recommend_as", "no catalogue item has this id")
    strangers = sorted(set(rule.benchmark_in) - {r.id for r in catalogue.room_types})
    if strangers:
        raise fail(path, where, "benchmark_in", f"no room type {strangers[0]!r}")
    try:
        low = item.measure.parse(rule.min, LengthUnit.INCH) if rule.min else None
        high = item.measure.parse(rule.max, LengthUnit.INCH) if rule.max else None
        below = item.measure.parse(rule.applies_below, LengthUnit.INCH) if rule.applies_below else None
    except MeasurementError as exc:
        raise fail(path, where, "min/max", str(exc)) from None
    return {"rule": asdict(rule), "low": low, "high": high, "profile_short": short, "below": below}


def validate_standards(folder: Path, catalogue: Catalogue) -> dict[str, Any]:
    """Every profile as plain data: its header and its own limits per item.

    Inheritance is checked here (no loop, no missing parent) and resolved when the profiles are
    built (``StandardsLibrary.from_data``), so the snapshot holds each figure once.
    """
    files: dict[str, tuple[Path, ProfileHeader, list[dict[str, Any]]]] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == PERSON_FIT_FILE:
            continue
        profile_file = read_file(path, ProfileFile)
        header = profile_file.profile
        rules = validated_entries(path, profile_file.rules, Rule, "rule", check_rule)
        own: dict[str, list[dict[str, Any]]] = {}
        for rule in rules:
            own.setdefault(rule.item, []).append(_limits(path, rule, catalogue, header.short))
        for item_id, entries in own.items():
            bands = [entry["below"] for entry in entries]
            if bands.count(None) != 1 or len(set(bands)) != len(bands):
                raise fail(path, f" rule {item_id!r}", "applies_below", "an item needs one main rule and distinct 'applies_below' bands")
        files[header.id] = (path, header, [entry for entries in own.values() for entry in entries])
    for profile_id, (_, header, _) in files.items():
        chain = [profile_id]
        parent = header.inherits
        while parent is not None:
            if parent in chain:
                raise CatalogueError(f"standards profiles inherit in a loop: {' -> '.join(chain + [parent])}")
            if parent not in files:
                raise fail(files[chain[-1]][0], f" profile {chain[-1]!r}", "inherits", f"no profile {parent!r}")
            chain.append(parent)
            parent = files[parent][1].inherits
    return {"profiles": [{"header": asdict(header), "limits": limits} for _, header, limits in files.values()]}


def validate_person_fit(path: Path) -> dict[str, Any]:
    from homeassess.domain.validation.person_fit import validate_person_fit as validate

    return validate(path)

