"""Accepted recommendations as a report carries them: with the contractor's details from the
library, every measurement of the element each changes, its quantity, the removal it needs, the
ramp figures of a ramp, and its vetted cost source; outside the clinical report, one per distinct
piece of work in a room. Two or more recommendations for one finding are alternatives: the first of
the highest priority is the chosen one, the others are options (listed, not counted in totals)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from homeassess.domain.recommendations import RecommendationLibrary, with_room
from homeassess.report import report_data as rd
from homeassess.services.recommendation_views import WHOLE_HOME, RecommendationView, options
from homeassess.services.report_site import Judged, measurements, vetted_source, work_items

# Per room id: every answered item of the room, judged (report_site.Judged).
JudgedByRoom = dict[int, list[Judged]]


def report_recommendations(views: Sequence[RecommendationView], judged: JudgedByRoom, library: RecommendationLibrary,
                           clinical: bool, length: Callable[[str], str],
                           ramp: tuple[str, ...] = ()) -> tuple[rd.Recommendation, ...]:
    """One per accepted recommendation; outside the clinical report, one per distinct piece of
    work in a room (two findings that both propose a ramp make one ramp, resting on both).
    ``ramp`` is the room's worked-out ramp, carried by the work items that build one."""
    recs = [_recommendation(v, judged, library, clinical, length, ramp) for v in views]
    recs = alternatives(recs, views)
    if not clinical:
        merged: dict[str, rd.Recommendation] = {}
        for view, rec in zip(views, recs, strict=True):
            key = view.library_id or rec.title.strip().lower()
            if key in merged:
                first = merged[key]
                extra = tuple(m for m in rec.measurements if m not in first.measurements)
                merged[key] = dataclasses.replace(first, measurements=first.measurements + extra)
            else:
                merged[key] = rec
        recs = list(merged.values())
    return tuple(recs)


def alternatives(recs: Sequence[rd.Recommendation], views: Sequence[RecommendationView]) -> list[rd.Recommendation]:
    """Mark the options (``recommendation_views.options``, the one rule the review's totals follow too)
    with the title of the chosen recommendation they are an option to."""
    optional = options(views)
    return [dataclasses.replace(rec, alternative_to=optional[view.ref].title) if view.ref in optional else rec
            for view, rec in zip(views, recs, strict=True)]


def _recommendation(view: RecommendationView, judged: JudgedByRoom, library: RecommendationLibrary, clinical: bool,
                    length: Callable[[str], str], ramp: tuple[str, ...]) -> rd.Recommendation:
    row = view
    contractor = None
    if row.library_id:
        try:
            contractor = library.entry(row.library_id).contractor
        except KeyError:  # a library entry removed since the recommendation was made
            contractor = None
    room = judged.get(row.room_id, []) if row.room_id is not None else []  # whole-home work has none
    extra = work_items()
    library_id = row.library_id or ""
    # Every place names its room: the library writes "The door of the {room}", never "this room".
    room_name = view.room_name if row.room_id is not None else WHOLE_HOME
    location = with_room(contractor.location, room_name) if contractor else ""
    ramp = ramp if library_id in extra.ramp else ()
    figure = {"run": 1, "handrails": -1}.get(extra.ramp_length.get(library_id, ""))
    worked_out = ramp[figure] if ramp and figure is not None and len(ramp) > 1 else ""  # replaces the rule of thumb
    where = " — ".join(x for x in (room_name, view.item_prompt, location) if x)
    item = next((j.item for j in room if j.item.id == row.item_id), None)
    return rd.Recommendation(
        room=view.room_name,
        title=row.title,
        item=view.item_prompt,
        specification=length(row.specification),
        rationale=row.rationale if clinical else "",
        plain=length(row.plain),
        category=row.category.value,
        priority=row.priority.value,
        installer=row.installer.value,
        funding=row.funding.value,
        funding_program=row.funding_program,
        cost_low=row.cost_low,
        cost_high=row.cost_high,
        cost_source=vetted_source(row.cost_source or "", row.cost_low is not None or row.cost_high is not None),
        location=where,
        mounting_height=length(contractor.mounting_height) if contractor else "",
        length=length(worked_out or (contractor.length if contractor else "")),
        clearances=length(contractor.clearances) if contractor else "",
        structure=contractor.structure if contractor else "",
        measurements=measurements(room, row.item_id, length),
        item_id=row.item_id or "",
        quantity=length(extra.quantity.get(library_id, "")) if library_id else "",
        removal=length(extra.removal.get(library_id, "")),
        ramp_figures=tuple(length(line) for line in ramp),
        severity=item.severity.value if item is not None and item.severity else "",
    )
