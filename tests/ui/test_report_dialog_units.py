"""The Reports dialog says what a metric visit's reports are in: every length in millimetres, not an option."""

from __future__ import annotations

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import LengthUnit
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.reports import ReportService
from homeassess.ui.dialogs.report_dialog import ReportDialog


@pytest.mark.parametrize(("unit", "ticked", "choosable"), [(LengthUnit.MILLIMETRE, True, False),
                                                           (LengthUnit.INCH, False, True)])
def test_a_metric_visit_prints_millimetres_and_the_dialog_says_so(qtbot, ops, workspace, unit, ticked, choosable):
    aid = workspace.assessments.create(NewAssessment(client=ClientProfile(name="สมชาย ใจดี"),
                                                     details=AssessmentDetails(unit=unit),
                                                     rooms=[RoomSpec(type="bathroom")])).value
    dialog = ReportDialog(ReportService(workspace), ops, aid, workspace.assessments.room_views(aid), "a4")
    qtbot.addWidget(dialog)
    assert (dialog.millimetres.isChecked(), dialog.millimetres.isEnabled()) == (ticked, choosable)
