"""Person-environment fit: the home judged against this client's body and device.

Which items each rule covers, and for which devices, is data
(``resources/standards/person_fit.toml``); the comparisons are the small functions
below. Margins are clinical defaults the clinician can change in Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from homeassess.domain.catalogue import STRICT
from homeassess.domain.mobility_devices import DeviceKind
from homeassess.domain.units import MM_PER_INCH, LengthUnit, UnitSystem, format_length, parse_length
from homeassess.domain.verdicts import FitCheck, Verdict

if TYPE_CHECKING:  # the client profile is a pydantic model; judging without a client needs no pydantic
    from homeassess.domain.client_profile import ClientProfile

FitKind = Literal["clear_width", "transfer_height", "seated_reach", "level_change", "no_steps"]


@dataclass(frozen=True)
class FitMargins:
    """How much room person-fit asks for beyond the client's own size; Settings may override them.

    The one place for the standard margins, exact in each unit system: 2 in and 1 in for an
    imperial assessment, 50 mm and 25 mm for a metric one (``defaults``).
    """

    width_margin_mm: float = 50.8
    transfer_tolerance_mm: float = 25.4

    @classmethod
    def defaults(cls, system: UnitSystem) -> FitMargins:
        if system is UnitSystem.METRIC:
            return cls(width_margin_mm=50.0, transfer_tolerance_mm=25.0)
        return cls(width_margin_mm=2 * MM_PER_INCH, transfer_tolerance_mm=MM_PER_INCH)


@dataclass(frozen=True, slots=True)
class FitRule:
    __pydantic_config__ = STRICT
    id: str
    kind: FitKind
    title: str
    items: tuple[str, ...]
    devices: tuple[DeviceKind, ...] = ()
    max: str | None = None
    explanation: str = ""


class PersonFitRules:
    def __init__(self, rules: tuple[FitRule, ...]) -> None:
        self.rules = rules

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PersonFitRules:
        """From validated plain data (``homeassess.domain.validation.standards``); nothing is checked again."""
        return cls(tuple(
            FitRule(**{**rule, "items": tuple(rule["items"]), "devices": tuple(DeviceKind(d) for d in rule["devices"])})
            for rule in data["rules"]
        ))

    def check(
        self, item_id: str, value_mm: float, client: ClientProfile, margins: FitMargins, system: UnitSystem, noun: str
    ) -> list[FitCheck]:
        checks = []
        for rule in self.rules:
            if item_id in rule.items:
                check = _CHECKS[rule.kind](rule, value_mm, client, margins, system, noun)
                if check is not None:
                    checks.append(check)
        return checks


def _fmt(mm: float, system: UnitSystem) -> str:
    return format_length(mm, system)


def _device_for(rule: FitRule, client: ClientProfile):
    devices = [d for d in client.devices if not rule.devices or d.kind in rule.devices]
    return devices


def _clear_width(rule, value, client, margins, system, noun) -> FitCheck | None:
    devices = [d for d in _device_for(rule, client) if d.overall_width]
    if not devices:
        return None
    device = max(devices, key=lambda d: d.overall_width or 0)
    width = device.overall_width or 0
    needed = width + margins.width_margin_mm
    spare = value - width
    who = f"client's {device.kind.label} is {_fmt(width, system)} wide"
    if spare < 0:
        message = f"{who}: this {noun} is {_fmt(-spare, system)} too narrow for it"
    else:
        message = f"{who}: this {noun} leaves {_fmt(spare, system)}"
    margin = margins.width_margin_mm
    if spare < margin - 1e-6:
        verdict = Verdict.FAILS
    elif spare < 2 * margin - 1e-6:
        # Passes, but hands on the push rims and a slight misalignment need more than the bare margin.
        verdict = Verdict.ADVISORY
        message += f"; tight (under {_fmt(2 * margin, system)} spare)"
    else:
        verdict = Verdict.MEETS
    required = f"at least {_fmt(needed, system)} (device width + {_fmt(margin, system)} margin)"
    return FitCheck(rule.id, rule.kind, rule.title, verdict, message, required, max(0.0, needed - value))


def _transfer_height(rule, value, client, margins, system, noun) -> FitCheck | None:
    seated = [d for d in _device_for(rule, client) if d.kind.is_wheeled_seat and d.seat_height]
    if seated:
        target, source = seated[0].seat_height or 0, f"{seated[0].kind.label} seat height"
    elif client.body.popliteal_height:
        target, source = client.body.popliteal_height, "popliteal height"
    else:
        return None
    diff = value - target
    tol = margins.transfer_tolerance_mm
    required = f"{_fmt(target - tol, system)} to {_fmt(target + tol, system)} (client's {source} {_fmt(target, system)} ± {_fmt(tol, system)})"
    if abs(diff) <= tol + 1e-6:
        return FitCheck(rule.id, rule.kind, rule.title, Verdict.MEETS, f"level with the client's {source} within {_fmt(abs(diff), system)}", required, 0.0)
    side = "higher" if diff > 0 else "lower"
    message = f"{_fmt(abs(diff), system)} {side} than the client's {source} ({_fmt(target, system)})"
    return FitCheck(rule.id, rule.kind, rule.title, Verdict.FAILS, message, required, abs(diff) - tol)


def _seated_reach(rule, value, client, margins, system, noun) -> FitCheck | None:
    if rule.devices and not _device_for(rule, client):
        return None
    high, low = client.body.seated_reach_high, client.body.seated_reach_low
    if not high and not low:
        return None
    parts = []
    if low:
        parts.append(f"at least {_fmt(low, system)}")
    if high:
        parts.append(f"at most {_fmt(high, system)}")
    required = " and ".join(parts) + " (client's seated reach)"
    if high and value > high + 1e-6:
        return FitCheck(rule.id, rule.kind, rule.title, Verdict.FAILS, f"{_fmt(value - high, system)} above the client's seated reach ({_fmt(high, system)})", required, value - high)
    if low and value < low - 1e-6:
        return FitCheck(rule.id, rule.kind, rule.title, Verdict.FAILS, f"{_fmt(low - value, system)} below the client's lowest seated reach ({_fmt(low, system)})", required, low - value)
    return FitCheck(rule.id, rule.kind, rule.title, Verdict.MEETS, "within the client's seated reach", required, 0.0)


def _level_change(rule, value, client, margins, system, noun) -> FitCheck | None:
    devices = _device_for(rule, client)
    if not devices or not rule.max:
        return None
    limit = parse_length(rule.max, LengthUnit.INCH)
    device = devices[0]
    required = f"at most {_fmt(limit, system)} for a {device.kind.label}"
    if value > limit + 1e-6:
        message = f"client uses a {device.kind.label}: a {_fmt(value, system)} {noun} is a trip and wheel hazard"
        return FitCheck(rule.id, rule.kind, rule.title, Verdict.FAILS, message, required, value - limit)
    return FitCheck(rule.id, rule.kind, rule.title, Verdict.MEETS, f"low enough for the client's {device.kind.label}", required, 0.0)


def _no_steps(rule, value, client, margins, system, noun) -> FitCheck | None:
    devices = _device_for(rule, client)
    if not devices or value <= 0:
        return None
    device = devices[0]
    message = f"client uses a {device.kind.label} and cannot climb a {_fmt(value, system)} step"
    return FitCheck(rule.id, rule.kind, rule.title, Verdict.FAILS, message, "a step-free route (ramp or lift)", value)


_CHECKS = {
    "clear_width": _clear_width,
    "transfer_height": _transfer_height,
    "seated_reach": _seated_reach,
    "level_change": _level_change,
    "no_steps": _no_steps,
}


def load_person_fit(path: Path | None = None) -> PersonFitRules:
    """The rules of ``resources/`` (from the validated snapshot), or of another file (validated now)."""
    if path is None:
        from homeassess.domain.resource_snapshot import validated_resources

        return PersonFitRules.from_data(validated_resources()["person_fit"])
    from homeassess.domain.validation.standards import validate_person_fit

    return PersonFitRules.from_data(validate_person_fit(path))
