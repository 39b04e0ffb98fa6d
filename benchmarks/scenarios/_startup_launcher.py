"""Launched fresh by the start-up scenarios: start the program (or a bare window), stamp the paints, exit.

``python _startup_launcher.py unlock DATA_DIR``: ``homeassess --data-dir DATA_DIR`` as a clinician starts it
(``homeassess.cli.main``), until the unlock dialog's first Paint event.

``python _startup_launcher.py home DATA_DIR``: the same; once the dialog is painted and the program has loaded
the rest of itself in the background (as it does while the clinician types), the passphrase from
HOMEASSESS_PASSPHRASE is typed and accepted (what Enter does); stamps the moment it is accepted and the home
window's first Paint event.

``python _startup_launcher.py floor``: a bare PySide6 QMainWindow of the same size, shown (first Paint).

``python _startup_launcher.py home-floor DATA_DIR``: a bare window shown first; then, timed: the store's key
derived alone (``open_connection``, the product's one keyed connection) and a second bare window shown until
its first Paint.

Paint stamps are ``time.perf_counter()`` (CLOCK_MONOTONIC, the parent's clock too, so it subtracts its own stamp
taken just before the spawn). One JSON line on stdout: {"marks": {...}}; then the process ends at once.
"""

from __future__ import annotations

import time

_marks: dict[str, float] = {"main": time.perf_counter()}

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

SIZE = (1280, 820)


def _finish() -> None:
    print(json.dumps({"marks": _marks}), flush=True)
    os._exit(0)  # the moment is stamped; nothing after it is timed or needed


def _on_first_paint(widget, mark: str, then) -> object:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # Qt API
            if event.type() == QEvent.Type.Paint and mark not in _marks:
                _marks[mark] = time.perf_counter()
                then()
            return False

    watcher = FirstPaint()
    widget.installEventFilter(watcher)
    return watcher


def bare_window():  # a QMainWindow
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.setWindowTitle("HomeAssess")
    window.resize(*SIZE)
    return window


def run_floor() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    window = bare_window()
    keep = _on_first_paint(window, "painted", _finish)
    window.show()
    app.exec()
    del keep


def run_home_floor(data_dir: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from homeassess.store.engine import STORE_FILE_NAME, open_connection

    app = QApplication(sys.argv[:1])
    first = bare_window()
    second = bare_window()

    def timed() -> None:
        _marks["accepted"] = time.perf_counter()
        open_connection(data_dir / STORE_FILE_NAME, os.environ["HOMEASSESS_PASSPHRASE"]).close()
        _marks["key_derived"] = time.perf_counter()
        second.show()

    keep = [_on_first_paint(first, "warm", lambda: QTimer.singleShot(50, timed)),
            _on_first_paint(second, "painted", _finish)]
    first.show()
    app.exec()
    del keep


def run_program(data_dir: Path, then_unlock: bool) -> None:
    """The real start (``homeassess --data-dir DATA_DIR``), its dialog and window watched as the floor's window is.

    The watchers go on the two widgets themselves, as the program hands them to ``after_first_paint`` (its own
    first-paint hook): an application-wide Python event filter would make PySide wrap every object that gets an
    event (the style among them, whose enums it then builds) and cost the program time the floor does not pay.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QMainWindow

    import homeassess.app as program
    from homeassess.cli import main
    from homeassess.ui.shell import startup

    preloads, watchers = [], []

    class WatchedPreload(program.Preload):
        def __init__(self, *args, **kwargs) -> None:  # Preload's
            super().__init__(*args, **kwargs)
            preloads.append(self)

    def accept_when_loaded(dialog: QDialog) -> None:
        if not preloads or not preloads[0].ready():
            QTimer.singleShot(10, lambda: accept_when_loaded(dialog))
            return
        _marks["loaded"] = time.perf_counter()
        dialog.passphrase.setText(os.environ["HOMEASSESS_PASSPHRASE"])
        dialog.repeat.setText(os.environ["HOMEASSESS_PASSPHRASE"])
        _marks["accepted"] = time.perf_counter()
        dialog.try_unlock()

    def dialog_painted(dialog: QDialog) -> None:
        if not then_unlock:
            _finish()
        QTimer.singleShot(0, lambda: accept_when_loaded(dialog))

    def watch(widget) -> None:  # the dialog or the main window
        if isinstance(widget, QDialog) and not watchers:
            watchers.append(_on_first_paint(widget, "unlock_painted", lambda: dialog_painted(widget)))
        elif isinstance(widget, QMainWindow) and "accepted" in _marks:
            watchers.append(_on_first_paint(widget, "painted", _finish))

    real_after_first_paint = startup.after_first_paint

    def watched_after_first_paint(widget, then, **kwargs):  # first_paint's
        hook = real_after_first_paint(widget, then, **kwargs)
        watch(widget)  # installed last, so called first: the stamp comes before the program's own work
        return hook

    startup.after_first_paint = watched_after_first_paint
    program.Preload = WatchedPreload
    main(["--data-dir", str(data_dir)])
    raise SystemExit("the program ended before the moment was stamped")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "floor":
        run_floor()
    elif mode == "home-floor":
        run_home_floor(Path(sys.argv[2]))
    else:
        run_program(Path(sys.argv[2]), then_unlock=mode == "home")
    return 1


if __name__ == "__main__":
    sys.exit(main())
