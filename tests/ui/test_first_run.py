"""The first run's set-up shows a progress indicator, never a blank screen, and hands back its result or its error."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from homeassess.app import AfterFirstPaint, start_session
from homeassess.services.demo import install_demo
from homeassess.store.repositories import AuditRepository
from homeassess.ui.shell.startup import run_with_progress


def test_the_demo_is_set_up_behind_a_progress_indicator(qtbot, workspace):
    seen: list[str] = []
    looked = threading.Event()

    def look() -> None:  # runs in the event loop while the set-up works
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())
        looked.set()

    def set_up() -> int:
        looked.wait(30)  # the indicator is on screen before the work ends
        return install_demo(workspace)[0]

    QTimer.singleShot(0, look)
    demo_id = run_with_progress("Setting up your store and the demo visit…", set_up)
    assert seen == ["Setting up your store and the demo visit…"]
    assert workspace.assessments.open(demo_id, audit=False).client.name
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_a_failed_set_up_is_raised_on_the_gui_thread(qtbot):
    def fail() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        run_with_progress("Setting up…", fail)


def test_after_the_home_screen_is_painted_the_unlock_is_audited_and_the_day_is_backed_up(workspace):
    after = AfterFirstPaint(workspace, failed_attempts=1, audit_unlock=True)
    after.run()
    after.wait()
    actions = [record.action for record in AuditRepository(workspace.store.engine).all()]
    assert actions.count("unlock_failed") == 1 and actions.count("unlock") == 1
    assert [backup.reason for backup in workspace.backups.list()] == ["daily"]


def test_a_new_store_starts_with_the_demo_visit_and_its_follow_up(workspace):
    start_session(workspace, 0, created=True)
    listed = workspace.assessments.list()
    follow_ups = [s for s in listed if s.parent_id is not None]
    assert len(follow_ups) == 1
    assert any(s.id == follow_ups[0].parent_id and s.status == "final" for s in listed)
    assert any(s.parent_id is None and s.status == "draft" for s in listed)  # the demo visit to try things on
