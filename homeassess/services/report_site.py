"""What a report takes from the whole of a room, not only from its findings.

- every judged answer of a room (a measurement that meets is no finding, but a contractor pricing
  the stair needs its width and its number of risers too);
- the measurements of the elements a work item changes: its item's checklist section, and the
  sections ``resources/reports/work_items.toml`` adds to it;
- the ramp figures a ramp work item is built to, from the room's measured rise (which meets, and so
  is no finding): total rise, sloped run, landings and handrail lengths, by the profile's limits;
- the existing conditions (wall construction, stud spacing...) in the clinician's room notes;
- the vetted cost source of a recommendation (``resources/reports/cost_sources.toml``);
- the client's body and device measures the client-fit verdicts were judged with;
- a photo as printed: its stored print copy and its caption (the checklist prompt without one).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from homeassess.domain.catalogue import Item, ItemKind
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.data_files import read_toml, resources_dir
from homeassess.domain.readings import READINGS
from homeassess.domain.standards import StandardsProfile
from homeassess.domain.units import MM_PER_INCH, MeasurementError, UnitSystem, format_length
from homeassess.domain.verdicts import Finding
from homeassess.report import report_data as rd
from homeassess.report.privacy import client_pattern, vocabulary
from homeassess.services.workspace import Workspace
from homeassess.store.repositories.photos import PhotoRecord

RISE_ITEMS = ("ramp_total_rise", "ramp_rise")  # the total rise first; one run's rise when that is all there is
STEPS = ("entry_step_count", "entry_step_height")
HANDRAIL_RISE_MM = 6 * MM_PER_INCH  # ADA 2010 §405.8: handrails on both sides once a run rises more than 6 in
NO_VETTED_SOURCE = "Estimate; no vetted published source"


@dataclass(frozen=True)
class Judged:
    """One answered item of a room: its text, the clinician's note, and its finding (None for a count)."""

    item: Item
    text: str
    note: str
    finding: Finding | None


def judge_rooms(ws: Workspace, assessment_id: int, room_ids: set[int]) -> dict[int, list[Judged]]:
    """Every answered item of the chosen rooms, judged (a measurement that meets is kept too)."""
    out: dict[int, list[Judged]] = {}
    by_room = ws.checklist.rooms.responses_by_room(assessment_id)
    base = ws.assessments.context(assessment_id)
    catalogue = ws.assessments.catalogue
    for room in ws.assessments.assessments.rooms(assessment_id):
        if room.id not in room_ids:
            continue
        ctx = replace(base, room_name=room.name, room_type=room.room_type)
        responses = by_room.get(room.id, {})
        for item in catalogue.items_of(room.room_type):
            response = responses.get(item.id)
            if not response or not response.value_text:
                continue
            try:
                finding = ws.checklist.evaluate(item, response.value_text, ctx)
            except MeasurementError:
                continue
            out.setdefault(room.id, []).append(Judged(item, response.value_text, response.note, finding))
    return out


@dataclass(frozen=True)
class WorkItems:
    sections: dict[str, tuple[str, ...]]
    ramp: frozenset[str]
    quantity: dict[str, str]
    removal: dict[str, str]
    ramp_length: dict[str, str]  # library id: "run" or "handrails", the worked-out figure that is its length


@cache
def work_items() -> WorkItems:
    data = read_toml(resources_dir() / "reports" / "work_items.toml")
    entries = data.get("entries", {})
    return WorkItems(
        sections={k: tuple(v) for k, v in data.get("sections", {}).items()},
        ramp=frozenset(data.get("ramp", ())),
        quantity={k: v["quantity"] for k, v in entries.items() if v.get("quantity")},
        removal={k: v["removal"] for k, v in entries.items() if v.get("removal")},
        ramp_length={k: v["ramp_length"] for k, v in entries.items() if v.get("ramp_length")},
    )


def measurements(room: Sequence[Judged], item_id: str | None, length: Callable[[str], str] | None = None
                 ) -> tuple[rd.Measurement, ...]:
    """Every measured or counted answer of the section ``item_id`` belongs to (and the sections added to it)."""
    if not item_id:
        return ()
    by_id = {j.item.id: j for j in room}
    own = by_id[item_id].item.section if item_id in by_id else ""
    if not own:
        return ()
    sections = (own, *work_items().sections.get(own, ()))
    fmt = length or (lambda text: text)
    out = []
    for section in sections:
        for j in room:
            if j.item.section != section:
                continue
            if j.item.kind is ItemKind.COUNT:
                out.append(rd.Measurement(j.item.prompt, j.text))
            elif j.item.kind is ItemKind.MEASUREMENT and j.finding is not None and j.finding.measured_value is not None:
                f = j.finding
                out.append(rd.Measurement(f.item, fmt(f.measured), fmt(f.required) if f.standard_verdict.is_finding
                                          or f.verdict.is_finding else ""))
    return tuple(out)


def rise_of(room: Sequence[Judged], system: UnitSystem) -> tuple[float, str] | None:
    """The room's measured rise (mm) and how it was measured; None when nothing gives one."""
    by_id = {j.item.id: j for j in room}
    for item_id in RISE_ITEMS:
        j = by_id.get(item_id)
        if j is not None and j.finding is not None and j.finding.measured_value:
            return j.finding.measured_value, f"measured: {j.finding.item.lower()}"
    count, height = (by_id.get(i) for i in STEPS)
    if count and height and height.finding and height.finding.measured_value and count.text.isdigit():
        steps = int(count.text)
        return steps * height.finding.measured_value, f"{steps} steps of {height.finding.measured}"
    return None


def _long(mm: float, system: UnitSystem) -> str:
    """A length a builder orders by: feet and inches from 2 ft up ("16 ft 3 in"), else as the units print it."""
    if system is not UnitSystem.IMPERIAL or mm < 24 * MM_PER_INCH:
        return format_length(mm, system)
    eighths = round(mm / MM_PER_INCH * 8)
    feet, rest = divmod(eighths, 96)
    return f"{feet} ft" + (f" {format_length(rest / 8 * MM_PER_INCH, system)}" if rest else "")


def _as_printed(mm: float, system: UnitSystem) -> float:
    """A length rounded as ``_long`` prints it (whole mm, or 1/8 in), for sums of printed figures."""
    return round(mm) if system is not UnitSystem.IMPERIAL else round(mm / MM_PER_INCH * 8) / 8 * MM_PER_INCH


def _limit(profile: StandardsProfile, item_id: str, side: str) -> float | None:
    limits = profile.limits_for(item_id)
    return None if limits is None else (limits.high if side == "high" else limits.low)


def ramp_figures(rise: float, how: str, profile: StandardsProfile, system: UnitSystem) -> tuple[str, ...]:
    """Total rise, sloped run, landings and handrail lengths of the ramp ``rise`` (mm) needs under ``profile``."""
    slope = _limit(profile, "ramp_slope", "high")
    if rise <= 0 or not slope:
        return ()
    run = rise / slope
    per_run = _limit(profile, "ramp_rise", "high")
    runs = max(1, math.ceil(rise / per_run - 1e-9)) if per_run else 1
    landing = _limit(profile, "landing_length", "low")
    out = [f"Total rise: {format_length(rise, system)} ({how})",
           f"Sloped run at 1:{1 / slope:.0f} ({profile.short}): {_long(run, system)} horizontal in all, "
           + ("in 1 run" if runs == 1 else f"in {runs} runs of about {_long(run / runs, system)} each")]
    where = "top and bottom" + (f" and {runs - 1} between runs" if runs > 1 else "")
    size = f", each at least {format_length(landing, system)} long in the direction of travel" if landing else ""
    out.append(f"Level landings: {runs + 1} ({where}){size}")
    if rise > HANDRAIL_RISE_MM + 1e-6:
        extension = _limit(profile, "ramp_handrail_extension", "low") or 0.0
        per_side = _as_printed(run + 2 * runs * extension, system)  # so that "in all" is twice the side as printed
        ext = f" plus {format_length(extension, system)} level at the top and bottom of each run" if extension else ""
        out.append(f"Handrails: both sides, each {_long(run, system)} along the runs{ext}: about {_long(per_side, system)}"
                   f" a side, {_long(2 * per_side, system)} in all")
    else:
        out.append(f"Handrails: not required for a rise of {format_length(HANDRAIL_RISE_MM, system)} or less")
    return tuple(out)


@cache
def _conditions_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_toml(resources_dir() / "reports" / "existing_conditions.toml")

    def pattern(words: Sequence[str], tail: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")" + tail, re.IGNORECASE)

    return pattern(data["building"], ""), pattern(data["people"], r"(?!\w)")


def existing_conditions(notes: Sequence[str], client_terms: Sequence[str]) -> tuple[str, ...]:
    """The sentences of the room's notes that describe the building, and speak of no person or health."""
    building, people = _conditions_words()
    words = vocabulary()
    client = client_pattern(client_terms, words.ordinary)
    out: list[str] = []
    for note in notes:
        for sentence in re.split(r"(?<=[.;!?])\s+", " ".join(note.split())):
            sentence = sentence.strip().rstrip(";").strip()
            if not sentence or not building.search(sentence) or people.search(sentence) or words.matches(sentence):
                continue
            if client is not None and client.search(sentence):
                continue
            sentence = sentence[0].upper() + sentence[1:]
            if not sentence.endswith((".", "!", "?")):
                sentence += "."
            if sentence not in out:
                out.append(sentence)
    return tuple(out)


@cache
def _cost_sources() -> tuple[tuple[tuple[str, str, tuple[str, ...]], ...], tuple[str, ...]]:
    data = read_toml(resources_dir() / "reports" / "cost_sources.toml")
    vetted = tuple((v["name"], v["year"], tuple(m.casefold() for m in v["match"])) for v in data.get("vetted", ()))
    return vetted, tuple(r["match"].casefold() for r in data.get("rejected", ()))


def vetted_source(source: str, has_cost: bool) -> str:
    """The vetted sources ``source`` names, with their year; an estimate's note when it names none."""
    vetted, _ = _cost_sources()
    text = source.casefold()
    named = [f"{name}, {year}" for name, year, matches in vetted if any(m in text for m in matches)]
    if named:
        return "Source: " + "; ".join(named)
    return NO_VETTED_SOURCE if has_cost or source.strip() else ""


def rejected_sources() -> tuple[str, ...]:
    return _cost_sources()[1]


def body_measures(client: ClientProfile, judged: Sequence[Judged], system: UnitSystem) -> tuple[rd.BodyMeasure, ...]:
    """Each body or device measure a client-fit verdict used, its value and the items judged with it."""
    values = _values(client, system)
    used: dict[str, list[str]] = {}
    full: dict[str, str] = {}
    for j in judged:
        for check in j.finding.person_fit if j.finding is not None else ():
            name = check.basis.partition(" (")[0].strip()
            full.setdefault(name, check.basis)
            if name and j.item.prompt not in used.setdefault(name, []):
                used[name].append(j.item.prompt)
    out = []
    for name, items in used.items():
        if " plus " in name:  # a sum ("weight plus the scooter's weight"): its figures are in its bracket
            value = full[name].partition(" (")[2].removesuffix(")")
        else:
            value = next((v for key, v in values.items() if name == key or name.startswith(key)), "")
        label = name if value else full[name]  # a device judged as it is: "manual wheelchair (cannot climb a step)"
        out.append(rd.BodyMeasure(label[:1].upper() + label[1:], value, tuple(items)))
    return tuple(out)


def _values(client: ClientProfile, system: UnitSystem) -> dict[str, str]:
    body = client.body
    fmt = lambda mm: format_length(mm, system) if mm else ""  # noqa: E731
    reach = " to ".join(x for x in (fmt(body.seated_reach_low), fmt(body.seated_reach_high)) if x)
    values = {"popliteal height": fmt(body.popliteal_height), "seated reach": reach,
              "standing reach": fmt(body.standing_reach_high)}
    if body.weight_kg:
        values["weight"] = READINGS["weight"].format(body.weight_kg, system)
    for d in client.devices:
        label = d.kind.label
        values.setdefault(f"{label} seat height", fmt(d.seat_height))
        values.setdefault(f"{label} width", fmt(d.overall_width))
        values.setdefault(f"{label} overall length", fmt(d.overall_length))
        values.setdefault(f"{label} turning diameter", fmt(d.turning_diameter))
    return values


def printed_photo(ws: Workspace, row: PhotoRecord | None, length: Callable[[str], str],
                  print_copy: bytes | None = None) -> rd.Photo | None:
    """The photo as a report prints it; None when it is gone, left out of reports, or has no print copy.
    ``print_copy``: its bytes when already read (a room's photos are read in one query, ``printed_photos``)."""
    if row is None or not row.include_in_report:
        return None
    if print_copy is None:
        print_copy = ws.photos_repo.print_copy(row.id)  # the print copy alone: the working copy is not printed
    if not print_copy:
        return None
    prompts = ws.assessments.catalogue.items
    caption = row.caption or (prompts[row.item_id].prompt if row.item_id in prompts else "")
    return rd.Photo(print_copy, length(caption), item_id=row.item_id or "")


def printed_photos(ws: Workspace, rows: Sequence[PhotoRecord], length: Callable[[str], str]) -> tuple[rd.Photo, ...]:
    """Photos as a report prints them, their print copies read in one query."""
    shown = [row for row in rows if row.include_in_report]
    copies = ws.photos_repo.print_copies([row.id for row in shown])
    printed = (printed_photo(ws, row, length, copies.get(row.id, b"")) for row in shown)
    return tuple(photo for photo in printed if photo is not None)
