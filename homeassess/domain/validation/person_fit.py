"""Validating ``resources/standards/person_fit.toml``: the rules, the device wording and the plausible client measures."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import STRICT
from homeassess.domain.client_wording import DEVICE_FIELDS, NO_CLIENT, NO_DEVICE, SIDE_FIELDS, SIDES
from homeassess.domain.data_files import CatalogueError
from homeassess.domain.fit_checks import capacity_kg
from homeassess.domain.mobility_devices import DeviceKind
from homeassess.domain.person_fit import FitRule
from homeassess.domain.units import LengthUnit, MeasurementError, parse_length
from homeassess.domain.validation.entries import read_file, validated, validated_entries


@dataclass(frozen=True)
class CaregiverWording:
    __pydantic_config__ = STRICT
    recorded: str
    not_recorded: str


@dataclass(frozen=True)
class PlausibleMeasure:
    __pydantic_config__ = STRICT
    min: str
    max: str
    noun: str


@dataclass(frozen=True)
class TransferMethods:
    __pydantic_config__ = STRICT
    seat: tuple[str, ...]
    seat_target: str


@dataclass(frozen=True)
class PersonFitFile:
    __pydantic_config__ = STRICT
    rules: tuple[dict[str, Any], ...]
    devices: dict[str, dict[str, Any]]
    sides: dict[str, dict[str, Any]]
    caregiver: dict[str, Any]
    transfer_methods: dict[str, Any]
    plausible: dict[str, dict[str, Any]]


def _require_keys(path: Path, table: str, found: dict[str, Any], wanted: list[str]) -> None:
    missing = sorted(set(wanted) - set(found))
    unknown = sorted(set(found) - set(wanted))
    if missing or unknown:
        problem = f"missing {missing}" if missing else f"unknown {unknown}"
        raise CatalogueError(f"{path}: table {table!r}: {problem}")


def _wording(path: Path, table: str, found: dict[str, Any], wanted: list[str]) -> dict[str, str]:
    _require_keys(path, table, found, wanted)
    for key, text in found.items():
        if not isinstance(text, str):
            raise CatalogueError(f"{path}: table {table!r} field {key!r}: Input should be a valid string")
    return dict(found)


def _bound(path: Path, name: str, text: str) -> float:
    try:
        return float(text) if name.endswith("weight_kg") else parse_length(text, LengthUnit.INCH)
    except (MeasurementError, ValueError):
        raise CatalogueError(f"{path}: plausible {name!r}: {text!r} is not a length") from None


def validate_person_fit(path: Path) -> dict[str, Any]:
    """Rules, device and side wording, and plausible measures (bounds in millimetres, weight in kg)."""
    document = read_file(path, PersonFitFile)
    rules = validated_entries(path, document.rules, FitRule, "rule")
    kinds = {k.value for k in DeviceKind} | {NO_DEVICE}
    for rule in rules:
        if rule.capacity is not None:
            try:
                capacity_kg(rule.capacity)
            except ValueError:
                raise CatalogueError(f"{path}: rule {rule.id!r} field 'capacity': write \"250 lb\" or \"113 kg\"") from None
        if not set(rule.carries) <= kinds:
            raise CatalogueError(f"{path}: rule {rule.id!r} field 'carries': not a device kind")
        if any(len(pair) != 2 or pair[0] not in rule.items for pair in rule.recommend_as):
            raise CatalogueError(f"{path}: rule {rule.id!r} field 'recommend_as': each entry is [item of this rule, item]")
        if not set(rule.primary) <= kinds:
            raise CatalogueError(f"{path}: rule {rule.id!r} field 'primary': not a device kind or \"none\"")
    _require_keys(path, "devices", document.devices, [k.value for k in DeviceKind] + [NO_DEVICE, NO_CLIENT])
    _require_keys(path, "sides", document.sides, list(SIDES))
    devices = {k: _wording(path, f"devices.{k}", v, [*DEVICE_FIELDS, "transfer"]) for k, v in document.devices.items()}
    sides = {k: _wording(path, f"sides.{k}", v, list(SIDE_FIELDS)) for k, v in document.sides.items()}
    if any(d["transfer"] not in ("seat", "stand") for d in devices.values()):
        raise CatalogueError(f"{path}: devices: 'transfer' must be \"seat\" or \"stand\"")
    caregiver = asdict(validated(path, CaregiverWording, document.caregiver, " caregiver"))
    methods = asdict(validated(path, TransferMethods, document.transfer_methods, " transfer_methods"))
    if any(not p.strip() or p != p.lower() for p in methods["seat"]):
        raise CatalogueError(f"{path}: transfer_methods: each phrase is lower case and not empty")
    plausible = {}
    for name, raw in document.plausible.items():
        measure = validated(path, PlausibleMeasure, raw, f" plausible {name!r}")
        low, high = _bound(path, name, measure.min), _bound(path, name, measure.max)
        if not low <= high:
            raise CatalogueError(f"{path}: plausible {name!r}: min is above max")
        plausible[name] = {"low": low, "high": high, "noun": measure.noun}
    return {"rules": [asdict(rule) for rule in rules], "devices": devices, "sides": sides,
            "caregiver": caregiver, "transfer_methods": methods, "plausible": plausible}
