"""Accepted recommendations as a report carries them: with the contractor's details from the
library and the measurements each rests on; outside the clinical report, one per distinct piece
of work in a room."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from homeassess.domain.recommendations import RecommendationLibrary
from homeassess.domain.verdicts import Finding
from homeassess.report import report_data as rd
from homeassess.services.recommendation_views import RecommendationView

# Per room id: (item id, clinician's note, finding) of each finding in that room.
FindingsByRoom = dict[int, list[tuple[str, str, Finding]]]


def report_recommendations(views: Sequence[RecommendationView], findings: FindingsByRoom, library: RecommendationLibrary,
                           clinical: bool, length: Callable[[str], str]) -> tuple[rd.Recommendation, ...]:
    """One per accepted recommendation; outside the clinical report, one per distinct piece of
    work in a room (two findings that both propose a ramp make one ramp, resting on both)."""
    recs = [_recommendation(v, findings, library, clinical, length) for v in views]
    if clinical:
        return tuple(recs)
    merged: dict[str, rd.Recommendation] = {}
    for view, rec in zip(views, recs, strict=True):
        key = view.library_id or rec.title.strip().lower()
        if key in merged:
            first = merged[key]
            extra = tuple(m for m in rec.measurements if m not in first.measurements)
            merged[key] = dataclasses.replace(first, measurements=first.measurements + extra)
        else:
            merged[key] = rec
    return tuple(merged.values())

def _recommendation(view: RecommendationView, findings: FindingsByRoom, library: RecommendationLibrary, clinical: bool,
                    length: Callable[[str], str]) -> rd.Recommendation:
    row = view
    contractor = None
    if row.library_id:
        try:
            contractor = library.entry(row.library_id).contractor
        except KeyError:  # a library entry removed since the recommendation was made
            contractor = None
    in_room = findings.get(row.room_id, []) if row.room_id is not None else []  # whole-home work has none
    measured = [
        rd.Measurement(f.item, length(f.measured), length(f.required))
        for item_id, _, f in in_room
        if item_id == row.item_id and f.measured_value is not None
    ]
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
        cost_source=row.cost_source,
        location=contractor.location if contractor else "",
        mounting_height=length(contractor.mounting_height) if contractor else "",
        length=length(contractor.length) if contractor else "",
        clearances=length(contractor.clearances) if contractor else "",
        structure=contractor.structure if contractor else "",
        measurements=tuple(measured),
        item_id=row.item_id or "",
    )
