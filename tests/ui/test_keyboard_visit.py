"""A room walked by keyboard alone: no mouse, no field out of sight, every command a key away."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from homeassess.ui.dialogs.report_dialog import ReportDialog
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from homeassess.ui.kit import prompts
from homeassess.ui.kit.actions import ActionSpec
from tests.ui.conftest import create_assessment


def focused_item(window) -> str | None:
    focus = QApplication.focusWidget()
    return next((i for i, r in window.assessment.checklist.rows.items() if r.editor is focus), None)


def in_view(window, item_id: str) -> bool:
    """The item's field and its verdict lie wholly inside the visible part of the checklist."""
    checklist = window.assessment.checklist
    field = checklist.rows[item_id].field
    viewport = checklist.scroll.viewport()
    top_left = field.mapTo(viewport, field.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, field.size()))


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_a_room_walked_by_keyboard_alone(qtbot, window, workspace, tmp_path, monkeypatch):
    assessment_id = create_assessment(workspace, rooms=("entrance", "bathroom"))
    entrance, bathroom = (r.id for r in workspace.assessments.open(assessment_id, audit=False).rooms)
    workspace.checklist.record(entrance, "step_free_entry", "no")  # answered at an earlier visit
    window.resize(1024, 700)
    window.open_assessment(assessment_id)
    stored = lambda item_id: workspace.checklist.response_text(entrance, item_id)  # noqa: E731

    assert focused_item(window) == "path_surface_firm"  # the first unanswered item, no Tab needed
    press(qtbot, Qt.Key_N)  # a yes/no item answered by its letter
    assert stored("path_surface_firm") == "no"
    assert window.assessment.checklist.rows["path_surface_firm"].editor.currentText() == "No"
    press(qtbot, Qt.Key_A)
    assert stored("path_surface_firm") == "na"
    press(qtbot, Qt.Key_Y)
    assert stored("path_surface_firm") == "yes"
    press(qtbot, Qt.Key_Return)  # Enter leaves a yes/no item for the next one
    assert focused_item(window) == "path_width"

    qtbot.keyClicks(QApplication.focusWidget(), "3' 2\"")
    press(qtbot, Qt.Key_Return)
    assert stored("path_width") == "3' 2\""
    assert "Meets" in window.assessment.checklist.rows["path_width"].verdict.text()

    order = window.assessment.checklist.item_order()
    while focused_item(window) != "entry_step_count":  # Enter walks every kind of item, each one in view
        assert in_view(window, focused_item(window)), focused_item(window)
        press(qtbot, Qt.Key_Return)
    assert in_view(window, "entry_step_count")
    qtbot.keyClicks(QApplication.focusWidget(), "3")
    press(qtbot, Qt.Key_Return)
    assert stored("entry_step_count") == "3"
    assert focused_item(window) == order[order.index("entry_step_count") + 1]
    qtbot.keyClicks(QApplication.focusWidget(), "9 in")  # the step height: a finding, its verdict in view
    press(qtbot, Qt.Key_Return)
    assert "over by" in window.assessment.checklist.rows["entry_step_height"].verdict.text()

    # Tab reaches the item's Photos button; Shift+Tab comes back.
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget().accessibleName().startswith("Photos of Entry step tread depth")
    press(qtbot, Qt.Key_Backtab)
    assert focused_item(window) == "entry_step_tread_depth"

    # One shortcut adds a photo to the focused item.
    photo = tmp_path / "step.jpg"
    Image.new("RGB", (640, 480), (90, 90, 90)).save(photo, "JPEG")
    monkeypatch.setattr(prompts, "pick_photo_files", lambda parent: [photo])
    press(qtbot, Qt.Key_P, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: len(workspace.photo_import.photos(assessment_id, entrance)) == 1, timeout=20_000)
    assert workspace.photo_import.photos(assessment_id, entrance)[0].item_id == "entry_step_tread_depth"

    # Next and previous room, each at its first unanswered item.
    window.assessment.checklist.rows["entry_step_tread_depth"].editor.setFocus()
    press(qtbot, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.assessment.room_id == bathroom
    assert focused_item(window) == window.assessment.checklist.item_order()[0]
    press(qtbot, Qt.Key_PageUp, Qt.ControlModifier)
    assert window.assessment.room_id == entrance
    assert focused_item(window) == "path_running_slope"  # the first one still unanswered there


def test_reports_settings_and_finalise_are_a_key_away(qtbot, window, workspace, monkeypatch):
    window.open_assessment(create_assessment(workspace, rooms=("entrance",)))
    opened: list[str] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or QDialog.Rejected)
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or QDialog.Rejected)
    press(qtbot, Qt.Key_R, Qt.ControlModifier)
    press(qtbot, Qt.Key_Comma, Qt.ControlModifier)  # Ctrl+, works where the platform has no Preferences key
    assert opened == ["Reports", "Settings"]
    press(qtbot, Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier)
    assert "FINAL" in window.assessment.title.text()


def test_a_key_listed_twice_for_an_action_is_bound_once():
    """Where the platform's Preferences key is Ctrl+, (macOS, GNOME), listing both must not make it ambiguous."""
    spec = ActionSpec("&Settings…", (QKeySequence.Preferences, "Ctrl+,", "Ctrl+,"))
    keys = [s.toString(QKeySequence.PortableText) for s in spec.sequences()]
    assert keys.count("Ctrl+,") == 1 and len(keys) == len(set(keys))


def test_no_two_controls_on_a_screen_share_an_alt_key(qtbot, window, workspace):
    from tests.ui.screens import alt_key_clashes, walk_screens

    for screen, root in walk_screens(qtbot, window, workspace):
        assert alt_key_clashes(root) == {}, screen
