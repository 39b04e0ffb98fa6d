"""One action registry: menus, shortcuts and Help → Keyboard shortcuts come from the same declarations."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from homeassess.ui.kit.actions import ActionRegistry, ActionSpec, Context
from homeassess.ui.visit.assessment_screen import AssessmentScreen


def shortcuts_table(window, monkeypatch) -> str:
    """The text of Help → Keyboard shortcuts, as the dialog shows it."""
    shown: list[str] = []

    def capture(dialog: QDialog) -> int:
        shown.extend(label.text() for label in dialog.findChildren(QLabel) if label.objectName() == "shortcutsTable")
        return 0

    monkeypatch.setattr(QDialog, "exec", capture)
    window.actions["shortcuts"].trigger()
    assert len(shown) == 1
    return shown[0]


def live_actions(window) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if a.shortcuts()]


def test_every_shortcut_in_the_window_is_in_the_help_table(qtbot, window, monkeypatch):
    table = shortcuts_table(window, monkeypatch)
    actions = live_actions(window)
    assert len(actions) > 20  # the window's, the checklist's, the photo strip's and the review's
    missing = [(a.text(), s.toString(QKeySequence.NativeText)) for a in actions for s in a.shortcuts()
               if s.toString(QKeySequence.NativeText).replace("&", "&amp;") not in table]
    assert missing == []
    for words in ("Lock now", "Delete photo", "Accept the selected recommendations", "How to measure the focused item",
                  "Save the answer and move to the next item"):
        assert words in table
    assert window.findChildren(QShortcut) == []  # no shortcut made by hand, outside the registry


def test_no_two_actions_share_a_shortcut_where_both_would_work(qtbot, window):
    # The assessment screen (checklist, photo strip, review) is built just after the home screen's first paint.
    qtbot.waitUntil(lambda: window.findChild(AssessmentScreen) is not None)
    window_wide: dict[str, str] = {}
    per_widget: dict[tuple[int, str], str] = {}
    for action in live_actions(window):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.PortableText)
            if action.shortcutContext() == Qt.WindowShortcut:
                assert window_wide.setdefault(key, action.text()) == action.text(), key
            else:
                owner = id(action.parent())
                assert per_widget.setdefault((owner, key), action.text()) == action.text(), key
    assert not {key for _, key in per_widget} & set(window_wide)


def test_the_registry_refuses_a_shortcut_already_taken(qtbot):
    registry, owner = ActionRegistry(), QWidget()
    qtbot.addWidget(owner)
    registry.create(ActionSpec("Dismiss", ("Ctrl+D",), Context.RECOMMENDATIONS), owner)
    registry.create(ActionSpec("Duplicate photo", ("Ctrl+D",), Context.PHOTOS), owner)  # elsewhere: fine
    with pytest.raises(ValueError, match="already used"):
        registry.create(ActionSpec("Delete all", ("Ctrl+D",), Context.RECOMMENDATIONS), owner)
    with pytest.raises(ValueError, match="already used"):
        registry.create(ActionSpec("Duplicate window", ("Ctrl+D",), Context.WINDOW), owner)
