"""The follow-up in the window: started by keyboard, each installed item recorded, judged as installed, undone, read-only when final."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from homeassess.domain.units import LengthUnit
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.services.photo_import import run_to_end
from homeassess.ui.kit import prompts
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.palette import SCHEMES, Scheme, Tone, theme
from homeassess.ui.shell import screen_fit
from homeassess.ui.shell.main_window import MainWindow
from homeassess.ui.shell.window_services import WindowServices
from homeassess.ui.visit.assessment_screen import FOLLOW_UP_TAB, OUTCOMES_TAB
from tests.ui.conftest import GRAB_BARS, create_assessment, final_with_grab_bars, started_follow_up
from tests.ui.test_wheel_guard import turn_wheel


def open_follow_up(window, follow_up_id: int):
    """The follow-up open on its Follow-up tab; its one card (the grab bars)."""
    window.open_assessment(follow_up_id)
    window.assessment.show_tab(FOLLOW_UP_TAB)
    view = window.assessment.follow_up
    (card,) = view.cards.values()
    return view, card


def stored_item(workspace, follow_up_id: int):
    (item,) = workspace.follow_ups.items(follow_up_id)
    return item


def test_start_follow_up_by_its_key_opens_the_new_follow_up_on_its_tab(qtbot, window, workspace):
    original = final_with_grab_bars(workspace)
    window.show_home()
    window.home.refresh()
    assert window.home.current_assessment_id() == original
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)

    screen = window.assessment
    qtbot.waitUntil(lambda: screen.isVisible() and screen.tabs.currentIndex() == FOLLOW_UP_TAB)
    assert screen.view.id != original
    assert "follow-up of the visit of" in screen.title.text()
    (card,) = screen.follow_up.cards.values()
    assert card.title() == f"Bathroom — {GRAB_BARS}"
    assert card.status.currentText() == InstallStatus.NOT_CHECKED.label
    assert card.status.hasFocus()  # keyboard first: the first item's status
    assert any("Ctrl+Shift+O" in row.keys and "follow-up" in row.what for row in window.registry.help_rows())


def test_a_follow_up_of_a_draft_is_refused_with_its_sentence(qtbot, window, workspace, messages):
    draft = create_assessment(workspace)
    window.open_assessment(draft)
    window.actions["follow_up"].trigger()
    assert messages == [("Follow-up not started", "Finalise this assessment before starting its follow-up.")]
    assert window.assessment.view.id == draft
    assert not window.assessment.tabs.isTabVisible(FOLLOW_UP_TAB)


def test_a_status_is_saved_and_shown_again_after_reopening(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    view, card = open_follow_up(window, follow_up)
    card.status.setFocus()
    qtbot.keyClick(card.status, Qt.Key_Down)  # Not yet checked → Installed as specified
    assert stored_item(workspace, follow_up).status is InstallStatus.AS_SPECIFIED
    assert "1 installed as specified" in view.summary.text()

    window.show_home()
    _, card = open_follow_up(window, follow_up)
    assert card.status.currentText() == "Installed as specified"


def test_the_reason_is_asked_only_while_the_status_needs_one(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    _, card = open_follow_up(window, follow_up)
    assert not card.reason.isEnabled() and not card.reason_note.isEnabled()

    card.status.setFocus()
    qtbot.keyClicks(card.status, "Not done")  # typed to the choice, as a keyboard user does
    qtbot.keyClick(card.status, Qt.Key_Return)
    assert stored_item(workspace, follow_up).status is InstallStatus.NOT_DONE
    assert card.reason.isEnabled() and card.reason_note.isEnabled()
    assert card.reason.hasFocus()  # Enter moved on to the reason

    qtbot.keyClicks(card.reason, "Landlord declined")
    qtbot.keyClick(card.reason, Qt.Key_Return)
    assert card.reason_note.hasFocus()
    qtbot.keyClicks(card.reason_note, "Will not allow drilling into tiles")
    qtbot.keyClick(card.reason_note, Qt.Key_Return)
    item = stored_item(workspace, follow_up)
    assert (item.reason, item.reason_note) == (NotDoneReason.LANDLORD_DECLINED, "Will not allow drilling into tiles")

    card.status.setFocus()
    for _ in range(3):  # Not done → Partly done → Installed with deviations → Installed as specified
        qtbot.keyClick(card.status, Qt.Key_Up)
    assert card.status.currentText() == "Installed as specified"
    assert not card.reason.isEnabled()
    assert stored_item(workspace, follow_up).reason is None


def test_a_grab_bar_at_38_in_shows_the_deviation_beside_it_and_enter_moves_on(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    _, card = open_follow_up(window, follow_up)
    height, verdict = card.checks["height"]
    height.setFocus()
    qtbot.keyClicks(height, "38")
    qtbot.keyClick(height, Qt.Key_Return)

    assert "Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface" in verdict.text()
    assert "✗" in verdict.text() and verdict.isVisible()
    assert card.checks["side_length"][0].hasFocus()  # the next measurement, ready for the laser meter
    check = next(c for c in stored_item(workspace, follow_up).checks if c.check.id == "height")
    assert check.value_text == "38" and check.deviates


def test_a_measurement_that_cannot_be_read_is_refused_beside_its_field(qtbot, window, workspace, messages):
    _, follow_up = started_follow_up(workspace)
    _, card = open_follow_up(window, follow_up)
    height, verdict = card.checks["height"]
    height.setFocus()
    qtbot.keyClicks(height, "3 in 4 cm")
    qtbot.keyClick(height, Qt.Key_Return)
    assert "(not saved)" in verdict.text()
    assert height.text() == "3 in 4 cm"  # what was typed stays, to be corrected
    assert not next(c for c in stored_item(workspace, follow_up).checks if c.check.id == "height").measured
    assert messages == []  # told beside the field, not in a dialog


def test_undo_takes_back_each_follow_up_edit(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    _, card = open_follow_up(window, follow_up)
    height, verdict = card.checks["height"]
    height.setFocus()
    qtbot.keyClicks(height, "38")
    qtbot.keyClick(height, Qt.Key_Return)
    card.installed_by.setFocus()
    qtbot.keyClicks(card.installed_by, "A1 Builders")
    qtbot.keyClick(card.installed_by, Qt.Key_Return)
    assert stored_item(workspace, follow_up).installed_by == "A1 Builders"

    window.actions["undo"].trigger()
    assert stored_item(workspace, follow_up).installed_by == ""
    assert card.installed_by.text() == ""
    window.actions["undo"].trigger()
    assert height.text() == "" and "Specified:" in verdict.text()
    assert "38" not in verdict.text()
    assert not next(c for c in stored_item(workspace, follow_up).checks if c.check.id == "height").measured
    window.actions["redo"].trigger()
    assert height.text() == "38" and "38 in" in verdict.text()


def test_a_final_follow_up_reads_but_cannot_be_changed(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    item = stored_item(workspace, follow_up)
    workspace.follow_ups.record_check(follow_up, item.installation_id, "height", "34")
    workspace.assessments.set_status(follow_up, "final")
    view, card = open_follow_up(window, follow_up)
    height, verdict = card.checks["height"]
    assert height.text() == "34" and height.isReadOnly() and "Meets" in verdict.text()
    assert card.status.focusPolicy() == Qt.NoFocus
    assert not card.add_photo.isVisible()
    assert "read-only" in view.summary.text()
    height.setFocus()
    qtbot.keyClicks(height, "9")
    qtbot.keyClick(height, Qt.Key_Return)
    assert stored_item(workspace, follow_up).checks[0].value_text == "34"
    assert window.undo_stack.count() == 0


def test_the_wheel_over_the_follow_up_and_outcome_editors_changes_nothing(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    window.resize(1024, 700)
    _, card = open_follow_up(window, follow_up)
    for editor in (card.status, card.reason, card.installed_on, card.checks["height"][0]):
        turn_wheel(editor)
        turn_wheel(editor, -3)
    window.assessment.show_tab(OUTCOMES_TAB)
    outcomes = window.assessment.outcomes
    QApplication.processEvents()
    for row in outcomes.goals:
        for editor in (row.performance, row.satisfaction, row.difficulty):
            turn_wheel(editor)
    assert card.status.currentText() == InstallStatus.NOT_CHECKED.label
    assert all(row.difficulty.currentText() == "" for row in outcomes.goals)
    item = stored_item(workspace, follow_up)
    assert item.status is InstallStatus.NOT_CHECKED and item.reason is None
    assert all(g.difficulty is None for g in workspace.outcomes.outcomes(follow_up).goals)
    assert window.undo_stack.count() == 0


def test_an_after_photo_is_added_beside_the_first_visits_photo(qtbot, window, workspace, monkeypatch, tmp_path):
    original = final_with_grab_bars(workspace)
    before, after = tmp_path / "before.jpg", tmp_path / "after.jpg"
    Image.new("RGB", (640, 480), (90, 90, 90)).save(before, "JPEG")
    Image.new("RGB", (480, 640), (200, 200, 200)).save(after, "JPEG")
    workspace.assessments.set_status(original, "draft")  # the first visit's photo, taken before the follow-up starts
    bathroom = workspace.assessments.room_views(original)[0].id
    run_to_end(workspace.photo_import.import_files(original, bathroom, "toilet_grab_bars", [before]))
    workspace.assessments.set_status(original, "final")
    follow_up = int(workspace.follow_ups.start(original).value)
    _, card = open_follow_up(window, follow_up)
    assert card.before.pixmap() is not None and not card.before.pixmap().isNull()
    assert card.after.text() == "—"

    monkeypatch.setattr(prompts, "pick_photo_files", lambda parent: [after])
    card.add_photo.setFocus()
    qtbot.keyClick(card.add_photo, Qt.Key_Space)
    qtbot.waitUntil(lambda: len(stored_item(workspace, follow_up).after_photos) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: card.after.pixmap() is not None and not card.after.pixmap().isNull())
    (photo,) = workspace.photo_import.photos(follow_up, workspace.assessments.room_views(follow_up)[0].id)
    assert photo.recommendation_id == stored_item(workspace, follow_up).recommendation_id


def test_verdicts_take_the_colours_of_the_scheme_shown(qtbot, window, workspace):
    _, follow_up = started_follow_up(workspace)
    item = stored_item(workspace, follow_up)
    workspace.follow_ups.record_check(follow_up, item.installation_id, "height", "38")
    _, card = open_follow_up(window, follow_up)
    verdict = card.checks["height"][1]
    assert SCHEMES[Scheme.LIGHT].tones[Tone.FAILS] in verdict.text()
    try:
        theme().apply(Scheme.DARK)
        assert SCHEMES[Scheme.DARK].tones[Tone.FAILS] in verdict.text()
    finally:
        theme().apply(Scheme.LIGHT)


def test_the_follow_up_tabs_fit_a_small_screen_and_open_by_alt_keys(qtbot, workspace, messages, monkeypatch):
    area = QRect(0, 0, 1024, 700)
    monkeypatch.setattr(screen_fit, "available_area", lambda window: area)
    _, follow_up = started_follow_up(workspace)
    window = MainWindow(WindowServices.from_workspace(workspace), ErrorPath(None))
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(follow_up)
    size = window.size()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_U, Qt.AltModifier)
    assert window.assessment.tabs.currentIndex() == FOLLOW_UP_TAB
    qtbot.keyClick(window, Qt.Key_O, Qt.AltModifier)
    assert window.assessment.tabs.currentIndex() == OUTCOMES_TAB
    assert window.size() == size and area.contains(window.frameGeometry())
    assert window.minimumSizeHint().width() <= 960 and window.minimumSizeHint().height() <= 540  # 200 % of 1080p
    window.close()


def test_finalising_a_follow_up_names_the_items_not_checked_and_the_missing_reasons(qtbot, window, workspace, monkeypatch):
    _, follow_up = started_follow_up(workspace)
    _, card = open_follow_up(window, follow_up)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or False)
    window.actions["finalise"].trigger()
    assert f"1 installed item is not yet checked:</b> {GRAB_BARS}" in asked[-1]

    card.status.setFocus()
    qtbot.keyClicks(card.status, "Not done")
    window.actions["finalise"].trigger()
    assert "not yet checked" not in asked[-1]
    assert f"No reason recorded</b> for work not done or partly done: {GRAB_BARS}" in asked[-1]
    assert workspace.assessments.open(follow_up, audit=False).status == "draft"


def test_a_refused_status_is_told_and_the_stored_one_shown_again(qtbot, window, workspace, messages):
    _, follow_up = started_follow_up(workspace)
    _, card = open_follow_up(window, follow_up)
    workspace.assessments.set_status(follow_up, "final")  # finalised elsewhere (the command line) meanwhile
    card.status.setFocus()
    qtbot.keyClick(card.status, Qt.Key_Down)
    assert card.status.currentText() == InstallStatus.NOT_CHECKED.label
    assert card.message.isVisible() and "(not saved)" in card.message.text()
    assert messages and messages[-1][0] == "Not saved"
    assert stored_item(workspace, follow_up).status is InstallStatus.NOT_CHECKED


def test_a_millimetre_visit_shows_its_targets_in_millimetres(qtbot, window, workspace):
    original = final_with_grab_bars(workspace)
    workspace.assessments.set_status(original, "draft")
    details = workspace.assessments.open(original, audit=False).details
    workspace.assessments.update_details(original, details.model_copy(update={"unit": LengthUnit.MILLIMETRE}))
    workspace.assessments.set_status(original, "final")
    follow_up = int(workspace.follow_ups.start(original).value)
    _, card = open_follow_up(window, follow_up)
    height, verdict = card.checks["height"]
    assert "mm to the top of the gripping surface" in verdict.text() and " in " not in verdict.text()
    height.setFocus()
    qtbot.keyClicks(height, "965")
    qtbot.keyClick(height, Qt.Key_Return)
    assert "Grab bar installed at 965 mm" in verdict.text() and "✗" in verdict.text()
