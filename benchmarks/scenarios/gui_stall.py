"""GUI-thread stall during a 50-photo import (budget: longest gap under 50 ms). Reuses ``benchmarks/gui_stall.py``.

50 camera-like 12 MP JPEGs are imported through a shown ``PhotoStrip`` exactly as "Add photos…" does (worker
thread, progress bar, live thumbnail refresh, final refresh), while a 10 ms ``QTimer`` on the GUI thread
records the gaps between its ticks (``benchmarks.gui_stall.measure``).

Each run is what a clinician does after starting the program: a store just opened (``Store.open``: one
unlocked connection in the pool, as at start-up), a draft assessment, and the import into its empty first room.
Then a second import in the same session, into the second room. Value: the longest gap seen in any of these
imports over all runs (the budget is a longest stall, so the maximum, not a median, is the figure; each
import's own is in the notes). No floor: the budget is absolute. A watchdog thread samples the GUI thread's stack
during any gap of 40 ms or more (``StallSampler``); those stacks become the record's ``profile``.
"""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer

from benchmarks import gui_stall as stall
from benchmarks import store_fixture
from benchmarks.scenarios._common import median, qt_app, result, scaled
from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.operations import Operations
from homeassess.ui.photos.photo_strip import PhotoStrip

NAME = "gui_stall"
POSITION = 50
BUDGET_MS = stall.BUDGET_MS


def _session(app, folder, paths: list, measure) -> list[tuple[float, list[float]]]:
    """A freshly opened store; the first import into room 1, then a second into room 2."""
    ws = store_fixture.open_workspace(folder, create=True)
    out = []
    try:
        aid = ws.assessments.create(NewAssessment(
            client=ClientProfile(name="Benchmark"), details=AssessmentDetails(),
            rooms=[RoomSpec(type="bathroom", name="Bathroom"), RoomSpec(type="bedroom", name="Bedroom")],
        )).value
        rooms = [v.id for v in ws.assessments.room_views(aid)]
        ops = Operations(ErrorPath(None))
        strip = PhotoStrip(ws.photo_import, ws.judge.catalogue, ops, ActionRegistry())
        strip.resize(1200, 260)
        strip.show()
        for room in rooms:
            strip.set_room(aid, room, read_only=False)
            app.processEvents()
            seconds, gaps = measure(strip, paths)
            assert strip.model.rowCount() == len(paths), strip.model.rowCount()
            out.append((seconds, gaps))
        ops.wait()
        strip.close()
        strip.deleteLater()
        # Deleted here, before the store closes: processEvents() does not run deferred deletes, and a strip left
        # for a later event loop (another scenario, another test in the same pytest worker) outlives its store.
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        app.processEvents()
    finally:
        ws.close()
    return out


def _imports(scale: float, runs: int, measure=stall.measure):
    """``runs`` sessions; returns (photo count, size, first imports, second imports) with (seconds, gaps) each."""
    app = qt_app()
    count = scaled(50, scale, 2)
    size = stall.SIZE if scale >= 0.1 else (800, 600)
    folder = store_fixture.scratch_dir("stall")
    (folder / "camera").mkdir()
    paths = stall.write_photos(folder / "camera", count, size)
    first, second = [], []
    for n in range(runs):
        cold, warm = _session(app, folder / f"store-{n}", paths, measure)
        first.append(cold)
        second.append(warm)
    return count, size, first, second


def _stack(frame) -> str:  # a frame
    """The product's frames on the way to the innermost two (library internals between them left out)."""
    frames = traceback.extract_stack(frame, limit=60)
    kept = [f for f in frames[:-2] if "/homeassess/" in f.filename] + list(frames[-2:])
    return "".join(traceback.format_list(kept))


class StallSampler:
    """While an import runs, a watchdog thread samples the GUI thread's Python stack every 5 ms whenever the GUI
    thread has not ticked (5 ms timer) for 40 ms: what it was doing when it could not repaint."""

    def __init__(self) -> None:
        qt_app()  # before the timer: it needs the GUI thread's event dispatcher
        self.gui = threading.get_ident()
        self.last = time.perf_counter()
        self.samples: collections.Counter[str] = collections.Counter()
        self.stop, self.importing = threading.Event(), threading.Event()
        self.timer = QTimer(interval=5, timerType=Qt.PreciseTimer, timeout=self._tick)
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _tick(self) -> None:
        self.last = time.perf_counter()

    def _watch(self) -> None:
        while not self.stop.wait(0.005):
            if self.importing.is_set() and time.perf_counter() - self.last > 0.040:
                frame = sys._current_frames().get(self.gui)  # the documented way to sample a thread
                if frame is not None:
                    self.samples[_stack(frame)] += 1

    def measure(self, strip, paths):  # benchmarks.gui_stall.measure, sampled
        self.importing.set()
        try:
            return stall.measure(strip, paths)
        finally:
            self.importing.clear()

    def __enter__(self) -> StallSampler:
        self.timer.start()
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.timer.stop()
        self.thread.join()

    def report(self, top: int = 2) -> str:
        if not self.samples:
            return "no stall of 40 ms or more was sampled"
        return "GUI-thread stacks during gaps ≥ 40 ms (5 ms samples; HomeAssess frames, then the innermost two):\n" + "\n".join(
            f"--- {n} samples:\n{stack.rstrip()}" for stack, n in self.samples.most_common(top))


def run(scale: float, repeats: int) -> dict:
    runs = repeats
    with StallSampler() as sampler:
        count, size, first, second = _imports(scale, runs, sampler.measure)
    worst = [max(gaps) for _, gaps in first]
    warm = [max(gaps) for _, gaps in second]
    value = max(worst + warm)
    all_gaps = sorted(g for _, gaps in first + second for g in gaps)
    p99 = all_gaps[int(0.99 * (len(all_gaps) - 1))]
    extra = {"profile": sampler.report()} if sampler.samples else {}  # the measured runs' own stall stacks
    return result(
        NAME, value, "ms", None, f"< {BUDGET_MS} ms longest gap", value < BUDGET_MS,
        f"{count} photos of {size[0]}×{size[1]} per import, {runs} session(s) of two imports; longest gap, first "
        f"import after opening the store: {', '.join(f'{w:.1f}' for w in worst)} ms; second import: "
        f"{', '.join(f'{w:.1f}' for w in warm)} ms (10 ms tick included; median of all "
        f"{median(worst + warm):.1f}); p99 gap {p99:.1f} ms; {median([s for s, _ in first]):.1f} s per import",
        per_run_max_gap_ms=[round(w, 1) for w in worst], second_import_max_gap_ms=[round(w, 1) for w in warm],
        p99_gap_ms=round(p99, 1), import_s=round(median([s for s, _ in first]), 2), **extra,
    )
