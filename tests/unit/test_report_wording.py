"""Findings read as a clinician would say them: over a maximum is 'over by', a client-only failure says so."""

from __future__ import annotations

import io

from pypdf import PdfReader

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.reports import ReportService


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_gap_direction_and_client_fit_label(workspace):
    client = ClientProfile.model_validate({"name": "Wording Test", "devices": [{"kind": "power_wheelchair", "overall_width": "30 in"}]})
    assessment_id = workspace.assessments.create(NewAssessment(
        client=client, details=AssessmentDetails(), rooms=[RoomSpec(type="stairs"), RoomSpec(type="entrance")],
    )).value
    stairs, entrance = (v.id for v in workspace.assessments.room_views(assessment_id))
    workspace.checklist.record(stairs, "stair_riser_height", "7 3/4 in")      # over the 7 in maximum
    workspace.checklist.record(entrance, "door_clear_width", "31 in")        # under the 32 in minimum
    text = _text(ReportService(workspace).build(assessment_id, "clinical"))
    assert "over by 3/4 in" in text
    assert "short by 1 in" in text
    assert "short by 3/4 in" not in text


def test_a_value_meeting_the_standard_but_not_the_client_is_labelled_client_fit(workspace):
    client = ClientProfile.model_validate({"name": "Fit Test", "devices": [{"kind": "power_wheelchair", "overall_width": "31 in"}]})
    assessment_id = workspace.assessments.create(NewAssessment(
        client=client, details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    room = workspace.assessments.room_views(assessment_id)[0].id
    workspace.checklist.record(room, "door_clear_width", "32 in")  # meets ADA, too narrow for a 31 in chair
    text = _text(ReportService(workspace).build(assessment_id, "clinical"))
    assert "Client fit" in text
    assert "device width" in text  # what the client needs, not "sets no figure"
