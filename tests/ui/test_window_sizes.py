"""Every size: the window fits the screen, never grows past it, and the checklist gets the height."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings

from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.shell import screen_fit
from homeassess.ui.shell.main_window import MainWindow
from homeassess.ui.shell.window_services import WindowServices
from tests.conftest import CHEAP_KDF_ITER, PASSPHRASE
from tests.ui.conftest import create_assessment
from tests.ui.scaled_window_probe import visible_items

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_screen(monkeypatch):
    """A 1024 × 700 screen (its available area, as a small laptop or a projector gives it)."""
    area = QRect(0, 0, 1024, 700)
    monkeypatch.setattr(screen_fit, "available_area", lambda window: area)
    return area


def open_window(qtbot, workspace, store: QSettings | None = None) -> MainWindow:
    window = MainWindow(WindowServices.from_workspace(workspace), ErrorPath(None), store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_at_1024_by_700_the_window_fits_and_the_checklist_gets_the_height(qtbot, workspace, messages, small_screen):
    assessment_id = create_assessment(workspace, rooms=("bathroom",))
    window = open_window(qtbot, workspace)
    assert small_screen.contains(window.frameGeometry())
    window.open_assessment(assessment_id)
    assert window.assessment.photo_strip_collapsed()  # a short window opens with the photo strip folded away
    viewport = window.assessment.checklist.scroll.viewport()
    assert viewport.height() >= window.height() * 0.55
    assert visible_items(window) >= 8
    assert window.minimumSizeHint().width() <= 960 and window.minimumSizeHint().height() <= 540  # 200 % of 1080p
    window.close()


def test_photos_buttons_never_widen_the_window(qtbot, workspace, messages, small_screen):
    assessment_id = create_assessment(workspace, rooms=("entrance", "bathroom", "kitchen"))
    window = open_window(qtbot, workspace)
    window.open_assessment(assessment_id)
    size = window.size()
    for room in window.assessment.rooms.model.rooms:
        window.assessment.rooms.select_room(room.id)
        for row in window.assessment.checklist.rows.values():
            if row.photos is not None:
                row.photos.click()  # each shows its item's (long) prompt above the strip
                assert window.size() == size, row.item.prompt
    assert not window.assessment.photo_strip_collapsed()  # asking for an item's photos shows the strip
    assert small_screen.contains(window.frameGeometry())
    window.close()


def test_a_larger_saved_window_is_cut_down_to_the_screen(qtbot, workspace, messages, small_screen, tmp_path):
    store = QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat)
    big = open_window(qtbot, workspace, store)
    big.setGeometry(0, 0, 1900, 1200)  # left like this on a large monitor
    big.close()
    window = open_window(qtbot, workspace, store)
    assert small_screen.contains(window.frameGeometry())
    window.close()


def test_the_photo_strip_stays_as_it_was_left(qtbot, workspace, messages, tmp_path):
    store = QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat)
    assessment_id = create_assessment(workspace, rooms=("entrance",))
    first = open_window(qtbot, workspace, store)
    first.open_assessment(assessment_id)
    first.assessment.photo_splitter.setSizes([600, 0])  # dragged shut
    assert first.assessment.photo_strip_collapsed()
    first.close()

    second = open_window(qtbot, workspace, store)
    second.open_assessment(assessment_id)
    assert second.assessment.photo_strip_collapsed()
    second.assessment.show_photo_strip()
    opened = second.assessment.photo_splitter.sizes()[1]
    assert opened > 0
    second.close()

    third = open_window(qtbot, workspace, store)
    assert third.assessment.photo_splitter.sizes()[1] == opened
    third.close()


@pytest.mark.slow
def test_at_200_percent_on_a_1080p_screen_the_window_fits_and_shows_the_checklist(tmp_path, demo_store_template):
    """A real 200 % scale (QT_SCALE_FACTOR=2) needs its own process: the screen is then 960 × 540 logical pixels.
    It opens a copy of the session's demo store, keyed as this process keys it."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    store = tmp_path / "store"
    store.mkdir()
    demo_store_template.copy_to(store)
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PROBE_PASSPHRASE": PASSPHRASE,
           "PROBE_KDF_ITER": str(CHEAP_KDF_ITER), "PROBE_DEMO_ID": str(demo_store_template.demo_id)}
    run = subprocess.run([sys.executable, "-m", "tests.ui.scaled_window_probe", str(store)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=240, check=True)
    probe = json.loads(run.stdout.strip().splitlines()[-1])
    assert probe["dpr"] == 2.0 and probe["area"] == [0, 0, 960, 540]
    area = QRect(*probe["area"])
    assert area.contains(QRect(*probe["frame_before"])) and probe["frame"] == probe["frame_before"]
    assert probe["strip_collapsed"] and probe["visible_items"] >= 4
    assert probe["strip_opened_by_photos"]
