"""Standards profiles: the figure each standard sets for a measurement, with its citation.

Data lives in ``resources/standards/<profile>.toml``. A profile may ``inherit`` another
(the IRC profile falls back to ADA 2010 benchmarks for rooms the IRC does not govern).
A rule whose figure is unverified in our reference (``verified = false``) can only
yield an advisory, never a failure.

The files are validated once per content version (``homeassess.domain.validation.standards``);
the types here are built from that validated plain data, with inheritance resolved and the
figures already converted to canonical units.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import STRICT, Catalogue

DEFAULT_PROFILE = "ada2010"


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
    """A rule with its figures converted to canonical units."""

    rule: Rule
    low: float | None
    high: float | None
    profile_short: str


class StandardsProfile:
    def __init__(self, header: ProfileHeader, limits: dict[str, Limits]) -> None:
        self.id = header.id
        self.name = header.name
        self.short = header.short
        self.scope = header.scope
        self._limits = limits

    def limits_for(self, item_id: str) -> Limits | None:
        return self._limits.get(item_id)

    @property
    def item_ids(self) -> list[str]:
        return sorted(self._limits)


class StandardsLibrary:
    def __init__(self, profiles: dict[str, StandardsProfile]) -> None:
        self.profiles = profiles

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> StandardsLibrary:
        """From validated plain data: each profile's header and its resolved limits per item."""
        profiles = {}
        for profile in data["profiles"]:
            limits = {
                entry["rule"]["item"]: Limits(Rule(**entry["rule"]), entry["low"], entry["high"], entry["profile_short"])
                for entry in profile["limits"]
            }
            header = ProfileHeader(**profile["header"])
            profiles[header.id] = StandardsProfile(header, limits)
        return cls(profiles)

    def profile(self, profile_id: str | None) -> StandardsProfile:
        key = (profile_id or DEFAULT_PROFILE).lower()
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
