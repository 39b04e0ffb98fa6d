"""The demo visit at first run: a room's answers written at once are judged and stored as if typed one by one."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import MeasurementError
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.demo import install_demo, load_demo_document

ANSWERS = {"door_clear_width": ("2' 6 1/2\"", "measured at the latch side"), "threshold_height": ("1/4", ""),
           "entry_step_count": ("3", ""), "entry_handrails": ("none", ""), "step_free_entry": ("no", "")}


def _entrance(ws) -> int:
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Test"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    return ws.assessments.room_views(assessment_id)[0].id


def test_a_room_written_at_once_is_stored_as_typed_one_by_one(workspace):
    answers = ANSWERS
    typed, batch = _entrance(workspace), _entrance(workspace)
    for item_id, (text, note) in answers.items():
        workspace.checklist.record(typed, item_id, text)
        if note:
            workspace.checklist.set_note(typed, item_id, note)
    results = workspace.checklist.record_room(batch, answers)

    one_by_one, at_once = workspace.checklist.rooms.responses(typed), workspace.checklist.rooms.responses(batch)
    assert [(r.item_id, r.finding.verdict.value if r.finding else "") for r in results] == \
        [(i, one_by_one[i].verdict) for i in answers]
    for item_id in answers:
        a, b = one_by_one[item_id], at_once[item_id]
        assert (a.value_text, a.value, a.verdict, a.note) == (b.value_text, b.value, b.verdict, b.note)
    assert at_once["door_clear_width"].verdict == "fails"


def test_a_room_with_one_unreadable_answer_is_refused_whole(workspace):
    room = _entrance(workspace)
    with pytest.raises(MeasurementError):
        workspace.checklist.record_room(room, {"threshold_height": ("1/4", ""), "door_clear_width": ("wide", "")})
    assert workspace.checklist.rooms.responses(room) == {}


def test_the_demo_visit_holds_every_answer_and_photo_of_its_file(workspace):
    doc = load_demo_document()
    demo_id, added = install_demo(workspace)
    assert added and install_demo(workspace) == (demo_id, False)
    rooms = workspace.assessments.room_views(demo_id)
    stored = {room.name: workspace.checklist.rooms.responses(room.id) for room in rooms}
    for room_doc, room in zip(doc["rooms"], rooms, strict=True):
        assert set(stored[room.name]) == set(room_doc.get("responses", {}))
    photos = workspace.photos_repo.list(demo_id)
    assert len(photos) == len(doc["photos"])
    assert [p.caption for p in photos] == [e.get("caption", "") for e in doc["photos"]]  # in the file's order
    assert all(max(p.width, p.height) <= 2000 and p.thumbnail for p in photos)
    first = Image.open(io.BytesIO(photos[0].thumbnail))
    assert first.format == "JPEG" and not first.getexif()
