"""Recording responses: judged and committed in one write; proposals derived, one per modification per room."""

from __future__ import annotations

import pytest

from homeassess.domain.catalogue import ItemKind
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.refusals import Refused
from homeassess.domain.units import MeasurementError
from homeassess.services.assessments import AssessmentDetails, NewAssessment, ReadOnlyAssessment, RoomSpec
from homeassess.services.changes import Scope


def _room(ws, room_type="stairs"):
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Test"), details=AssessmentDetails(), rooms=[RoomSpec(type=room_type)],
    )).value
    return assessment_id, ws.assessments.room_views(assessment_id)[0].id


def _library_ids(ws, assessment_id, statuses=None):
    return sorted(r.library_id for r in ws.recommendations.list(assessment_id, statuses))


def test_a_measurement_is_parsed_judged_and_stored_with_its_verdict(workspace):
    assessment_id, room = _room(workspace, "entrance")
    change = workspace.checklist.record(room, "door_clear_width", "2' 6 1/2\"")
    assert change.value.finding.verdict.value == "fails"
    assert change.label == "set door clear width"
    assert {Scope.ITEMS, Scope.RECOMMENDATIONS} <= change.scopes
    stored = workspace.checklist.rooms.responses(room)["door_clear_width"]
    assert stored.value_text == "2' 6 1/2\"" and stored.verdict == "fails"
    assert abs(stored.value - 30.5 * 25.4) < 1e-6
    assert {"offset_hinges", "widen_doorway"} <= set(_library_ids(workspace, assessment_id))


def test_an_unreadable_value_is_refused_and_nothing_is_written(workspace):
    _, room = _room(workspace, "entrance")
    with pytest.raises(MeasurementError, match="not a measurement") as refused:
        workspace.checklist.record(room, "door_clear_width", "wide")
    assert isinstance(refused.value, Refused)
    assert workspace.checklist.rooms.responses(room) == {}


def test_recording_writes_only_the_response_no_proposal_rows(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30")
    assert workspace.recommendations.list(assessment_id)  # proposed, derived
    assert workspace.recommendations.repository.decisions(assessment_id) == []  # nothing stored for them


def test_undo_and_redo_of_a_recorded_value_follow_the_inverse_chain(workspace):
    _, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30")
    change = workspace.checklist.record(room, "door_clear_width", "34")
    undone = change.undo()
    assert workspace.checklist.response_text(room, "door_clear_width") == "30"
    undone.undo()  # redo
    assert workspace.checklist.response_text(room, "door_clear_width") == "34"


def test_one_modification_triggered_by_two_items_is_proposed_once_per_room(workspace):
    assessment_id, room = _room(workspace)
    workspace.checklist.record(room, "stair_riser_height", "8 1/2 in")
    workspace.checklist.record(room, "stair_tread_depth", "8 in")
    assert _library_ids(workspace, assessment_id).count("stair_lift") == 1
    workspace.checklist.record(room, "stair_riser_height", "6 in")  # still proposed: the tread still fails
    assert _library_ids(workspace, assessment_id).count("stair_lift") == 1
    workspace.checklist.record(room, "stair_tread_depth", "11 in")  # both fixed: gone
    assert "stair_lift" not in _library_ids(workspace, assessment_id)


def test_decisions_stay_when_the_value_is_remeasured(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30 1/2")
    refs = {v.library_id: v.ref for v in workspace.recommendations.list(assessment_id)}
    workspace.recommendations.set_status(assessment_id, [refs["offset_hinges"]], "accepted")
    workspace.recommendations.set_status(assessment_id, [refs["widen_doorway"]], "dismissed")
    workspace.checklist.record(room, "door_clear_width", "30 1/4")  # re-measured: the specification follows
    assert _library_ids(workspace, assessment_id, ("accepted",)) == ["offset_hinges"]
    assert _library_ids(workspace, assessment_id, ("dismissed",)) == ["widen_doorway"]
    assert "widen_doorway" not in _library_ids(workspace, assessment_id, ("proposed",))


def test_a_decision_returns_with_its_finding_after_a_correction_is_undone(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30")
    ref = next(v.ref for v in workspace.recommendations.list(assessment_id) if v.library_id == "offset_hinges")
    workspace.recommendations.set_status(assessment_id, [ref], "accepted")
    corrected = workspace.checklist.record(room, "door_clear_width", "36")  # now wide enough: nothing to do
    assert workspace.recommendations.list(assessment_id) == []
    corrected.undo()
    assert workspace.recommendations.get(assessment_id, ref).status.value == "accepted"


def test_clearing_a_value_removes_its_proposals(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30")
    assert _library_ids(workspace, assessment_id)
    change = workspace.checklist.record(room, "door_clear_width", "")
    assert change.value.text == ""
    assert _library_ids(workspace, assessment_id) == []
    change.undo()
    assert workspace.checklist.response_text(room, "door_clear_width") == "30"


def test_changing_the_client_rejudges_person_fit_in_the_same_action(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "32")
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].verdict == "meets"
    client = ClientProfile.model_validate({"name": "Test", "devices": [{"kind": "power_wheelchair", "overall_width": "31 in"}]})
    change = workspace.assessments.update_client(assessment_id, client)
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].verdict == "fails"
    assert workspace.assessments.room_views(assessment_id)[0].findings == 1
    change.undo()
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].verdict == "meets"


def test_a_final_assessment_refuses_every_change(workspace):
    assessment_id, room = _room(workspace, "entrance")
    workspace.checklist.record(room, "door_clear_width", "30")
    ref = workspace.recommendations.list(assessment_id)[0].ref
    workspace.assessments.set_status(assessment_id, "final")
    for attempt in (
        lambda: workspace.checklist.record(room, "door_clear_width", "31"),
        lambda: workspace.checklist.set_note(room, "door_clear_width", "note"),
        lambda: workspace.recommendations.set_status(assessment_id, [ref], "accepted"),
        lambda: workspace.assessments.rename_room(room, "Front"),
        lambda: workspace.assessments.add_room(assessment_id, "bathroom"),
    ):
        with pytest.raises(ReadOnlyAssessment):
            attempt()


def test_demo_costs_count_each_modification_once_per_room(demo_workspace):
    rows = demo_workspace.recommendations.list(demo_workspace.demo_id, ("accepted",))
    keys = [(r.room_id, r.library_id) for r in rows]
    assert len(keys) == len(set(keys))
    totals = demo_workspace.recommendations.totals(demo_workspace.demo_id)
    assert totals.count == len(rows) and 0 < totals.low <= totals.high


def test_the_room_list_counts_what_finalise_counts(workspace):
    """A room read "0 / 22 answered" while Finalise named 21 unanswered (a try-out): free-text notes are optional
    in both, and a note beside an unanswered item does not answer it."""
    catalogue = workspace.assessments.catalogue
    assessment_id = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="فاطمة الزهراء"), details=AssessmentDetails(),
        rooms=[RoomSpec(type=t.id) for t in catalogue.room_types],
    )).value
    for room in workspace.assessments.room_views(assessment_id):
        first = next(i for i in catalogue.items_of(room.room_type) if i.kind is not ItemKind.NOTE)
        workspace.checklist.set_note(room.id, first.id, "behind the wardrobe")
    for room in workspace.assessments.room_views(assessment_id):
        states = workspace.checklist.room_items(room.id)
        unanswered = [s for s in states if not s.text and s.item.kind is not ItemKind.NOTE]
        assert room.answered == 0 and room.total == len(unanswered), room.name
