"""``homeassess check`` starts light: no database, window, report or pydantic code is imported.

Run as a real process, twice with one cache folder: the first run validates the data files and keeps
the snapshot, the second (every run after the first of a content version) builds from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "pydantic_core", "sqlalchemy", "sqlmodel", "sqlcipher3", "alembic", "PySide6", "shiboken6",
         "reportlab", "PIL", "tomllib", "platformdirs", "tempfile")
PROGRAM = """
import json, sys
from homeassess.cli import main
code = main(sys.argv[1:])
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""


def check_in_process(cache: Path, *args: str) -> tuple[str, int, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    env["HOMEASSESS_CACHE_DIR"] = str(cache)
    done = subprocess.run([sys.executable, "-c", PROGRAM, "check", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)
    *printed, last = done.stdout.strip().splitlines()
    report = json.loads(last)
    return "\n".join(printed), report["exit"], {name.split(".")[0] for name in report["modules"]}


def test_check_judges_without_importing_database_window_report_or_pydantic_code(tmp_path):
    cache = tmp_path / "cache"
    first_output, first_exit, first_modules = check_in_process(cache, "door_clear_width", "30 1/2")
    assert first_exit == 0 and "short by 1 1/2 in" in first_output
    assert "pydantic" in first_modules  # the first run of a content version validates the files
    assert list(cache.glob("resources-*.marshal"))

    output, exit_code, modules = check_in_process(cache, "door_clear_width", "30 1/2")

    assert exit_code == 0 and output == first_output
    assert sorted(modules & set(HEAVY)) == []


def test_check_list_and_refusals_stay_light_too(tmp_path):
    cache = tmp_path / "cache"
    check_in_process(cache, "--list")
    listing, exit_code, modules = check_in_process(cache, "--list")
    assert exit_code == 0 and "door_clear_width" in listing
    _, refused, refused_modules = check_in_process(cache, "door_clear_width", "320 in")
    assert refused == 1
    assert sorted((modules | refused_modules) & set(HEAVY)) == []
