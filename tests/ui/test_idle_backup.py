"""The backup taken while the clinician is idle: it holds the last change, verified, and quitting then has
nothing to write."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from homeassess.services.workspace import Workspace
from homeassess.store.backup import verify_backup
from homeassess.store.engine import STORE_FILE_NAME
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE
from tests.ui.conftest import create_assessment


@pytest.fixture
def watched(qapp, window):
    """The window with its idle watcher on the application, as the program runs it; a short idle time."""
    qapp.installEventFilter(window.idle)
    window.idle_backup.timer.setInterval(50)
    yield window
    qapp.removeEventFilter(window.idle)


def test_after_a_change_and_a_pause_a_verified_backup_holds_it_and_quitting_writes_nothing(
    qtbot, watched, workspace, judge, tmp_path,
):
    window = watched
    assessment_id = create_assessment(workspace, "Idle Backup", ("entrance",))
    window.open_assessment(assessment_id)
    editor = window.assessment.checklist.rows["door_clear_width"].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "29 1/2")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: workspace.backups.current() is not None, timeout=30_000)
    idle = workspace.backups.current()
    assert idle.reason == "idle"
    verify_backup(idle.path, PASSPHRASE)

    window.close()
    done = workspace.backups.on_exit()
    assert done.detached is None and done.current == idle  # nothing to write at quit
    folder = tmp_path / "opened"
    folder.mkdir()
    shutil.copyfile(idle.path, folder / STORE_FILE_NAME)
    opened = Workspace.build(Store.open(folder, PASSPHRASE), judge)
    try:
        room = opened.assessments.room_views(assessment_id)[0].id
        assert opened.checklist.response_text(room, "door_clear_width") == "29 1/2"
    finally:
        opened.close()


def test_no_backup_is_taken_while_the_window_is_locked(qtbot, watched, workspace):
    window = watched
    window.open_assessment(create_assessment(workspace, "Locked", ("entrance",)))
    window.lock()
    qtbot.keyClicks(window.lock_screen.passphrase, "x")  # input on the lock screen: no countdown starts
    assert not window.idle_backup.timer.isActive() and not window.idle_backup.running
    assert workspace.backups.list() == []
