"""Switching a visit's units keeps every measurement: a bare number gets the unit it was typed in, so nothing
is re-read in the new unit, no finding comes or goes, and no accepted recommendation disappears."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.readings import READINGS
from homeassess.domain.unit_change import kept_under
from homeassess.domain.units import LengthUnit, Quantity
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec

SCOOTER = {"name": "สมชาย ใจดี", "devices": [{"kind": "scooter", "primary": True, "overall_width": 600.0}]}


def _metric_visit(ws) -> tuple[int, int, int]:
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile.model_validate(SCOOTER), details=AssessmentDetails(unit=LengthUnit.MILLIMETRE),
        rooms=[RoomSpec(type="entrance"), RoomSpec(type="bathroom")],
    )).value
    entrance, bathroom = (r.id for r in ws.assessments.room_views(assessment_id))
    return assessment_id, entrance, bathroom


def _seen(ws, assessment_id: int) -> dict:
    """Each answer's value and verdict, the findings per room and the accepted recommendations."""
    rooms = ws.assessments.room_views(assessment_id)
    answers = {(r.name, s.item.id): (round(s.finding.measured_value or 0, 3) if s.finding else None,
                                     s.finding.verdict if s.finding else None)
               for r in rooms for s in ws.checklist.room_items(r.id) if s.text}
    accepted = {v.title for v in ws.recommendations.list(assessment_id, (RecommendationStatus.ACCEPTED,))}
    return {"answers": answers, "findings": {r.name: r.findings for r in rooms}, "accepted": accepted}


def test_switching_millimetres_to_inches_and_back_changes_no_measurement(workspace):
    assessment_id, entrance, bathroom = _metric_visit(workspace)
    for room, item, typed in [(entrance, "door_clear_width", "850"), (entrance, "threshold_height", "25 cm"),
                              (bathroom, "door_clear_width", "2' 8\""), (bathroom, "toilet_seat_height", "380"),
                              (bathroom, "grab_bar_height", "1000")]:
        workspace.checklist.record(room, item, typed)
    proposed = workspace.recommendations.list(assessment_id, (RecommendationStatus.PROPOSED,))
    workspace.recommendations.set_status(assessment_id, [v.ref for v in proposed], RecommendationStatus.ACCEPTED)
    before = _seen(workspace, assessment_id)
    details = workspace.assessments.open(assessment_id).details

    workspace.assessments.update_details(assessment_id, details.model_copy(update={"unit": LengthUnit.INCH}))
    assert _seen(workspace, assessment_id) == before
    texts = {i: workspace.checklist.response_text(entrance, i) for i in ("door_clear_width", "threshold_height")}
    assert texts == {"door_clear_width": "850 mm", "threshold_height": "25 cm"}  # named as typed, or left as typed
    assert workspace.checklist.response_text(bathroom, "door_clear_width") == "2' 8\""

    workspace.assessments.update_details(assessment_id, details)  # and back
    assert _seen(workspace, assessment_id) == before


def test_undoing_the_switch_keeps_the_measurements_too(workspace):
    assessment_id, entrance, _ = _metric_visit(workspace)
    workspace.checklist.record(entrance, "door_clear_width", "850")
    before = _seen(workspace, assessment_id)
    details = workspace.assessments.open(assessment_id).details
    done = workspace.assessments.update_details(assessment_id, details.model_copy(update={"unit": LengthUnit.INCH}))
    done.undo()
    assert workspace.assessments.open(assessment_id).details.unit is LengthUnit.MILLIMETRE
    assert _seen(workspace, assessment_id) == before


@pytest.mark.parametrize("kind", sorted(READINGS))
def test_a_bare_reading_keeps_its_unit(kind):
    reading = READINGS[kind]
    for old, new in [(LengthUnit.INCH, LengthUnit.MILLIMETRE), (LengthUnit.MILLIMETRE, LengthUnit.INCH)]:
        kept = kept_under(reading, "120", old, new)
        value = reading.parse("120", old)
        assert reading.parse(kept or "120", new) == pytest.approx(value)


UNITS = st.sampled_from(list(LengthUnit))
TYPED = st.one_of(
    st.integers(0, 4000).map(str),
    st.tuples(st.integers(0, 120), st.sampled_from(["1/2", "3/4", "1/8"])).map(lambda p: f"{p[0]} {p[1]}"),
    st.tuples(st.integers(0, 4000), st.sampled_from(["mm", "cm", "in", "\"", "m"])).map(lambda p: f"{p[0]} {p[1]}"),
    st.text(max_size=12),
)


@given(typed=TYPED, old=UNITS, new=UNITS)
def test_any_length_means_the_same_after_any_switch(typed, old, new):
    length = Quantity("length")
    kept = kept_under(length, typed, old, new)
    try:
        value = length.parse(typed, old)
    except Exception:  # unreadable text is left as typed
        assert kept is None
        return
    assert length.parse(kept if kept is not None else typed, new) == pytest.approx(value, abs=0.5)


INCH_LENGTH = re.compile(r"\d\s*(?:in|inches|ft|feet)\b|\d\s*[\"″]")


def test_a_metric_visit_reads_every_proposal_in_millimetres(workspace):
    """A try-out saw "level landing at least 60 in" and "a 36 in door leaf" in a millimetre visit's review."""
    assessment_id, entrance, bathroom = _metric_visit(workspace)
    for room, item, typed in [(entrance, "door_clear_width", "760"), (entrance, "threshold_height", "25"),
                              (bathroom, "toilet_seat_height", "380"), (bathroom, "grab_bar_height", "1000")]:
        workspace.checklist.record(room, item, typed)
    views = workspace.recommendations.list(assessment_id)
    assert len(views) >= 5
    inch_texts = [(v.library_id, field, text) for v in views for field in ("title", "specification", "rationale", "plain")
                  if INCH_LENGTH.search(text := getattr(v, field))]
    assert inch_texts == []
    assert any("mm" in v.specification for v in views)


def test_a_follow_ups_as_installed_values_keep_their_unit_too(demo_workspace):
    ws = demo_workspace
    ws.assessments.set_status(ws.demo_id, "final")
    fid = ws.follow_ups.start(ws.demo_id).value
    bar = next(i for i in ws.follow_ups.items(fid) if i.library_id == "grab_bars_toilet")
    ws.follow_ups.record_check(fid, bar.installation_id, "height", "38")  # inches, as the demo visit is

    def height(item_id: int) -> tuple[str, object, object]:
        check = next(c for c in next(i for i in ws.follow_ups.items(fid) if i.installation_id == item_id).checks
                     if c.check.id == "height")
        return check.value_text, round(check.value or 0, 3), check.verdict

    before = height(bar.installation_id)
    details = ws.assessments.open(fid).details
    ws.assessments.update_details(fid, details.model_copy(update={"unit": LengthUnit.MILLIMETRE}))
    text, value, verdict = height(bar.installation_id)
    assert (text, value, verdict) == ("38 in", before[1], before[2])
