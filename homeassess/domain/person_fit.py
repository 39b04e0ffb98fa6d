"""Person-environment fit: the home judged against this client's body and device.

Which items each rule covers, and for which devices, is data
(``resources/standards/person_fit.toml``); the comparisons are the small functions of
``homeassess.domain.fit_checks``. Margins are clinical defaults the clinician can change in Settings. Every check names
what it compared with (``FitCheck.basis``), so a finding says which rule and which of the
client's measures decided it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from homeassess.domain.catalogue import STRICT
from homeassess.domain.client_wording import NO_DEVICE, ClientWording
from homeassess.domain.fit_checks import CHECKS, FitCase
from homeassess.domain.mobility_devices import DeviceKind
from homeassess.domain.units import MM_PER_INCH, UnitSystem
from homeassess.domain.verdicts import FitCheck

if TYPE_CHECKING:  # the client profile is a pydantic model; judging without a client needs no pydantic
    from homeassess.domain.client_profile import ClientProfile

FitKind = Literal[
    "clear_width", "transfer_height", "seated_reach", "standing_reach", "level_change", "no_steps",
    "turning_space", "device_length", "weight_capacity", "rated_load",
]


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
    """``devices``: the rule applies to a client who uses one of them; ``primary``: whose primary
    device is one of them (``"none"`` for a client with no device)."""

    __pydantic_config__ = STRICT
    id: str
    kind: FitKind
    title: str
    items: tuple[str, ...]
    devices: tuple[DeviceKind, ...] = ()
    primary: tuple[str, ...] = ()
    max: str | None = None
    capacity: str | None = None  # weight_capacity: "250 lb" or "113 kg"
    capacity_source: str = ""
    carries: tuple[str, ...] = ()  # rated_load: primary device kinds whose weight rides along (ramp, platform lift)
    recommend_as: tuple[tuple[str, str], ...] = ()  # (item, item whose library entries a failure proposes)
    explanation: str = ""


class PersonFitRules:
    def __init__(self, rules: tuple[FitRule, ...], wording: ClientWording) -> None:
        self.rules = rules
        self.wording = wording
        self._by_item: dict[str, tuple[FitRule, ...]] = {}  # each item's rules, in the file's order
        for item_id in {i for rule in rules for i in rule.items}:
            self._by_item[item_id] = tuple(rule for rule in rules if item_id in rule.items)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PersonFitRules:
        """From validated plain data (``homeassess.domain.validation.person_fit``); nothing is checked again."""
        rules = tuple(
            FitRule(**{**rule, "items": tuple(rule["items"]), "primary": tuple(rule["primary"]),
                       "carries": tuple(rule["carries"]), "recommend_as": tuple(tuple(p) for p in rule["recommend_as"]),
                       "devices": tuple(DeviceKind(d) for d in rule["devices"])})
            for rule in data["rules"]
        )
        return cls(rules, ClientWording.from_data(data))

    def recommend_as(self, rule_id: str, item_id: str) -> str | None:
        """The item whose library entries a failure of this rule on ``item_id`` proposes, where it is not the
        item's own (a step a walker cannot cross proposes a ramp over a change in level, not a rebuilt stair)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return dict(rule.recommend_as).get(item_id)
        return None

    def check(
        self, item_id: str, value_mm: float, client: ClientProfile, margins: FitMargins, system: UnitSystem, noun: str
    ) -> list[FitCheck]:
        checks = []
        primary = client.primary_device()
        primary_kind = primary.kind.value if primary else NO_DEVICE
        for rule in self._by_item.get(item_id, ()):
            if rule.primary and primary_kind not in rule.primary:
                continue
            check = CHECKS[rule.kind](FitCase(rule, value_mm, client, margins, system, noun, self.wording))
            if check is not None:
                checks.append(check)
        return checks


def load_person_fit(path: Path | None = None) -> PersonFitRules:
    """The rules of ``resources/`` (from the validated snapshot), or of another file (validated now)."""
    if path is None:
        from homeassess.domain.resource_snapshot import validated_resources

        return PersonFitRules.from_data(validated_resources()["person_fit"])
    from homeassess.domain.validation.standards import validate_person_fit

    return PersonFitRules.from_data(validate_person_fit(path))
