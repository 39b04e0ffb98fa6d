"""The photo strip's layout: the thumbnail row, its buttons and the import progress line. No behaviour.

``PhotoStrip`` (photo_strip.py) subclasses it and wires the behaviour. The actions are declared
here once, as data, through the action registry: the buttons, the context menu and Help →
Keyboard shortcuts all show the same ones.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from homeassess.ui.kit.actions import ActionRegistry, ActionSpec, Context
from homeassess.ui.photos.photo_list_model import ICON_SIZE

EMPTY_TEXT = "No photos for this room yet. Add photos, drop files here, or paste (Ctrl+V)."

# No "&" mnemonics: Alt+A / Alt+F would clash with the main window's menus. Shortcuts work while
# the focus is in the strip; everything is also on the buttons and the context menu.
PHOTOS = Context.PHOTOS
ACTIONS = {
    "add_files": ActionSpec("Add photos…", context=PHOTOS, tip="Attach photos from files"),
    "add_folder": ActionSpec("Add folder…", context=PHOTOS, tip="Attach every photo in a folder"),
    "paste": ActionSpec("Paste", (QKeySequence.Paste,), PHOTOS, tip="Paste a picture or photo files",
                        help="Paste a photo into the room's photo strip"),
    "caption": ActionSpec("Caption…", ("F2",), PHOTOS, tip="Edit caption", help="Edit the photo's caption"),
    "include": ActionSpec("In report", (), PHOTOS, tip="Include in report", checkable=True),
    "rotate_left": ActionSpec("Rotate left", ("Ctrl+[",), PHOTOS),
    "rotate_right": ActionSpec("Rotate right", ("Ctrl+]",), PHOTOS),
    "move_left": ActionSpec("Move left", ("Ctrl+Shift+Left",), PHOTOS),
    "move_right": ActionSpec("Move right", ("Ctrl+Shift+Right",), PHOTOS),
    "delete": ActionSpec("Delete", (QKeySequence.Delete,), PHOTOS, tip="Delete photo"),
    "view": ActionSpec("View", (Qt.Key_Return, Qt.Key_Enter), PHOTOS, tip="View large"),
}
BUTTONS = ("add_files", "add_folder", "paste", None, "caption", "include", "rotate_left", "rotate_right",
           "move_left", "move_right", "delete", "view")
MENU = ("view", "caption", "include", None, "rotate_left", "rotate_right", "move_left", "move_right", None, "delete",
        None, "add_files", "add_folder", "paste")
SYMBOLS = {"rotate_left": "⟲", "rotate_right": "⟳", "move_left": "◀", "move_right": "▶"}


class StripListView(QListView):
    """The thumbnail list: one horizontal row, a hint when empty, and which part was double-clicked."""

    double_clicked = Signal(QModelIndex, bool)  # index, on the caption (not the picture)

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.IconMode)
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Static)
        self.setResizeMode(QListView.Adjust)
        self.setIconSize(ICON_SIZE)
        self.setGridSize(ICON_SIZE + QSize(24, 52))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideRight)
        self.setSelectionMode(QListView.SingleSelection)
        self.setEditTriggers(QListView.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setMinimumHeight(ICON_SIZE.height() + 80)
        self.placeholder_text = EMPTY_TEXT

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            # Ended here, not when Python frees the frame: a frame kept alive (a traceback, a stack sampler)
            # would leave the painter active and end it later, on whatever thread lets go of it.
            with QPainter(self.viewport()) as painter:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(self.viewport().rect().adjusted(12, 0, -12, 0), Qt.AlignCenter | Qt.TextWordWrap,
                                 self.placeholder_text)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            icon = index.data(Qt.DecorationRole)
            picture_height = icon.actualSize(self.iconSize()).height() if icon is not None else 0
            below_picture = event.position().y() > self.visualRect(index).top() + picture_height + 4
            self.double_clicked.emit(index, below_picture)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class PhotoStripView(QWidget):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions_by_name: dict[str, QAction] = {name: registry.create(spec, self) for name, spec in ACTIONS.items()}
        for name, symbol in SYMBOLS.items():
            self.actions_by_name[name].setIconText(symbol)  # buttons show the symbol; menus and screen readers the name
        named = self.actions_by_name
        self.add_files_action, self.add_folder_action, self.paste_action = named["add_files"], named["add_folder"], named["paste"]
        self.caption_action, self.include_action, self.delete_action = named["caption"], named["include"], named["delete"]
        self.rotate_left_action, self.rotate_right_action = named["rotate_left"], named["rotate_right"]
        self.move_left_action, self.move_right_action = named["move_left"], named["move_right"]
        self.view_action = named["view"]

        self.view = StripListView()
        self.view.setObjectName("photoStrip")
        self.view.setAccessibleName("Photos for this room")
        self.view.setAccessibleDescription(EMPTY_TEXT)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.setAcceptDrops(True)

        self.progress = QProgressBar(maximum=1000, textVisible=False)
        self.progress.setAccessibleName("Photo import progress")
        self.status = QLabel("")
        self.status.setAccessibleName("Photo import status")
        self.cancel_button = QPushButton("Cancel import")
        self.cancel_button.setAccessibleName("Cancel photo import")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.cancel_button)

        title = QLabel("<b>Photos</b>")
        title.setBuddy(self.view)
        self.scope = QLabel("")
        self.scope.setAccessibleName("Which photos are shown")
        self.scope.setWordWrap(True)  # a long item prompt wraps: it never widens the window
        self.scope.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.whole_room_button = QPushButton("Show the whole room")
        self.whole_room_button.setAccessibleName("Show the photos of the whole room")
        self.whole_room_button.hide()
        # A tool bar: on a narrow window the buttons that do not fit move behind its » button
        # (they are in the context menu and have their keys too), so the strip never widens the window.
        self.tool_bar = QToolBar("Photo tools")
        self.tool_bar.setAccessibleName("Photo tools")
        for name in BUTTONS:
            if name is None:
                self.tool_bar.addSeparator()
                continue
            action = self.actions_by_name[name]
            self.tool_bar.addAction(action)
            button = self.tool_bar.widgetForAction(action)
            button.setAccessibleName(action.text().rstrip("…"))
            button.setFocusPolicy(Qt.TabFocus)  # in the Tab order like any button
        buttons = QHBoxLayout()
        buttons.addWidget(title)
        buttons.addWidget(self.scope, 1)
        buttons.addWidget(self.whole_room_button)
        buttons.addWidget(self.tool_bar, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(progress_row)
        self.show_progress(False)

    def show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)
        self.status.setVisible(shown)
