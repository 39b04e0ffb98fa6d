"""The recommendation library: modifications a failing item can propose.

Data lives in ``resources/recommendations/library.toml``. Each entry names what
triggers it (an item that is below or above its limit, a yes/no or choice answer, or
a person-fit rule), and carries a specification template filled with the measured
values of the finding that proposed it.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.data_files import CatalogueError, load_model, resources_dir
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.vocabulary import Category, Priority, Responsible

TEMPLATE_FIELDS = {"room", "item", "measured", "required", "shortfall", "citation", "device_width", "target"}


class CostRange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    low: int = Field(ge=0)
    high: int = Field(ge=0)
    currency: str = "USD"
    basis: str = "installed"
    source: str = Field(min_length=3)
    year: str = Field(min_length=4)
    confidence: Literal["C", "U"] = "C"

    @model_validator(mode="after")
    def _ordered(self) -> CostRange:
        if self.high < self.low:
            raise ValueError("cost high must not be below low")
        return self


class Trigger(BaseModel):
    """One way a recommendation is proposed.

    ``item`` + ``when`` (below/above/fails) for measurements, with optional shortfall
    bounds; ``item`` + ``answer`` for yes/no or choice items; ``fit`` for a failed
    person-fit rule kind.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    item: str | None = None
    when: Literal["below", "above", "fails"] | None = None
    answer: str | None = None
    fit: str | None = None
    min_shortfall: str | None = None
    max_shortfall: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Trigger:
        if self.fit:
            if self.item or self.when or self.answer:
                raise ValueError("a 'fit' trigger takes no item, when or answer")
        elif not self.item or not (self.when or self.answer):
            raise ValueError("a trigger needs 'item' with 'when' or 'answer', or 'fit'")
        return self


class ContractorSpec(BaseModel):
    """What a builder needs: where, at what height, how long, what clearances, what structure."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    location: str = ""
    mounting_height: str = ""
    length: str = ""
    clearances: str = ""
    structure: str = ""


class LibraryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=3)
    plain: str = Field(min_length=10, description="the modification in plain words, for the landlord and client")
    specification: str = Field(min_length=20)
    rationale: str = Field(min_length=20)
    category: Category
    priority: Priority
    responsible: Responsible
    cost: CostRange
    triggers: tuple[Trigger, ...] = Field(min_length=1)
    contractor: ContractorSpec = ContractorSpec()

    @model_validator(mode="after")
    def _template_fields(self) -> LibraryEntry:
        for text in (self.specification, self.rationale, self.plain):
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            unknown = names - TEMPLATE_FIELDS
            if unknown:
                raise ValueError(f"unknown template field(s) {sorted(unknown)}; allowed: {sorted(TEMPLATE_FIELDS)}")
        return self


class LibraryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    recommendations: tuple[LibraryEntry, ...]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def fill_template(template: str, values: dict[str, str]) -> str:
    """Fill ``{measured}``-style fields; a field with no value prints as a dash."""
    return template.format_map(_Blank({k: v for k, v in values.items() if v}))


class RecommendationLibrary:
    def __init__(self, version: str, entries: list[LibraryEntry], shortfall_bounds: dict) -> None:
        self.version = version
        self.entries = entries
        self._by_id = {e.id: e for e in entries}
        self._shortfall_bounds = shortfall_bounds

    def entry(self, entry_id: str) -> LibraryEntry:
        return self._by_id[entry_id]

    def for_measurement(self, item_id: str, direction: str, shortfall: float | None) -> list[LibraryEntry]:
        found = []
        for entry in self.entries:
            for index, trig in enumerate(entry.triggers):
                if trig.item != item_id or trig.when not in (direction, "fails"):
                    continue
                low, high = self._shortfall_bounds.get((entry.id, index), (None, None))
                if shortfall is not None and ((low is not None and shortfall < low - 1e-9) or (high is not None and shortfall > high + 1e-9)):
                    continue
                found.append(entry)
                break
        return found

    def for_answer(self, item_id: str, answer: str) -> list[LibraryEntry]:
        return [e for e in self.entries if any(t.item == item_id and t.answer == answer for t in e.triggers)]

    def for_fit(self, fit_kind: str) -> list[LibraryEntry]:
        return [e for e in self.entries if any(t.fit == fit_kind for t in e.triggers)]


def load_recommendations(catalogue: Catalogue, path: Path | None = None) -> RecommendationLibrary:
    path = path or resources_dir() / "recommendations" / "library.toml"
    library = load_model(path, LibraryFile, "recommendations")
    bounds: dict[tuple[str, int], tuple[float | None, float | None]] = {}
    seen: set[str] = set()
    for entry in library.recommendations:
        if entry.id in seen:
            raise CatalogueError(f"{path}: recommendation {entry.id!r} field 'id': defined twice")
        seen.add(entry.id)
        for index, trig in enumerate(entry.triggers):
            if trig.item is None:
                continue
            if trig.item not in catalogue.items:
                raise CatalogueError(f"{path}: recommendation {entry.id!r} field 'triggers.item': no item {trig.item!r}")
            item = catalogue.item(trig.item)
            if trig.answer and item.choices and not item.choice(trig.answer):
                raise CatalogueError(f"{path}: recommendation {entry.id!r} field 'triggers.answer': {trig.item} has no choice {trig.answer!r}")
            try:
                low = item.measure.parse(trig.min_shortfall, LengthUnit.INCH) if trig.min_shortfall else None
                high = item.measure.parse(trig.max_shortfall, LengthUnit.INCH) if trig.max_shortfall else None
            except (MeasurementError, TypeError) as exc:
                raise CatalogueError(f"{path}: recommendation {entry.id!r} field 'triggers.min/max_shortfall': {exc}") from None
            bounds[(entry.id, index)] = (low, high)
    return RecommendationLibrary(library.version, list(library.recommendations), bounds)
