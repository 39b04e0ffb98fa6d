"""Standards profiles: the figure each standard sets for a measurement, with its citation.

Data lives in ``resources/standards/<profile>.toml``. A profile may ``inherit`` another
(the IRC, ICC A117.1 and FHAG profiles fall back to ADA 2010 for elements they do not govern;
the finding then says so). A profile that sets only an item's main rule keeps the parent's bands
for that item (the IRC sets no minimum riser, so a 2 in "step" is still an ADA change in level). A rule whose figure is unverified in our reference
(``verified = false``) can only yield an advisory, never a failure.

An item may have more than one rule: a rule with ``applies_below`` judges only values under
that figure (an entry "step" lower than a 4 in riser is a change in level, §303.4, and a
0 in "step" is no step at all), and ``recommend_as`` then names the item whose recommendations
fit (a threshold ramp, not rebuilt stairs).

The files are validated once per content version (``homeassess.domain.validation.standards``);
the types here are built from that validated plain data, with inheritance resolved and the
figures already converted to canonical units.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import STRICT, Catalogue

DEFAULT_PROFILE = "ada2010"
_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class Rule:
    __pydantic_config__ = STRICT

    item: str
    requirement: str
    citation: str
    min: str | None = None
    max: str | None = None
    verified: bool = True
    note: str = ""
    applies_below: str | None = None  # this rule judges only values under this figure
    recommend_as: str | None = None  # propose the recommendations of this item instead
    # Room types where the standard does not govern the element and its figure is a benchmark only: a value
    # beyond it is advisory there, never a failure (ADA's door opening force is for interior doors).
    benchmark_in: tuple[str, ...] = ()

    def binding_in(self, room_type: str) -> bool:
        """Whether a value beyond this figure fails in a room of ``room_type`` (else it is advisory)."""
        return self.verified and room_type not in self.benchmark_in


@dataclass(frozen=True, slots=True)
class ProfileHeader:
    __pydantic_config__ = STRICT
    id: str
    name: str
    short: str
    inherits: str | None = None
    scope: str = ""


@dataclass(frozen=True, slots=True)
class Limits:
    """A rule with its figures converted to canonical units.

    ``fallback`` is set where the profile judged by does not govern the element and the
    figure is inherited (e.g. "IRC sets no figure for this; the ADA 2010 figure applies.").
    """

    rule: Rule
    low: float | None
    high: float | None
    profile_short: str
    below: float | None = None
    fallback: str = ""

    @property
    def recommendation_item(self) -> str:
        """The item whose recommendation triggers apply when this rule fails."""
        return self.rule.recommend_as or self.rule.item


class StandardsProfile:
    def __init__(self, header: ProfileHeader, limits: dict[str, list[Limits]]) -> None:
        self.id = header.id
        self.name = header.name
        self.short = header.short
        self.scope = header.scope
        self.inherits = header.inherits
        self._limits = {item: sorted(rules, key=_band_order) for item, rules in limits.items()}

    def limits_for(self, item_id: str, value: float | None = None) -> Limits | None:
        """The rule that judges ``value``: the narrowest band it falls under, else the item's main rule."""
        rules = self._limits.get(item_id)
        if not rules:
            return None
        if value is not None:
            for limits in rules:
                if limits.below is not None and value < limits.below - _EPS:
                    return limits
        main = [limits for limits in rules if limits.below is None]
        return main[0] if main else None

    def bands_for(self, item_id: str) -> list[Limits]:
        """Every rule of an item, bands (lowest first) then the main rule."""
        return list(self._limits.get(item_id, ()))

    @property
    def item_ids(self) -> list[str]:
        return sorted(self._limits)


def _fallback(limits: Limits, short: str) -> Limits:
    """An inherited rule, saying that the inheriting profile does not govern the element."""
    return replace(limits, fallback=f"{short} sets no figure for this element; the {limits.profile_short} figure applies.")


def _band_order(limits: Limits) -> float:
    return limits.below if limits.below is not None else float("inf")


class StandardsLibrary:
    def __init__(self, profiles: dict[str, StandardsProfile]) -> None:
        self.profiles = profiles

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> StandardsLibrary:
        """From validated plain data: each profile's header and own limits; inheritance resolved here."""
        headers: dict[str, ProfileHeader] = {}
        own: dict[str, dict[str, list[Limits]]] = {}
        for profile in data["profiles"]:
            header = ProfileHeader(**profile["header"])
            headers[header.id] = header
            limits: dict[str, list[Limits]] = own.setdefault(header.id, {})
            for entry in profile["limits"]:
                rule = Rule(**entry["rule"])
                limits.setdefault(rule.item, []).append(Limits(rule, entry["low"], entry["high"], entry["profile_short"], entry["below"]))
        resolved: dict[str, dict[str, list[Limits]]] = {}

        def resolve(profile_id: str) -> dict[str, list[Limits]]:
            if profile_id not in resolved:
                header = headers[profile_id]
                parent = resolve(header.inherits) if header.inherits else {}
                limits = {item: [_fallback(entry, header.short) for entry in entries] for item, entries in parent.items()}
                for item, entries in own[profile_id].items():
                    banded = any(entry.below is not None for entry in entries)
                    # a profile that sets only an item's main rule keeps the parent's bands for it
                    kept = [] if banded else [entry for entry in limits.get(item, ()) if entry.below is not None]
                    limits[item] = kept + entries
                resolved[profile_id] = limits
            return resolved[profile_id]

        return cls({pid: StandardsProfile(header, resolve(pid)) for pid, header in headers.items()})

    def profile(self, profile_id: str | None) -> StandardsProfile:
        key = "_".join((profile_id or DEFAULT_PROFILE).lower().replace("-", " ").split())  # "A117 Type-B" -> a117_type_b
        try:
            return self.profiles[key]
        except KeyError:
            raise KeyError(f"unknown standard {profile_id!r}; choose one of {', '.join(sorted(self.profiles))}") from None


def load_standards(catalogue: Catalogue, folder: Path | None = None) -> StandardsLibrary:
    """The profiles of ``resources/`` (from the validated snapshot), or of another folder (validated now)."""
    if folder is None:
        from homeassess.domain.resource_snapshot import validated_resources

        return StandardsLibrary.from_data(validated_resources()["standards"])
    from homeassess.domain.validation.standards import validate_standards

    return StandardsLibrary.from_data(validate_standards(folder, catalogue))
