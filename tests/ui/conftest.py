"""Fixtures for driving the main window: every dialog answered, every message captured."""

from __future__ import annotations

import pytest
from homeassess.ui.error_path import ErrorPath
from homeassess.ui.main_window import MainWindow

from homeassess.ui import prompts


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
    win = MainWindow(workspace, ErrorPath(None))
    qtbot.addWidget(win)
    win.show()
    return win
