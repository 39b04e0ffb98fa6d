"""Search as you type on the home screen, 2,000 assessments / 100,000 photos (budget: under 50 ms per keystroke).

A client's surname ("Hernandez") is typed a letter at a time into the search box. Per keystroke: setting the
box's text (which restarts the screen's 120 ms debounce timer), then the refresh the timer would run
(``HomeScreen.search_now()``: the filtered query and the table reset) and ``processEvents()`` for relayout and paint.
The debounce wait itself is idle time, not work, and is not counted. Value: the slowest keystroke's median over
repeats (the first letters match the most rows). Floor: the same bare SQL count as the list's, with the same
LIKE filter, for that keystroke's text. Same store as ``home_list``.
"""

from __future__ import annotations

import time

from benchmarks.scenarios._common import median, ms, profile_top, result, sample_count, warmup_count
from benchmarks.scenarios.home_list import HomeFixture, floor_counts

NAME = "home_search"
POSITION = 80
BUDGET_MS = 50.0


def _type(fx: HomeFixture, term: str) -> tuple[list[float], list[float], list[int]]:
    """Type ``term`` then clear the box; per-prefix keystroke times, floor times, rows shown."""
    keys, floors, rows = [], [], []
    for n in range(1, len(term) + 1):
        prefix = term[:n]
        started = time.perf_counter()
        fx.home.search.setText(prefix)
        fx.home.search_now()  # what the timer would do 120 ms later, done now
        fx.app.processEvents()
        keys.append(ms(time.perf_counter() - started))
        rows.append(fx.home.model.rowCount())
        started = time.perf_counter()
        floor_counts(fx.raw, prefix)
        floors.append(ms(time.perf_counter() - started))
    fx.home.search.clear()
    fx.home.search_now()
    fx.app.processEvents()
    return keys, floors, rows


def run(scale: float, repeats: int) -> dict:
    fx = HomeFixture(scale)
    term = fx.store.search_term
    try:
        for _ in range(warmup_count(scale, 1)):
            _type(fx, term)
        runs = sample_count(scale, max(3, repeats))
        per_run = [_type(fx, term) for _ in range(runs)]
    finally:
        fx.close()
    per_key = [median([r[0][k] for r in per_run]) for k in range(len(term))]
    per_key_floor = [median([r[1][k] for r in per_run]) for k in range(len(term))]
    slowest = max(range(len(term)), key=lambda k: per_key[k])
    value, floor = per_key[slowest], per_key_floor[slowest]
    rows = per_run[0][2]
    return result(
        NAME, value, "ms", floor, f"< {BUDGET_MS:.0f} ms per keystroke", value < BUDGET_MS,
        f"typing {term!r} over {fx.store.assessments} assessments; slowest keystroke {term[:slowest + 1]!r} "
        f"({rows[slowest]} rows); per keystroke (ms): "
        + ", ".join(f"{term[:k + 1]} {t:.1f}" for k, t in enumerate(per_key)) + f"; median of {runs}",
        per_keystroke_ms=[round(t, 2) for t in per_key], rows_per_keystroke=rows,
    )


def profile(scale: float) -> str:
    fx = HomeFixture(scale)
    first = fx.store.search_term[0]

    def keystroke() -> None:  # the slowest keystroke (the first letter), then the box cleared, untimed parts alike
        fx.home.search.setText(first)
        fx.home.search_now()
        fx.app.processEvents()
        fx.home.search.clear()
        fx.home.search_now()
        fx.app.processEvents()

    try:
        keystroke()
        return f"typing {first!r} into the empty box and clearing it again, 5 times:\n" + profile_top(
            lambda: [keystroke() for _ in range(5)], 22)
    finally:
        fx.close()
