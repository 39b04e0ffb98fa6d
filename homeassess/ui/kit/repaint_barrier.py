"""A page whose inner changes repaint only what changed, not the whole window.

Qt answers a size-hint change anywhere inside a tab page (a button enabled, a count in a choice box,
a label's text) by laying out every widget up to the window, and ``QTabWidget`` repaints its whole
area on each such layout pass: a one-row accept on the Recommendations tab repainted the entire
window (1.2 million pixels painted on an 800 × 750 screen). The page's contents sit in a container without a
layout of its own, which sizes them to itself: their layout requests stop there, so only the widgets
whose geometry or content changed are painted again (0.2 million for the same accept).

(A ``QScrollArea`` stops them too, but it sizes word-wrapped contents to their preferred height for
the width: at 200 % on a 1080p screen the totals line went below the fold.)
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class RepaintBarrier(QWidget):
    """Holds ``contents`` at its own size; asks the window for the room the contents need at least."""

    def __init__(self, contents: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repaintBarrier")
        self.contents = contents
        contents.setParent(self)
        contents.setAutoFillBackground(True)  # opaque: what changes inside is not painted again behind it

    def sizeHint(self) -> QSize:  # Qt's name
        return self.contents.sizeHint()

    def minimumSizeHint(self) -> QSize:  # Qt's name
        return self.contents.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self.contents.setGeometry(self.rect())


def contain(page: QWidget, contents: QWidget) -> None:
    """Lay ``contents`` out as the whole of ``page``, behind a repaint barrier."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(RepaintBarrier(contents, page))
