"""Quitting: from the window's close to the process being free to exit, with the exit backup verified
(issue 13: "quitting returns control in under 1 s, with the backup still verified"; budget: < 1 s, absolute).

Value: on a shown ``MainWindow`` with the visit store's assessment open (the store is ≈ 84 MB, most of it photos),
what ``homeassess.app.run_app`` does from the clinician's Quit: ``window.close()`` (the close event: pending
operations, workers and an idle backup under way waited for, the layout saved) and its events processed, then
``backups.on_exit()`` and ``workspace.close()``. A fresh window and workspace per sample (untimed), so no backup
of this session is current and the store changed since the last one (opening the assessment is audited): the
worst case, where ``on_exit`` hands the backup to the detached step (``homeassess/store/exit_backup.py``) that
writes and verifies it once the store is closed. After each sample (untimed) the step is waited for and its
backup checked: it must exist, pass ``verify_backup`` and be the newest. The notes also give the quit when the
idle backup is current (nothing written) and how long the detached step took. No floor: the budget is absolute.
"""

from __future__ import annotations

import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import median, ms, profile_top, qt_app, result, visit
from homeassess.store.backup import verify_backup
from homeassess.store.location import STORE_FILE_NAME

NAME = "quit_with_backup"
POSITION = 95
BUDGET_MS = 1000.0


def _window(ws, assessment_id: int):  # a Workspace; a MainWindow
    from homeassess.ui.kit.error_path import ErrorPath
    from homeassess.ui.shell.main_window import MainWindow
    from homeassess.ui.shell.window_services import WindowServices

    app = qt_app()
    window = MainWindow(WindowServices.from_workspace(ws), ErrorPath(None))
    window.resize(1280, 820)
    window.show()
    window.open_assessment(assessment_id)
    app.processEvents()
    return window


def _quit(ws, window):  # a Workspace and a MainWindow; (ms of the three steps, ExitBackup)
    """The close event, the exit backup's decision and the store close, in ms (as run_app runs them)."""
    app = qt_app()
    started = time.perf_counter()
    window.close()
    app.processEvents()
    closed = time.perf_counter()
    done = ws.backups.on_exit()
    backed_up = time.perf_counter()
    ws.close()
    finished = time.perf_counter()
    return (ms(closed - started), ms(backed_up - closed), ms(finished - backed_up)), done


def _checked(ws, done) -> float:  # a Workspace and its ExitBackup
    """Wait for the detached step (untimed), check its backup is written, verified and the newest; its ms."""
    started = time.perf_counter()
    if done.detached is not None and not done.detached.wait(timeout=300):
        raise RuntimeError("the detached exit backup failed")
    took = ms(time.perf_counter() - started)
    newest = ws.backups.list()[0]
    if done.detached is not None and newest.reason != "exit":
        raise RuntimeError("the exit backup was not kept")
    verify_backup(newest.path, store_fixture.PASSPHRASE)
    return took


def _sample(store, *, idle_backup_first: bool):  # a VisitStore; (parts, ms of the detached step)
    ws = store_fixture.open_workspace(store.data_dir)
    window = _window(ws, store.assessment_id)
    if idle_backup_first:
        ws.backups.take_if_changed("idle")  # as the window does once the clinician has paused after a change
    parts, done = _quit(ws, window)
    window.deleteLater()
    qt_app().processEvents()
    return parts, _checked(ws, done)


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    runs = max(1, min(repeats, 5))
    parts: list[tuple[float, float, float]] = []
    detached: list[float] = []
    for _ in range(runs):
        sample, step = _sample(store, idle_backup_first=False)
        parts.append(sample)
        detached.append(step)
    current = [sum(_sample(store, idle_backup_first=True)[0]) for _ in range(max(1, min(runs, 3)))]
    totals = [sum(p) for p in parts]
    value = median(totals)
    size = (store.data_dir / STORE_FILE_NAME).stat().st_size
    return result(
        NAME, value, "ms", None, "< 1 s, the exit backup verified", value < BUDGET_MS,
        f"store changed since its last backup: close event {median([p[0] for p in parts]):.0f} ms, exit backup handed "
        f"to the detached step {median([p[1] for p in parts]):.0f} ms, store close {median([p[2] for p in parts]):.0f} ms "
        f"(medians of {runs}); the detached step then wrote and verified it in {median(detached):.0f} ms (after "
        f"quitting, every one checked); with the idle backup current, quitting took {median(current):.0f} ms "
        f"(nothing written); store {size / 1e6:.0f} MB",
        samples_ms=[round(t, 1) for t in totals],
        close_event_ms=[round(p[0], 1) for p in parts], exit_backup_ms=[round(p[1], 1) for p in parts],
        store_close_ms=[round(p[2], 1) for p in parts], detached_step_ms=[round(t) for t in detached],
        idle_backup_current_ms=[round(t, 1) for t in current],
    )


def profile(scale: float) -> str:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    window = _window(ws, store.assessment_id)
    box: list = []
    try:
        text = profile_top(lambda: box.append(_quit(ws, window)), 20, "tottime")
        return "Quit: close event, exit backup handed over, store close:\n" + text
    finally:
        window.deleteLater()
        qt_app().processEvents()
        if box:
            _checked(ws, box[0][1])
