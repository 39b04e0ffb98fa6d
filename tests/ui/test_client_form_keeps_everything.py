"""Saving the client form without changes stores the same profile; weights are typed and read back."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import LengthUnit
from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.dialogs.client_form import ClientForm
from tests.ui.conftest import create_assessment

EVERY_FIELD = {
    "date_of_birth": "1948-03-02", "phone": "555 0100", "email": "m@example.org", "address": "3 Mill Lane",
    "diagnosis": "Left-hemisphere stroke", "conditions": ["hypertension", "type 2 diabetes; diet-controlled"],
    "functional_limitations": ["endurance", "reach", "chronic pain"],
    "devices": [
        {"kind": "cane", "description": "Quad cane", "weight_kg": "3 lb"},
        {"kind": "manual_wheelchair", "description": "Folding chair", "primary": True, "overall_width": "686 mm",
         "overall_length": "42 3/16 in", "seat_height": "19.55 in", "turning_diameter": "60 in", "weight_kg": "35 lb"},
        {"kind": "scooter", "description": "Travel scooter", "overall_width": "22 in", "weight_kg": 41.3},
    ],
    "other_aids": ["long-handled reacher", "bath board, transfer", "walker tray"],
    "usable_side": "left",
    "body": {"popliteal_height": "17 1/16 in", "seated_reach_high": "44 in", "seated_reach_low": "18 in",
             "standing_reach_high": "60 in", "height": "157.3 cm", "weight_kg": "151.7 lb"},
    "transfer_method": "stand-pivot with one assist", "caregiver": "daughter, lives nearby",
    "goals": ["shower safely", "get in and out"], "priority_activities": ["bathing", "community access"],
}


@pytest.mark.parametrize("unit", ["in", "mm"])
def test_saving_a_client_without_changes_stores_the_identical_profile(qtbot, window, workspace, monkeypatch, unit):
    assessment_id = create_assessment(workspace, "Margaret Ellison", ("entrance",), **EVERY_FIELD)
    opened = workspace.assessments.open(assessment_id, audit=False)
    workspace.assessments.update_details(assessment_id, opened.details.model_copy(update={"unit": LengthUnit(unit)}))
    stored = opened.client
    window.open_assessment(assessment_id)

    def save_unchanged(dialog: AssessmentDialog) -> int:
        assert dialog.client.unit is LengthUnit(unit)
        assert dialog.client.body_weight.text() == ("151.7 lb" if unit == "in" else "68.8 kg")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(AssessmentDialog, "exec", save_unchanged)
    window.assessment.details_button.click()
    again = workspace.assessments.open(assessment_id, audit=False).client
    assert again.model_dump() == stored.model_dump()
    assert again.body.weight_kg == stored.body.weight_kg and [d.weight_kg for d in again.devices] == [
        d.weight_kg for d in stored.devices]


@pytest.mark.parametrize(("unit", "typed", "kg", "shown"), [
    (LengthUnit.INCH, "150 lb", 68.04, "150 lb"),
    (LengthUnit.INCH, "68 kg", 68.0, "149.9 lb"),
    (LengthUnit.INCH, "150", 68.04, "150 lb"),
    (LengthUnit.MILLIMETRE, "68", 68.0, "68 kg"),
    (LengthUnit.MILLIMETRE, "150 lb", 68.04, "68 kg"),
])
def test_a_weight_typed_in_lb_or_kg_reads_back(qtbot, unit, typed, kg, shown):
    form = ClientForm(unit)
    qtbot.addWidget(form)
    form.set_profile(ClientProfile())
    form.device_kind.setCurrentIndex(form.device_kind.findData("power_wheelchair"))
    form.device_weight.setText(typed)
    form.body_weight.setText(typed)
    profile = form.profile()
    assert profile.body.weight_kg == pytest.approx(kg, abs=0.01)
    assert profile.devices[0].weight_kg == pytest.approx(kg, abs=0.01)
    form.set_profile(profile)
    assert form.body_weight.text() == shown
    assert form.device_weight.text() == shown


def test_a_client_weight_typed_in_the_wrong_unit_is_refused_with_the_reading_that_fits(qtbot):
    form = ClientForm(LengthUnit.MILLIMETRE)
    qtbot.addWidget(form)
    form.body_weight.setText("400")  # kg, in a metric form; meant 400 lb
    with pytest.raises(ValidationError) as caught:
        form.profile()
    assert "did you mean 400 lb?" in caught.value.errors()[0]["msg"]


def test_a_device_set_to_none_is_removed_and_the_others_keep_their_weights(qtbot):
    form = ClientForm()
    qtbot.addWidget(form)
    form.set_profile(ClientProfile.model_validate(EVERY_FIELD))
    cane = form.device_editors[0]
    cane.kind.setCurrentIndex(cane.kind.findData(""))
    form.device_editors[2].weight.setText("40 kg")
    profile = form.profile()
    assert [d.kind.value for d in profile.devices] == ["manual_wheelchair", "scooter"]
    assert profile.devices[0].weight_kg == pytest.approx(35 / 2.20462, abs=0.01)
    assert profile.devices[1].weight_kg == 40


def test_tab_goes_through_each_further_device_before_the_body_measures(qtbot):
    form = ClientForm()
    qtbot.addWidget(form)
    form.set_profile(ClientProfile.model_validate(EVERY_FIELD))
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    cane, scooter = form.device_editors[0], form.device_editors[2]

    def tab_from(widget) -> object:
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        qtbot.keyClick(widget, Qt.Key_Tab)
        return QApplication.focusWidget()

    assert tab_from(form.other_devices) is cane.kind
    assert tab_from(cane.weight) is scooter.kind
    assert tab_from(scooter.weight) is form.body_fields["popliteal_height"]


def test_a_weight_slip_is_shown_in_the_dialog_and_nothing_is_saved(qtbot, workspace, judge):
    dialog = AssessmentDialog(judge.standards, judge.catalogue, workspace.settings.load())
    qtbot.addWidget(dialog)
    dialog.client.unit = LengthUnit.MILLIMETRE
    dialog.client.name.setText("X")
    dialog.client.body_weight.setText("400")
    dialog.try_accept()
    assert dialog.result() != AssessmentDialog.Accepted
    assert "did you mean 400 lb?" in dialog.message.text()
