"""What a form holds, as one comparable value: whether anything was typed since it opened.

A dialog takes ``form_snapshot`` when it opens; on Esc or Cancel it compares and, when something
changed, asks before throwing it away (``ask_before_discarding``). Nothing typed: it closes at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from homeassess.ui.kit import prompts


def form_snapshot(root: QWidget) -> tuple[object, ...]:
    values: list[object] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            values.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentIndex())
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            values.append(tuple(widget.item(i).text() for i in range(widget.count())))
    return tuple(values)


def ask_before_discarding(dialog: QWidget, opened_with: tuple[object, ...]) -> bool:
    """True when the dialog may close: nothing changed, or the clinician agrees to discard it."""
    if form_snapshot(dialog) == opened_with:
        return True
    return prompts.confirm(dialog, "Discard changes", "Discard what you typed in this form?")
