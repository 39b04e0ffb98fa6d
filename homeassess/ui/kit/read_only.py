"""A form shown read-only reads like a document: normal text, never the grey of disabled controls.

Text fields, spin boxes and date fields are made read-only (their text stays selectable and in the
Tab order); choice boxes, check boxes and buttons that would change something stop taking the
mouse and the keyboard, and keep their normal colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget


def show_read_only(root: QWidget) -> None:
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
            widget.setReadOnly(True)
        elif isinstance(widget, (QComboBox, QAbstractButton)) and widget.window() is not widget:
            widget.setAttribute(Qt.WA_TransparentForMouseEvents)
            widget.setFocusPolicy(Qt.NoFocus)
