"""The clinical report built in the window's Reports dialog, against the same build as the command line does it
(issue 13 point 9; budget: ≤ 1.2× the command-line build, same run).

Value: on a shown ``ReportDialog`` opened over a shown ``MainWindow`` with the assessment open (visit store: 15 rooms, 100 photos, 60 findings; clinical audience, every
room, photos, letter), "Build report" clicked; the clock stops when the built PDF is loaded in the preview
(``QPdfDocument`` ready, the page count shown) and the events that follow are processed. The build runs where
the dialog runs it: ``ReportService.build`` on the worker (``BackgroundJob``, global pool) with the dialog's
progress reporting and cancellation, the GUI thread running its event loop meanwhile.
Floor: ``ReportService.build(id, "clinical", paper_size="letter")`` called directly on the main thread with a
progress callback that does nothing, as ``homeassess report`` does. Interleaved, one warm-up each.
"""

from __future__ import annotations

import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import close_window, interleaved, median, ms, profile_top, qt_app, result, visit

NAME = "report_in_window"
POSITION = 62
BUDGET_RATIO = 1.2


class _Dialog:
    """The Reports dialog as the window opens it (a shown main window, the assessment open behind it), built once;
    ``build()`` builds and waits for the preview."""

    def __init__(self, ws, assessment_id: int) -> None:  # a Workspace
        from PySide6.QtPdf import QPdfDocument

        from homeassess.ui.dialogs.report_dialog import ReportDialog
        from homeassess.ui.kit.error_path import ErrorPath
        from homeassess.ui.shell.main_window import MainWindow
        from homeassess.ui.shell.window_services import WindowServices

        self.ready = QPdfDocument.Status.Ready
        self.app = qt_app()
        services = WindowServices.from_workspace(ws)
        self.window = MainWindow(services, ErrorPath(None))
        self.window.resize(1280, 820)
        self.window.show()
        self.window.open_assessment(assessment_id)
        self.app.processEvents()
        self.dialog = ReportDialog(services.reports(), self.window.ops, assessment_id,
                                   services.assessments.room_views(assessment_id), "letter", self.window)
        self.dialog.show()  # exec() in the product: the same event loop, modal
        self.app.processEvents()

    def build(self) -> None:
        from PySide6.QtCore import QEventLoop

        dialog = self.dialog
        dialog.document.close()
        dialog.build_button.click()
        while dialog.cancel_button.isEnabled() or dialog.document.status() != self.ready:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        self.app.processEvents()  # the preview lays out and paints its first pages
        if not dialog.document.pageCount():
            raise RuntimeError(f"the dialog did not build the report: {dialog.status.text()}")

    def close(self) -> None:
        self.dialog.close()
        close_window(self.window, self.app)


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    built: dict[str, object] = {}
    try:
        from homeassess.services.reports import ReportService, page_count

        window = _Dialog(ws, store.assessment_id)
        service = ReportService(ws)

        def command_line() -> None:
            built["pdf"] = service.build(store.assessment_id, "clinical", paper_size="letter",
                                         progress=lambda fraction, message: None)

        runs = max(1, min(repeats, 5))
        times = interleaved({"window": window.build, "command_line": command_line}, runs,
                            warmup=1 if repeats > 1 else 0)
        pages, window_pages = page_count(built["pdf"]), window.dialog.document.pageCount()
        window.close()
    finally:
        ws.close()
    value, floor_ms = median(times["window"]), median(times["command_line"])
    return result(
        NAME, value, "ms", floor_ms, f"≤ {BUDGET_RATIO}× floor", value <= BUDGET_RATIO * floor_ms,
        f"{store.rooms} rooms, {store.photos} photos, {store.findings} findings; {pages} pages from the command "
        f"line, {window_pages} in the preview; median of {runs}",
        samples_ms=[round(t, 1) for t in times["window"]], floor_samples_ms=[round(t, 1) for t in times["command_line"]],
    )


def profile(scale: float) -> str:
    """Where the GUI thread spends the window's build (the worker's time shows as the event-loop wait)."""
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        window = _Dialog(ws, store.assessment_id)
        window.build()
        started = time.perf_counter()
        text = profile_top(window.build, 24)
        elapsed = ms(time.perf_counter() - started)
        window.close()
        return f"ReportDialog build to the loaded preview, GUI thread ({elapsed:.0f} ms with the profiler):\n{text}"
    finally:
        ws.close()
