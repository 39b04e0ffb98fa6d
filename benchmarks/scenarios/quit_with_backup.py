"""Quitting: from the window's close to the process being free to exit, the exit backup written and verified
(issue 13: "quitting returns control in under 1 s, with the backup still verified"; budget: < 1 s, absolute).

Value: on a shown ``MainWindow`` with the visit store's assessment open (the store is ≈ 84 MB, most of it photos),
what ``homeassess.app.run_app`` does from the clinician's Quit: ``window.close()`` (the close event: pending
operations and workers waited for, the layout saved) and its events processed, then ``backups.on_exit()``
(``VACUUM INTO`` a snapshot, reopened with the passphrase, ``integrity_check``, ``cipher_integrity_check``, row
counts, rotation) and ``workspace.close()``. A fresh window and workspace per sample (untimed). The notes split the
time into the close event, the backup and the store close. No floor: the budget is absolute.
"""

from __future__ import annotations

import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import median, ms, profile_top, qt_app, result
from benchmarks.scenarios.clinical_report import visit
from homeassess.store.location import STORE_FILE_NAME

NAME = "quit_with_backup"
POSITION = 95
BUDGET_MS = 1000.0


def _window(ws, assessment_id: int):  # noqa: ANN001, ANN202 - a Workspace; a MainWindow
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


def _quit(ws, window) -> tuple[float, float, float]:  # noqa: ANN001 - a Workspace and a MainWindow
    """The close event, the exit backup and the store close, in ms (as run_app runs them)."""
    app = qt_app()
    started = time.perf_counter()
    window.close()
    app.processEvents()
    closed = time.perf_counter()
    backup = ws.backups.on_exit()
    backed_up = time.perf_counter()
    ws.close()
    done = time.perf_counter()
    if not backup.path.exists():
        raise RuntimeError("the exit backup was not kept")
    return ms(closed - started), ms(backed_up - closed), ms(done - backed_up)


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    runs = max(1, min(repeats, 5))
    parts: list[tuple[float, float, float]] = []
    for _ in range(runs):
        ws = store_fixture.open_workspace(store.data_dir)
        window = _window(ws, store.assessment_id)
        parts.append(_quit(ws, window))
        window.deleteLater()
        qt_app().processEvents()
    totals = [sum(p) for p in parts]
    value = median(totals)
    size = (store.data_dir / STORE_FILE_NAME).stat().st_size
    return result(
        NAME, value, "ms", None, "< 1 s, the exit backup verified", value < BUDGET_MS,
        f"close event {median([p[0] for p in parts]):.0f} ms, exit backup written and verified "
        f"{median([p[1] for p in parts]):.0f} ms, store close {median([p[2] for p in parts]):.0f} ms (medians); "
        f"store {size / 1e6:.0f} MB; median of {runs}",
        samples_ms=[round(t, 1) for t in totals],
        close_event_ms=[round(p[0], 1) for p in parts], backup_ms=[round(p[1], 1) for p in parts],
        store_close_ms=[round(p[2], 1) for p in parts],
    )


def profile(scale: float) -> str:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    window = _window(ws, store.assessment_id)
    try:
        return "Quit: close event, exit backup, store close:\n" + profile_top(lambda: _quit(ws, window), 20, "tottime")
    finally:
        window.deleteLater()
        qt_app().processEvents()
