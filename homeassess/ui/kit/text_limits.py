"""The text limits of ``resources/limits.toml`` at entry: a field cannot hold more than an import would accept.

A one-line field stops taking characters at ``TEXT.line``; a multi-line one is cut back to
``TEXT.paragraph`` as it changes (a paste included), keeping the cursor where it was. The
same limits refuse longer text in an imported file (docs/limits.md).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from homeassess.domain.limits import TEXT


def limit_line(edit: QLineEdit, limit: int = TEXT.line) -> QLineEdit:
    edit.setMaxLength(limit)
    return edit


def limit_paragraph(edit: QPlainTextEdit, limit: int = TEXT.paragraph) -> QPlainTextEdit:
    def cut_back() -> None:
        text = edit.toPlainText()
        if len(text) <= limit:
            return
        position = min(edit.textCursor().position(), limit)
        edit.setPlainText(text[:limit])
        cursor = edit.textCursor()
        cursor.setPosition(position, QTextCursor.MoveAnchor)
        edit.setTextCursor(cursor)

    edit.textChanged.connect(cut_back)
    return edit


def limit_typed(text: str, limit: int = TEXT.line) -> str:
    """A value from a plain input dialog, held to the same limit."""
    return text[:limit]
