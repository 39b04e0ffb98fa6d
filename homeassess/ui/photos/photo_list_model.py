"""The photo strip's rows: thumbnail (decoded on first show, then cached), caption, "in report" box.

The thumbnail is a ≤ 256 px JPEG already in the row, so decoding it on the GUI thread costs well
under a millisecond; the large renditions are never loaded here. A photo left out of the report
is drawn dimmed. Ticking the box does not change the model: it asks the strip (``include_requested``),
which saves through the service; the row follows when the change is announced.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from homeassess.services.photo_import import PhotoView
from homeassess.ui.kit.item_roles import ACCESSIBLE, CHECK_STATE, DECORATION, DISPLAY, EDIT, FOREGROUND, TOOLTIP, USER

ICON_SIZE = QSize(144, 144)
PHOTO_ID_ROLE = USER
INCLUDED_ROLE = USER + 1
EXCLUDED_OPACITY = 0.3


class PhotoListModel(QAbstractListModel):
    include_requested = Signal(int, bool)  # photo id, include

    def __init__(self, item_prompt: Callable[[str], str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.photos: list[PhotoView] = []
        self.read_only = False
        self._item_prompt = item_prompt or (lambda item_id: item_id)
        self._icons: dict[int, tuple[bytes, bool, QIcon]] = {}  # id -> (thumbnail, included, icon)

    def set_photos(self, photos: list[PhotoView], read_only: bool = False) -> None:
        self.beginResetModel()
        self.photos = photos
        self.read_only = read_only
        keep = {p.id for p in photos}
        self._icons = {k: v for k, v in self._icons.items() if k in keep}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.photos)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemNeverHasChildren
        return flags if self.read_only else flags | Qt.ItemIsUserCheckable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self.photos):
            return None
        photo = self.photos[index.row()]
        if role == DISPLAY:
            return photo.caption or "(no caption)"
        if role == DECORATION:
            return self._icon(photo)
        if role == CHECK_STATE:
            return Qt.CheckState.Checked if photo.include_in_report else Qt.CheckState.Unchecked
        if role == TOOLTIP:
            return self._tooltip(photo)
        if role == ACCESSIBLE:
            return self._accessible(index.row(), photo)
        if role == FOREGROUND and not photo.include_in_report:
            return QColor(Qt.gray)
        if role == PHOTO_ID_ROLE:
            return photo.id
        if role == INCLUDED_ROLE:
            return photo.include_in_report
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = EDIT) -> bool:
        if role != CHECK_STATE or not index.isValid() or self.read_only:
            return False
        include = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
        self.include_requested.emit(self.photos[index.row()].id, include)
        return False  # the strip saves, then refreshes the row from the store

    def photo(self, row: int) -> PhotoView | None:
        return self.photos[row] if 0 <= row < len(self.photos) else None

    def row_of(self, photo_id: int) -> int:
        return next((i for i, p in enumerate(self.photos) if p.id == photo_id), -1)

    # --- presentation ----------------------------------------------------------------------

    def _icon(self, photo: PhotoView) -> QIcon:
        cached = self._icons.get(photo.id)
        if cached is not None and cached[0] == photo.thumbnail and cached[1] == photo.include_in_report:
            return cached[2]
        image = QImage.fromData(photo.thumbnail, "JPG")
        pixmap = QPixmap.fromImage(image) if not image.isNull() else _placeholder()
        if not photo.include_in_report:
            pixmap = _dimmed(pixmap)
        icon = QIcon(pixmap)
        self._icons[photo.id] = (photo.thumbnail, photo.include_in_report, icon)
        return icon

    def _tooltip(self, photo: PhotoView) -> str:
        lines = [photo.caption or "No caption"]
        if photo.item_id:
            lines.append(f"Checklist item: {self._item_prompt(photo.item_id)}")
        lines.append("In the report" if photo.include_in_report else "Left out of the report")
        if photo.orientation_unknown:
            lines.append("The camera's orientation could not be read: check it and rotate if needed")
        return "\n".join(lines)

    def _accessible(self, row: int, photo: PhotoView) -> str:
        report = "in report" if photo.include_in_report else "not in report"
        caption = photo.caption or "no caption"
        return f"Photo {row + 1} of {len(self.photos)}, {caption}, {report}"


def _dimmed(pixmap: QPixmap) -> QPixmap:
    result = QPixmap(pixmap.size())
    result.fill(Qt.transparent)
    painter = QPainter(result)
    painter.setOpacity(EXCLUDED_OPACITY)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    return result


def _placeholder() -> QPixmap:
    pixmap = QPixmap(ICON_SIZE)
    pixmap.fill(QColor(Qt.lightGray))
    return pixmap
