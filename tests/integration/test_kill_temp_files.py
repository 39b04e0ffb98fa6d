"""Killing a report or export writer during slow fsyncs leaves no plaintext behind (issue 15, item 4).

A child process (``tests/kill_slow_fsync_writer.py``) builds a clinical report, then saves it
with every ``os.fsync`` made slow, and is killed with SIGKILL at a random moment of the write.
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
import subprocess
import sys
import time
from pathlib import Path

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store.location import staging_dir
from homeassess.store.store import Store
from tests.conftest import real_keys
from tests.kill_slow_fsync_writer import CLIENT, SLOW_FSYNC_S, STORE_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
STORE_FILES = ("homeassess.db", "homeassess.db-wal", "homeassess.db-shm")
KILLS = [["report"]] * 8 + [["report", "--no-unnamed-temp"]] * 6 + [["export"]] * 6

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("kill-store") / "store"
    with real_keys():  # the writers are processes of their own
        ws = Workspace.build(Store.open(data_dir, STORE_PASSPHRASE, create=True), Judge.load())
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


def kill_one(data_dir: Path, target: Path, args: list[str], rng: random.Random) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.kill_slow_fsync_writer", str(data_dir), str(target), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    line = child.stdout.readline()
    assert line.strip() == "WRITING", child.stderr.read()[-2000:]
    time.sleep(rng.uniform(0.0, 2.5 * SLOW_FSYNC_S))
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)


def test_twenty_kills_during_slow_fsyncs_leave_no_plaintext(store_dir, tmp_path, real_key_derivation):
    rng = random.Random(15)
    out = tmp_path / "out"
    out.mkdir()
    outcomes, targets = [], set()
    for n, args in enumerate(KILLS):
        target = out / f"homeassess-1-{n}.{'hax' if args[0] == 'export' else 'pdf'}"
        targets.add(target)
        kill_one(store_dir, target, args, rng)
        if "--no-unnamed-temp" in args:
            Store.open(store_dir, STORE_PASSPHRASE).close()  # the next start
            assert list(staging_dir(store_dir).iterdir()) == []
        outcomes.append("written" if target.exists() else "not written")
        assert plaintext_left([out, store_dir], targets) == [], f"kill {n + 1} ({' '.join(args)})"
    assert len(outcomes) == 20
    assert "not written" in outcomes  # some kills landed inside the slow write, not after it
