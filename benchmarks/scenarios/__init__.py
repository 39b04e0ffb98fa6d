"""The benchmark scenarios, one module each, in the order the runner runs them.

Each module has ``NAME`` and ``run(scale, repeats) -> dict`` returning
{"name", "value", "unit", "floor", "ratio", "budget", "passed", "notes", ...}; ``scale`` 1.0 is the issue's size
(15 rooms / 100 photos, 2,000 assessments / 100,000 photos, 50-photo import), smaller values shrink the
fixtures (``--quick``, the smoke test). Some also have ``profile(scale) -> str`` (the top of a cProfile, or the
import-time report), which ``python -m benchmarks --profile`` records for every missed budget.
"""

from __future__ import annotations

import importlib
from types import ModuleType

ORDER = (
    "cold_start",
    "check_command",
    "record_measurement",
    "photo_import",
    "gui_stall",
    "clinical_report",
    "home_list",
    "home_search",
    "open_assessment",
    "review_first_open",
    "review_actions",
    "store_size",
)


def load(name: str) -> ModuleType:
    return importlib.import_module(f"benchmarks.scenarios.{name}")


def all_scenarios() -> list[ModuleType]:
    return [load(name) for name in ORDER]
