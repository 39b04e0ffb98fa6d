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
from homeassess.ui.kit.palette import Scheme, theme
from homeassess.ui.kit.script_fonts import register_script_fonts
from homeassess.ui.shell.first_paint import after_first_paint
from homeassess.ui.shell.unlock_dialog import UnlockDialog

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from homeassess.ui.shell.main_window import MainWindow

T = TypeVar("T")


STYLE = "Fusion"  # draws with the palette's colours on every platform, so their contrast holds
SCHEME_SETTING = "appearance/scheme"  # the scheme the last start showed, in the program's QSettings


def qt_application() -> QApplication:
    """The application, styled, in the colour scheme of the last start (the system's is followed after the first
    paint: :func:`follow_system_scheme`)."""
    existing = QApplication.instance()
    # A new application is given its style on Qt's command line: ``setStyle`` hands back a Python QStyle, whose
    # enums PySide builds first (about 8 % of a bare window's start).
    app = existing or QApplication([*sys.argv, "-style", STYLE])
    app.setApplicationName("HomeAssess")
    app.setOrganizationName("HomeAssess")
    if existing is not None:
        app.setStyle(STYLE)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "homeassess.png")))
    theme().apply(remembered_scheme())
    return app


def remembered_scheme() -> Scheme:
    from PySide6.QtCore import QSettings

    try:
        return Scheme(QSettings().value(SCHEME_SETTING, Scheme.LIGHT.value))
    except ValueError:  # a value written by hand, or by a later version
        return Scheme.LIGHT


def follow_system_scheme() -> None:
    """Follow the system's colour scheme from now on, and remember it for the next start.

    Called once the first dialog is painted: reading the scheme makes PySide build the ``Qt`` namespace's
    enums (about 1,200 members, a fifth of a bare window's start), which the first paint does not wait for. A
    scheme changed since the last start therefore shows a moment after that paint; otherwise nothing changes."""
    theme().changed.connect(_remember_scheme)
    theme().follow_system()


def hold_references_for_emits() -> None:
    """Keep ``True`` referenced where this PySide6's emits drop references to it (``ui/kit/signal_references.py``)."""
    from homeassess.ui.kit.signal_references import keep_true_referenced

    app = QApplication.instance()
    if app is not None:
        keep_true_referenced(app)


def _remember_scheme(scheme: Scheme) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings()
    settings.setValue(SCHEME_SETTING, scheme.value)
    settings.sync()


def ask_to_unlock(open_store: Callable[[str], T], creating: bool,
                  painted: Callable[[], None] | None = None) -> tuple[T, int] | None:
    """Ask for the passphrase until ``open_store`` accepts it: (what it returned, failed attempts), or None if cancelled.

    ``painted`` is called once the dialog is on screen (the program loads the rest of itself then).
    """
    failures = [0]
    dialog = UnlockDialog(open_store, creating, on_failure=lambda: failures.__setitem__(0, failures[0] + 1))
    after_first_paint(dialog, follow_system_scheme, later=True)
    after_first_paint(dialog, hold_references_for_emits, later=True)
    after_first_paint(dialog, register_script_fonts, later=True)  # names in any script, before any is listed
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
    """Show the window and run until it closes; the idle lock sees every key and click from its first paint on.

    ``painted`` runs just after the window's first paint (what the home screen does not need waits for it). The
    idle lock's application-wide event filter is installed then too: before it, every event of every widget
    being shown and laid out would pass through Python (a third of the time from the unlock to the paint)."""

    def on_first_paint() -> None:
        app.installEventFilter(window.idle)
        if painted is not None:
            painted()

    after_first_paint(window, on_first_paint, later=True)
    window.show()
    return app.exec()
