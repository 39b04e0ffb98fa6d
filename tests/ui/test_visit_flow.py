"""A visit driven through the window as a clinician would: unlock, create, walk, undo, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment
from homeassess.store.engine import SaveFailed
from homeassess.store.store import Store
from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.kit import prompts
from homeassess.ui.shell.unlock_dialog import UnlockDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import create_assessment

WHEELCHAIR = [{"kind": "manual_wheelchair", "overall_width": "27 in", "seat_height": "20 in"}]


def _assessment(workspace, rooms=("entrance", "bathroom")) -> int:
    return create_assessment(workspace, "Ada Fenwick", rooms, devices=WHEELCHAIR)


def _type(qtbot, window, item_id: str, text: str) -> None:
    editor = window.assessment.checklist.rows[item_id].editor
    editor.setFocus()
    editor.clear()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)


# --- unlock ------------------------------------------------------------------------------------


def test_first_run_asks_twice_and_warns_the_passphrase_cannot_be_recovered(qtbot, tmp_path):
    dialog = UnlockDialog(lambda p: Store.open(tmp_path, p, create=True), creating=True)
    qtbot.addWidget(dialog)
    assert "cannot be recovered" in dialog.findChildren(type(dialog.message))[0].text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    dialog.try_unlock()
    assert dialog.message.text() == "The two passphrases differ."
    dialog.repeat.setText(PASSPHRASE)
    dialog.try_unlock()
    assert dialog.result() == UnlockDialog.Accepted
    dialog.result_value.close()


def test_wrong_passphrase_says_so_and_lets_you_retry(qtbot, workspace, data_dir):
    workspace.close()
    failures = []
    dialog = UnlockDialog(lambda p: Store.open(data_dir, p), creating=False, on_failure=lambda: failures.append(1))
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("nope")
    dialog.try_unlock()
    assert "Wrong passphrase or damaged file" in dialog.message.text()
    assert failures == [1]
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_unlock()
    assert dialog.result() == UnlockDialog.Accepted
    dialog.result_value.close()


# --- home screen -------------------------------------------------------------------------------


def test_home_screen_lists_searches_and_filters(qtbot, window, workspace):
    assert window.home.body.currentWidget() is window.home.welcome  # empty store: the welcome explains what to do
    first = _assessment(workspace)
    window.ops.run(lambda: workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Bertram Oyelaran"), details=AssessmentDetails(address="77 Quay St"), rooms=[])))
    assert window.home.model.rowCount() == 2
    qtbot.keyClicks(window.home.search, "quay")
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 1)
    assert window.home.model.rows[0].client_name == "Bertram Oyelaran"
    window.home.search.clear()
    window.ops.run(lambda: workspace.assessments.set_status(first, "final"))
    window.home.filter.setCurrentIndex(2)  # finals
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 1)
    assert window.home.model.rows[0].id == first


def test_new_assessment_dialog_creates_client_visit_and_rooms(qtbot, window, workspace, monkeypatch):
    def fill_and_accept(dialog: AssessmentDialog) -> int:
        dialog.client.name.setText("Cora Lindqvist")
        dialog.client.diagnosis.setText("Multiple sclerosis")
        dialog.client.device_kind.setCurrentIndex(dialog.client.device_kind.findData("power_wheelchair"))
        dialog.client.device_fields["overall_width"].setText("2' 2\"")
        dialog.visit.fields["address"].setText("9 Harbour View")
        dialog.visit.tenure.setCurrentIndex(dialog.visit.tenure.findData("renter"))
        dialog.rooms.list.clear()
        dialog.rooms.add("bathroom")
        dialog.rooms.add("bathroom")
        dialog.rooms.list.item(1).setText("Upstairs bathroom")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(AssessmentDialog, "exec", fill_and_accept)
    window.actions["new"].trigger()
    view = window.assessment.view
    assert view.client.name == "Cora Lindqvist"
    assert view.client.devices[0].overall_width == pytest.approx(26 * 25.4)
    assert view.details.tenure == "renter"
    assert [r.name for r in view.rooms] == ["Bathroom", "Upstairs bathroom"]
    assert view.catalogue_version == workspace.judge.catalogue.version


def test_new_assessment_refuses_an_unreadable_device_width(qtbot, workspace, judge):
    dialog = AssessmentDialog(judge.standards, judge.catalogue, workspace.settings.load())
    qtbot.addWidget(dialog)
    dialog.client.name.setText("X")
    dialog.client.device_kind.setCurrentIndex(dialog.client.device_kind.findData("walker"))
    dialog.client.device_fields["overall_width"].setText("wide")
    dialog.try_accept()
    assert dialog.result() != AssessmentDialog.Accepted
    assert "Overall width" in dialog.message.text()


# --- walking a room ----------------------------------------------------------------------------


def test_measurements_in_several_forms_are_judged_as_typed(qtbot, window, workspace):
    window.open_assessment(_assessment(workspace))
    _type(qtbot, window, "door_clear_width", "30 1/2")
    verdict = window.assessment.checklist.rows["door_clear_width"].verdict.text()
    assert "short by 1 1/2 in" in verdict and "§404.2.3" in verdict
    assert "Person-fit" in verdict and "27 in wide" in verdict
    _type(qtbot, window, "door_clear_width", "2' 8\"")
    assert "Meets ADA 2010" in window.assessment.checklist.rows["door_clear_width"].verdict.text()
    _type(qtbot, window, "threshold_height", "19 mm")
    assert "over by" in window.assessment.checklist.rows["threshold_height"].verdict.text()
    room = window.assessment.rooms.model.rooms[0]
    assert (room.answered, room.findings) == (2, 1)


def test_enter_moves_to_the_next_item_whatever_its_kind(qtbot, window, workspace):
    window.open_assessment(_assessment(workspace))
    rows = window.assessment.checklist.rows
    order = window.assessment.checklist.item_order()
    first = next(i for i in order if rows[i].item.kind.value == "measurement")
    _type(qtbot, window, first, "12")
    assert rows[order[order.index(first) + 1]].editor.hasFocus()


def test_unreadable_and_implausible_values_are_flagged_in_place(qtbot, window, workspace, messages):
    assessment_id = _assessment(workspace)
    window.open_assessment(assessment_id)
    _type(qtbot, window, "door_clear_width", "3 in 4 cm")
    row = window.assessment.checklist.rows["door_clear_width"]
    assert "mixes units" in row.verdict.text() and "not saved" in row.verdict.text()
    assert row.editor.text() == "3 in 4 cm"
    assert messages == []  # beside the field, not in a dialog
    assert window.undo_stack.count() == 0
    _type(qtbot, window, "door_clear_width", "320 in")
    assert "not a plausible door width" in row.verdict.text()
    room = window.assessment.rooms.model.rooms[0]
    assert room.findings == 0  # an implausible value is never a finding
    assert workspace.recommendations.list(assessment_id) == []
    assert workspace.checklist.response_text(room.id, "door_clear_width") == "320 in"  # kept as typed
    window.show_home()
    window.open_assessment(assessment_id)  # opened again later: the red frame still says why
    row = window.assessment.checklist.rows["door_clear_width"]
    assert "not a plausible door width" in row.verdict.text() and "saved as typed" in row.verdict.text()


def test_undo_and_redo_across_rooms_with_readable_labels(qtbot, window, workspace):
    assessment_id = _assessment(workspace)
    window.open_assessment(assessment_id)
    _type(qtbot, window, "door_clear_width", "30")
    bathroom = window.assessment.rooms.model.rooms[1].id
    window.assessment.rooms.select_room(bathroom)
    _type(qtbot, window, "toilet_seat_height", "15 in")
    assert window.actions["undo"].text() == "&Undo set toilet seat height"
    window.actions["undo"].trigger()
    assert workspace.checklist.response_text(bathroom, "toilet_seat_height") == ""
    assert window.assessment.checklist.rows["toilet_seat_height"].editor.text() == ""
    window.actions["undo"].trigger()  # the door, in the other room: the window goes there
    assert window.assessment.room_id == window.assessment.rooms.model.rooms[0].id
    assert window.assessment.checklist.rows["door_clear_width"].editor.text() == ""
    window.actions["redo"].trigger()
    assert window.assessment.checklist.rows["door_clear_width"].editor.text() == "30"
    assert "short by 2 in" in window.assessment.checklist.rows["door_clear_width"].verdict.text()


def test_reopening_finds_everything_there(qtbot, window, workspace):
    assessment_id = _assessment(workspace)
    window.open_assessment(assessment_id)
    _type(qtbot, window, "door_clear_width", "29 3/4")
    window.show_home()
    window.home.refresh()
    window.open_assessment(assessment_id)
    row = window.assessment.checklist.rows["door_clear_width"]
    assert row.editor.text() == "29 3/4"
    assert "short by 2 1/4 in" in row.verdict.text()


def test_a_failed_save_keeps_the_typed_value_and_says_why(qtbot, window, workspace, messages, monkeypatch):
    window.open_assessment(_assessment(workspace))

    def disk_full(*args, **kwargs):
        raise SaveFailed("could not save: the disk is full. Free some space; what you typed is kept and can be saved again")

    monkeypatch.setattr(workspace.checklist.recorder, "record", disk_full)
    _type(qtbot, window, "door_clear_width", "30")
    row = window.assessment.checklist.rows["door_clear_width"]
    assert row.editor.text() == "30"
    assert "disk is full" in row.verdict.text()
    assert messages and "disk is full" in messages[-1][1] and messages[-1][0] != "Something went wrong"
    monkeypatch.undo()
    row.editor.setFocus()
    qtbot.keyClick(row.editor, Qt.Key_Return)  # space is back: the same value saves
    assert "short by 2 in" in row.verdict.text()


def test_final_assessments_are_read_only_and_read_in_normal_text(qtbot, window, workspace):
    assessment_id = _assessment(workspace)
    entrance = workspace.assessments.open(assessment_id, audit=False).rooms[0].id
    workspace.checklist.record(entrance, "door_clear_width", "30")
    workspace.checklist.record(entrance, "step_free_entry", "no")
    workspace.assessments.set_status(assessment_id, "final")
    window.open_assessment(assessment_id)
    rows = window.assessment.checklist.rows
    door, step_free = rows["door_clear_width"].editor, rows["step_free_entry"].editor
    assert (door.text(), step_free.text()) == ("30", "No")  # the chosen answer in words, not a greyed box
    for editor in (door, step_free):
        assert editor.isEnabled() and editor.isReadOnly()
        assert editor.palette().color(QPalette.Active, QPalette.Text) == QApplication.palette().color(QPalette.Active, QPalette.Text)
    assert "short by 2 in" in rows["door_clear_width"].verdict.text()
    door.setFocus()
    qtbot.keyClicks(door, "99")
    qtbot.keyClick(door, Qt.Key_Return)
    assert workspace.checklist.response_text(entrance, "door_clear_width") == "30"
    assert door.text() == "30"
    assert not window.assessment.rooms.add_button.isEnabled()


def test_every_checklist_control_has_an_accessible_name(qtbot, window, workspace):
    window.open_assessment(_assessment(workspace))
    for row in window.assessment.checklist.rows.values():
        assert row.editor.accessibleName() == row.item.prompt
    unnamed = [w for w in window.findChildren(QLineEdit) if w.isVisible() and not w.accessibleName()]
    assert unnamed == []


def test_a_photo_can_be_attached_to_one_item(qtbot, window, workspace, tmp_path, monkeypatch):
    from PIL import Image

    assessment_id = _assessment(workspace)
    window.open_assessment(assessment_id)
    photo = tmp_path / "door.jpg"
    Image.new("RGB", (800, 600), (120, 90, 60)).save(photo, "JPEG")
    monkeypatch.setattr(prompts, "pick_photo_files", lambda parent: [photo])
    window.assessment.checklist.findChild(type(window.assessment.rooms.up_button), "photos_door_clear_width").click()
    assert window.assessment.photos.item_id == "door_clear_width"
    assert "Door clear width" in window.assessment.photos.scope.text()
    window.assessment.photos.add_files_action.trigger()
    room = window.assessment.room_id
    qtbot.waitUntil(lambda: len(workspace.photo_import.photos(assessment_id, room)) == 1, timeout=20_000)
    assert workspace.photo_import.photos(assessment_id, room)[0].item_id == "door_clear_width"
    window.assessment.photos.whole_room_button.click()
    assert window.assessment.photos.item_id is None


def test_each_measurement_field_says_what_it_takes(qtbot, window, workspace):
    window.open_assessment(_assessment(workspace, rooms=("hallway",)))
    rows = window.assessment.checklist.rows
    assert "lux" in rows["light_level_route"].editor.placeholderText()  # a light level, not a length
    assert "815 mm" in rows["hallway_width"].editor.placeholderText()


def test_back_at_home_the_visit_just_left_is_selected(qtbot, window, workspace):
    first, second = _assessment(workspace), _assessment(workspace)
    window.show_home()
    window.home.table.selectRow([r.id for r in window.home.model.rows].index(first))
    window.open_assessment(second)  # opened from elsewhere (New assessment, an import), not from its line
    window.show_home()
    assert window.home.current_assessment_id() == second


def test_an_arabic_name_leaves_the_title_line_reading_left_to_right(qtbot, window, workspace):
    """An Arabic name first made the whole title lay out right to left ("Maple Avenue, Apt 3 … 2217"; a try-out)."""
    assessment_id = create_assessment(workspace, "فاطمة الزهراء بن علي")
    window.open_assessment(assessment_id)
    title = window.assessment.title.text()
    assert title.startswith("\u200e")  # the line's own direction: left to right
    assert "\u2068فاطمة الزهراء بن علي\u2069" in title and "\u20683 Mill Lane\u2069" in title  # each in its own


def test_a_proposal_dismissed_in_the_review_is_not_named_beside_the_field(qtbot, window, workspace):
    """The room walk said "Proposed: Modular ramp …, Vertical platform lift" after both were dismissed (a try-out)."""
    assessment_id = _assessment(workspace)
    window.open_assessment(assessment_id)
    _type(qtbot, window, "door_clear_width", "28")

    def beside() -> str:
        return window.assessment.checklist.rows["door_clear_width"].verdict.text()

    door = [v for v in workspace.recommendations.list(assessment_id) if v.item_id == "door_clear_width"]
    hinges = next(v for v in door if v.library_id == "offset_hinges")
    assert "Proposed:" in beside() and hinges.title in beside()
    window.ops.run(lambda: workspace.recommendations.set_status(assessment_id, [hinges.ref], "dismissed"))
    assert hinges.title not in beside() and "Proposed:" in beside()
    window.ops.run(lambda: workspace.recommendations.set_status(assessment_id, [v.ref for v in door], "dismissed"))
    assert "Every proposal dismissed in the review" in beside()
    tabs = window.assessment.tabs
    tabs.setCurrentIndex(1)  # decided in the review: the walk's labels follow when it is shown again
    window.ops.run(lambda: workspace.recommendations.set_status(assessment_id, [hinges.ref], "accepted"))
    tabs.setCurrentIndex(0)
    assert f"Accepted: {hinges.title}" in beside() and "Proposed:" not in beside()
    window.open_assessment(assessment_id)  # and so it reads when the room is opened again
    assert f"Accepted: {hinges.title}" in beside() and "Proposed:" not in beside()
