"""The room list with progress, and the buttons to add, rename, remove and reorder rooms."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QMenu, QToolButton, QVBoxLayout, QWidget

from homeassess.domain.catalogue import Catalogue
from homeassess.services.assessments import RoomView
from homeassess.ui.visit.room_list_model import RoomListModel


class RoomPanel(QWidget):
    room_selected = Signal(int)
    room_chosen = Signal()  # clicked, or Enter: the clinician goes to work in it (arrowing past only shows it)
    add_requested = Signal(str)  # room type id
    rename_requested = Signal(int)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)  # room id, +1 / -1

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RoomListModel()
        self.view = QListView()
        self.view.setObjectName("roomList")
        self.view.setAccessibleName("Rooms")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setUniformItemSizes(True)  # every row is two lines: no measuring each one on a refresh
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.clicked.connect(lambda _: self.room_chosen.emit())
        self.view.activated.connect(lambda _: self.room_chosen.emit())

        self.add_button = QToolButton(text="Add room", popupMode=QToolButton.InstantPopup)
        self.add_button.setAccessibleName("Add room")
        menu = QMenu(self.add_button)
        for room_type in catalogue.room_types:
            action = QAction(room_type.name, menu)
            action.triggered.connect(lambda _=False, rt=room_type.id: self.add_requested.emit(rt))
            menu.addAction(action)
        self.add_button.setMenu(menu)
        self.rename_button = self._button("Rename", "Rename room", lambda: self._emit(self.rename_requested))
        self.remove_button = self._button("Remove", "Remove room", lambda: self._emit(self.remove_requested))
        self.up_button = self._button("↑", "Move room up", lambda: self._move(-1))
        self.down_button = self._button("↓", "Move room down", lambda: self._move(1))

        buttons = QHBoxLayout()
        for b in (self.add_button, self.rename_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Rooms</b>")
        title.setBuddy(self.view)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, name: str, slot) -> QToolButton:
        button = QToolButton(text=text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(slot)
        return button

    def set_read_only(self, read_only: bool) -> None:
        for b in (self.add_button, self.rename_button, self.remove_button, self.up_button, self.down_button):
            b.setEnabled(not read_only)

    def current_room_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.data(index, Qt.UserRole) if index.isValid() else None

    def set_rooms(self, rooms: list[RoomView], select: int | None = None) -> None:
        keep = select if select is not None else self.current_room_id()
        self.model.set_rooms(rooms)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rooms:
            row = 0
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.ClearAndSelect)

    def update_progress(self, rooms: list[RoomView]) -> None:
        self.model.update_rooms(rooms)

    def select_room(self, room_id: int) -> None:
        row = self.model.row_of(room_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.ClearAndSelect)

    def step(self, step: int) -> bool:
        """Select the room ``step`` places on; False when there is none."""
        row = self.view.currentIndex().row() + step
        if not 0 <= row < self.model.rowCount():
            return False
        self.view.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.ClearAndSelect)
        return True

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.room_selected.emit(self.model.data(current, Qt.UserRole))

    def _emit(self, signal) -> None:
        room_id = self.current_room_id()
        if room_id is not None:
            signal.emit(room_id)

    def _move(self, step: int) -> None:
        room_id = self.current_room_id()
        if room_id is not None:
            self.move_requested.emit(room_id, step)
