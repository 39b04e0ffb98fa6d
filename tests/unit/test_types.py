"""The packages listed under ``[tool.mypy] files`` in pyproject.toml type-check with no errors.

That list is the one place that says which packages are checked (store and services so far; domain,
report and bundle join it as each becomes clean). mypy runs as a subprocess with the project's
configuration, so this is the same check as ``mypy`` typed at the repository root.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def checked_packages() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["tool"]["mypy"]["files"])


def test_store_and_services_are_listed_for_checking():
    assert {"homeassess/store", "homeassess/services"} <= set(checked_packages())


@pytest.mark.slow
def test_checked_packages_have_no_type_errors():
    # A cold run takes about a minute on a busy two-core machine; stop before pytest's own 300 s limit.
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=280)
    report = result.stdout + result.stderr
    assert result.returncode == 0, f"mypy over {', '.join(checked_packages())} found problems:\n{report}"
