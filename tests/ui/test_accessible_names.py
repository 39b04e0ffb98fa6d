"""Every control a screen reader can reach has a name, on every screen; the lock screen's field has a visible label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget

from tests.ui.screens import walk_screens


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads for the widget (its own, its text, or its label's)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Name).strip() if interface is not None else ""


def owner(widget: QWidget) -> QWidget:
    """The control a part stands in for: a focus proxy's owner, a spin box's or a date field's own line edit."""
    parent = widget.parentWidget()
    inner = parent is not None and (parent.focusProxy() is widget or isinstance(parent, QAbstractSpinBox))
    return parent if inner else widget


def unnamed_controls(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {owner(w).objectName() or w.objectName()!r}"
        for w in root.findChildren(QWidget)
        if w.isVisible() and w.window() is root and w.focusPolicy() & Qt.TabFocus and not spoken_name(owner(w))
    ]


def test_every_focusable_control_on_every_screen_has_a_name(qtbot, window, workspace):
    walked = []
    for screen, root in walk_screens(qtbot, window, workspace):
        walked.append(screen)
        assert unnamed_controls(root) == [], screen
    assert len(walked) >= 15  # home, visit, review, lock screen and every dialog, tab by tab


def test_the_lock_screen_field_has_a_visible_label(qtbot, window):
    window.lock()
    field = window.lock_screen.passphrase
    labels = [label for label in window.lock_screen.findChildren(QLabel) if label.buddy() is field]
    assert labels and labels[0].isVisible() and "Passphrase" in labels[0].text()
    assert spoken_name(field).startswith("Passphrase")
