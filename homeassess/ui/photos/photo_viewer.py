"""A simple window showing one photo's working copy, scaled to fit, with its caption.

The caller decodes the image off the GUI thread and hands it over with ``set_image``; until
then the window says "Loading…".
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget


class _FittedImage(QWidget):
    """Paints an image as large as fits, keeping its shape; rescaled once per resize."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.message = "Loading…"
        self._scaled: QPixmap | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(200, 150)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.message = "" if not image.isNull() else "This photo could not be shown."
        self._scaled = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, 680)

    def resizeEvent(self, event) -> None:
        self._scaled = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        with QPainter(self) as painter:  # ended on return (see PhotoListView.paintEvent)
            self._paint(painter)

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), self.palette().window())
        if self.image.isNull():
            painter.drawText(self.rect(), Qt.AlignCenter, self.message)
            return
        if self._scaled is None or self._scaled.size() != self._fitted_size():
            scaled = self.image.scaled(self._fitted_size(), Qt.KeepAspectRatio, Qt.SmoothTransformation)
            self._scaled = QPixmap.fromImage(scaled)
        target = QRect(0, 0, self._scaled.width(), self._scaled.height())
        target.moveCenter(self.rect().center())
        painter.drawPixmap(target, self._scaled)

    def _fitted_size(self) -> QSize:
        size = self.image.size()
        if size.width() <= self.width() and size.height() <= self.height():
            return size  # never enlarged
        return size.scaled(self.size(), Qt.KeepAspectRatio)


class PhotoViewer(QDialog):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Photo")
        self.setAccessibleName("Photo viewer")
        self.picture = _FittedImage(self)
        self.picture.setAccessibleName("Photo")
        self.picture.setAccessibleDescription(caption or "No caption")
        self.caption = QLabel(caption or "(no caption)")
        self.caption.setTextFormat(Qt.PlainText)
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("Caption")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WA_DeleteOnClose)

    def set_image(self, image: QImage) -> None:
        self.picture.set_image(image)
