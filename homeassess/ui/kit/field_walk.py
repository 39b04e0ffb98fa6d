"""Enter moves to the next field of a form, as in the checklist: a laser meter that types and presses Enter keeps working.

``FieldWalk`` holds the fields of a form in the order they are filled in. Enter in one of them
saves it (``commit``, the form's own saving) and puts the focus on the next field that can take
input (enabled, shown, not read-only unless the whole form is read-only), scrolled into view.
On a choice box Enter saves the choice shown; a closed choice box keeps its arrow keys.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QScrollArea, QWidget

ENTER_KEYS = (Qt.Key_Return, Qt.Key_Enter)
VERDICT_ROOM = 72  # pixels kept in view under a field: its verdict or message


class FieldWalk(QObject):
    def __init__(self, scroll: QScrollArea | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scroll = scroll
        self._fields: list[QWidget] = []
        self._index: dict[QWidget, int] = {}  # field -> its place in the order
        self._commits: dict[QWidget, Callable[[], None]] = {}

    def clear(self) -> None:
        self._fields.clear()
        self._index.clear()
        self._commits.clear()

    def add(self, field: QWidget, commit: Callable[[], None] | None = None) -> QWidget:
        """``field`` is next in the order; Enter in it runs ``commit`` first (when given)."""
        self._index[field] = len(self._fields)
        self._fields.append(field)
        if commit is not None:
            self._commits[field] = commit
        field.installEventFilter(self)
        return field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind == QEvent.FocusIn and isinstance(watched, QWidget):
            self.show(watched)
            return False
        if kind != QEvent.KeyPress or not isinstance(event, QKeyEvent) or watched not in self._index:
            return False
        if event.key() not in ENTER_KEYS or event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
            return False
        if isinstance(watched, QAbstractButton):
            return False  # Enter on a button presses it
        commit = self._commits.get(watched)
        if commit is not None:
            commit()
        self.focus_next(watched)
        return True

    def takes_input(self, field: QWidget) -> bool:
        return field.isEnabled() and field.isVisibleTo(field.window()) and field.focusPolicy() & Qt.TabFocus != 0

    def focus_next(self, field: QWidget) -> None:
        """The next field that takes input (the last one keeps the focus)."""
        if field not in self._index:
            return
        for candidate in self._fields[self._index[field] + 1:]:
            if self.takes_input(candidate):
                self.focus(candidate)
                return

    def focus_first(self, empty_only: bool = False) -> None:
        """The first field that takes input (with ``empty_only``, the first empty text field, else the first)."""
        open_fields = [f for f in self._fields if self.takes_input(f)]
        empty = [f for f in open_fields if isinstance(f, QLineEdit) and not f.text()] if empty_only else []
        target = (empty or open_fields or [None])[0]
        if target is not None:
            self.focus(target)

    def focus(self, field: QWidget) -> None:
        field.setFocus(Qt.TabFocusReason)
        if isinstance(field, QLineEdit) and not field.isReadOnly():
            field.selectAll()
        self.show(field)

    def show(self, field: QWidget) -> None:
        """Scroll the field, and what is shown under it (its verdict), into view once the layout has settled."""
        if self.scroll is None or not self.scroll.isAncestorOf(field):
            return
        QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        self.scroll.ensureWidgetVisible(field, 40, VERDICT_ROOM)
