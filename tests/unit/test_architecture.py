"""The layers stay clean: import-linter contracts from pyproject.toml, run as a test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_no_module_of_the_program_grows_past_300_lines():
    big = [(p.relative_to(ROOT), n) for p in (ROOT / "homeassess").rglob("*.py") if (n := len(p.read_text().splitlines())) > 300]
    assert big == []
