"""The window's own actions and menus, declared once as data.

``build_menus`` makes every action through the registry, attaches its handler and lays out the
menu bar. The keys that are not actions (Enter in the checklist, Tab, the tab mnemonics) are
noted here too, so Help → Keyboard shortcuts lists everything the keyboard can do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from homeassess.ui.kit.actions import ActionRegistry, ActionSpec, Context

ACTIONS = {
    "new": ActionSpec("&New assessment…", (QKeySequence.New,)),
    "home": ActionSpec("&All assessments", ("Ctrl+Shift+H",), help="All assessments (home screen)"),
    "demo": ActionSpec("Add the &demo assessment"),
    "export": ActionSpec("&Export assessment…", ("Ctrl+Shift+E",), help="Export an assessment file"),
    "import": ActionSpec("&Import assessment…", ("Ctrl+Shift+I",), help="Import an assessment file"),
    "backups": ActionSpec("&Backups and restore…"),
    "lock": ActionSpec("&Lock now", ("Ctrl+L",)),
    "quit": ActionSpec("&Quit", (QKeySequence.Quit,)),
    # The platform's Preferences key (Cmd+, on macOS), and Ctrl+, where the platform has none (Linux, Windows).
    "settings": ActionSpec("&Settings…", (QKeySequence.Preferences, "Ctrl+,")),
    "next_room": ActionSpec("&Next room", ("Ctrl+PgDown", "Ctrl+Shift+Down"), help="Next room, at its first unanswered item"),
    "previous_room": ActionSpec("&Previous room", ("Ctrl+PgUp", "Ctrl+Shift+Up"),
                                help="Previous room, at its first unanswered item"),
    "reports": ActionSpec("&Reports…", ("Ctrl+R",), help="Reports of this assessment"),
    "finalise": ActionSpec("&Finalise assessment…", ("Ctrl+Shift+F",)),
    "reopen": ActionSpec("Return to &draft"),
    "follow_up": ActionSpec("Start f&ollow-up", ("Ctrl+Shift+O",),
                            help="Start the follow-up visit of a final assessment (this one, or the one selected)"),
    "audit": ActionSpec("Audit &trail…"),
    "measure_help": ActionSpec("How to &measure"),
    "shortcuts": ActionSpec("&Keyboard shortcuts"),
    "about": ActionSpec("&About HomeAssess"),
}
UNDO = ActionSpec("&Undo", (QKeySequence.Undo,), help="Undo the last change")
REDO = ActionSpec("&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), help="Redo")
MENUS = (
    ("&File", ("new", "home", "demo", None, "export", "import", None, "backups", "lock", None, "quit")),
    ("&Edit", ("undo", "redo", None, "settings")),
    ("Assess&ment", ("next_room", "previous_room", None, "reports", None, "finalise", "reopen", None, "follow_up", None,
                     "audit")),
    ("&Help", ("measure_help", "shortcuts", "about")),
)
NOTES = (
    ("Tab or Shift+Tab", "Next or previous field", Context.WINDOW),
    ("Alt+R, Alt+C, Alt+U or Alt+O", "Rooms, Recommendations, Follow-up or Outcomes tab", Context.WINDOW),
    ("Enter", "Save the field and move to the next one", Context.FOLLOW_UP),
    ("Enter", "Save the answer and move to the next item", Context.CHECKLIST),
    ("Y, N or A", "Answer a yes/no item: Yes, No or Not applicable", Context.CHECKLIST),
    ("Enter", "Edit the selected recommendation", Context.RECOMMENDATIONS),
)


def build_menus(window: QMainWindow, registry: ActionRegistry, undo_stack: QUndoStack,
                handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """Every window action with its handler, Undo and Redo from the stack, and the menu bar."""
    actions = {name: registry.create(spec, window, handlers[name]) for name, spec in ACTIONS.items()}
    actions["undo"] = registry.adopt(undo_stack.createUndoAction(window, "&Undo"), UNDO)
    actions["redo"] = registry.adopt(undo_stack.createRedoAction(window, "&Redo"), REDO)
    for name in ("undo", "redo"):
        window.addAction(actions[name])
    for keys, what, context in NOTES:
        registry.note(keys, what, context)
    bar = window.menuBar()
    for title, names in MENUS:
        menu: QMenu = bar.addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
    return actions
