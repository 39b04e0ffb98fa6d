"""The hostile-input benchmark runs (one cheap case), so it cannot rot; its budgets are read from its output, not asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_one_case_runs_in_its_own_process_and_is_recorded(tmp_path):
    output = tmp_path / "hostile.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.hostile_inputs", "--only", "pixel bomb 1 x", "--output", str(output)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {row["case"]: row for row in json.loads(output.read_text())["cases"]}
    assert set(rows) == {"floor: imports and an open store", "pixel bomb 1 x 49,000,000"}
    case = rows["pixel bomb 1 x 49,000,000"]
    assert case["outcome"] == "refused: this image is too long and narrow for a photo (more than 20:1)"
    assert case["peak_mb"] > 0 and case["seconds"] >= 0
