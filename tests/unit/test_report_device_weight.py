"""The clinical report lists each device's own weight beside its sizes, in the report's units."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import LengthUnit
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.reports import ReportService


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(("unit", "width", "weight"), [(LengthUnit.INCH, "width 26 in", "weight 35 lb"),
                                                       (LengthUnit.MILLIMETRE, "width 660 mm", "weight 15.9 kg")])
def test_the_clinical_report_shows_the_device_weight_in_its_units(workspace, unit, width, weight):
    client = ClientProfile.model_validate({"name": "Weight Test", "devices": [
        {"kind": "manual_wheelchair", "overall_width": "26 in", "weight_kg": "35 lb"}, {"kind": "cane"}]})
    assessment_id = workspace.assessments.create(NewAssessment(
        client=client, details=AssessmentDetails(unit=unit), rooms=[RoomSpec(type="entrance")],
    )).value
    reports = ReportService(workspace)
    text = _text(reports.build(assessment_id, "clinical"))
    assert f"{width}, {weight}" in text
    assert weight not in _text(reports.build(assessment_id, "contractor"))  # the client block is the name only
