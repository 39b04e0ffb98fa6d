"""The recommendation library: modifications a failing item can propose.

Data lives in ``resources/recommendations/library.toml``. Each entry names what
triggers it (an item that is below or above its limit, a yes/no or choice answer, or
a person-fit rule), and carries a specification template filled with the measured
values of the finding that proposed it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from homeassess.domain.catalogue import STRICT, Catalogue
from homeassess.domain.client_wording import CLIENT_FIELDS
from homeassess.domain.verdicts import ProposedRecommendation
from homeassess.domain.verify_check import VerifyCheck
from homeassess.domain.vocabulary import Category, Priority, Responsible

# The finding's fields, and the client's words (device, side, helper: homeassess.domain.client_wording).
TEMPLATE_FIELDS = {"room", "item", "measured", "required", "shortfall", "citation", "device_width", "target"} | CLIENT_FIELDS


@dataclass(frozen=True, slots=True)
class CostRange:
    __pydantic_config__ = STRICT
    low: int
    high: int
    source: str
    year: str
    currency: str = "USD"
    basis: str = "installed"
    confidence: Literal["C", "U"] = "C"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One way a recommendation is proposed.

    ``item`` + ``when`` (below/above/fails) for measurements, with optional shortfall
    bounds; ``item`` + ``answer`` for yes/no or choice items; ``fit`` for a failed
    person-fit rule kind. ``not_in``: room types where it does not apply (the entrance's
    door is the front door: it is not taken off its hinges or made a sliding door).
    ``reaches``: the furthest the modification takes the measure (a comfort-height toilet's seat tops out at
    19 in): proposed only where the height or size needed, the standard's or the client's, is within it.
    """

    __pydantic_config__ = STRICT
    item: str | None = None
    when: Literal["below", "above", "fails"] | None = None
    answer: str | None = None
    fit: str | None = None
    min_shortfall: str | None = None
    max_shortfall: str | None = None
    not_in: tuple[str, ...] = ()
    reaches: str | None = None


@dataclass(frozen=True, slots=True)
class ContractorSpec:
    """What a builder needs: where, at what height, how long, what clearances, what structure."""

    __pydantic_config__ = STRICT
    location: str = ""
    mounting_height: str = ""
    length: str = ""
    clearances: str = ""
    structure: str = ""


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    __pydantic_config__ = STRICT

    id: str
    title: str
    plain: str  # the modification in plain words, for the landlord and client
    specification: str
    rationale: str
    category: Category
    priority: Priority
    responsible: Responsible
    cost: CostRange
    triggers: tuple[Trigger, ...]
    contractor: ContractorSpec = ContractorSpec()
    # The measurements that verify the installed work at a follow-up (validated apart from the entry:
    # homeassess.domain.validation.verify), in the order the clinician takes them.
    verify: tuple[VerifyCheck, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LibraryEntry:
        return cls(**{
            **data,
            "category": Category(data["category"]),
            "priority": Priority(data["priority"]),
            "responsible": Responsible(data["responsible"]),
            "cost": CostRange(**data["cost"]),
            "triggers": tuple(Trigger(**{**t, "not_in": tuple(t.get("not_in", ()))}) for t in data["triggers"]),
            "contractor": ContractorSpec(**data["contractor"]),
            "verify": tuple(_verify_check(v) for v in data.get("verify", ())),
        })

    def proposed(self, fill: Callable[[str], str], severity: str) -> ProposedRecommendation:
        """This entry proposed for a finding: its texts filled (``fill``: :func:`template_filler`)."""
        return ProposedRecommendation(
            library_id=self.id, title=fill(self.title), specification=fill(self.specification),
            rationale=fill(self.rationale), plain=fill(self.plain),
            category=self.category.value, priority=self.priority.value, responsible=self.responsible.value,
            cost_low=self.cost.low, cost_high=self.cost.high,
            cost_source=f"{self.cost.source} ({self.cost.year})", severity=severity,
        )

    def check(self, check_id: str) -> VerifyCheck | None:
        """The as-installed check with this id, or None (a stored id the library no longer lists)."""
        return next((c for c in self.verify if c.id == check_id), None)


def _verify_check(data: dict[str, Any]) -> VerifyCheck:
    plausible = data.get("plausible")
    return VerifyCheck(**{**data, "plausible": (plausible[0], plausible[1]) if plausible else None})


def template_fields(text: str) -> set[str]:
    """The ``{field}`` names a specification, rationale or plain text uses."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "—"


_SENTENCE_START = re.compile(r"(^|[.!?:]\s+)\{room\}")
_THE_ROOM = re.compile(r"\b([Tt])he \{room\}")
_AT_THE_ROOM = re.compile(r"\bat the \{room\}")


# A room's texts are written in once per room name: every proposal the room derives (a recording, the
# review's first open) fills the same few library texts for the same room.
@lru_cache(maxsize=2048)
def with_room(template: str, room_name: str) -> str:
    """The template with its room written in: ``the {room}`` reads "the bathroom" (the name's first letter
    lower-cased, unless it is an acronym) or, with no room name, "this room" ("at the {room}" then reads
    "here": "a ramp here", not "a ramp at this room"); a ``{room}`` that
    starts a sentence is capitalised ("Bathroom:", "This room:"). Library texts use ``{room}`` only as
    ``the {room}`` or at the start of a sentence (checked when the library is loaded)."""
    if "{room}" not in template:  # most texts: nothing to write in
        return template
    name = " ".join(room_name.split()).replace("{", "{{").replace("}", "}}")  # formatted after
    if not name:
        template = _AT_THE_ROOM.sub("here", template)
        template = _THE_ROOM.sub(lambda m: "This room" if m[1] == "T" else "this room", template)
        return _SENTENCE_START.sub(lambda m: f"{m[1]}This room", template)
    start = name[0].upper() + name[1:]
    inside = name if name[1:2].isupper() else name[0].lower() + name[1:]
    template = _SENTENCE_START.sub(lambda m: m[1] + start, template)
    return template.replace("{room}", inside)


def fill_template(template: str, values: dict[str, str]) -> str:
    """Fill ``{measured}``-style fields; ``{room}`` reads as :func:`with_room` says; a finding field with no
    value prints as a dash, a client field (``{with_device}`` for a client with no device) as nothing."""
    return template_filler(values)(template)


def template_filler(values: dict[str, str]) -> Callable[[str], str]:
    """:func:`fill_template` with these values, for several templates (an entry's four texts) at once."""
    room = values.get("room", "")
    filled = _Blank({k: v for k, v in values.items() if (v or k in CLIENT_FIELDS) and k != "room"})
    return lambda template: with_room(template, room).format_map(filled)


class RecommendationLibrary:
    def __init__(
        self, version: str, entries: list[LibraryEntry], shortfall_bounds: dict, corrections: dict[str, str] | None = None
    ) -> None:
        self.version = version
        # The correction templates for an as-installed value that fails the standard or the client's fit
        # (``standard``, ``client_fit``); a value outside the specified range uses its check's own.
        self.corrections = corrections or {}
        self.entries = entries
        self._by_id = {e.id: e for e in entries}
        self._shortfall_bounds = shortfall_bounds
        # Each trigger filed under what it answers to, in library order (the review derives a few
        # hundred proposals on first open; a scan of the whole library for each was most of it).
        self._by_item: dict[str, list[tuple[int, LibraryEntry, int, Trigger]]] = {}
        self._by_fit: dict[str, list[tuple[LibraryEntry, int]]] = {}
        for position, entry in enumerate(entries):
            for index, trig in enumerate(entry.triggers):
                if trig.item:
                    self._by_item.setdefault(trig.item, []).append((position, entry, index, trig))
                if trig.fit:
                    self._by_fit.setdefault(trig.fit, []).append((entry, index))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RecommendationLibrary:
        """From validated plain data: the entries, and each trigger's shortfall bounds in canonical units."""
        bounds = {(entry_id, index): (low, high, reach) for entry_id, index, low, high, reach in data["shortfall_bounds"]}
        entries = [LibraryEntry.from_data(e) for e in data["entries"]]
        return cls(data["version"], entries, bounds, data.get("corrections"))

    def entry(self, entry_id: str) -> LibraryEntry:
        return self._by_id[entry_id]

    def for_measurement(self, item_id: str, direction: str, shortfall: float | None, room_type: str = "",
                        needed: float | None = None) -> list[LibraryEntry]:
        """The entries for a measurement ``direction`` of what it needs (``below``: too low or small), short by
        ``shortfall``; ``needed``: the least (``below``) or most (``above``) value that meets, in canonical units."""
        found: dict[str, LibraryEntry] = {}
        for _, entry, index, trig in self._by_item.get(item_id, ()):
            if entry.id in found or trig.when not in (direction, "fails") or room_type in trig.not_in:
                continue
            if self._fits(entry.id, index, shortfall, direction, needed):
                found[entry.id] = entry
        return list(found.values())

    def for_answer(self, item_id: str, answer: str, room_type: str = "") -> list[LibraryEntry]:
        found = {entry.id: entry for _, entry, _, trig in self._by_item.get(item_id, ())
                 if trig.answer == answer and room_type not in trig.not_in}
        return list(found.values())

    def for_fit(self, fit_kind: str, shortfall: float | None = None) -> list[LibraryEntry]:
        """The entries for a failed person-fit check of ``fit_kind``, short by ``shortfall`` (canonical units)."""
        found: dict[str, LibraryEntry] = {}
        for entry, index in self._by_fit.get(fit_kind, ()):
            if self._fits(entry.id, index, shortfall):
                found.setdefault(entry.id, entry)
        return list(found.values())

    def _fits(self, entry_id: str, index: int, shortfall: float | None, direction: str = "",
              needed: float | None = None) -> bool:
        """Whether the trigger's shortfall bounds hold ``shortfall``, and its reach (``reaches``) gets to ``needed``."""
        low, high, reach = self._shortfall_bounds.get((entry_id, index), (None, None, None))
        if shortfall is not None and ((low is not None and shortfall < low - 1e-9) or (high is not None and shortfall > high + 1e-9)):
            return False
        return reach is None or needed is None or (needed <= reach + 1e-6 if direction == "below" else needed >= reach - 1e-6)


def load_recommendations(catalogue: Catalogue, path: Path | None = None) -> RecommendationLibrary:
    """The library of ``resources/`` (from the validated snapshot), or of another file (validated now)."""
    if path is None:
        from homeassess.domain.resource_snapshot import validated_resources

        return RecommendationLibrary.from_data(validated_resources()["library"])
    from homeassess.domain.validation.library import validate_library

    return RecommendationLibrary.from_data(validate_library(path, catalogue))
