"""The report window refuses the landlord letter without the clinician's contact, and says where to add it."""

from __future__ import annotations

import pytest

from homeassess.services.reports import ReportService
from homeassess.ui.dialogs.report_dialog import ReportDialog

pytestmark = pytest.mark.slow  # a report built on the worker


def test_the_window_says_to_add_contact_details_in_settings(qtbot, ops, demo_workspace):
    ws, assessment_id = demo_workspace, demo_workspace.demo_id
    ws.settings.save(ws.settings.load().model_copy(update={"clinician_phone": "", "clinician_email": ""}))
    dialog = ReportDialog(ReportService(ws), ops, assessment_id, ws.assessments.room_views(assessment_id), "letter")
    qtbot.addWidget(dialog)
    dialog.audience.setCurrentIndex(dialog.audience.findData("landlord"))
    dialog.build()
    qtbot.waitUntil(lambda: "Settings" in dialog.status.text(), timeout=60_000)
    assert dialog.status.text().startswith("The landlord letter needs your name and a phone number or email")
    assert dialog.pdf == b""
