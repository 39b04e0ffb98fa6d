"""A full disk: a plain message, nothing half-written, and the same action succeeds once space is back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.store.engine import SaveFailed
from tests.conftest import PASSPHRASE
from tests.forked_cli import FILE_SIZE_LIMIT, ForkedCli


def test_a_full_store_refuses_the_save_with_a_plain_message_then_saves_once_space_is_back(workspace):
    assessment_id = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Disk Full"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    room = workspace.assessments.room_views(assessment_id)[0].id
    engine = workspace.store.engine
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    limit = {"pages": pages}

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection, _record) -> None:  # SQLAlchemy event
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

    workspace.store.release_connections()  # every connection from now on has the cap
    note = "x" * 200_000
    with pytest.raises(SaveFailed, match="the disk is full"):
        workspace.checklist.set_note(room, "door_clear_width", note)
    assert workspace.checklist.rooms.responses(room) == {}  # nothing half-written

    limit["pages"] = 1_000_000  # space is back
    workspace.store.release_connections()
    workspace.checklist.set_note(room, "door_clear_width", note)
    assert workspace.checklist.rooms.responses(room)["door_clear_width"].note == note


@pytest.fixture(scope="module")
def cli():
    """Each command a process of its own, forked warm (``tests/forked_cli.py``): its file-size limit is its own."""
    with ForkedCli() as forked:
        yield forked


def _run(cli: ForkedCli, args: list[str], data_dir: Path, limited: bool, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOMEASSESS_PASSPHRASE": PASSPHRASE, "HOMEASSESS_EXPORT_PASSPHRASE": "the file's passphrase"}
    return cli.run(["--data-dir", str(data_dir), *args], env=env, cwd=cwd, limit_file_size=limited)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_while_writing_a_report_or_an_export_leaves_nothing_under_the_final_name(tmp_path, cli_demo_store, cli):
    data = cli_demo_store
    out = tmp_path / "out"
    out.mkdir()
    for args, target in ((["report", "1", "--audience", "clinical", "-o", str(out / "r.pdf")], out / "r.pdf"),
                         (["export", "1", "-o", str(out / "a.hax")], out / "a.hax")):
        full = _run(cli, args, data, limited=True, cwd=out)
        assert full.returncode == 1, full.stderr
        reason = full.stderr.strip().splitlines()[-1]  # progress lines come first, then the one-line reason
        assert "Traceback" not in full.stderr and reason.startswith("homeassess: ") and "large" in reason
        assert not target.exists()
        assert [p.name for p in out.iterdir()] == []  # no temporary file left behind either
        again = _run(cli, args, data, limited=False, cwd=out)
        assert again.returncode == 0, again.stderr
        assert target.exists() and target.stat().st_size > FILE_SIZE_LIMIT
        target.unlink()
