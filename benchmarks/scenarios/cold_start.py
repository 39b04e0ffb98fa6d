"""Cold start: process launch to the first painted main window, store unlocked (budget: ≤ 1.5× floor).

Each sample is a fresh ``python benchmarks/scenarios/_cold_start_launcher.py`` process (offscreen Qt); the time
runs from just before the parent spawns it to the first Paint event of its window. Floor: the same launcher
showing a bare PySide6 QMainWindow. App and floor launches take turns; one untimed launch of each comes first
(it also takes the day's backup, so timed launches find it done, as every start but the first of a day does).
The store is the visit store (one assessment of 15 rooms and 100 photos at full scale).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import REPO, compile_bytecode, median, ms, process_env, result, scaled

NAME = "cold_start"
POSITION = 10
BUDGET_RATIO = 1.5
LAUNCHER = REPO / "benchmarks" / "scenarios" / "_cold_start_launcher.py"


def launch(mode: str, data_dir=None) -> dict:  # noqa: ANN001
    env = process_env(HOMEASSESS_PASSPHRASE=store_fixture.PASSPHRASE)
    args = [sys.executable, str(LAUNCHER), mode] + ([str(data_dir)] if data_dir else [])
    started = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"cold-start launcher ({mode}) failed: {done.stderr.strip()[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "paint_ms": ms(report["paint"] - started), "wall_ms": ms(wall),
        "marks_ms": {k: round(ms(v - started), 1) for k, v in report["marks"].items()},
    }


def run(scale: float, repeats: int) -> dict:
    compile_bytecode()
    store = store_fixture.visit_store(15 if scale >= 0.1 else 2, scaled(100, scale, 2), scaled(60, scale, 2),
                                      store_fixture.PHOTO_SIZE if scale >= 0.1 else (800, 600))
    if repeats > 1:  # warm-up: page cache, .pyc files, the day's backup
        launch("app", store.data_dir)
        launch("floor")
    app_runs, floor_runs = [], []
    for _ in range(repeats):
        app_runs.append(launch("app", store.data_dir))
        floor_runs.append(launch("floor"))
    value = median([r["paint_ms"] for r in app_runs])
    floor = median([r["paint_ms"] for r in floor_runs])
    typical = sorted(app_runs, key=lambda r: r["paint_ms"])[len(app_runs) // 2]
    marks = ", ".join(f"{k} {v:.0f}" for k, v in typical["marks_ms"].items())
    return result(
        NAME, value, "ms", floor, f"≤ {BUDGET_RATIO}× floor", value <= BUDGET_RATIO * floor,
        f"median of {repeats} fresh processes each; store: {store.rooms} rooms, {store.photos} photos; "
        f"app steps (ms from spawn, median run): {marks}",
        app_samples_ms=[round(r["paint_ms"], 1) for r in app_runs],
        floor_samples_ms=[round(r["paint_ms"], 1) for r in floor_runs],
    )


def profile(scale: float) -> str:
    """Python's import-time report for the app launch (the slowest imports, cumulative µs), and the steps."""
    store = store_fixture.visit_store(15 if scale >= 0.1 else 2, scaled(100, scale, 2), scaled(60, scale, 2),
                                      store_fixture.PHOTO_SIZE if scale >= 0.1 else (800, 600))
    env = process_env(HOMEASSESS_PASSPHRASE=store_fixture.PASSPHRASE)
    done = subprocess.run([sys.executable, "-X", "importtime", str(LAUNCHER), "app", str(store.data_dir)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)
    return "app launch, -X importtime:\n" + import_report(done.stderr, 22)


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
