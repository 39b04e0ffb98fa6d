"""Locking the window after idle time (HIPAA automatic logoff).

Any key or mouse event restarts the countdown. When it runs out the window's content is
covered by the lock screen (the widgets stay alive underneath, so nothing being typed
is lost), the store's decrypted connections are closed, and the passphrase must be
typed again. Failed and successful unlocks go to the audit trail.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

ACTIVITY = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin}


class IdleWatcher(QObject):
    """An application-wide event filter that emits ``idle`` after ``minutes`` without input, and ``activity``
    on input (the idle backup's countdown follows it)."""

    idle = Signal()
    activity = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.start()

    def stop(self) -> None:
        """No more countdown (the window closed: nothing is left to lock, and its store is closing)."""
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
            self.activity.emit()
        return False


class LockScreen(QWidget):
    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<h2>HomeAssess is locked</h2><p>It locked itself after a period without use. "
                       "Type your passphrase to carry on where you left off.</p>")
        title.setAlignment(Qt.AlignCenter)
        title.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setMaximumWidth(360)
        self.passphrase.returnPressed.connect(self._submit)
        self.message = QLabel("")
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setAccessibleName("Unlock message")
        button = QPushButton("Unlock")
        button.clicked.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        label = QLabel("&Passphrase:")  # seen, not only spoken
        label.setBuddy(self.passphrase)
        field_row = QHBoxLayout()
        field_row.addStretch(1)
        field_row.addWidget(label)
        field_row.addWidget(self.passphrase, 1)
        field_row.addStretch(1)
        layout.addLayout(field_row)
        layout.addWidget(button, 0, Qt.AlignHCenter)
        layout.addWidget(self.message)
        layout.addStretch(2)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.passphrase.text())

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setFocus(Qt.OtherFocusReason)
