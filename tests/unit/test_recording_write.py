"""Recording a typed value is one transaction on the store's own connection: what a failure leaves, and what
the rest of the program reads back (the answer, its time, the assessment's version)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from homeassess.domain.client_profile import ClientProfile, MobilityDevice
from homeassess.domain.refusals import NotFound
from homeassess.domain.units import LengthUnit
from homeassess.domain.verdicts import Verdict
from homeassess.services.assessments import AssessmentDetails, NewAssessment, ReadOnlyAssessment, RoomSpec
from homeassess.store.engine import SaveFailed


def _entrance(ws):
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Recording"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    return assessment_id, ws.assessments.room_views(assessment_id)[0].id


def test_a_recording_the_store_refuses_keeps_the_previous_answer_and_says_why(workspace):
    _, room = _entrance(workspace)
    workspace.checklist.record(room, "door_clear_width", "30")
    engine = workspace.store.engine
    refusing = {"on": True}

    @event.listens_for(engine, "connect")
    def _read_only(dbapi_connection, _record) -> None:  # SQLAlchemy event
        if refusing["on"]:
            dbapi_connection.execute("PRAGMA query_only = ON")  # every write fails as on a read-only folder

    workspace.store.release_connections()
    with pytest.raises(SaveFailed, match="read-only; what you typed is kept"):
        workspace.checklist.record(room, "door_clear_width", "36")
    stored = workspace.checklist.rooms.responses(room)["door_clear_width"]
    assert (stored.value_text, stored.verdict) == ("30", "fails")  # the previous answer, whole

    refusing["on"] = False  # the folder is writable again: the same value is recorded
    workspace.store.release_connections()
    workspace.checklist.record(room, "door_clear_width", "36")
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].verdict == "meets"


def test_each_recording_moves_the_assessment_version_and_stores_a_readable_time(workspace):
    assessment_id, room = _entrance(workspace)
    before = workspace.assessments.assessments.version(assessment_id)
    workspace.checklist.record(room, "door_clear_width", "30")
    after_first = workspace.assessments.assessments.version(assessment_id)
    workspace.checklist.record(room, "door_clear_width", "")
    after_clear = workspace.assessments.assessments.version(assessment_id)
    assert before < after_first < after_clear  # the review's caches see every change
    workspace.checklist.record(room, "door_clear_width", "32")
    listed = workspace.assessments.list()
    assert [(s.id, s.findings) for s in listed] == [(assessment_id, 0)]
    assert listed[0].updated_at >= after_clear  # the time reads back as the program writes it elsewhere


def test_recording_in_a_room_that_does_not_exist_is_refused_and_writes_nothing(workspace):
    assessment_id, room = _entrance(workspace)
    before = workspace.assessments.assessments.version(assessment_id)
    with pytest.raises(NotFound):
        workspace.checklist.record(room + 1000, "door_clear_width", "30")
    assert workspace.assessments.assessments.version(assessment_id) == before


# The recorder remembers what it read until another connection writes (store/repositories/recording.py): each
# change below is made through the rest of the program, and the next recording must see it.


def test_a_value_typed_after_the_client_profile_changes_is_judged_for_the_new_profile(workspace):
    assessment_id, room = _entrance(workspace)
    assert workspace.checklist.record(room, "door_clear_width", "34").value.finding.verdict is Verdict.MEETS
    chair = MobilityDevice(kind="power_wheelchair", primary=True, overall_width=830)  # 32 11/16 in wide
    workspace.assessments.update_client(assessment_id, ClientProfile(name="Recording", devices=[chair]))
    finding = workspace.checklist.record(room, "door_clear_width", "34").value.finding
    assert finding.verdict is Verdict.FAILS  # 1 5/16 in beside the chair, under the 2 in margin
    assert [c.rule_id for c in finding.person_fit if c.verdict is Verdict.FAILS] == ["device_clear_width"]


def test_a_value_typed_after_the_visit_is_finalised_is_refused_and_not_stored(workspace):
    assessment_id, room = _entrance(workspace)
    workspace.checklist.record(room, "door_clear_width", "30")
    workspace.assessments.set_status(assessment_id, "final")
    with pytest.raises(ReadOnlyAssessment):
        workspace.checklist.record(room, "door_clear_width", "36")
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].value_text == "30"


def test_undo_restores_the_answer_as_another_edit_rewrote_it(workspace):
    assessment_id, room = _entrance(workspace)
    workspace.checklist.record(room, "door_clear_width", "30")
    details = workspace.assessments.open(assessment_id).details
    workspace.assessments.update_details(assessment_id, details.model_copy(update={"unit": LengthUnit.MILLIMETRE}))
    assert workspace.checklist.response_text(room, "door_clear_width") == "30 in"  # keeps its meaning in mm
    workspace.checklist.record(room, "door_clear_width", "900").undo()
    stored = workspace.checklist.rooms.responses(room)["door_clear_width"]
    assert (stored.value_text, stored.verdict) == ("30 in", "fails")  # not "30", which would now read as 30 mm


def test_undo_after_several_values_walks_back_through_each_one(workspace):
    _, room = _entrance(workspace)
    changes = [workspace.checklist.record(room, "door_clear_width", text) for text in ("30", "", "33", "36")]
    seen = []
    for change in reversed(changes):
        change.undo()
        seen.append(workspace.checklist.response_text(room, "door_clear_width"))
    assert seen == ["33", "", "30", ""]


def test_recording_goes_on_after_the_store_is_locked_and_unlocked(workspace):
    _, room = _entrance(workspace)
    workspace.checklist.record(room, "door_clear_width", "30")
    workspace.store.release_connections()  # as locking the window does: every decrypted connection is closed
    change = workspace.checklist.record(room, "door_clear_width", "36")
    change.undo()
    assert workspace.checklist.response_text(room, "door_clear_width") == "30"
