"""The checklist catalogue: room types and the items a clinician answers in each.

Data lives in ``resources/checklists/``: ``catalogue.toml`` (version, room-type order)
and one ``rooms/<room_type>.toml`` per room type. Items have globally unique, stable
ids; a room file may reference an item defined in another file with ``{ ref = "id" }``.

The types here are plain frozen dataclasses. The files are validated once per content
version (``homeassess.domain.validation``, pydantic) and the result is kept as a snapshot
(``homeassess.domain.resource_snapshot``); these classes are built from that plain data
without validating it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from homeassess.domain.readings import READINGS, Reading
from homeassess.domain.units import LengthUnit, Quantity

# Unknown keys in a data file are refused (pydantic reads this when it validates the dataclasses).
STRICT = {"extra": "forbid"}


class ItemKind(StrEnum):
    YES_NO = "yes_no"
    MEASUREMENT = "measurement"
    CHOICE = "choice"
    COUNT = "count"
    NOTE = "note"


class Severity(StrEnum):
    """What is at stake when an item is a finding; the clinical summary ranks findings by it.

    ``life_safety``: getting out in an emergency, an unsafe ramp, scalds, fire, smoke and CO
    alarms, calling for help. ``falls``: what makes a fall likely or worse. ``function``: what
    limits what the client can do independently.
    """

    LIFE_SAFETY = "life_safety"
    FALLS = "falls"
    FUNCTION = "function"

    @property
    def rank(self) -> int:
        """Higher is more serious: sort findings by ``-severity.rank``."""
        return {"life_safety": 3, "falls": 2, "function": 1}[self.value]

    @property
    def label(self) -> str:
        return {"life_safety": "Life safety", "falls": "Falls", "function": "Function"}[self.value]


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "na"


@dataclass(frozen=True, slots=True)
class PlausibleRange:
    """Values outside this range are unit slips (a door of 320 in), not findings."""

    __pydantic_config__ = STRICT
    min: str
    max: str


@dataclass(frozen=True, slots=True)
class Choice:
    __pydantic_config__ = STRICT
    id: str
    label: str
    concern: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    __pydantic_config__ = STRICT

    id: str
    kind: ItemKind
    prompt: str
    severity: Severity | None = None  # required by validation for every item
    help: str = ""
    section: str = ""
    citation: str = ""  # for yes/no and choice items: the clause a concern answer fails
    quantity: Literal["length", "slope", "temperature", "force", "illuminance", "weight"] | None = None
    plausible: PlausibleRange | None = None
    noun: str = ""
    concern: Literal["yes", "no"] | None = None
    choices: tuple[Choice, ...] = ()
    max_count: int | None = None
    alignment: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Item:
        plausible = data.get("plausible")
        return cls(**{
            **data,
            "kind": ItemKind(data["kind"]),
            "severity": Severity(data["severity"]) if data.get("severity") else None,
            "plausible": PlausibleRange(**plausible) if plausible else None,
            "choices": tuple(Choice(**c) for c in data.get("choices", ())),
            "alignment": tuple(data.get("alignment", ())),
        })

    @property
    def measure(self) -> Quantity | Reading:
        if self.quantity is None:
            raise TypeError(f"item {self.id} is not a measurement")
        return measure_for(self.quantity)

    def input_example(self, metric: bool = False) -> str:
        """What to type, for a placeholder: ``e.g. 120 °F or 49 °C``; a length in the visit's units first."""
        if self.quantity in READINGS:
            return f"e.g. {READINGS[self.quantity].example}"
        if self.quantity == "slope":
            return "e.g. 1:12, 8%, 4.8°"
        return "e.g. 815 mm, 81.5 cm or 32 in" if metric else "e.g. 31 3/4, 2' 8\" or 815 mm"

    @property
    def plausible_noun(self) -> str:
        return self.noun or self.prompt.lower()

    def plausible_bounds(self) -> tuple[float, float]:
        assert self.plausible is not None and self.quantity is not None
        return _bounds(self.quantity, self.plausible.min, self.plausible.max)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@lru_cache(maxsize=32)
def measure_for(quantity: str) -> Quantity | Reading:
    """How a value of this quantity is typed, stored and printed: a reading (temperature, force…), else a length or slope."""
    return READINGS[quantity] if quantity in READINGS else Quantity(quantity)


@lru_cache(maxsize=256)
def _bounds(quantity: str, low: str, high: str) -> tuple[float, float]:
    """A plausible range's figures in the quantity's base unit, read once (every typed value is checked against them)."""
    measure = measure_for(quantity)
    return measure.parse(low, LengthUnit.INCH), measure.parse(high, LengthUnit.INCH)


@dataclass(frozen=True, slots=True)
class RoomType:
    id: str
    name: str
    description: str
    item_ids: tuple[str, ...]


class Catalogue:
    """All room types and items, looked up by id."""

    def __init__(self, version: str, room_types: list[RoomType], items: dict[str, Item]) -> None:
        self.version = version
        self.room_types = room_types
        self.items = items
        self._room_types_by_id = {rt.id: rt for rt in room_types}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Catalogue:
        """From validated plain data (``homeassess.domain.validation.checklists``); nothing is checked again."""
        room_types = [RoomType(r["id"], r["name"], r["description"], tuple(r["item_ids"])) for r in data["room_types"]]
        items = {d["id"]: Item.from_data(d) for d in data["items"]}
        return cls(data["version"], room_types, items)

    def room_type(self, room_type_id: str) -> RoomType:
        try:
            return self._room_types_by_id[room_type_id]
        except KeyError:
            raise KeyError(f"unknown room type {room_type_id!r}") from None

    def item(self, item_id: str) -> Item:
        try:
            return self.items[item_id]
        except KeyError:
            raise KeyError(f"unknown item {item_id!r}") from None

    def items_of(self, room_type_id: str) -> list[Item]:
        return [self.items[i] for i in self.room_type(room_type_id).item_ids]

    @cached_property
    def measurement_ids(self) -> list[str]:
        return sorted(i.id for i in self.items.values() if i.kind is ItemKind.MEASUREMENT)

    @cached_property
    def note_ids(self) -> frozenset[str]:
        """The free-text items: optional, so never counted as answered or unanswered."""
        return frozenset(i.id for i in self.items.values() if i.kind is ItemKind.NOTE)


def load_catalogue(folder: Path | None = None) -> Catalogue:
    """The catalogue of ``resources/`` (from its validated snapshot), or of another folder (validated now)."""
    if folder is None:
        from homeassess.domain.resource_snapshot import validated_resources

        return Catalogue.from_data(validated_resources()["catalogue"])
    from homeassess.domain.validation.checklists import validate_checklists

    return Catalogue.from_data(validate_checklists(folder))
