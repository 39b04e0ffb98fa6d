"""Repeated wrong passphrases at the lock screen and the unlock dialog wait longer each time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from homeassess.domain.limits import UNLOCK
from homeassess.store.store import Store
from homeassess.ui.shell.unlock_dialog import UnlockDialog
from tests.conftest import PASSPHRASE


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def type_and_enter(qtbot, window, text: str) -> None:  # qtbot, MainWindow
    window.lock_screen.passphrase.clear()
    qtbot.keyClicks(window.lock_screen.passphrase, text)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key_Return)


def test_the_lock_screen_slows_repeated_guesses_and_ignores_tries_during_the_wait(qtbot, window):
    clock = Clock()
    window.unlock_throttle.clock = clock
    window.idle.idle.emit()
    for _ in range(UNLOCK.free_attempts):
        type_and_enter(qtbot, window, "wrong")
        assert window.lock_screen.message.text() == "Wrong passphrase. Try again."
    type_and_enter(qtbot, window, "still wrong")
    assert window.lock_screen.message.text() == "Wrong passphrase. You can try again in 1 second."
    type_and_enter(qtbot, window, PASSPHRASE)  # the right one, but too soon: not even checked
    assert window.locked and window.lock_screen.message.text() == "Wait 1 second before trying again."
    clock.now += 1
    type_and_enter(qtbot, window, "wrong again")
    assert window.lock_screen.message.text() == "Wrong passphrase. You can try again in 2 seconds."
    clock.now += 2
    type_and_enter(qtbot, window, PASSPHRASE)
    assert not window.locked


def test_the_unlock_dialog_slows_repeated_guesses_too(qtbot, workspace, data_dir):
    workspace.close()
    dialog = UnlockDialog(lambda p: Store.open(data_dir, p), creating=False)
    qtbot.addWidget(dialog)
    clock = Clock()
    dialog.throttle.clock = clock
    for _ in range(UNLOCK.free_attempts + 2):
        dialog.passphrase.setText("nope")
        dialog.try_unlock()
        clock.now += 1
    assert dialog.message.text() == "Wrong passphrase or damaged file. You can try again in 2 seconds."
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_unlock()  # one of the two seconds has passed
    assert dialog.result() != UnlockDialog.Accepted
    assert dialog.message.text() == "Wait 1 second before trying again."
    clock.now += 1
    dialog.try_unlock()
    assert dialog.result() == UnlockDialog.Accepted
    dialog.result_value.close()
