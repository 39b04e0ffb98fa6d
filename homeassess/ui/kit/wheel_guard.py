"""No value changes unless the clinician meant it: the mouse wheel scrolls the page, not the field under it.

Qt's choice boxes, spin boxes and date fields take a wheel turn over them as a change of value,
even when the pointer is only passing on the way down a checklist. Every such editor the window
makes goes through ``guard_wheel`` (or ``guard_wheels_in`` for a whole form):

- a closed choice box never takes the wheel (an open one has its own list, which scrolls);
- a spin box or date field takes it only while it has the keyboard focus;
- the wheel never gives them the focus (``Qt.StrongFocus``, not ``Qt.WheelFocus``);
- the turn they decline goes to the scroll area around them, so the page scrolls as expected.

A checklist guards its text fields too: they have no use for the wheel, and handing it on
explicitly scrolls the page the same way whatever the kind of field under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """The one event filter every guarded editor shares."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Wheel or not isinstance(watched, QWidget) or not declines_wheel(watched):
            return False
        area = scroll_area_around(watched)
        if area is None:
            event.ignore()  # no page to scroll here: let the parent have it, the value stays
            return True
        QApplication.sendEvent(area.viewport(), event)
        event.accept()  # the page scrolled: the turn is used up
        return True


def declines_wheel(editor: QWidget) -> bool:
    if isinstance(editor, QAbstractSpinBox):
        return not editor.hasFocus()
    return True  # a closed choice box (the wheel over an open one reaches its list), a text field


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_GUARD: WheelGuard | None = None


def _guard() -> WheelGuard:
    global _GUARD
    if _GUARD is None:
        _GUARD = WheelGuard(QApplication.instance())
    return _GUARD


def guard_wheel(editor: QWidget) -> QWidget:
    """This editor ignores the wheel unless it is meant for it (see the module text); returns it."""
    editor.setFocusPolicy(Qt.StrongFocus)
    editor.installEventFilter(_guard())
    return editor


def guard_wheels_in(root: QWidget) -> None:
    """Every choice box, spin box and date field already inside ``root``."""
    for kind in GUARDED:
        for editor in root.findChildren(kind):
            guard_wheel(editor)
