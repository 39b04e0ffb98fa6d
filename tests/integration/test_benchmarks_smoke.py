"""The benchmark scenarios still run: each at a tiny scale, once, with no budget asserted.

Timing budgets live in ``benchmarks/`` (``python -m benchmarks``), not here: this only keeps the scenarios from
rotting as the product changes, by checking that each one runs end to end against the real code and returns a
well-formed result with a positive value, and that the README quotes the last full run of every scenario.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from benchmarks import scenarios, store_fixture
from tests.conftest import CHEAP_KDF_ITER, PRODUCTION_KDF_ITER, key_derivation_iterations

ROOT = Path(__file__).resolve().parents[2]

TINY = 0.01
KEYS = {"name", "value", "unit", "floor", "ratio", "budget", "passed", "notes"}


@pytest.fixture(scope="module", autouse=True)
def benchmark_stores(tmp_path_factory):
    """The benchmarks' stores, keyed for real: the start-up scenarios open them from processes of their own."""
    store_fixture.use_root(tmp_path_factory.mktemp("benchmark-stores"))
    key_derivation_iterations(PRODUCTION_KDF_ITER)
    yield
    key_derivation_iterations(CHEAP_KDF_ITER)
    store_fixture.use_root(None)


@pytest.mark.slow
@pytest.mark.parametrize("name", scenarios.ORDER)
def test_scenario_runs_and_reports(name, qapp):
    module = scenarios.load(name)
    record = module.run(TINY, 1)

    assert record.keys() >= KEYS
    assert record["name"] == module.NAME == name
    assert isinstance(record["value"], float) and math.isfinite(record["value"]) and record["value"] > 0
    assert isinstance(record["unit"], str) and record["unit"]
    assert isinstance(record["budget"], str) and record["budget"]
    assert isinstance(record["passed"], bool)
    assert isinstance(record["notes"], str) and record["notes"]
    for key in ("samples_ms", "floor_samples_ms"):  # the smoke path: the code runs once, nothing is repeated
        assert len(record.get(key, [0])) == 1, (key, record[key])
    if record["floor"] is None:
        assert record["ratio"] is None
    else:
        assert record["floor"] > 0
        assert record["ratio"] == pytest.approx(record["value"] / record["floor"], rel=0.01)


def test_runner_lists_every_scenario_module():
    assert [m.NAME for m in scenarios.all_scenarios()] == list(scenarios.ORDER)


def readme_performance_rows() -> dict[str, str]:
    """The README's performance table: scenario name -> its last column (met / missed)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Performance", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"^\| `(\w+)` \|", line)
        if match:
            rows[match.group(1)] = line.rstrip(" |").rsplit("|", 1)[1].strip()
    return rows


def test_readme_quotes_the_last_full_run_of_every_scenario():
    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    records = {r["name"]: r for r in results["results"]}
    rows = readme_performance_rows()

    assert results["mode"] == "full"
    assert list(records) == list(scenarios.ORDER)
    assert list(rows) == list(scenarios.ORDER)
    for name, record in records.items():
        assert {"floor", "passed", "value", "budget"} <= record.keys(), name
        assert rows[name].startswith("met" if record["passed"] else "missed"), (name, rows[name], record["passed"])
