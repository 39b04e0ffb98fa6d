"""Open an assessment of 15 rooms and 100 photos (budget: under 300 ms to interactive).

On a shown 1280 × 820 ``MainWindow`` (built fresh for every sample, untimed, so no thumbnail is cached), the home
screen's "Open" is what ``MainWindow.open_assessment(id)`` does: ``AssessmentScreen.open`` (assessment, client,
rooms and progress read, the audit event committed, room list, recommendations tab filled), the first room's
checklist generated and judged, its photo strip populated; then ``processEvents()`` lays out and paints the
screen, decoding the visible thumbnails. The clock stops when that returns and the checklist and strip are
checked to be filled. No floor: the budget is absolute. The store is the visit store (the first room holds
7 of the 100 photos).
"""

from __future__ import annotations

import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import (
    close_window,
    median,
    ms,
    profile_top,
    qt_app,
    result,
    sample_count,
    visit,
    warmup_count,
)

NAME = "open_assessment"
POSITION = 90
BUDGET_MS = 300.0



class _Window:
    def __init__(self, ws) -> None:  # a Workspace
        from homeassess.ui.kit.error_path import ErrorPath
        from homeassess.ui.shell.main_window import MainWindow
        from homeassess.ui.shell.window_services import WindowServices

        self.app = qt_app()
        self.window = MainWindow(WindowServices.from_workspace(ws), ErrorPath(None))
        self.window.show()
        self.app.processEvents()

    def open(self, assessment_id: int) -> None:
        self.window.open_assessment(assessment_id)
        self.app.processEvents()

    def close(self) -> None:
        close_window(self.window, self.app)


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    samples, items, photos = [], 0, 0
    try:
        runs, warmups = sample_count(scale, max(3, repeats)), warmup_count(scale, 1)  # the first one warms up
        for n in range(warmups + runs):
            w = _Window(ws)
            started = time.perf_counter()
            w.open(store.assessment_id)
            elapsed = ms(time.perf_counter() - started)
            screen = w.window.assessment
            items, photos = len(screen.checklist.rows), screen.photos.model.rowCount()
            assert screen.room_id is not None and items and photos == store.first_room_photos, (items, photos)
            w.close()
            if n >= warmups:
                samples.append(elapsed)
    finally:
        ws.close()
    value = median(samples)
    return result(
        NAME, value, "ms", None, f"< {BUDGET_MS:.0f} ms", value < BUDGET_MS,
        f"{store.rooms} rooms, {store.photos} photos; first room: {items} checklist items, {photos} photos in the strip; "
        "fresh window per sample; "
        f"samples {', '.join(f'{s:.0f}' for s in samples)} ms",
        samples_ms=[round(s, 1) for s in samples],
    )


def profile(scale: float) -> str:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        w = _Window(ws)
        w.open(store.assessment_id)
        w.close()
        w = _Window(ws)
        text = profile_top(lambda: w.open(store.assessment_id), 24)
        w.close()
        return "MainWindow.open_assessment + processEvents:\n" + text
    finally:
        ws.close()
