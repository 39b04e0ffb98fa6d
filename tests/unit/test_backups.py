"""Backups: verified while a writer commits, rotated, scheduled daily, and restored whole."""

from __future__ import annotations

import errno
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.backups import BackupFailed
from homeassess.store.backup import verify_backup
from tests.conftest import PASSPHRASE


def _assessment(ws, name="Odile Brandt") -> int:
    return ws.assessments.create(NewAssessment(
        client=ClientProfile(name=name), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value


def _snapshot(ws) -> dict:
    with ws.store.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))]
        return {t: conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1')).fetchall() for t in tables if t != "audit_event"}


def test_backup_taken_while_a_writer_commits_is_whole_and_verified(workspace):
    assessment_id = _assessment(workspace)
    room = workspace.assessments.room_views(assessment_id)[0].id
    stop = threading.Event()
    written = []

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            workspace.checklist.set_note(room, "door_clear_width", f"note {n}")
            written.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        infos = [workspace.backups.take("manual") for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    assert len(written) > 3
    for info in infos:
        counts = verify_backup(info.path, PASSPHRASE)
        assert counts["assessment"] == 1 and counts["room"] == 1


def test_restore_round_trip_equals_the_backed_up_state_and_keeps_a_safety_copy(workspace):
    _assessment(workspace)
    before = _snapshot(workspace)
    backup = workspace.backups.take("manual")
    _assessment(workspace, "Later Client")
    changed = _snapshot(workspace)
    assert changed != before

    safety = workspace.backups.restore(backup.path).value
    assert _snapshot(workspace) == before
    assert safety.path.exists() and safety.reason == "pre-restore"
    assert verify_backup(safety.path, PASSPHRASE)["assessment"] == 2
    # the restore itself is in the audit trail, and the store still takes writes
    assert any(e.action == "restore" for e in workspace.audit.latest())
    _assessment(workspace, "After Restore")
    assert len(workspace.assessments.list()) == 2


def test_daily_backup_only_when_due(workspace):
    assert workspace.backups.daily_if_due() is not None
    assert workspace.backups.daily_if_due() is None
    tomorrow = datetime.now(UTC) + timedelta(hours=25)
    assert workspace.backups.daily_if_due(tomorrow) is not None


def test_rotation_keeps_the_configured_number(workspace):
    settings = workspace.settings.load().model_copy(update={"backups_to_keep": 2})
    workspace.settings.save(settings)
    for _ in range(4):
        workspace.backups.take("manual")
    assert len(workspace.backups.list()) == 2


def test_a_backup_the_disk_refuses_is_a_refusal_that_says_why(workspace, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workspace.store, "backup", full)
    with pytest.raises(BackupFailed, match=r"^The backup could not be written or verified \(No space left on device\)\.$"):
        workspace.backups.back_up_now()
    assert workspace.backups.list() == []


def test_back_up_now_says_which_backup_it_took(workspace):
    taken = workspace.backups.back_up_now().value
    assert [b.path for b in workspace.backups.list()] == [taken.path] and taken.reason == "manual"
