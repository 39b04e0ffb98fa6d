"""The one helper that runs long work off the GUI thread.

A job is a generator function that yields ``(fraction, message)`` progress and returns its
result; it runs in a QThreadPool runnable. The signals object belongs to the caller on the GUI
thread (a QObject made on a pool thread would die there), cancellation is a flag the job reads
between steps, and ``wait_for_all`` lets the window wait before the store closes.

Changes to the store go through ``operations.Operations``, which runs its slow ones here on a
pool of one thread (writes never race each other); reads that only decode (the large photo
view, a report build) use the global pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from homeassess.domain.refusals import Refused

log = logging.getLogger(__name__)

Job = Callable[[threading.Event], Generator[tuple[float, str], None, Any]]


class JobSignals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: JobSignals, cancel: threading.Event, log_failures: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._signals, self._cancel = job, signals, cancel
        self._log_failures = log_failures

    def run(self) -> None:
        try:
            generator = self._job(self._cancel)
            while True:
                try:
                    fraction, message = next(generator)
                except StopIteration as done:
                    result = done.value
                    break
                self._signals.progress.emit(float(fraction), str(message))
                if self._cancel.is_set():
                    generator.close()
                    self._signals.cancelled.emit()
                    return
            self._signals.finished.emit(result)
        except Exception as exc:  # handed to the GUI thread: a refusal is shown, a bug reported
            if self._log_failures and not isinstance(exc, Refused):
                log.error("background job failed", exc_info=True)
            self._signals.failed.emit(exc)


class BackgroundJob:
    """A handle the GUI keeps: its signals, and a way to cancel."""

    def __init__(self, job: Job, pool: QThreadPool | None = None, *, log_failures: bool = True) -> None:
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._pool = pool or QThreadPool.globalInstance()
        self._job = job
        self._log_failures = log_failures
        self.running = False
        self.signals.finished.connect(self._done)
        self.signals.failed.connect(self._done)
        self.signals.cancelled.connect(self._done)

    def start(self) -> BackgroundJob:
        self.running = True
        self._pool.start(_Runnable(self._job, self.signals, self._cancel, self._log_failures))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def _done(self, *_: object) -> None:
        self.running = False


def wait_for_all(pool: QThreadPool | None = None, msecs: int = 30000) -> bool:
    return (pool or QThreadPool.globalInstance()).waitForDone(msecs)
