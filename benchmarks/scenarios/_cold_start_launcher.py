"""Launched fresh by the cold-start scenario: start, paint the first window, print when, exit.

``python _cold_start_launcher.py app DATA_DIR``: what ``homeassess`` does on start (homeassess.ui.application.run)
with the unlock dialog replaced by the passphrase in HOMEASSESS_PASSPHRASE: import the program, create the
QApplication, set up logging and the error path, open and unlock the store, build the services, record the
unlock in the audit trail, take the daily backup if one is due, build the MainWindow (home screen listed) and
show it.

``python _cold_start_launcher.py floor``: a bare PySide6 QMainWindow of the same size, shown.

Either way, the first Paint event delivered to the window stamps ``time.perf_counter()`` (CLOCK_MONOTONIC, the
same clock as the parent's, so the parent subtracts its own stamp taken just before it spawned this process),
then the event loop quits. One JSON line on stdout: {"paint": t, "marks": {...}}; ``marks`` are perf_counter
stamps of the steps on the way (imports done, store open, window built), for the notes.
"""

from __future__ import annotations

import time

_marks: dict[str, float] = {"main": time.perf_counter()}

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def _watch_first_paint(app, window) -> object:  # noqa: ANN001
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802 - Qt API
            if self.at is None and obj is window and event.type() == QEvent.Type.Paint:
                self.at = time.perf_counter()
                QTimer.singleShot(0, self._painted)
            return False

        def _painted(self) -> None:
            _marks["all_painted"] = time.perf_counter()  # the window's children painted too
            app.quit()

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    return watcher


def run_floor() -> float:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _marks["imports"] = time.perf_counter()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("HomeAssess")
    window.resize(1280, 820)
    watcher = _watch_first_paint(app, window)
    window.show()
    app.exec()
    return watcher.at


def run_app(data_dir: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from homeassess.domain.judge import Judge
    from homeassess.logs import configure_logging
    from homeassess.services.workspace import Workspace
    from homeassess.store.location import log_dir
    from homeassess.store.store import Store
    from homeassess.ui.application import start_session
    from homeassess.ui.error_path import ErrorPath
    from homeassess.ui.main_window import MainWindow

    _marks["imports"] = time.perf_counter()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("HomeAssess")
    app.setOrganizationName("HomeAssess")
    errors = ErrorPath(configure_logging(log_dir(data_dir)))
    errors.install()
    store = Store.open(data_dir, os.environ["HOMEASSESS_PASSPHRASE"])
    _marks["store_open"] = time.perf_counter()
    workspace = Workspace.build(store, Judge.load())
    start_session(workspace, 0, created=False)
    workspace.backups.daily_if_due()
    _marks["session"] = time.perf_counter()
    window = MainWindow(workspace, errors, None)
    app.installEventFilter(window.idle)
    _marks["window_built"] = time.perf_counter()
    watcher = _watch_first_paint(app, window)
    window.show()
    app.exec()
    window.close()
    workspace.close()
    return watcher.at


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    at = run_floor() if sys.argv[1] == "floor" else run_app(Path(sys.argv[2]))
    print(json.dumps({"paint": at, "marks": _marks}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
