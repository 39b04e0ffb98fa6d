"""The window's code stays in folders by screen, in modules small enough to read."""

from __future__ import annotations

from pathlib import Path

import homeassess.ui

UI = Path(homeassess.ui.__file__).parent
FOLDERS = {"kit", "shell", "home", "visit", "photos", "recommendations", "dialogs", "follow_up"}


def test_every_ui_module_is_in_a_screen_folder_and_under_300_lines():
    modules = [p for p in UI.rglob("*.py") if p.name != "__init__.py"]
    assert {p.parent.name for p in modules} == FOLDERS
    long = {str(p.relative_to(UI)): n for p in modules if (n := len(p.read_text().splitlines())) > 300}
    assert long == {}
