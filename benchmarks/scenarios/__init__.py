"""The benchmark scenarios: every module of this folder whose name does not start with ``_`` is one.

A scenario module has
  * ``NAME``, its module name (the name in ``results.json``, the README tables and ``--only``);
  * ``POSITION``, an int that places it in the runner's order and in the tables (start-up first, the store last);
  * ``run(scale, repeats) -> dict``, the record built by ``_common.result``: {"name", "value", "unit", "floor",
    "ratio", "budget", "passed", "notes", ...}. ``scale`` 1.0 is the issue's size (15 rooms / 100 photos, 2,000
    assessments / 100,000 photos, 50-photo import); smaller values shrink the fixtures (``--quick``, the smoke test);
  * optionally ``profile(scale) -> str`` (the top of a cProfile, or the import-time report), which
    ``python -m benchmarks --profile`` records for every missed budget.
Helpers (launchers, shared code) start with ``_``. How to add one: benchmarks/README.md, "Adding a scenario".
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def load(name: str) -> ModuleType:
    return importlib.import_module(f"benchmarks.scenarios.{name}")


def _discover() -> tuple[str, ...]:
    names = [info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")]
    return tuple(sorted(names, key=lambda name: (load(name).POSITION, name)))


ORDER = _discover()


def all_scenarios() -> list[ModuleType]:
    return [load(name) for name in ORDER]
