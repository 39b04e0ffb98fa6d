"""First open of the Recommendations tab (budget: under 300 ms).

The visit store (15 rooms, at least 150 recommendations) is opened in a fresh shown window on its
rooms; the clock runs from switching to the Recommendations tab until it is painted: every
proposal derived from the answers, joined with the decisions, the table filled and sized, counts,
totals and the first row's detail shown. A fresh window and workspace per sample, so nothing is
cached from the sample before. No floor: the budget is absolute (issue 10).
"""

from __future__ import annotations

from benchmarks import store_fixture
from benchmarks.scenarios._common import median, result, sample_count, warmup_count
from benchmarks.scenarios.review_actions import Review, visit

NAME = "review_first_open"
POSITION = 92
BUDGET_MS = 300.0


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    samples, rows = [], 0
    warmups = warmup_count(scale, 1)  # the first one warms up the imports
    for n in range(warmups + sample_count(scale, max(3, repeats))):
        ws = store_fixture.open_workspace(store.data_dir)
        try:
            review = Review(ws, store.assessment_id)
            elapsed = review.show_tab()
            rows = review.review.proxy.rowCount()
            assert rows > 0
            review.close()
        finally:
            ws.close()
        if n >= warmups:
            samples.append(elapsed)
    value = median(samples)
    return result(
        NAME, value, "ms", None, f"< {BUDGET_MS:.0f} ms", value < BUDGET_MS,
        f"{rows} open recommendations shown, {store.rooms} rooms; fresh window and workspace per sample; "
        f"samples {', '.join(f'{s:.0f}' for s in samples)} ms",
        samples_ms=[round(s, 1) for s in samples],
    )
