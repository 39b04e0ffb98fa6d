"""The Qt side of starting the program: the QApplication, the unlock dialog, the event loop.

``homeassess.app`` (the composition root) calls these in order; everything that is not Qt
(opening the store, building the services) stays there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from homeassess.domain.data_files import resources_dir
from homeassess.ui.shell.main_window import MainWindow
from homeassess.ui.shell.unlock_dialog import UnlockDialog

T = TypeVar("T")


def qt_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HomeAssess")
    app.setOrganizationName("HomeAssess")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "homeassess.png")))
    return app


def ask_to_unlock(open_store: Callable[[str], T], creating: bool) -> tuple[T, int] | None:
    """Ask for the passphrase until ``open_store`` accepts it: (what it returned, failed attempts), or None if cancelled."""
    failures = [0]
    dialog = UnlockDialog(open_store, creating, on_failure=lambda: failures.__setitem__(0, failures[0] + 1))
    if dialog.exec() != UnlockDialog.Accepted:
        return None
    return cast(T, dialog.result_value), failures[0]


def window_geometry_store() -> QSettings:
    return QSettings()


def run_window(app: QApplication, window: MainWindow) -> int:
    """Show the window and run until it closes; the idle lock sees every key and click."""
    app.installEventFilter(window.idle)
    window.show()
    return app.exec()
