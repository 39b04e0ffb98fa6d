"""Run something once a widget has been painted for the first time (the unlock dialog, the main window).

The program paints first and loads or builds the rest afterwards: the background load after the unlock
dialog appears, the spare store connections and the assessment screen after the home screen appears.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Calls ``then`` once, when the watched widget has been painted for the first time.

    With ``later``, ``then`` runs from the event loop just after that paint (it may build widgets),
    rather than inside the paint event.
    """

    def __init__(self, then: Callable[[], None], *, later: bool = False) -> None:
        super().__init__()
        self._then: Callable[[], None] | None = then
        self._later = later

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            if self._later:
                QTimer.singleShot(0, self, then)  # dropped if the widget is gone by then
            else:
                then()
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None], *, later: bool = False) -> FirstPaint:
    """Watch ``widget`` for its first paint; keep the returned watcher alive as long as the widget."""
    watcher = FirstPaint(then, later=later)
    watcher.setParent(widget)  # lives and dies with the widget
    widget.installEventFilter(watcher)
    return watcher
