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
    try:
        low = item.measure.parse(rule.min, LengthUnit.INCH) if rule.min else None
        high = item.measure.parse(rule.max, LengthUnit.INCH) if rule.max else None
    except MeasurementError as exc:
        raise fail(path, where, "min/max", str(exc)) from None
    return {"rule": asdict(rule), "low": low, "high": high, "profile_short": short}


def validate_standards(folder: Path, catalogue: Catalogue) -> dict[str, Any]:
    """Every profile as plain data: its header and its limits per item, inheritance resolved."""
    files: dict[str, tuple[Path, ProfileHeader, list[Rule]]] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == PERSON_FIT_FILE:
            continue
        profile_file = read_file(path, ProfileFile)
        files[profile_file.profile.id] = (path, profile_file.profile, validated_entries(path, profile_file.rules, Rule, "rule", check_rule))
    resolved: dict[str, dict[str, dict[str, Any]]] = {}

    def resolve(profile_id: str, chain: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
        if profile_id in chain:
            raise CatalogueError(f"standards profiles inherit in a loop: {' -> '.join(chain + (profile_id,))}")
        if profile_id in resolved:
            return resolved[profile_id]
        if profile_id not in files:
            raise fail(files[chain[-1]][0], f" profile {chain[-1]!r}", "inherits", f"no profile {profile_id!r}")
        path, header, rules = files[profile_id]
        limits = dict(resolve(header.inherits, chain + (profile_id,))) if header.inherits else {}
        for rule in rules:
            limits[rule.item] = _limits(path, rule, catalogue, header.short)
        resolved[profile_id] = limits
        return limits

    return {"profiles": [{"header": asdict(header), "limits": list(resolve(pid).values())}
                         for pid, (_, header, _) in files.items()]}


def validate_person_fit(path: Path) -> dict[str, Any]:
    from homeassess.domain.validation.person_fit import validate_person_fit as validate

    return validate(path)

