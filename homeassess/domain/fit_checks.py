"""The person-fit comparisons: one small function per rule kind (``CHECKS``).

Each takes a :class:`FitCase` (the rule, the measured value and who it is judged for) and returns a
:class:`FitCheck` naming the client measure it compared with, or None when the profile does not
record what the rule needs. The rules themselves are data (``homeassess.domain.person_fit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homeassess.domain.readings import LB_PER_KG, READINGS
from homeassess.domain.units import (
    LengthUnit,
    UnitSystem,
    format_length,
    format_length_difference,
    metric_high_limit,
    parse_length,
)
from homeassess.domain.verdicts import FitCheck, Verdict

if TYPE_CHECKING:  # the client profile is a pydantic model; judging without a client needs no pydantic
    from homeassess.domain.client_profile import ClientProfile, MobilityDevice
    from homeassess.domain.client_wording import ClientWording
    from homeassess.domain.person_fit import FitMargins, FitRule

_EPS = 1e-6
SEATED_DEVICES = ("manual_wheelchair", "power_wheelchair", "scooter")  # a client who rides on a seat

@dataclass(frozen=True)
class FitCase:
    """One comparison's inputs: the rule, the measured value and who it is judged for."""

    rule: FitRule
    value: float
    client: ClientProfile
    margins: FitMargins
    system: UnitSystem
    noun: str
    wording: ClientWording

    def fmt(self, mm: float) -> str:
        return format_length(mm, self.system)

    def gap(self, mm: float) -> str:
        return format_length_difference(mm, self.system)

    def devices(self) -> list[MobilityDevice]:
        """The client's devices this rule is about, the primary device first."""
        primary = self.client.primary_device()
        ordered = sorted(self.client.devices, key=lambda d: d is not primary)
        return [d for d in ordered if not self.rule.devices or d.kind in self.rule.devices]

    def check(self, verdict: Verdict, message: str, required: str, shortfall: float = 0.0, gap_text: str = "",
              **extra: Any) -> FitCheck:
        """``gap_text``: the shortfall as shown, for a check that is not of a length."""
        rule = self.rule
        shown = (gap_text or self.gap(shortfall)) if verdict is Verdict.FAILS and shortfall > 0 else ""
        return FitCheck(rule.id, rule.kind, rule.title, verdict, message, required, max(0.0, shortfall), shortfall=shown, **extra)


def _room_for(case: FitCase, size: float, what: str, said: str, basis: str) -> FitCheck:
    """The home must leave ``size`` plus the width margin: fails below ``size`` + margin, tight below twice it."""
    margin = case.margins.width_margin_mm
    spare = case.value - size
    if spare < 0:
        message = f"{said}: this {case.noun} is {case.gap(-spare)} too small for it"
    else:
        message = f"{said}: this {case.noun} leaves {case.gap(spare) if spare > _EPS else 'no room'}"
    required = f"at least {case.fmt(size + margin)} ({what} + {case.fmt(margin)} margin)"
    if spare < margin - _EPS:
        return case.check(Verdict.FAILS, message, required, size + margin - case.value, basis=basis,
                          direction="below", low_mm=size + margin)
    verdict = Verdict.ADVISORY if spare < 2 * margin - _EPS else Verdict.MEETS
    if verdict is Verdict.ADVISORY:
        message += f"; tight (under {case.fmt(2 * margin)} spare)"
    return case.check(verdict, message, required, basis=basis, low_mm=size + margin)


def _clear_width(case: FitCase) -> FitCheck | None:
    sized = [d for d in case.devices() if d.overall_width]
    if not sized:
        return None
    device = max(sized, key=lambda d: d.overall_width or 0)
    width = device.overall_width or 0
    said = f"client's {device.kind.label} is {case.fmt(width)} wide"
    return _room_for(case, width, "device width", said, f"{device.kind.label} width (widest device)")


def _turning_space(case: FitCase) -> FitCheck | None:
    sized = [d for d in case.devices() if d.turning_diameter]
    if not sized:
        return None
    device = max(sized, key=lambda d: d.turning_diameter or 0)
    size = device.turning_diameter or 0
    said, basis = f"client's {device.kind.label} turns in {case.fmt(size)}", f"{device.kind.label} turning diameter"
    required = f"at least {case.fmt(size)} (device turning diameter)"
    if case.value < size - _EPS:
        message = f"{said}: this {case.noun} is {case.gap(size - case.value)} too small to turn in"
        return case.check(Verdict.FAILS, message, required, size - case.value, basis=basis, direction="below", low_mm=size)
    return case.check(Verdict.MEETS, f"{said}: room to turn", required, basis=basis, low_mm=size)


def _device_length(case: FitCase) -> FitCheck | None:
    sized = [d for d in case.devices() if d.overall_length]
    if not sized:
        return None
    device = max(sized, key=lambda d: d.overall_length or 0)
    length = device.overall_length or 0
    said = f"client's {device.kind.label} is {case.fmt(length)} long"
    return _room_for(case, length, "device length", said, f"{device.kind.label} overall length (longest device)")


def transfer_target(client: ClientProfile, wording: ClientWording) -> tuple[float, str] | None:
    """The height the client transfers to and what it is: the primary device's seat for a seated
    transfer, popliteal height for a client who stands to transfer; None when not recorded."""
    device = client.primary_device()
    popliteal = client.body.popliteal_height
    if device is not None and not wording.stands_to_transfer(client):
        if device.seat_height:
            return device.seat_height, f"{device.kind.label} seat height (primary device)"
        if popliteal:
            return popliteal, f"popliteal height (the {device.kind.label} seat height is not recorded)"
        return None
    if not popliteal:
        return None
    if device is None:
        how = "stands to transfer"
    elif device.kind.value in SEATED_DEVICES:  # a scooter: the client stands up from its seat
        how = f"stands to transfer from the {device.kind.label}"
    else:  # a walking aid: the client stands with it, then turns and sits
        how = f"stands to transfer{wording.values(client)['with_device']}"
    return popliteal, f"popliteal height (the client {how})"


def _transfer_height(case: FitCase) -> FitCheck | None:
    found = transfer_target(case.client, case.wording)
    if found is None:
        return None
    target, basis = found
    diff = case.value - target
    tol = case.margins.transfer_tolerance_mm
    low, high = target - tol, target + tol
    name, _, why = basis.partition(" (")
    why = why.removesuffix(")")
    required = f"{case.fmt(low)} to {case.fmt(high)} (client's {name} {case.fmt(target)} ± {case.fmt(tol)}{'; ' + why if why else ''})"
    if abs(diff) <= tol + _EPS:
        level = f"within {case.gap(abs(diff))}" if abs(diff) > _EPS else "exactly"
        return case.check(Verdict.MEETS, f"level with the client's {basis}, {level}", required, basis=basis,
                          low_mm=low, high_mm=high, holds_level=True)
    side = "higher" if diff > 0 else "lower"
    message = f"{case.gap(abs(diff))} {side} than the client's {name} of {case.fmt(target)}{f' ({why})' if why else ''}"
    return case.check(Verdict.FAILS, message, required, abs(diff) - tol, basis=basis,
                      direction="above" if diff > 0 else "below", low_mm=low, high_mm=high, holds_level=True)


def _reach(case: FitCase, low: float | None, high: float | None, what: str) -> FitCheck | None:
    if not high and not low:
        return None
    parts = ([f"at least {case.fmt(low)}"] if low else []) + ([f"at most {case.fmt(high)}"] if high else [])
    required = " and ".join(parts) + f" (client's {what})"
    extra: dict[str, Any] = {"basis": what, "low_mm": low or None, "high_mm": high or None}
    if high and case.value > high + _EPS:
        message = f"{case.gap(case.value - high)} above the client's {what} ({case.fmt(high)})"
        return case.check(Verdict.FAILS, message, required, case.value - high, direction="above", **extra)
    if low and case.value < low - _EPS:
        message = f"{case.gap(low - case.value)} below the client's lowest {what} ({case.fmt(low)})"
        return case.check(Verdict.FAILS, message, required, low - case.value, direction="below", **extra)
    return case.check(Verdict.MEETS, f"within the client's {what}", required, **extra)


def _seated_reach(case: FitCase) -> FitCheck | None:
    if case.rule.devices and not case.devices():
        return None
    body = case.client.body
    return _reach(case, body.seated_reach_low, body.seated_reach_high, "seated reach")


def _standing_reach(case: FitCase) -> FitCheck | None:
    return _reach(case, None, case.client.body.standing_reach_high, "standing reach")


def _level_change(case: FitCase) -> FitCheck | None:
    devices = case.devices()
    if not devices or not case.rule.max:
        return None
    limit = parse_length(case.rule.max, LengthUnit.INCH)
    if case.system is UnitSystem.METRIC:
        limit = metric_high_limit(limit)
    label = devices[0].kind.label
    basis = f"{label} (small wheels and frame legs catch)"
    required = f"at most {case.fmt(limit)} for a {label}"
    if case.value > limit + _EPS:
        message = f"client uses a {label}: this {case.noun} of {case.fmt(case.value)} is more than its wheels or frame legs can cross"
        return case.check(Verdict.FAILS, message, required, case.value - limit, basis=basis, direction="above", high_mm=limit)
    return case.check(Verdict.MEETS, f"low enough for the client's {label}", required, basis=basis, high_mm=limit)


def capacity_kg(text: str) -> float:
    """``"250 lb"`` or ``"113 kg"`` in kilograms; ValueError for anything else."""
    number, unit = text.split()
    if unit not in ("lb", "lbf", "kg"):
        raise ValueError(f"{unit!r} is not lb or kg")
    return float(number) / LB_PER_KG if unit != "kg" else float(number)


def _weight_capacity(case: FitCase) -> FitCheck | None:
    weight = case.client.body.weight_kg
    if not weight or not case.rule.capacity:
        return None
    limit = capacity_kg(case.rule.capacity)
    shown = f"{weight:.0f} kg" if case.system is UnitSystem.METRIC else f"{weight * LB_PER_KG:.0f} lb"
    rated = f"{limit:.0f} kg" if case.system is UnitSystem.METRIC else case.rule.capacity
    required = f"a rating of at least the client's weight, {shown} ({case.rule.capacity_source})"
    if weight > limit + _EPS:
        message = f"client weighs {shown}, more than the {rated} this is built to carry: specify a rating for the client's weight"
        return case.check(Verdict.ADVISORY, message, required, basis="weight")
    return case.check(Verdict.MEETS, f"client weighs {shown}, within the {rated} rating", required, basis="weight")


def _rated_load(case: FitCase) -> FitCheck | None:
    """A lift or ramp rated load (the measured value, kg) against the client's weight, plus the weight of the
    heaviest device the rule ``carries`` (the primary device first among equals) where the profile records it."""
    weight = case.client.body.weight_kg
    if not weight:
        return None
    kg = READINGS["weight"]
    load, basis, whose = weight, "weight", "client's weight"
    primary = case.client.primary_device()
    carried = sorted((d for d in case.client.devices if d.kind.value in case.rule.carries), key=lambda d: d is not primary)
    device = max(carried, key=lambda d: d.weight_kg or 0) if carried else None
    if device is not None and device.weight_kg:
        load += device.weight_kg
        parts = f"{kg.format(weight, case.system)} + {kg.format(device.weight_kg, case.system)}"
        basis = f"weight plus the {_possessive(device.kind.label)} weight ({parts} = {kg.format(load, case.system)})"
        whose = f"client and {device.kind.label}"
    elif device is not None:
        basis = f"weight (the {_possessive(device.kind.label)} weight is not recorded: add it to the profile)"
        whose = f"client's weight only; the {_possessive(device.kind.label)} weight is not recorded"
    required = f"at least {kg.format(load, case.system)} ({whose})"
    if case.value < load - _EPS:
        gap = load - case.value
        message = f"rated for {kg.format(case.value, case.system)}, {kg.format_difference(gap, case.system)} less than the client's {basis}"
        return case.check(Verdict.FAILS, message, required, gap, gap_text=kg.format_difference(gap, case.system),
                          basis=basis, direction="below", low_mm=load)
    return case.check(Verdict.MEETS, f"rated for {kg.format(case.value, case.system)}: carries the client's {basis}",
                      required, basis=basis, low_mm=load)


def _possessive(noun: str) -> str:
    """``scooter's``, ``crutches'``."""
    return f"{noun}'" if noun.endswith("s") else f"{noun}'s"


def _no_steps(case: FitCase) -> FitCheck | None:
    devices = case.devices()
    if not devices or case.value <= _EPS:
        return None
    label = devices[0].kind.label
    message = f"client uses a {label}, which cannot climb a {case.fmt(case.value)} step"  # the device: a scooter user may walk
    return case.check(Verdict.FAILS, message, "a step-free route (ramp or lift)", case.value,
                      basis=f"{label} (cannot climb a step)", direction="above", high_mm=0.0)


CHECKS = {
    "clear_width": _clear_width,
    "transfer_height": _transfer_height,
    "seated_reach": _seated_reach,
    "standing_reach": _standing_reach,
    "level_change": _level_change,
    "no_steps": _no_steps,
    "turning_space": _turning_space,
    "device_length": _device_length,
    "weight_capacity": _weight_capacity,
    "rated_load": _rated_load,
}
