"""``homeassess check`` from the shell (budget: under 0.5 s and ≤ 4× ``python -c pass``).

Each sample is a fresh process, timed from spawn to exit: the installed console script
``homeassess check door_clear_width "30 1/2"`` (a failing door, so the verdict, the person-fit and the
proposals are all printed), against the floor ``python -c pass`` with the same interpreter. They take
turns; one untimed run of each comes first.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.scenarios._common import REPO, median, ms, result

NAME = "check_command"
POSITION = 20
BUDGET_RATIO = 4.0
BUDGET_MS = 500.0


def check_command() -> list[str]:
    script = Path(sys.executable).with_name("homeassess")
    if script.exists():
        return [str(script)]
    found = shutil.which("homeassess")
    return [found] if found else [sys.executable, "-m", "homeassess"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
    elapsed = ms(time.perf_counter() - started)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def run(scale: float, repeats: int) -> dict:
    command = check_command() + ["check", "door_clear_width", "30 1/2"]
    floor_command = [sys.executable, "-c", "pass"]
    samples = max(3, repeats * 2) if repeats > 1 else 1
    if repeats > 1:
        timed(command), timed(floor_command)
    values, floors = [], []
    for _ in range(samples):
        values.append(timed(command))
        floors.append(timed(floor_command))
    value, floor = median(values), median(floors)
    return result(
        NAME, value, "ms", floor, f"< {BUDGET_MS:.0f} ms and ≤ {BUDGET_RATIO:.0f}× floor",
        value < BUDGET_MS and value <= BUDGET_RATIO * floor,
        f"median of {samples} fresh processes each: `{' '.join(Path(command[0]).name if i == 0 else a for i, a in enumerate(command))}`"
        " vs `python -c pass`",
        samples_ms=[round(v, 1) for v in values], floor_samples_ms=[round(v, 1) for v in floors],
    )


def profile(scale: float) -> str:
    """The command's import-time report (slowest imports, cumulative µs) and a cProfile of the whole command."""
    from benchmarks.scenarios.cold_start import import_report

    code = "import sys; from homeassess.cli import main; main(['check', 'door_clear_width', '30 1/2'])"
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=REPO, capture_output=True,
                             text=True, timeout=60)
    profiled = subprocess.run(
        [sys.executable, "-c",
         "import cProfile, pstats, io, sys\n"
         "p = cProfile.Profile(); p.enable()\n"
         f"{code.split('; ', 1)[1].replace('; ', chr(10))}\n"
         "p.disable(); out = io.StringIO(); pstats.Stats(p, stream=out).strip_dirs().sort_stats('cumulative').print_stats(16)\n"
         "sys.stderr.write(out.getvalue())"],
        cwd=REPO, capture_output=True, text=True, timeout=60)
    text = profiled.stderr
    start = text.find("   ncalls")
    return ("-X importtime:\n" + import_report(imports.stderr, 14) + "\n\ncProfile (imports included), cumulative:\n"
            + (text[start:].rstrip() if start >= 0 else text.rstrip()))
