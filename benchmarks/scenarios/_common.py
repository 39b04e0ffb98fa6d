"""What every scenario shares: timing helpers, the result record, scale, Qt and profiling."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def process_env(**extra: str) -> dict[str, str]:
    """The environment for a process a scenario launches: Qt offscreen, and this tree's code first on the path
    (whichever tree the virtual environment's editable install points at)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    return env


def compile_bytecode() -> None:
    """Compile the product's sources once, as an installed copy has them: the process-launch scenarios time the
    program, not Python compiling it (which every launch would repeat where PYTHONDONTWRITEBYTECODE is set)."""
    import compileall

    compileall.compile_dir(REPO / "homeassess", quiet=1)


SMOKE_SCALE = 0.05
SMALL_PHOTO = (800, 600)  # the source photos' size below scale 0.1
"""Below this scale a run is a smoke run (the test suite runs every scenario at 0.01): each scenario takes one
sample and no warm-up, so that its code path runs once; its figures say nothing about speed. ``--quick`` (0.15)
and a full run (1.0) are above it and unchanged."""


def is_smoke(scale: float) -> bool:
    return scale < SMOKE_SCALE


def sample_count(scale: float, full: int) -> int:
    """``full`` samples, or one in a smoke run."""
    return 1 if is_smoke(scale) else full


def warmup_count(scale: float, full: int) -> int:
    """``full`` untimed warm-ups, or none in a smoke run."""
    return 0 if is_smoke(scale) else full


def scaled(full: int, scale: float, minimum: int = 1) -> int:
    """``full`` (the issue's size) times ``scale``, at least ``minimum``."""
    return max(minimum, round(full * scale))


def visit(scale: float):  # a store_fixture.VisitStore
    """The visit store at ``scale`` (1.0: the issue's 15 rooms, 100 photos, 60 findings), built once per process.

    A smoke run builds one small store for every scenario that opens a visit, the review scenarios included
    (``review_actions.visit``): 2 rooms, 2 photos of 800×600, 8 findings, so that some proposals are accepted and
    some dismissed, as the review needs, and the reports stay short.
    """
    from benchmarks import store_fixture

    if is_smoke(scale):
        return store_fixture.visit_store(2, 2, 8, SMALL_PHOTO)
    return store_fixture.visit_store(15 if scale >= 0.1 else 2, scaled(100, scale, 2), scaled(60, scale, 2),
                                     store_fixture.PHOTO_SIZE if scale >= 0.1 else SMALL_PHOTO)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def median(values: list[float]) -> float:
    return statistics.median(values)


def interleaved(jobs: dict[str, Callable[[], object]], repeats: int, warmup: int = 1) -> dict[str, list[float]]:
    """Run each job ``repeats`` times, taking turns (so drift on a shared machine hits all alike), in the
    opposite order every other round (A B, B A, A B…): a machine that speeds up or slows down over a run
    then favours neither job, as it would the one always run second.

    Returns milliseconds per run for each job. ``warmup`` untimed rounds come first.
    """
    for _ in range(warmup):
        for job in jobs.values():
            job()
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    order = list(jobs.items())
    for round_number in range(repeats):
        for name, job in order if round_number % 2 == 0 else reversed(order):
            started = time.perf_counter()
            job()
            samples[name].append(ms(time.perf_counter() - started))
    return samples


def result(name: str, value: float, unit: str, floor: float | None, budget: str, passed: bool, notes: str,
           **extra: object) -> dict:
    """The record every scenario returns (and the runner writes to results.json)."""
    value, floor = round(value, 3), (round(floor, 3) if floor is not None else None)
    ratio = round(value / floor, 3) if floor else None  # the ratio of the figures reported, so readers can check it
    record = {
        "name": name, "value": value, "unit": unit, "floor": floor, "ratio": ratio,
        "budget": budget, "passed": bool(passed), "notes": notes,
    }
    record.update(extra)
    return record


def qt_app():  # a QApplication
    """The process's QApplication (offscreen unless a platform was chosen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def close_window(window, app) -> None:  # a MainWindow and its QApplication
    """Let the window's operations finish, then close it and delete it before the next sample."""
    window.ops.wait(10_000)
    window.close()
    window.deleteLater()
    app.processEvents()


def profile_top(fn: Callable[[], object], lines: int = 18, sort: str = "cumulative") -> str:
    """cProfile ``fn`` once; the top ``lines`` by ``sort``, trimmed of pstats' header noise."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        fn()
    finally:
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(lines)
    text = out.getvalue()
    start = text.find("   ncalls")
    return text[start:].rstrip() if start >= 0 else text.rstrip()
