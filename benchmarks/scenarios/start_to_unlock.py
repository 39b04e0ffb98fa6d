"""Process start to the painted unlock dialog (budget: ≤ 1.5× a bare QMainWindow launched the same way).

Each sample is a fresh ``python benchmarks/scenarios/_startup_launcher.py unlock DATA_DIR`` process (offscreen
Qt) that starts the program as ``homeassess --data-dir DATA_DIR`` does; the time runs from just before the
parent spawns it to the unlock dialog's first Paint event. Floor: the same launcher showing a bare PySide6
QMainWindow of the window's size (``floor``). Value and floor launches take turns; one untimed launch of each
comes first. The store is the visit store (one assessment of 15 rooms and 100 photos at full scale); the
sources are compiled to bytecode first, as in an installed copy.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import REPO, compile_bytecode, median, ms, process_env, result, visit

NAME = "start_to_unlock"
POSITION = 10
BUDGET_RATIO = 1.5
LAUNCHER = REPO / "benchmarks" / "scenarios" / "_startup_launcher.py"



def launch(mode: str, data_dir=None, *, importtime: bool = False) -> dict:
    """One launcher process: its marks in ms from the spawn (``stderr`` too when ``importtime``)."""
    env = process_env(HOMEASSESS_PASSPHRASE=store_fixture.PASSPHRASE)
    args = [sys.executable, *(["-X", "importtime"] if importtime else []), str(LAUNCHER), mode]
    args += [str(data_dir)] if data_dir else []
    started = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise RuntimeError(f"start-up launcher ({mode}) failed: {done.stderr.strip()[-2000:]}")
    marks = json.loads(done.stdout.strip().splitlines()[-1])["marks"]
    return {"marks_ms": {k: round(ms(v - started), 1) for k, v in marks.items()}, "stderr": done.stderr}


def run(scale: float, repeats: int) -> dict:
    compile_bytecode()
    store = visit(scale)
    if repeats > 1:  # warm-up: page cache, the day's backup, the resource snapshot
        launch("unlock", store.data_dir), launch("floor")
    values, floors = [], []
    for _ in range(repeats):
        values.append(launch("unlock", store.data_dir)["marks_ms"]["unlock_painted"])
        floors.append(launch("floor")["marks_ms"]["painted"])
    value, floor = median(values), median(floors)
    return result(
        NAME, value, "ms", floor, f"≤ {BUDGET_RATIO}× floor", value <= BUDGET_RATIO * floor,
        f"median of {repeats} fresh processes each: `homeassess --data-dir STORE` to the unlock dialog's first paint,"
        " vs a bare QMainWindow",
        samples_ms=values, floor_samples_ms=floors,
    )


def profile(scale: float) -> str:
    """Python's import-time report for the launch up to the painted dialog (the slowest imports, cumulative µs)."""
    report = launch("unlock", visit(scale).data_dir, importtime=True)
    return "launch to the unlock dialog, -X importtime:\n" + import_report(report["stderr"], 22)


def import_report(stderr: str, lines: int) -> str:
    """Python's ``-X importtime`` lines: self time summed per top-level package, then the slowest imports."""
    rows, by_package = [], {}
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = line.split("|")
            try:
                own, cumulative = int(parts[0].split(":")[1]), int(parts[1])
            except ValueError:
                continue
            name = parts[2].strip()
            rows.append((cumulative, parts[2].rstrip()))
            package = name.split(".")[0]
            by_package[package] = by_package.get(package, 0) + own
    rows.sort(reverse=True)
    total = sum(by_package.values())
    packages = sorted(by_package.items(), key=lambda kv: -kv[1])[:12]
    return (f"import self time by package (ms, of {total / 1000:.0f} ms): "
            + ", ".join(f"{name} {us / 1000:.0f}" for name, us in packages)
            + "\ncumulative µs | module\n" + "\n".join(f"{us:>10} | {name}" for us, name in rows[:lines]))
