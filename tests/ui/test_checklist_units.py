"""A visit as it opens: lengths asked for in its own units (a metric visit suggests millimetres first), its title."""

from __future__ import annotations

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import LengthUnit
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec


@pytest.mark.parametrize(("unit", "shown"), [(LengthUnit.MILLIMETRE, "e.g. 815 mm, 81.5 cm or 32 in"),
                                             (LengthUnit.INCH, "e.g. 31 3/4, 2' 8\" or 815 mm")])
def test_a_length_field_suggests_the_visits_units_first(qtbot, window, workspace, unit, shown):
    aid = workspace.assessments.create(NewAssessment(client=ClientProfile(name="Aroha Ngata"),
                                                     details=AssessmentDetails(unit=unit),
                                                     rooms=[RoomSpec(type="bathroom")])).value
    window.open_assessment(aid)
    rows = window.assessment.checklist.rows
    assert rows["door_clear_width"].editor.placeholderText() == shown
    assert rows["hot_water_temperature"].editor.placeholderText() == "e.g. 120 °F or 49 °C"


def test_a_visit_without_an_address_shows_no_empty_slot_in_its_title(qtbot, window, workspace):
    aid = workspace.assessments.create(NewAssessment(client=ClientProfile(name="สมชาย ใจดี"),
                                                     details=AssessmentDetails(), rooms=[RoomSpec(type="bathroom")])).value
    window.open_assessment(aid)
    assert "· ·" not in window.assessment.title.text() and "สมชาย ใจดี" in window.assessment.title.text()
