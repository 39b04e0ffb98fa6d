"""The clinician's own details: offered beside the demo while missing, and named before a report goes without them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from homeassess.ui.dialogs.report_dialog import ReportDialog
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.conftest import create_assessment


def test_the_home_screen_offers_the_clinicians_details_until_they_are_given(qtbot, window, workspace, monkeypatch):
    window.commands.add_demo()
    window.show_home()
    note = window.home.setup_note
    assert window.home.setup_row.isVisible()  # beside the demo, not hidden behind it
    assert "name, credentials, licence number and phone or email" in note.text()

    def fill_in(dialog: SettingsDialog) -> int:
        dialog.result_settings = workspace.settings.load().model_copy(update={
            "clinician_name": "Jo Park", "clinician_credentials": "OTR/L", "clinician_licence": "OT-1234",
            "clinician_email": "jo@example.org"})
        return QDialog.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fill_in)
    window.home.setup_button.click()
    assert workspace.settings.load().clinician_name == "Jo Park"
    assert not window.home.setup_row.isVisible()


def test_reports_name_the_clinicians_details_they_will_lack(qtbot, window, workspace, monkeypatch):
    assessment_id = create_assessment(workspace, rooms=("entrance",))
    window.open_assessment(assessment_id)
    shown: list[str] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda dialog: shown.append(
        dialog.missing.text() if dialog.missing.isVisibleTo(dialog) else "") or QDialog.Rejected)
    window.actions["reports"].trigger()
    assert "Missing from the report" in shown[0] and "licence number" in shown[0]

    settings = workspace.settings.load()
    workspace.settings.save(settings.model_copy(update={
        "clinician_name": "Jo Park", "clinician_credentials": "OTR/L", "clinician_licence": "OT-1234",
        "clinician_phone": "555 0100"}))
    window.actions["reports"].trigger()
    assert shown[1] == ""  # nothing missing: nothing said
