"""The code type-checks and lints clean: what ``mypy`` and ``ruff check`` typed at the repository root report.

``[tool.mypy] files`` in pyproject.toml is the one place that says which packages are type-checked: every layer
below the window (domain, store, services, bundle, report). Both tools run as subprocesses with the project's
configuration. Ruff's rules include RUF100, so a ``noqa`` that suppresses nothing fails here too.
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


def test_every_layer_below_the_window_is_listed_for_checking():
    layers = {"homeassess/domain", "homeassess/store", "homeassess/services", "homeassess/bundle", "homeassess/report"}
    assert layers <= set(checked_packages())


def test_the_code_lints_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.slow
def test_checked_packages_have_no_type_errors():
    # A cold run takes about a minute on a busy two-core machine; stop before pytest's own 300 s limit.
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=280)
    report = result.stdout + result.stderr
    assert result.returncode == 0, f"mypy over {', '.join(checked_packages())} found problems:\n{report}"
