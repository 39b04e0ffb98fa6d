"""A verified backup taken while the clinician is idle, so that quitting seldom has one to write.

Once the window has had no key or mouse input for ``IDLE_SECONDS`` (the idle watcher reports input), the
backup service is asked, on a background thread, for a backup unless a verified one already holds the store
as it is (``BackupService.take_if_changed``: a file stat when nothing changed). Nothing runs while the
window is locked (its store connections are closed) and nothing starts once it is closing; the window waits
for a backup under way before the store closes. docs/backups.md.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer

from homeassess.services.backups import BackupService

log = logging.getLogger(__name__)

IDLE_SECONDS = 20


class IdleBackup(QObject):
    def __init__(self, backups: BackupService, seconds: float = IDLE_SECONDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self.timer = QTimer(self, singleShot=True)
        self.timer.setInterval(round(seconds * 1000))
        self.timer.timeout.connect(self._run)
        self._paused = False
        self._thread: threading.Thread | None = None  # the countdown starts with the first input

    def note_activity(self) -> None:
        """Input: the idle countdown starts again."""
        if not self._paused:
            self.timer.start()

    def pause(self) -> None:
        """The window locked (or is closing): no backup until ``resume``."""
        self._paused = True
        self.timer.stop()

    def resume(self) -> None:
        self._paused = False

    def stop(self) -> None:
        """The window is closing: nothing new starts, and a backup under way finishes before the store closes."""
        self.pause()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        if self._paused or self.running:
            return
        self._thread = threading.Thread(target=self._backup, name="homeassess-idle-backup")
        self._thread.start()

    def _backup(self) -> None:
        try:
            self._backups.take_if_changed("idle")
        except Exception:  # a failed backup must not stop the visit; logged as type and frames only
            log.error("idle backup failed", exc_info=True)
