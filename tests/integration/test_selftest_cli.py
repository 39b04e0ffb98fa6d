"""``homeassess selftest``, which the bundle build runs on every CI machine: each step passes on a
first run, in a temporary store whose Settings are empty (the landlord letter needs the clinician's
contact, so the self-test gives its own), and the store the user points at is never touched."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # builds four reports, an export and a window


def test_every_step_passes_and_names_every_audience(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    data_dir = tmp_path / "untouched"
    done = subprocess.run([sys.executable, "-m", "homeassess", "--data-dir", str(data_dir), "selftest"], cwd=ROOT,
                          env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "self-test passed" in out and "FAIL" not in out
    for audience in ("clinical", "contractor", "landlord", "client"):
        assert f"ok    {audience} report:" in out
    assert not data_dir.exists()
