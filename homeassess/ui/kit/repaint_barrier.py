"""A page whose inner changes repaint only what changed, not the whole window.

Qt answers a size-hint change anywhere inside a tab page (a button enabled, a count in a choice box,
a label's text) by laying out every widget up to the window, and ``QTabWidget`` repaints its whole
area on each such layout pass: a one-row accept on the Recommendations tab repainted the entire
window (5.3 million pixels on a 800 × 750 screen). A frameless, resizable ``QScrollArea`` around the
page's contents ends that chain: it takes the contents' layout requests itself, so only the widgets
whose geometry or content changed are painted again (0.7 million for the same dismiss).
The page still fills the tab; a scroll bar appears only if the window is smaller than the page's
minimum size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def contain(page: QWidget, contents: QWidget) -> None:
    """Lay ``contents`` out as the whole of ``page``, behind a repaint barrier."""
    area = QScrollArea(page)
    area.setObjectName("repaintBarrier")
    area.setFrameShape(QFrame.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.NoFocus)  # not a control: Tab goes straight to the page's own fields
    area.setWidget(contents)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
