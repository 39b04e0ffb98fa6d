"""Idle lock, audit trail, backups and the error path, as the clinician meets them."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt

from homeassess.domain.client_profile import ClientProfile
from homeassess.logs import configure_logging
from homeassess.services.assessments import AssessmentDetails, NewAssessment
from homeassess.store.repositories import AuditRepository
from homeassess.ui.dialogs.backups_dialog import BackupsDialog
from homeassess.ui.kit import prompts
from homeassess.ui.kit.error_path import ErrorPath
from tests.conftest import PASSPHRASE
from tests.ui.conftest import create_assessment


def _open_new(window, workspace, name="Jane Doe") -> int:
    assessment_id = create_assessment(workspace, name, ("entrance",), diagnosis="Type 2 diabetes")
    window.open_assessment(assessment_id)
    return assessment_id


def test_idle_lock_hides_content_keeps_typing_and_needs_the_passphrase(qtbot, window, workspace):
    assessment_id = _open_new(window, workspace)
    editor = window.assessment.checklist.rows["door_clear_width"].editor
    editor.setText("30 1/")  # half typed, not yet committed
    window.idle.idle.emit()  # the countdown ran out
    assert window.locked
    assert window.frame.currentWidget() is window.lock_screen
    assert not window.menuBar().isEnabled()
    window.lock_screen.passphrase.setText("wrong")
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key_Return)
    assert window.locked and "Wrong passphrase" in window.lock_screen.message.text()
    qtbot.keyClicks(window.lock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key_Return)
    assert not window.locked
    assert editor.text() == "30 1/"  # nothing typed was lost
    actions = [e.action for e in AuditRepository(workspace.store.engine).all()]
    assert {"lock", "unlock_failed", "unlock"} <= set(actions)
    assert workspace.assessments.open(assessment_id, audit=False).client.name == "Jane Doe"  # store usable again


def test_any_input_restarts_the_idle_countdown(qtbot, window):
    window.idle.timer.setInterval(60_000)
    window.idle.timer.start()
    window.idle.timer.stop()
    qtbot.keyClick(window.home.search, Qt.Key_A)
    window.idle.timer.start()
    remaining = window.idle.timer.remainingTime()
    assert remaining > 50_000


def test_a_closed_window_never_locks_later(qtbot, window, workspace):
    """Closing stops the countdown: a window that is gone must not lock (and write to a closed store)."""
    assert window.idle.timer.isActive()
    window.close()
    assert not window.idle.timer.isActive()
    qtbot.keyClick(window.home.search, Qt.Key_A)  # input after closing does not start it again
    assert not window.idle.timer.isActive()


def test_audit_trail_records_open_create_and_edit(qtbot, window, workspace):
    assessment_id = _open_new(window, workspace)
    workspace.checklist.record(window.assessment.room_id, "door_clear_width", "30")
    actions = [e.action for e in workspace.audit.for_assessment(assessment_id)]
    assert actions[:2] == ["create", "open"]
    assert all("Jane" not in e.detail for e in workspace.audit.for_assessment(assessment_id))


def test_backups_dialog_takes_and_restores(qtbot, window, workspace, messages):
    _open_new(window, workspace)
    dialog = BackupsDialog(workspace.backups, window.ops, window)
    qtbot.addWidget(dialog)
    dialog.take()
    assert dialog.table.rowCount() == 1
    workspace.assessments.create(NewAssessment(client=ClientProfile(name="Later"), details=AssessmentDetails(), rooms=[]))
    dialog.refresh()
    dialog.table.selectRow(0)
    dialog.restore()
    assert dialog.restored
    assert [r.client_name for r in workspace.assessments.list()] == ["Jane Doe"]
    assert messages[-1][0] == "Restored"


def test_an_unexpected_error_shows_one_friendly_message_and_logs_no_health_information(qtbot, tmp_path, messages, workspace):
    log_file = configure_logging(tmp_path / "logs")
    errors = ErrorPath(log_file)
    assessment_id = create_assessment(workspace, "Jane Doe", ("entrance",))
    try:
        client = workspace.assessments.open(assessment_id).client
        raise ValueError(f"cannot print {client.name}, diagnosis {client.diagnosis}")
    except ValueError:
        errors.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text()
    assert "ValueError" in logged and "message withheld" in logged
    assert "Jane" not in logged
    title, text = messages[-1]
    assert title == "Something went wrong" and "Jane" not in text and str(log_file) in text


def test_export_then_import_from_the_program(qtbot, window, workspace, tmp_path, monkeypatch, messages):
    assessment_id = _open_new(window, workspace, "Hetty Marchbanks")
    workspace.checklist.record(window.assessment.room_id, "door_clear_width", "30")
    target = tmp_path / "visit"
    monkeypatch.setattr(prompts, "pick_save_path", lambda *a: target)
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *a, **k: "file passphrase")
    window.actions["export"].trigger()
    qtbot.waitUntil(lambda: bool(messages) and messages[-1][0] == "Exported", timeout=20_000)
    exported = tmp_path / "visit.hax"
    assert exported.exists() and b"Marchbanks" not in exported.read_bytes()

    monkeypatch.setattr(prompts, "pick_open_path", lambda *a: exported)
    monkeypatch.setattr(prompts, "choose", lambda parent, title, text, options: 0)  # keep both
    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: len(workspace.assessments.list()) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: window.assessment.view.id != assessment_id, timeout=5_000)
    assert window.assessment.view.client.name == "Hetty Marchbanks"
