"""What each form field was given, so a field the clinician left as shown keeps its exact stored value.

A length shown to the nearest 1/8 in, a weight to 0.1 lb, a list joined one per line: reading
them back from the text would change the stored profile although nothing was typed. A field whose
text is still what it was given returns the value it was given; only an edited field is read again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def field_text(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()


class ShownValues:
    def __init__(self) -> None:
        self._given: dict[QLineEdit | QPlainTextEdit, tuple[str, Any]] = {}

    def show(self, edit: QLineEdit | QPlainTextEdit, text: str, value: Any) -> None:
        """Put ``text`` in the field, remembering ``value`` as what it stands for."""
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)
        self._given[edit] = (field_text(edit), value)

    def read(self, edit: QLineEdit | QPlainTextEdit, parse: Callable[[str], Any]) -> Any:
        """The value given when the text is unchanged, else ``parse`` of what was typed."""
        text = field_text(edit)
        given = self._given.get(edit)
        if given is not None and given[0] == text:
            return given[1]
        return parse(text)
