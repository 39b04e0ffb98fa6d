"""Quitting: the exit backup holds everything recorded, verified, whether it was taken while idle or by the
detached step after the store closed; a step killed half-way leaves no backup counted as good."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store.backup import verify_backup
from homeassess.store.engine import STORE_FILE_NAME
from homeassess.store.location import backup_dir
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the detached step's kill test is POSIX")


@pytest.fixture
def visit(tmp_path, judge, real_key_derivation):  # the detached step is a process: it derives the real key
    ws = Workspace.build(Store.open(tmp_path / "store", PASSPHRASE, create=True, spares=0), judge)
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Quit Test"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    room = ws.assessments.room_views(assessment_id)[0].id
    yield ws, room
    ws.close()


def _answer_in(backup, tmp_path, judge, room):  # a Path, a Path, a Judge, a room id
    """The door width stored in ``backup``, opened as a store of its own."""
    folder = tmp_path / f"opened-{backup.stem}"
    folder.mkdir()
    shutil.copyfile(backup, folder / STORE_FILE_NAME)
    ws = Workspace.build(Store.open(folder, PASSPHRASE, spares=0), judge)
    try:
        return ws.checklist.response_text(room, "door_clear_width")
    finally:
        ws.close()


def test_after_a_change_the_exit_backup_is_written_and_verified_once_the_store_is_closed(visit, tmp_path, judge):
    ws, room = visit
    ws.checklist.record(room, "door_clear_width", "29 1/2")
    done = ws.backups.on_exit()
    assert done.current is None and done.detached is not None
    assert [b for b in ws.backups.list() if b.reason == "exit"] == []  # nothing is read before the store closes
    ws.close()
    assert done.detached.wait(timeout=120)
    exits = sorted(backup_dir(ws.store.data_dir).glob("homeassess-*-exit.db"))
    assert len(exits) == 1
    verify_backup(exits[0], PASSPHRASE)
    assert _answer_in(exits[0], tmp_path, judge, room) == "29 1/2"  # current: the last value typed is in it


def test_when_a_verified_backup_already_holds_everything_quitting_writes_nothing(visit, tmp_path, judge):
    ws, room = visit
    ws.checklist.record(room, "door_clear_width", "31")
    taken = ws.backups.take_if_changed("idle")
    assert taken is not None and ws.backups.take_if_changed("idle") is None  # unchanged: not taken twice
    before = sorted(p.name for p in backup_dir(ws.store.data_dir).iterdir())
    done = ws.backups.on_exit()
    assert done.detached is None and done.current == taken
    assert sorted(p.name for p in backup_dir(ws.store.data_dir).iterdir()) == before
    assert _answer_in(done.current.path, tmp_path, judge, room) == "31"

    ws.checklist.record(room, "door_clear_width", "32")  # a change after it: the idle backup is no longer current
    assert ws.backups.current() is None


def test_an_exit_backup_killed_while_it_writes_is_never_counted_and_its_temporary_file_goes(visit):
    ws, room = visit
    ws.checklist.record(room, "door_clear_width", "30")
    done = ws.backups.on_exit()
    ws.close()
    folder = backup_dir(ws.store.data_dir)
    deadline = time.monotonic() + 120
    while not list(folder.glob(".*")) and done.detached.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)  # until the step has begun writing (its temporary file exists): verifying it derives
        # the key again, so the step writes for far longer than this; a busy loop took a core from the step
    assert list(folder.glob(".*")), "the step never began writing"
    os.kill(done.detached.process.pid, signal.SIGKILL)
    done.detached.process.wait(timeout=30)
    assert list(folder.glob("homeassess-*-exit.db")) == []  # no backup counted as good
    Store.open(ws.store.data_dir, PASSPHRASE, spares=0).close()  # the next start clears what the killed step left
    assert list(folder.glob(".*")) == []
