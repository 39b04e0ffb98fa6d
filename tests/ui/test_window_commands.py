"""The window's commands on whole assessments, as the clinician meets them: details, settings, finalise, archive."""

from __future__ import annotations

from PySide6.QtCore import Qt

from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.conftest import create_assessment

WHEELCHAIR = [{"kind": "manual_wheelchair", "overall_width": "27 in", "seat_height": "20 in"}]


def type_value(qtbot, window, item_id: str, text: str) -> None:
    editor = window.assessment.checklist.rows[item_id].editor
    editor.setFocus()
    editor.clear()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)


def verdict(window, item_id: str) -> str:
    return window.assessment.checklist.rows[item_id].verdict.text()


def test_client_and_visit_saved_together_are_one_undo_step(qtbot, window, workspace, monkeypatch):
    assessment_id = create_assessment(workspace, "Ada Fenwick", ("entrance",), devices=WHEELCHAIR)
    window.open_assessment(assessment_id)
    type_value(qtbot, window, "door_clear_width", "30")
    assert "tight" in verdict(window, "door_clear_width")

    def narrower_chair_and_new_address(dialog: AssessmentDialog) -> int:
        dialog.client.device_fields["overall_width"].setText("24 in")
        dialog.visit.fields["address"].setText("5 Mill Lane")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(AssessmentDialog, "exec", narrower_chair_and_new_address)
    window.assessment.details_button.click()
    assert "5 Mill Lane" in window.assessment.title.text()
    assert "tight" not in verdict(window, "door_clear_width")  # judged again against the narrower chair
    assert window.actions["undo"].text() == "&Undo edit client and visit"
    window.actions["undo"].trigger()
    assert "3 Mill Lane" in window.assessment.title.text()
    assert "tight" in verdict(window, "door_clear_width")
    assert workspace.assessments.open(assessment_id, audit=False).client.devices[0].overall_width == 27 * 25.4


def test_a_margin_changed_in_settings_rejudges_the_open_visit(qtbot, window, workspace, monkeypatch):
    window.open_assessment(create_assessment(workspace, "Ada Fenwick", ("entrance",), devices=WHEELCHAIR))
    type_value(qtbot, window, "door_clear_width", "30")
    assert "tight (under 4 in spare)" in verdict(window, "door_clear_width")

    def smaller_margin_and_lock(dialog: SettingsDialog) -> int:
        margin = dialog.editors["width_margin_mm"]
        assert margin.text() == "Standard (2 in)"  # shown in the clinician's units, not "50.8"
        margin.setValue(1.0)  # inches
        dialog.editors["idle_lock_minutes"].setValue(3)
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", smaller_margin_and_lock)
    window.actions["settings"].trigger()
    assert workspace.settings.load().width_margin_mm == 25.4  # 1 in, exactly
    assert "tight" not in verdict(window, "door_clear_width")
    assert window.idle.timer.interval() == 3 * 60_000
    assert window.undo_stack.count() == 1  # the typed value; settings are not undone from the Edit menu


def test_finalise_makes_it_read_only_and_return_to_draft_makes_it_editable(qtbot, window, workspace):
    assessment_id = create_assessment(workspace, rooms=("entrance",))
    window.open_assessment(assessment_id)
    type_value(qtbot, window, "door_clear_width", "30")
    assert window.actions["finalise"].isEnabled() and not window.actions["reopen"].isEnabled()
    window.actions["finalise"].trigger()
    assert "FINAL" in window.assessment.title.text()
    assert window.assessment.checklist.rows["door_clear_width"].editor.isReadOnly()
    assert window.undo_stack.count() == 0  # nothing of the draft can be undone into a final assessment
    assert window.actions["reopen"].isEnabled() and not window.actions["finalise"].isEnabled()
    window.actions["reopen"].trigger()
    assert not window.assessment.checklist.rows["door_clear_width"].editor.isReadOnly()
    assert workspace.assessments.open(assessment_id, audit=False).status == "draft"


def test_archiving_from_the_home_screen_moves_it_out_of_the_list(qtbot, window, workspace):
    create_assessment(workspace, "Kept")
    create_assessment(workspace, "Archived later")
    window.show_home()
    assert window.home.model.rowCount() == 2
    row = next(i for i, r in enumerate(window.home.model.rows) if r.client_name == "Archived later")
    window.home.table.selectRow(row)
    window.home.archive_button.click()
    assert [r.client_name for r in window.home.model.rows] == ["Kept"]


def test_the_standard_margins_are_exact_in_both_unit_systems_and_match_the_command_line(workspace):
    from homeassess.domain.person_fit import FitMargins
    from homeassess.domain.units import UnitSystem

    settings = workspace.settings.load()
    assert settings.margins(UnitSystem.IMPERIAL) == FitMargins.defaults(UnitSystem.IMPERIAL) == FitMargins(50.8, 25.4)
    assert settings.margins(UnitSystem.METRIC) == FitMargins.defaults(UnitSystem.METRIC) == FitMargins(50.0, 25.0)
