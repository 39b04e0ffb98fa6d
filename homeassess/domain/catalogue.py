"""The checklist catalogue: room types and the items a clinician answers in each.

Data lives in ``resources/checklists/``: ``catalogue.toml`` (version, room-type order)
and one ``rooms/<room_type>.toml`` per room type. Items have globally unique, stable
ids; a room file may reference an item defined in another file with ``{ ref = "id" }``.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from homeassess.domain.data_files import CatalogueError, load_model, read_toml, resources_dir
from homeassess.domain.units import LengthUnit, MeasurementError, Quantity


class ItemKind(StrEnum):
    YES_NO = "yes_no"
    MEASUREMENT = "measurement"
    CHOICE = "choice"
    COUNT = "count"
    NOTE = "note"


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "na"


class PlausibleRange(BaseModel):
    """Values outside this range are unit slips (a door of 320 in), not findings."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: str
    max: str


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    label: str
    concern: bool = False


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: ItemKind
    prompt: str = Field(min_length=3)
    help: str = ""
    section: str = ""
    quantity: Literal["length", "slope"] | None = None
    plausible: PlausibleRange | None = None
    noun: str = ""
    concern: Literal["yes", "no"] | None = None
    choices: tuple[Choice, ...] = ()
    max_count: int | None = None
    alignment: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _kind_fields(self) -> Item:
        if self.kind is ItemKind.MEASUREMENT:
            if self.quantity is None:
                raise ValueError("a measurement needs 'quantity' (length or slope)")
            if self.plausible is None:
                raise ValueError("a measurement needs a 'plausible' range")
            if len(self.help) < 20:
                raise ValueError("a measurement needs 'help' saying how and where to measure")
            quantity = Quantity(self.quantity)
            try:
                low = quantity.parse(self.plausible.min, LengthUnit.INCH)
                high = quantity.parse(self.plausible.max, LengthUnit.INCH)
            except MeasurementError as exc:
                raise ValueError(f"plausible range: {exc}") from None
            if not low < high:
                raise ValueError("plausible range: min must be below max")
        elif self.kind is ItemKind.YES_NO and self.concern is None:
            raise ValueError("a yes/no item needs 'concern' (the answer that is a finding)")
        elif self.kind is ItemKind.CHOICE and len(self.choices) < 2:
            raise ValueError("a choice item needs at least two 'choices'")
        return self

    @property
    def measure(self) -> Quantity:
        if self.quantity is None:
            raise TypeError(f"item {self.id} is not a measurement")
        return Quantity(self.quantity)

    @property
    def plausible_noun(self) -> str:
        return self.noun or self.prompt.lower()

    def plausible_bounds(self) -> tuple[float, float]:
        assert self.plausible is not None
        return (
            self.measure.parse(self.plausible.min, LengthUnit.INCH),
            self.measure.parse(self.plausible.max, LengthUnit.INCH),
        )

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


class ItemRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    ref: str


class RoomTypeHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    description: str = ""


class RoomTypeFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    room_type: RoomTypeHeader
    items: tuple[Item | ItemRef, ...] = ()

    @field_validator("items", mode="before")
    @classmethod
    def _refs_first(cls, value: list[object]) -> list[object]:
        return [ItemRef(**v) if isinstance(v, dict) and set(v) == {"ref"} else v for v in value]


class CatalogueIndex(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    room_types: tuple[str, ...]


class RoomType(BaseModel):
    model_config = ConfigDict(frozen=True)
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


def load_catalogue(folder: Path | None = None) -> Catalogue:
    folder = folder or resources_dir() / "checklists"
    index_path = folder / "catalogue.toml"
    index = load_model(index_path, CatalogueIndex, "room_types")
    files: list[tuple[Path, RoomTypeFile]] = []
    items: dict[str, Item] = {}
    for room_type_id in index.room_types:
        path = folder / "rooms" / f"{room_type_id}.toml"
        room_file = load_model(path, RoomTypeFile, "items")
        if room_file.room_type.id != room_type_id:
            raise CatalogueError(f"{path}: room_type.id is {room_file.room_type.id!r}, expected {room_type_id!r}")
        for entry in room_file.items:
            if isinstance(entry, Item):
                if entry.id in items:
                    raise CatalogueError(f"{path}: item {entry.id!r} field 'id': defined twice")
                items[entry.id] = entry
        files.append((path, room_file))
    room_types = []
    for path, room_file in files:
        ids = []
        for entry in room_file.items:
            item_id = entry.ref if isinstance(entry, ItemRef) else entry.id
            if item_id not in items:
                raise CatalogueError(f"{path}: item {item_id!r} field 'ref': no item has this id")
            ids.append(item_id)
        header = room_file.room_type
        room_types.append(RoomType(id=header.id, name=header.name, description=header.description, item_ids=tuple(ids)))
    return Catalogue(index.version, room_types, items)


def catalogue_version(folder: Path | None = None) -> str:
    folder = folder or resources_dir() / "checklists"
    return str(read_toml(folder / "catalogue.toml").get("version", ""))
