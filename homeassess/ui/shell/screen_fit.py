"""The window fits its screen: never larger than the screen's available area, wherever it was left.

A saved geometry from a larger monitor, a 200 % scale that halves the logical screen, or the
default 1280 × 820 on a small laptop: each is cut down to the available area (task bar and
docks excluded) and moved back onto it. The screens' own minimum sizes are kept small enough
(docs/ui.md, "Every size") that a window this size still shows the checklist.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    area = available_area(window)
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()  # the title bar and borders
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - width - extra_w + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height - extra_h + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)
