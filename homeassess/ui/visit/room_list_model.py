"""The room list beside the checklist: name, answered / total, number of findings."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex

from homeassess.services.assessments import RoomView
from homeassess.ui.kit.item_roles import ACCESSIBLE, DISPLAY, TOOLTIP, USER

ROOM_ID = USER


class RoomListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rooms: list[RoomView] = []

    def set_rooms(self, rooms: list[RoomView]) -> None:
        self.beginResetModel()
        self.rooms = rooms
        self.endResetModel()

    def update_rooms(self, rooms: list[RoomView]) -> None:
        """Refresh progress in place when the list of rooms is unchanged (keeps the selection)."""
        if [r.id for r in rooms] != [r.id for r in self.rooms]:
            self.set_rooms(rooms)
            return
        self.rooms = rooms
        if rooms:
            self.dataChanged.emit(self.index(0), self.index(len(rooms) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rooms)

    def data(self, index: QModelIndex, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        room = self.rooms[index.row()]
        if role == DISPLAY:
            findings = f" · {room.findings} finding{'s' if room.findings != 1 else ''}" if room.findings else ""
            return f"{room.name}\n{room.answered} / {room.total} answered{findings}"
        if role == ROOM_ID:
            return room.id
        if role == ACCESSIBLE:
            return f"{room.name}, {room.answered} of {room.total} answered, {room.findings} findings"
        if role == TOOLTIP:
            return room.room_type_name
        return None

    def row_of(self, room_id: int) -> int:
        return next((i for i, r in enumerate(self.rooms) if r.id == room_id), -1)
