"""Recording a typed value is one transaction on the store's own connection: what a failure leaves, and what
the rest of the program reads back (the answer, its time, the assessment's version)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.refusals import NotFound
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
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
    def _read_only(dbapi_connection, _record) -> None:  # noqa: ANN001 - SQLAlchemy event
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
