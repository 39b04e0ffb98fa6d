"""Rooms from the room panel: add, rename, move, remove, each undoable, each decided from the store as it is now."""

from __future__ import annotations

import pytest

from homeassess.ui.kit import prompts
from tests.ui.conftest import create_assessment


def room_names(window) -> list[str]:
    return [r.name for r in window.assessment.rooms.model.rooms]


def select(window, index: int) -> int:
    room_id = window.assessment.rooms.model.rooms[index].id
    window.assessment.rooms.select_room(room_id)
    return room_id


def test_removing_a_room_just_filled_in_asks_first(qtbot, window, workspace, monkeypatch):
    """The answer count is read when the question is due, not from what the window loaded earlier."""
    assessment_id = create_assessment(workspace, rooms=("entrance", "bathroom"))
    window.open_assessment(assessment_id)
    entrance = select(window, 0)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or False)

    editor = window.assessment.checklist.rows["door_clear_width"].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "30")
    editor.clearFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: workspace.checklist.response_text(entrance, "door_clear_width") == "30")
    window.assessment.rooms.remove_button.click()
    assert asked and "Entrance and exterior and its 1 answers" in asked[0]
    assert room_names(window) == ["Entrance and exterior", "Bathroom"]  # "No": nothing removed

    # Answers recorded elsewhere (the command line, another window) count too.
    bathroom = select(window, 1)
    workspace.checklist.record(bathroom, "toilet_seat_height", "17 in")
    workspace.checklist.record(bathroom, "floor_slip_resistant", "no")
    window.assessment.rooms.remove_button.click()
    assert "Bathroom and its 2 answers" in asked[-1]
    assert room_names(window) == ["Entrance and exterior", "Bathroom"]


def test_an_empty_room_is_removed_without_asking_and_comes_back_with_undo(qtbot, window, workspace, monkeypatch):
    window.open_assessment(create_assessment(workspace, rooms=("entrance", "bathroom")))
    monkeypatch.setattr(prompts, "confirm", lambda *a: pytest.fail("asked about an empty room"))
    select(window, 1)
    window.assessment.rooms.remove_button.click()
    assert room_names(window) == ["Entrance and exterior"]
    assert window.actions["undo"].text() == "&Undo remove Bathroom"
    window.actions["undo"].trigger()
    assert room_names(window) == ["Entrance and exterior", "Bathroom"]
    assert window.assessment.rooms.current_room_id() == window.assessment.rooms.model.rooms[1].id


def test_a_name_of_spaces_is_refused_in_plain_words(qtbot, window, workspace, messages, monkeypatch):
    window.open_assessment(create_assessment(workspace, rooms=("bathroom",)))
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": "   ")
    window.assessment.rooms.rename_button.click()
    assert messages == [("Room not renamed", "A room needs a name.")]
    assert room_names(window) == ["Bathroom"]
    assert window.undo_stack.count() == 0


def test_add_rename_and_move_with_undo(qtbot, window, workspace, monkeypatch):
    window.open_assessment(create_assessment(workspace, rooms=("entrance", "bathroom")))
    add_menu = window.assessment.rooms.add_button.menu()
    next(a for a in add_menu.actions() if a.text() == "Bathroom").trigger()
    assert room_names(window) == ["Entrance and exterior", "Bathroom", "Bathroom 2"]
    assert window.assessment.rooms.current_room_id() == window.assessment.rooms.model.rooms[2].id  # the new one is shown

    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": "  Ensuite  bathroom ")
    window.assessment.rooms.rename_button.click()
    assert room_names(window) == ["Entrance and exterior", "Bathroom", "Ensuite bathroom"]
    window.assessment.rooms.up_button.click()
    assert room_names(window) == ["Entrance and exterior", "Ensuite bathroom", "Bathroom"]
    assert window.actions["undo"].text() == "&Undo move room"

    window.actions["undo"].trigger()
    assert room_names(window) == ["Entrance and exterior", "Bathroom", "Ensuite bathroom"]
    window.actions["undo"].trigger()
    assert room_names(window) == ["Entrance and exterior", "Bathroom", "Bathroom 2"]
    window.actions["undo"].trigger()
    assert room_names(window) == ["Entrance and exterior", "Bathroom"]
    window.actions["redo"].trigger()
    assert room_names(window) == ["Entrance and exterior", "Bathroom", "Bathroom 2"]

