"""One action registry: every action and keyboard shortcut is declared once, here or through here.

Each screen declares its actions as ``ActionSpec`` data (text, shortcuts, where they work, the
Help wording) and asks the registry for the ``QAction``. Menus, tool buttons and context menus
show those actions; Help → Keyboard shortcuts is built from ``help_rows()``, so it cannot miss a
shortcut. Keys that are not actions (Enter in the checklist, Tab) are declared with ``note``.

Declaring a shortcut that another action already uses in the same context (or window-wide) is
a programming error and raises at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = str | QKeySequence.StandardKey | Qt.Key


class Context(Enum):
    """Where a shortcut works: anywhere in the window, or while the focus is in one part of it."""

    WINDOW = "Anywhere"
    CHECKLIST = "Checklist"
    PHOTOS = "Photo strip"
    RECOMMENDATIONS = "Recommendations"
    FOLLOW_UP = "Follow-up and Outcomes tabs"


@dataclass(frozen=True)
class ActionSpec:
    text: str  # menu text, with its "&" mnemonic and "…" when a dialog follows
    keys: tuple[Key, ...] = ()
    context: Context = Context.WINDOW
    tip: str = ""  # tooltip and status tip; the text without "&" and "…" when empty
    help: str = ""  # the Help table's wording; the tip when empty
    checkable: bool = False

    @property
    def plain_text(self) -> str:
        return self.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")

    def sequences(self) -> list[QKeySequence]:
        out: list[QKeySequence] = []
        for key in self.keys:
            if isinstance(key, QKeySequence.StandardKey):
                out.extend(QKeySequence.keyBindings(key))
            else:
                out.append(QKeySequence(key))
        unique: dict[str, QKeySequence] = {}  # one key twice in an action makes Qt call it ambiguous and do nothing
        for s in out:
            if not s.isEmpty():
                unique.setdefault(s.toString(QKeySequence.PortableText), s)
        return list(unique.values())


@dataclass(frozen=True)
class HelpRow:
    keys: str
    what: str
    where: Context


def key_text(sequences: list[QKeySequence]) -> str:
    return " or ".join(s.toString(QKeySequence.NativeText) for s in sequences)


class ActionRegistry:
    """Makes the QActions from their specs and remembers them for Help and for the clash check."""

    def __init__(self) -> None:
        self._rows: dict[tuple[Context, str], HelpRow] = {}
        self._taken: dict[tuple[Context, str], str] = {}  # (context, key) -> action text

    def create(self, spec: ActionSpec, owner: QWidget, slot: Callable[[], object] | None = None) -> QAction:
        """The QAction for ``spec``, added to ``owner`` so its shortcut works in its context."""
        sequences = spec.sequences()
        self._claim(spec, sequences)
        action = QAction(spec.text, owner)
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.WindowShortcut if spec.context is Context.WINDOW else Qt.WidgetWithChildrenShortcut)
        tip = spec.tip or spec.plain_text
        action.setToolTip(f"{tip} ({key_text(sequences[:1])})" if sequences else tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        if slot is not None:
            action.triggered.connect(lambda *_: slot())
        owner.addAction(action)
        if sequences:
            self._rows[(spec.context, spec.text)] = HelpRow(key_text(sequences), spec.help or tip, spec.context)
        return action

    def adopt(self, action: QAction, spec: ActionSpec) -> QAction:
        """An action Qt made (the undo stack's Undo and Redo): give it the spec's shortcuts and record them."""
        sequences = spec.sequences()
        self._claim(spec, sequences)
        action.setShortcuts(sequences)
        if sequences:
            self._rows[(spec.context, spec.text)] = HelpRow(key_text(sequences), spec.help or spec.plain_text, spec.context)
        return action

    def note(self, keys: str, what: str, context: Context = Context.WINDOW) -> None:
        """A key that is not an action of ours (Enter in the checklist, Tab), for the Help table."""
        self._rows[(context, keys)] = HelpRow(keys, what, context)

    def help_rows(self) -> list[HelpRow]:
        order = list(Context)
        return sorted(self._rows.values(), key=lambda row: order.index(row.where))

    def _claim(self, spec: ActionSpec, sequences: list[QKeySequence]) -> None:
        for sequence in sequences:
            key = sequence.toString(QKeySequence.PortableText)
            contexts = list(Context) if spec.context is Context.WINDOW else [spec.context, Context.WINDOW]
            for context in contexts:
                holder = self._taken.get((context, key))
                if holder is not None and holder != spec.text:
                    raise ValueError(f"shortcut {key} of {spec.plain_text!r} is already used by {holder!r}")
            self._taken[(spec.context, key)] = spec.text
