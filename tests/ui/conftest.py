"""Fixtures for driving the window and its screens: every dialog answered, every message captured."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.ui.kit import prompts
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.operations import Operations
from homeassess.ui.shell.main_window import MainWindow
from homeassess.ui.shell.window_services import WindowServices


@pytest.fixture(autouse=True)
def closed_widgets_are_destroyed(qapp):
    """Widgets qtbot closed are deleted before the next test (their deleteLater is otherwise only
    honoured by a running event loop), so no window of an earlier test keeps a timer running."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def messages(monkeypatch):
    """Messages the program showed, as (title, text); confirmations answer yes."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(prompts, "show_info", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: True)
    return shown


@pytest.fixture
def window(qtbot, workspace, messages):
    win = MainWindow(WindowServices.from_workspace(workspace), ErrorPath(None))
    qtbot.addWidget(win)
    win.show()
    yield win
    assert win.ops.wait(20_000)  # no worker outlives the store


@pytest.fixture
def ops(qtbot, messages):
    """The operation helper a screen tested on its own is given (its undo stack and bus included)."""
    operations = Operations(ErrorPath(None))
    yield operations
    assert operations.wait(20_000)


@pytest.fixture
def registry():
    return ActionRegistry()


def create_assessment(workspace, name: str = "Test client", rooms=("entrance", "bathroom"), **client) -> int:
    new = NewAssessment(
        client=ClientProfile.model_validate({"name": name, **client}), details=AssessmentDetails(address="3 Mill Lane"),
        rooms=[RoomSpec(type=r) if isinstance(r, str) else r for r in rooms],
    )
    return int(workspace.assessments.create(new).value)


GRAB_BARS = "Grab bars at the toilet"


def final_with_grab_bars(workspace, name: str = "Test client", goals=("Use the toilet on my own", "Shower standing")) -> int:
    """A final assessment whose accepted plan is grab bars at the toilet (checked as installed at a follow-up)."""
    assessment_id = create_assessment(workspace, name, rooms=("bathroom",), goals=list(goals))
    bathroom = workspace.assessments.open(assessment_id, audit=False).rooms[0].id
    workspace.checklist.record(bathroom, "toilet_grab_bars", "none")
    ref = next(r.ref for r in workspace.recommendations.list(assessment_id) if r.title == GRAB_BARS)
    workspace.recommendations.set_status(assessment_id, [ref], "accepted")
    workspace.assessments.set_status(assessment_id, "final")
    return assessment_id


def started_follow_up(workspace) -> tuple[int, int]:
    """(original id, follow-up id): a draft follow-up of ``final_with_grab_bars``."""
    original = final_with_grab_bars(workspace)
    return original, int(workspace.follow_ups.start(original).value)
