"""A proposal fits the room it is made for: the entrance's door is the front door, which is never taken off its
hinges for a curtain, made a sliding door or stripped of the stop that holds its weather seal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.data_files import CatalogueError
from homeassess.domain.judge import JudgeContext
from homeassess.domain.validation.library import validate_library
from homeassess.domain.validation.standards import validate_standards
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec

FRONT_DOOR_NEVER = {"remove_door", "pocket_door", "remove_door_stop"}
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def _proposed(ws, widths: dict[str, str]) -> dict[str, set[str]]:
    chair = ClientProfile.model_validate({"name": "Ahmed Al-Farsi", "devices": [
        {"kind": "manual_wheelchair", "primary": True, "overall_width": 640.0}]})
    assessment_id = ws.assessments.create(NewAssessment(
        client=chair, details=AssessmentDetails(), rooms=[RoomSpec(type=t) for t in widths],
    )).value
    rooms = {r.room_type: r for r in ws.assessments.room_views(assessment_id)}
    for room_type, typed in widths.items():
        ws.checklist.record(rooms[room_type].id, "door_clear_width", typed)
        ws.checklist.record(rooms[room_type].id, "door_latch_side_clearance", "6")
    views = ws.recommendations.list(assessment_id, (RecommendationStatus.PROPOSED,))
    return {t: {v.library_id for v in views if v.room_id == rooms[t].id} for t in widths}


def test_the_front_door_is_not_removed_slid_or_stripped_where_an_inside_door_may_be(workspace):
    for typed in ("31 1/2", "30", "28"):  # short by 1/2 in, 2 in, 4 in
        proposed = _proposed(workspace, {"entrance": typed, "bedroom": typed})
        assert not proposed["entrance"] & FRONT_DOOR_NEVER, typed
        assert proposed["entrance"], typed  # the front door still gets its own proposals (hinges, widening)
    assert {"remove_door", "pocket_door"} <= _proposed(workspace, {"bedroom": "28"})["bedroom"]
    assert "remove_door_stop" in _proposed(workspace, {"bedroom": "31 1/2"})["bedroom"]


def test_a_room_type_the_catalogue_does_not_have_is_refused_by_name(tmp_path, judge):
    library = (RESOURCES / "recommendations" / "library.toml").read_text()
    bad = tmp_path / "library.toml"
    bad.write_text(library.replace('not_in = ["entrance"] }]  # the front door', 'not_in = ["porch"] }]  # the front door', 1))
    with pytest.raises(CatalogueError, match="remove_door.*not_in.*no room type 'porch'"):
        validate_library(bad, judge.catalogue)


@pytest.mark.parametrize("standard", ["ada2010", "irc", "a117_type_a", "fhag"])
def test_a_heavy_front_door_is_advisory_where_the_standard_sets_no_figure_for_exterior_doors(judge, standard):
    """ADA §404.2.9's 5 lbf is for interior doors: a try-out's 40 N front door was counted as failing it."""
    front = judge.judge_measurement("door_opening_force", "40 N", JudgeContext(standard, room_type="entrance"))
    inside = judge.judge_measurement("door_opening_force", "40 N", JudgeContext(standard, room_type="bathroom"))
    assert front.standard_verdict is Verdict.ADVISORY and front.verdict is Verdict.ADVISORY
    assert "exterior doors" in front.note and "adjust_door_closer" in {r.library_id for r in front.recommendations}
    assert inside.standard_verdict is Verdict.FAILS


def test_a_benchmark_room_type_the_catalogue_does_not_have_is_refused_by_name(tmp_path, judge):
    folder = tmp_path / "standards"
    shutil.copytree(RESOURCES / "standards", folder)
    ada = folder / "ada2010.toml"
    ada.write_text(ada.read_text().replace('benchmark_in = ["entrance"]', 'benchmark_in = ["porch"]', 1))
    with pytest.raises(CatalogueError, match="door_opening_force.*benchmark_in.*no room type 'porch'"):
        validate_standards(folder, judge.catalogue)
