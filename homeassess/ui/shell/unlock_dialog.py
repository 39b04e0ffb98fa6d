"""Unlock on start; on first run, create the store with a passphrase typed twice.

Repeated wrong passphrases meet a growing delay (``services/unlock_throttle.py``). The throttle (and the
limits file it reads) is loaded at the first try, not before the dialog is painted (docs/startup.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from homeassess.domain.refusals import Refused

if TYPE_CHECKING:
    from homeassess.services.unlock_throttle import UnlockThrottle

MIN_LENGTH = 8


class UnlockDialog(QDialog):
    """Calls ``open_store(passphrase)``; on success ``result_value`` holds what it returned."""

    def __init__(self, open_store: Callable[[str], object], creating: bool, parent: QWidget | None = None,
                 on_failure: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._on_failure = on_failure
        self._throttle: UnlockThrottle | None = None
        self.creating = creating
        self.result_value: object = None
        self.setWindowTitle("Create your HomeAssess store" if creating else "Unlock HomeAssess")
        self.setMinimumWidth(460)

        intro = QLabel(
            "Choose a passphrase for this laptop's HomeAssess store. Everything you record is encrypted with it.\n\n"
            "A lost passphrase cannot be recovered, and neither can the data. Keep it where your agency keeps credentials."
            if creating else "Enter your passphrase to unlock your assessments."
        )
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.repeat = QLineEdit(echoMode=QLineEdit.Password)
        self.repeat.setAccessibleName("Repeat passphrase")
        self.message = QLabel("")
        self.message.setObjectName("unlockMessage")
        self.message.setStyleSheet("color: palette(highlight); font-weight: 600;")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Unlock message")

        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        if creating:
            form.addRow("&Repeat:", self.repeat)
        else:
            self.repeat.hide()
        buttons = QDialogButtonBox()  # not QDialogButtonBox(buttons): its overloads make PySide build the Qt namespace
        buttons.setStandardButtons(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Create store" if creating else "Unlock")
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    @property
    def throttle(self) -> UnlockThrottle:
        """The delay policy for wrong passphrases (made at the first try)."""
        if self._throttle is None:
            from homeassess.services.unlock_throttle import UnlockThrottle

            self._throttle = UnlockThrottle()
        return self._throttle

    def try_unlock(self) -> None:
        phrase = self.passphrase.text()
        if self.creating:
            if len(phrase) < MIN_LENGTH:
                self._refuse(f"Use at least {MIN_LENGTH} characters.")
                return
            if phrase != self.repeat.text():
                self._refuse("The two passphrases differ.")
                return
        elif not phrase:
            self._refuse("Type your passphrase.")
            return
        if not self.throttle.may_try():
            self._refuse(self.throttle.too_soon())
            return
        try:
            self.result_value = self._open_store(phrase)
        except Refused as refusal:
            if self._on_failure:
                self._on_failure()
            waiting = self.throttle.failed() > 0
            self._refuse(self.throttle.refusal().replace("Wrong passphrase.", refusal.sentence) if waiting
                         else f"{refusal.sentence} Try again.")
            self.passphrase.selectAll()
            return
        self.throttle.succeeded()
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.passphrase.setFocus()
