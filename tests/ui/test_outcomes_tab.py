"""Outcomes in the window: the client's goals scored at the first visit and again at the follow-up, compared in words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from homeassess.ui.visit.assessment_screen import OUTCOMES_TAB
from tests.ui.conftest import create_assessment, final_with_grab_bars


def open_outcomes(window, assessment_id: int):
    window.open_assessment(assessment_id)
    window.assessment.show_tab(OUTCOMES_TAB)
    return window.assessment.outcomes


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def test_each_goal_of_the_profile_is_scored_by_keyboard_and_kept(qtbot, window, workspace):
    goals = ["Use the toilet on my own", "Cook for my son's family & me"]
    assessment_id = create_assessment(workspace, goals=goals)
    view = open_outcomes(window, assessment_id)
    assert [row.label.text() for row in view.goals] == goals
    assert view.goals[1].label.textFormat() == Qt.PlainText  # the client's words as typed, no markup, no Alt key
    first = view.goals[0]
    assert first.performance.hasFocus()  # the tab opens on its first empty field
    qtbot.keyClicks(first.performance, "3")
    qtbot.keyClick(first.performance, Qt.Key_Return)
    assert first.satisfaction.hasFocus()
    qtbot.keyClicks(first.satisfaction, "2")
    qtbot.keyClick(first.satisfaction, Qt.Key_Return)
    qtbot.keyClicks(first.difficulty, "Great")
    qtbot.keyClick(first.difficulty, Qt.Key_Return)
    assert view.goals[1].performance.hasFocus()
    type_into(qtbot, view.falls, "3")
    type_into(qtbot, view.concern, "8")

    stored = workspace.outcomes.outcomes(assessment_id)
    goal = stored.goals[0]
    assert (goal.performance, goal.satisfaction, goal.difficulty.label) == (3, 2, "Great difficulty")
    assert (stored.falls_3m, stored.fall_concern) == (3, 8)
    window.show_home()
    view = open_outcomes(window, assessment_id)
    assert (view.goals[0].performance.text(), view.goals[0].difficulty.currentText()) == ("3", "Great difficulty")
    assert view.falls.text() == "3"
    assert not view.comparison_box.isVisible()  # a first visit: the baseline, nothing to compare with


def test_a_score_out_of_range_shows_the_refusal_sentence_and_saves_nothing(qtbot, window, workspace):
    assessment_id = create_assessment(workspace, goals=["Use the toilet on my own"])
    view = open_outcomes(window, assessment_id)
    type_into(qtbot, view.goals[0].performance, "11")
    assert view.message.isVisible()
    assert "Performance is scored 1 to 10; 11 is out of range." in view.message.text()
    assert "(not saved)" in view.message.text()
    assert workspace.outcomes.outcomes(assessment_id).goals[0].performance is None
    type_into(qtbot, view.concern, "12")
    assert "12 is out of range" in view.message.text()
    type_into(qtbot, view.goals[0].performance, "7")
    assert not view.message.isVisible()
    assert workspace.outcomes.outcomes(assessment_id).goals[0].performance == 7


def test_the_follow_up_compares_each_measure_with_the_first_visit_in_words(qtbot, window, workspace):
    original = final_with_grab_bars(workspace)
    workspace.assessments.set_status(original, "draft")  # the baseline is recorded at the first visit
    workspace.outcomes.set_goal(original, 0, 3, 2, "much")
    workspace.outcomes.set_measures(original, recorded_on=None, falls_3m=3, fall_concern=8)
    workspace.assessments.set_status(original, "final")
    follow_up = int(workspace.follow_ups.start(original).value)

    view = open_outcomes(window, follow_up)
    assert view.comparison_box.isVisible()
    type_into(qtbot, view.goals[0].performance, "8")
    type_into(qtbot, view.falls, "0")
    table = view.comparison
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)] for r in range(table.rowCount())}
    falls = next(v for k, v in rows.items() if k.startswith("Falls"))
    assert falls[:2] == ["3", "0"] and falls[2].endswith("Better")
    performance = next(v for k, v in rows.items() if "Use the toilet on my own" in k and "erformance" in k)
    assert performance[2].endswith("Better")


def test_undo_takes_back_a_score(qtbot, window, workspace):
    assessment_id = create_assessment(workspace, goals=["Use the toilet on my own"])
    view = open_outcomes(window, assessment_id)
    type_into(qtbot, view.goals[0].performance, "4")
    assert workspace.outcomes.outcomes(assessment_id).goals[0].performance == 4
    window.actions["undo"].trigger()
    assert workspace.outcomes.outcomes(assessment_id).goals[0].performance is None
    assert view.goals[0].performance.text() == ""


def test_a_final_assessment_shows_its_outcomes_read_only(qtbot, window, workspace):
    assessment_id = create_assessment(workspace, goals=["Use the toilet on my own"])
    workspace.outcomes.set_goal(assessment_id, 0, 5, 6, None)
    workspace.assessments.set_status(assessment_id, "final")
    view = open_outcomes(window, assessment_id)
    assert view.goals[0].performance.text() == "5" and view.goals[0].performance.isReadOnly()
    assert view.goals[0].difficulty.focusPolicy() == Qt.NoFocus
    assert "read-only" in view.heading.text()
