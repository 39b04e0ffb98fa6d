"""Accept, dismiss and undo on the Recommendations tab (budget: each under 50 ms).

On a shown 1280 × 820 ``MainWindow`` with the visit store open (15 rooms, proposals derived from
every finding: at least 150 recommendations), the Recommendations tab is shown and a row selected.
Each sample is what the clinician's key press does and sees: the action is triggered (Ctrl+Return
accept, Ctrl+D dismiss, Ctrl+Z undo) through the operation path — one transaction, the undo step
pushed, the change announced — and the review refreshed (list derived again, table, counts,
totals, detail pane), then ``processEvents()`` paints it. Accept, undo, dismiss, undo take turns
on successive rows. No floor: the budget is absolute (issue 10).
"""

from __future__ import annotations

import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import (
    close_window,
    is_smoke,
    median,
    ms,
    profile_top,
    qt_app,
    result,
    sample_count,
    warmup_count,
)
from benchmarks.scenarios._common import visit as shared_visit

NAME = "review_actions"
POSITION = 94
BUDGET_MS = 50.0


def visit(scale: float) -> store_fixture.VisitStore:
    """Every demo answer recorded (many proposals, accepted and dismissed), two small photos; in a smoke run, the
    small visit store every scenario shares, which has both kinds of decision too."""
    if is_smoke(scale):
        return shared_visit(scale)
    return store_fixture.visit_store(15 if scale >= 0.1 else 3, 2, None, (800, 600))


class Review:
    """A shown window on the Recommendations tab of the visit store."""

    def __init__(self, ws, assessment_id: int) -> None:  # a Workspace
        from homeassess.ui.kit.error_path import ErrorPath
        from homeassess.ui.shell.main_window import MainWindow
        from homeassess.ui.shell.window_services import WindowServices

        self.app = qt_app()
        self.window = MainWindow(WindowServices.from_workspace(ws), ErrorPath(None))
        self.window.resize(1280, 820)
        self.window.show()
        self.window.open_assessment(assessment_id)
        self.app.processEvents()
        self.screen = self.window.assessment
        self.review = self.screen.recommendations

    def show_tab(self) -> float:
        started = time.perf_counter()
        self.screen.tabs.setCurrentWidget(self.review)
        self.app.processEvents()
        return ms(time.perf_counter() - started)

    def timed(self, step) -> float:  # a callable
        started = time.perf_counter()
        step()
        self.app.processEvents()
        return ms(time.perf_counter() - started)

    def select_ref(self, ref: str) -> None:
        assert self.review.select_recommendation(ref)
        self.app.processEvents()

    def select(self, row: int) -> None:
        self.review.select_rows([row % max(1, self.review.proxy.rowCount())])
        self.app.processEvents()

    def close(self) -> None:
        close_window(self.window, self.app)


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    times: dict[str, list[float]] = {"accept": [], "dismiss": [], "undo": []}
    try:
        review = Review(ws, store.assessment_id)
        review.show_tab()
        review.review.set_filter(None)  # "All": every row stays in view whatever its status
        listed = ws.recommendations.list(store.assessment_id)
        count = len(listed)
        to_accept = [v.ref for v in listed if v.status.value != "accepted"]
        to_dismiss = [v.ref for v in listed if v.status.value != "dismissed"]
        undo = review.window.ops.undo_stack.undo
        warmups = warmup_count(scale, 1)  # the first round warms up
        for n in range(warmups + sample_count(scale, max(4, 4 * repeats))):
            review.select_ref(to_accept[n % len(to_accept)])
            accept = review.timed(review.review.accept_selected)
            undone = review.timed(undo)
            review.select_ref(to_dismiss[n % len(to_dismiss)])
            dismiss = review.timed(review.review.dismiss_selected)
            undone2 = review.timed(undo)
            if n >= warmups:
                times["accept"].append(accept)
                times["dismiss"].append(dismiss)
                times["undo"] += [undone, undone2]
        review.close()
    finally:
        ws.close()
    worst = max(median(v) for v in times.values())
    return result(
        NAME, worst, "ms", None, f"each < {BUDGET_MS:.0f} ms", worst < BUDGET_MS,
        f"{count} recommendations, {store.rooms} rooms; median accept {median(times['accept']):.1f} ms, "
        f"dismiss {median(times['dismiss']):.1f} ms, undo {median(times['undo']):.1f} ms (value: the slowest)",
        accept_ms=round(median(times["accept"]), 1), dismiss_ms=round(median(times["dismiss"]), 1),
        undo_ms=round(median(times["undo"]), 1), recommendations=count,
    )


def profile(scale: float) -> str:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        review = Review(ws, store.assessment_id)
        review.show_tab()
        review.review.set_filter(None)
        review.select_ref(next(v.ref for v in ws.recommendations.list(store.assessment_id) if v.status.value != "accepted"))

        def ten() -> None:
            for _ in range(5):
                review.review.accept_selected()
                review.app.processEvents()
                review.window.ops.undo_stack.undo()
                review.app.processEvents()

        text = "5 × (accept + undo) on the review:\n" + profile_top(ten, 24)
        review.close()
        return text
    finally:
        ws.close()
