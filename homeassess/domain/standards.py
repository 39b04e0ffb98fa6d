"""Standards profiles: the figure each standard sets for a measurement, with its citation.

Data lives in ``resources/standards/<profile>.toml``. A profile may ``inherit`` another
(the IRC profile falls back to ADA 2010 benchmarks for rooms the IRC does not govern).
A rule whose figure is unverified in our reference (``verified = false``) can only
yield an advisory, never a failure.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from homeassess.domain.catalogue import Catalogue, ItemKind
from homeassess.domain.data_files import CatalogueError, load_model, resources_dir
from homeassess.domain.units import LengthUnit, MeasurementError

DEFAULT_PROFILE = "ada2010"


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    item: str
    min: str | None = None
    max: str | None = None
    requirement: str = Field(min_length=5)
    citation: str = Field(min_length=3)
    verified: bool = True
    note: str = ""

    @model_validator(mode="after")
    def _has_a_limit(self) -> Rule:
        if self.min is None and self.max is None:
            raise ValueError("a rule needs 'min', 'max' or both")
        return self


class ProfileHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    short: str
    inherits: str | None = None
    scope: str = ""


class ProfileFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    profile: ProfileHeader
    rules: tuple[Rule, ...] = ()


class Limits(BaseModel):
    """A rule with its figures converted to canonical units."""

    model_config = ConfigDict(frozen=True)
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

    def profile(self, profile_id: str | None) -> StandardsProfile:
        key = (profile_id or DEFAULT_PROFILE).lower()
        try:
            return self.profiles[key]
        except KeyError:
            raise KeyError(f"unknown standard {profile_id!r}; choose one of {', '.join(sorted(self.profiles))}") from None


def _limits(path: Path, rule: Rule, catalogue: Catalogue, short: str) -> Limits:
    if rule.item not in catalogue.items:
        raise CatalogueError(f"{path}: rule {rule.item!r} field 'item': no catalogue item has this id")
    item = catalogue.item(rule.item)
    if item.kind is not ItemKind.MEASUREMENT:
        raise CatalogueError(f"{path}: rule {rule.item!r} field 'item': not a measurement")
    try:
        low = item.measure.parse(rule.min, LengthUnit.INCH) if rule.min else None
        high = item.measure.parse(rule.max, LengthUnit.INCH) if rule.max else None
    except MeasurementError as exc:
        raise CatalogueError(f"{path}: rule {rule.item!r} field 'min/max': {exc}") from None
    return Limits(rule=rule, low=low, high=high, profile_short=short)


def load_standards(catalogue: Catalogue, folder: Path | None = None) -> StandardsLibrary:
    folder = folder or resources_dir() / "standards"
    files = {}
    for path in sorted(folder.glob("*.toml")):
        if path.stem == "person_fit":
            continue
        profile_file = load_model(path, ProfileFile, "rules")
        files[profile_file.profile.id] = (path, profile_file)
    resolved: dict[str, dict[str, Limits]] = {}

    def resolve(profile_id: str, chain: tuple[str, ...] = ()) -> dict[str, Limits]:
        if profile_id in chain:
            raise CatalogueError(f"standards profiles inherit in a loop: {' -> '.join(chain + (profile_id,))}")
        if profile_id in resolved:
            return resolved[profile_id]
        if profile_id not in files:
            raise CatalogueError(f"standards profile {chain[-1]!r} field 'inherits': no profile {profile_id!r}")
        path, profile_file = files[profile_id]
        limits = dict(resolve(profile_file.profile.inherits, chain + (profile_id,))) if profile_file.profile.inherits else {}
        for rule in profile_file.rules:
            limits[rule.item] = _limits(path, rule, catalogue, profile_file.profile.short)
        resolved[profile_id] = limits
        return limits

    return StandardsLibrary(
        {pid: StandardsProfile(pf.profile, resolve(pid)) for pid, (_, pf) in files.items()}
    )
