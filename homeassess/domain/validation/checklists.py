"""Validating ``resources/checklists/``: the catalogue index and one file per room type."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import STRICT, Item, ItemKind
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.validation.entries import (
    EntryProblem,
    entry_name,
    fail,
    read_file,
    require,
    require_identifier,
    require_length,
    validated,
)


@dataclass(frozen=True)
class CatalogueIndex:
    """``catalogue.toml``."""

    __pydantic_config__ = STRICT
    version: str
    room_types: tuple[str, ...]


@dataclass(frozen=True)
class RoomTypeHeader:
    __pydantic_config__ = STRICT
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class RoomTypeFile:
    """``rooms/<room_type>.toml``: its items are each an item, or ``{ ref = "id" }`` naming one defined elsewhere."""

    __pydantic_config__ = STRICT
    room_type: dict[str, Any]
    items: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class ItemRef:
    __pydantic_config__ = STRICT
    ref: str


def check_item(item: Item) -> None:
    require_identifier(item.id)
    require_length(item.prompt, "prompt", 3)
    require(item.severity is not None, "severity", "every item needs a 'severity' (life_safety, falls or function)")
    if item.kind is ItemKind.MEASUREMENT:
        require(item.quantity is not None, "quantity", "a measurement needs 'quantity' (length, slope, temperature, force, illuminance or weight)")
        require(item.plausible is not None, "plausible", "a measurement needs a 'plausible' range")
        require(len(item.help) >= 20, "help", "a measurement needs 'help' saying how and where to measure")
        assert item.quantity is not None and item.plausible is not None
        quantity = item.measure
        try:
            low = quantity.parse(item.plausible.min, LengthUnit.INCH)
            high = quantity.parse(item.plausible.max, LengthUnit.INCH)
        except MeasurementError as exc:
            raise EntryProblem("plausible", f"plausible range: {exc}") from None
        require(low < high, "plausible", "plausible range: min must be below max")
    elif item.kind is ItemKind.YES_NO:
        require(item.concern is not None, "concern", "a yes/no item needs 'concern' (the answer that is a finding)")
    elif item.kind is ItemKind.CHOICE:
        require(len(item.choices) >= 2, "choices", "a choice item needs at least two 'choices'")


def check_header(header: RoomTypeHeader) -> None:
    require_identifier(header.id)


def _entry(path: Path, raw: object, index: int) -> Item | ItemRef:
    if isinstance(raw, dict) and set(raw) == {"ref"}:
        return validated(path, ItemRef, raw, entry_name("item", {"id": raw["ref"]}, index))
    return validated(path, Item, raw, entry_name("item", raw, index), check_item)


def validate_checklists(folder: Path) -> dict[str, Any]:
    """The catalogue as plain data: version, room types (with their item ids in order) and items."""
    index = read_file(folder / "catalogue.toml", CatalogueIndex)
    items: dict[str, Item] = {}
    rooms: list[tuple[Path, RoomTypeHeader, list[Item | ItemRef]]] = []
    for room_type_id in index.room_types:
        path = folder / "rooms" / f"{room_type_id}.toml"
        room_file = read_file(path, RoomTypeFile)
        header = validated(path, RoomTypeHeader, room_file.room_type, " room_type", check_header)
        if header.id != room_type_id:
            raise fail(path, " room_type", "id", f"is {header.id!r}, expected {room_type_id!r}")
        entries = [_entry(path, raw, n) for n, raw in enumerate(room_file.items)]
        for entry in entries:
            if isinstance(entry, Item):
                if entry.id in items:
                    raise fail(path, f" item {entry.id!r}", "id", "defined twice")
                items[entry.id] = entry
        rooms.append((path, header, entries))
    room_types = []
    for path, header, entries in rooms:
        item_ids = []
        for entry in entries:
            item_id = entry.ref if isinstance(entry, ItemRef) else entry.id
            if item_id not in items:
                raise fail(path, f" item {item_id!r}", "ref", "no item has this id")
            item_ids.append(item_id)
        room_types.append({"id": header.id, "name": header.name, "description": header.description, "item_ids": item_ids})
    return {"version": index.version, "room_types": room_types, "items": [asdict(item) for item in items.values()]}
