"""The Qt side of starting the program: the QApplication, the unlock dialog, the event loop.

``homeassess.app`` (the composition root) calls these in order; everything that is not Qt
(opening the store, building the services) stays there. Importing this module imports no more
than the unlock dialog needs: the dialog is painted before the rest of the program loads. (PySide6
builds a class's enums the first time it is touched, a few milliseconds each: the classes the first
run's progress window and the settings need are imported where they are used.)
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from homeassess.domain.data_files import resources_dir
from homeassess.ui.kit.palette import theme
from homeassess.ui.shell.first_paint import after_first_paint
from homeassess.ui.shell.unlock_dialog import UnlockDialog

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from homeassess.ui.shell.main_window import MainWindow

T = TypeVar("T")


def qt_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HomeAssess")
    app.setOrganizationName("HomeAssess")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "homeassess.png")))
    app.setStyle("Fusion")  # draws with the palette's colours on every platform, so their contrast holds
    theme().follow_system()
    return app


def ask_to_unlock(open_store: Callable[[str], T], creating: bool,
                  painted: Callable[[], None] | None = None) -> tuple[T, int] | None:
    """Ask for the passphrase until ``open_store`` accepts it: (what it returned, failed attempts), or None if cancelled.

    ``painted`` is called once the dialog is on screen (the program loads the rest of itself then).
    """
    failures = [0]
    dialog = UnlockDialog(open_store, creating, on_failure=lambda: failures.__setitem__(0, failures[0] + 1))
    if painted is not None:
        after_first_paint(dialog, painted)
    if dialog.exec() != UnlockDialog.Accepted:
        return None
    return cast(T, dialog.result_value), failures[0]


class _Finished(QObject):
    done = Signal()  # emitted on the worker thread, delivered on the GUI thread


def run_with_progress(text: str, work: Callable[[], T]) -> T:
    """``work`` on a thread while a busy indicator says ``text`` (the first run's store and demo): never a
    blank screen. Returns what ``work`` returned, or raises what it raised, on the GUI thread."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setWindowTitle("HomeAssess")
    dialog.setCancelButton(None)  # it cannot be stopped half way
    dialog.setMinimumDuration(0)
    dialog.setAccessibleName(text)
    outcome: dict[str, object] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.QueuedConnection)

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:
            finished.done.emit()

    dialog.show()
    threading.Thread(target=run, name="homeassess-first-run", daemon=True).start()
    loop.exec()
    dialog.close()
    if "error" in outcome:
        raise cast(BaseException, outcome["error"])
    return cast(T, outcome["value"])


def window_geometry_store() -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings()


def run_window(app: QApplication, window: MainWindow, painted: Callable[[], None] | None = None) -> int:
    """Show the window and run until it closes; the idle lock sees every key and click.

    ``painted`` runs just after the window's first paint (what the home screen does not need waits for it)."""
    app.installEventFilter(window.idle)
    if painted is not None:
        after_first_paint(window, painted, later=True)
    window.show()
    return app.exec()
