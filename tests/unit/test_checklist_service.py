"""Recording responses: judged, committed, and turned into one proposal per modification per room."""

from __future__ import annotations

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec


def _room(ws, room_type="stairs"):
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Test"), details=AssessmentDetails(), rooms=[RoomSpec(type=room_type)],
    ))
    return assessment_id, ws.assessments.room_views(assessment_id)[0].id


def _titles(ws, assessment_id, statuses=None):
    return sorted(r.row.library_id for r in ws.recommendations.list(assessment_id, statuses))


def test_a_measurement_is_parsed_judged_and_stored_with_its_verdict(workspace):
    assessment_id, room = _room(workspace, "entrance")
    result = workspace.checklist.record(room, "door_clear_width", "2' 6 1/2\"")
    assert result.saved and result.finding.verdict.value == "fails"
    stored = workspace.checklist.rooms.responses(room)["door_clear_width"]
    assert stored.value_text == "2' 6 1/2\"" and stored.verdict == "fails"
    assert abs(stored.value - 30.5 * 25.4) < 1e-6
    assert {"offset_hinges", "widen_doorway"} <= set(_titles(workspace, assessment_id))


def test_an_unreadable_value_is_refused_and_nothing_is_written(workspace):
    _, room = _room(workspace, "entrance")
    result = workspace.checklist.record(room, "door_clear_width", "wide")
    assert not result.saved and "not a measurement" in result.error
    assert workspace.checklist.rooms.responses(room) == {}


def test_one_modification_triggered_by_two_items_is_proposed_once_per_room(workspace):
    assessment_id, room = _room(workspace)
    workspace.checklist.record(room, "stair_riser_height", "8 1/2 in")
    workspace.checklist.record(room, "stair_tread_depth", "8 in")
    assert _titles(workspace, assessment_id).count("stair_lift") == 1
    workspace.checklist.record(room, "stair_riser_height", "6 in")  # still proposed: the tread still fails
    assert _titles(workspace, assessment_id).count("stair_lift") == 1
    workspace.checklist.record(room, "stair_tread_depth", "11 in")  # both fixed: gone
    assert "stair_lift" not in _titles(workspace, assessment_id)


def test_decisions_stay_and_dismissed_modifications_are_not_proposed_again(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30 1/2")
    views = {v.row.library_id: v.row.id for v in workspace.recommendations.list(assessment_id)}
    workspace.recommendations.set_status(views["offset_hinges"], "accepted")
    workspace.recommendations.set_status(views["widen_doorway"], "dismissed")
    workspace.checklist.record(room, "door_clear_width", "30 1/4")  # re-measured: proposals refresh
    assert _titles(workspace, assessment_id, ("accepted",)) == ["offset_hinges"]
    assert _titles(workspace, assessment_id, ("dismissed",)) == ["widen_doorway"]
    assert "widen_doorway" not in _titles(workspace, assessment_id, ("proposed",))


def test_clearing_a_value_removes_its_still_proposed_recommendations(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30")
    assert _titles(workspace, assessment_id)
    result = workspace.checklist.record(room, "door_clear_width", "")
    assert result.saved and result.previous_text == "30"
    assert _titles(workspace, assessment_id) == []


def test_changing_the_client_rejudges_person_fit(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "32")
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].verdict == "meets"
    client = ClientProfile.model_validate({"name": "Test", "devices": [{"kind": "power_wheelchair", "overall_width": "31 in"}]})
    workspace.assessments.update_client(assessment_id, client)
    assert workspace.checklist.rejudge_assessment(assessment_id) == 1
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].verdict == "fails"


def test_demo_costs_count_each_modification_once_per_room(demo_workspace):
    rows = demo_workspace.recommendations.list(demo_workspace.demo_id, ("accepted",))
    keys = [(r.row.room_id, r.row.library_id) for r in rows]
    assert len(keys) == len(set(keys))
    totals = demo_workspace.recommendations.totals(demo_workspace.demo_id)
    assert totals.count == len(rows) and 0 < totals.low <= totals.high
