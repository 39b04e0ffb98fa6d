"""A follow-up run by keyboard alone: started, an item recorded and measured, the outcomes scored, undone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homeassess.domain.vocabulary import InstallStatus
from homeassess.services.demo_follow_up import install_demo_follow_up
from homeassess.ui.follow_up.follow_up_view import FIRST_CARDS
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.shell.main_window import MainWindow
from homeassess.ui.shell.window_services import WindowServices
from homeassess.ui.visit.assessment_screen import FOLLOW_UP_TAB, OUTCOMES_TAB
from tests.ui.conftest import final_with_grab_bars


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_and_enter(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)
    press(qtbot, Qt.Key_Return)


def test_a_follow_up_by_keyboard_alone(qtbot, window, workspace):
    original = final_with_grab_bars(workspace)
    window.show_home()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)  # Start follow-up
    screen = window.assessment
    follow_up = screen.view.id
    assert follow_up != original
    (card,) = screen.follow_up.cards.values()

    assert QApplication.focusWidget() is card.status
    press(qtbot, Qt.Key_Down)  # Installed as specified…
    press(qtbot, Qt.Key_Down)  # …no: with deviations
    press(qtbot, Qt.Key_Return)  # the reason is not asked: on to the date
    assert QApplication.focusWidget() is card.installed_on
    type_and_enter(qtbot, "14 Nov 2026")
    type_and_enter(qtbot, "Harlan Property maintenance")
    type_and_enter(qtbot, "Side bar fitted high")
    type_and_enter(qtbot, "38")  # grab bar height
    type_and_enter(qtbot, "42")  # side-wall bar length

    (item,) = workspace.follow_ups.items(follow_up)
    assert item.status is InstallStatus.DEVIATIONS
    assert (item.installed_on, item.installed_by, item.note) == (date(2026, 11, 14), "Harlan Property maintenance",
                                                                 "Side bar fitted high")
    measured = {c.check.id: (c.value_text, c.verdict.value) for c in item.checks if c.measured}
    assert measured == {"height": ("38", "fails"), "side_length": ("42", "meets")}
    assert "Grab bar installed at 38 in" in card.checks["height"][1].text()

    press(qtbot, Qt.Key_O, Qt.AltModifier)  # the Outcomes tab
    assert screen.tabs.currentIndex() == OUTCOMES_TAB
    press(qtbot, Qt.Key_Tab)  # from the tab bar into the form: the first goal's performance
    outcomes = screen.outcomes
    assert QApplication.focusWidget() is outcomes.goals[0].performance
    type_and_enter(qtbot, "8")
    type_and_enter(qtbot, "7")
    assert workspace.outcomes.outcomes(follow_up).goals[0].performance == 8

    press(qtbot, Qt.Key_Z, Qt.ControlModifier)  # undo the satisfaction, then the performance
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    goal = workspace.outcomes.outcomes(follow_up).goals[0]
    assert (goal.performance, goal.satisfaction) == (None, None)
    assert outcomes.goals[0].performance.text() == ""


def test_a_long_follow_up_shows_at_once_and_enter_walks_on_into_the_cards_built_after(qtbot, demo_workspace, messages):
    _, follow_up, _ = install_demo_follow_up(demo_workspace)
    window = MainWindow(WindowServices.from_workspace(demo_workspace), ErrorPath(None))
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(follow_up)
    window.assessment.tabs.setCurrentIndex(FOLLOW_UP_TAB)
    view = window.assessment.follow_up
    total = len(demo_workspace.follow_ups.items(follow_up))
    assert FIRST_CARDS <= len(view.cards) < total  # on screen before every card is built
    qtbot.waitUntil(lambda: len(view.cards) == total)

    cards = list(view.cards.values())
    last_field = cards[FIRST_CARDS - 1].note if not cards[FIRST_CARDS - 1].checks else \
        list(cards[FIRST_CARDS - 1].checks.values())[-1][0]
    last_field.setFocus()
    press(qtbot, Qt.Key_Return)
    assert QApplication.focusWidget() is cards[FIRST_CARDS].status
    assert window.ops.wait(20_000)
