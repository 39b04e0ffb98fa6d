"""Choosing the rooms of a new assessment: several of a type, renamed, reordered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from homeassess.domain.catalogue import Catalogue
from homeassess.services.assessments import RoomSpec

DEFAULT_ROOMS = ("entrance", "hallway", "living_room", "kitchen", "bathroom", "bedroom", "general_safety")


class RoomPicker(QWidget):
    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.list = QListWidget()
        self.list.setAccessibleName("Rooms of this home")
        self.list.setDragDropMode(QListWidget.InternalMove)
        self.type = QComboBox()
        self.type.setAccessibleName("Room type to add")
        for rt in catalogue.room_types:
            self.type.addItem(rt.name, rt.id)
        add = QPushButton("&Add room")
        add.clicked.connect(lambda: self.add(self.type.currentData()))
        remove = QPushButton("Remove")
        remove.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        up = QPushButton("Move up")
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton("Move down")
        down.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        for w in (self.type, add, remove, up, down):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        for room_type in DEFAULT_ROOMS:
            if room_type in {rt.id for rt in catalogue.room_types}:
                self.add(room_type)

    def add(self, room_type: str) -> None:
        base = self.catalogue.room_type(room_type).name
        names = [self.list.item(i).text() for i in range(self.list.count())]
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        item = QListWidgetItem(name)
        item.setData(Qt.UserRole, room_type)
        item.setFlags(item.flags() | Qt.ItemIsEditable)
        item.setToolTip(f"{base} — double-click or F2 to rename")
        self.list.addItem(item)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def rooms(self) -> list[RoomSpec]:
        return [RoomSpec(type=self.list.item(i).data(Qt.UserRole), name=self.list.item(i).text())
                for i in range(self.list.count())]
