"""Undoable edits: each command calls the services, which commit at once.

A command is pushed after its first application already succeeded, so ``redo`` is a
no-op the first time (Qt calls it on push). Labels read as the Edit menu shows them:
"Undo set door clear width".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class ServiceCommand(QUndoCommand):
    """Undo and redo as two callables; the first redo is skipped (already done)."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._do()

    def undo(self) -> None:
        self._undo()
