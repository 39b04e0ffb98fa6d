"""Killing a report or export writer during slow fsyncs leaves no plaintext behind (issue 15, item 4).

A child process (``tests/kill_slow_fsync_writer.py``, forked from one warm server that built the clinical
report's bytes once) saves the report or an export with every ``os.fsync`` made slow, and this test kills
it with SIGKILL at a random moment of the write: 20 kills, 8 of the report through an unnamed temporary
file, 6 of the report through the staging folder, 6 of an export, as before the server. One change of
scale: each fsync sleeps 0.4 s (it was 0.8 s) and the kill comes up to 2.5 fsyncs after ``WRITING`` as
before; a save makes two fsyncs (the file, then its folder), so the kills spread over the same stretches
of the write in the same proportions, for half the waiting.
After each kill, no file anywhere under the test's folders may be a PDF except a complete one
under the target's own name (the save finished before the kill), and nothing may hold the
client's name except the encrypted store. Kills of the unnamed-temporary-file path are checked
at once; kills of the staging-folder path (the path on systems without unnamed files) after
the next start, which empties the staging folder.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from benchmarks.fork_server import ForkServer
from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store.location import staging_dir
from homeassess.store.store import Store
from tests.conftest import key_derivation_iterations
from tests.kill_slow_fsync_writer import CLIENT, SLOW_FSYNC_S, STORE_PASSPHRASE

STORE_FILES = ("homeassess.db", "homeassess.db-wal", "homeassess.db-shm")
KILLS = [["report"]] * 8 + [["report", "--no-unnamed-temp"]] * 6 + [["export"]] * 6

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, judge) -> Path:
    data_dir = tmp_path_factory.mktemp("kill-store") / "store"
    ws = Workspace.build(Store.open(data_dir, STORE_PASSPHRASE, create=True, spares=0), judge)
    ws.assessments.create(NewAssessment(
        client=ClientProfile(name=CLIENT, diagnosis="Parkinson's disease"), details=AssessmentDetails(),
        rooms=[RoomSpec(type="entrance"), RoomSpec(type="bathroom")],
    ))
    ws.close()
    return data_dir


def plaintext_left(roots: list[Path], targets: set[Path]) -> list[str]:
    """Files that hold a report or the client's name, other than the encrypted store and complete targets."""
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file() or path.name in STORE_FILES or "backups" in path.parts:
                continue
            data = path.read_bytes()
            if path in targets and data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"):
                continue  # the save finished before the kill: the file the clinician asked for
            if data.startswith(b"%PDF") or b"%PDF-" in data or CLIENT.encode() in data:
                found.append(str(path.relative_to(root.parent)))
    return found


def kill_one(server: ForkServer, target: Path, args: list[str], rng: random.Random) -> None:
    writer = server.fork({"target": str(target), "kind": args[0], "no_unnamed_temp": "--no-unnamed-temp" in args})
    assert writer.read_until("WRITING") is not None, server.stderr()[-2000:]
    time.sleep(rng.uniform(0.0, 2.5 * SLOW_FSYNC_S))
    os.kill(writer.pid, signal.SIGKILL)
    assert writer.wait() in (0, -signal.SIGKILL), server.stderr()[-2000:]  # killed, or the save had finished


def test_twenty_kills_during_slow_fsyncs_leave_no_plaintext(store_dir, tmp_path):
    rng = random.Random(15)
    out = tmp_path / "out"
    out.mkdir()
    outcomes, targets = [], set()
    # the writers are keyed as this process keys (a cheap derivation: these kills are not about the key)
    with ForkServer("tests.kill_slow_fsync_writer", [str(store_dir)], kdf_iter=key_derivation_iterations()) as server:
        for n, args in enumerate(KILLS):
            target = out / f"homeassess-1-{n}.{'hax' if args[0] == 'export' else 'pdf'}"
            targets.add(target)
            kill_one(server, target, args, rng)
            if "--no-unnamed-temp" in args:
                Store.open(store_dir, STORE_PASSPHRASE, spares=0).close()  # the next start
                assert list(staging_dir(store_dir).iterdir()) == []
            outcomes.append("written" if target.exists() else "not written")
            assert plaintext_left([out, store_dir], targets) == [], f"kill {n + 1} ({' '.join(args)})"
    assert len(outcomes) == 20
    assert "not written" in outcomes  # some kills landed inside the slow write, not after it
