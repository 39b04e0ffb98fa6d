"""The one helper that runs long work off the GUI thread.

A job is a generator function that yields ``(fraction, message)`` progress and returns its
result; it runs in a QThreadPool runnable. The signals object belongs to the caller on the GUI
thread (a QObject made on a pool thread would die there), cancellation is a flag the job reads
between steps, and ``wait_for_all`` lets the window wait before the store closes.

The runnable lets go of the job and its signals before it ends, and every handle is kept alive
here until then (``_UNSETTLED``, pruned on the GUI thread): a caller that drops its handle as
soon as the result arrives could otherwise leave the pool thread holding the last reference,
and the signals QObject would be destroyed on the wrong thread (docs/pitfalls.md 1.3).

Python's cyclic garbage collector runs on whichever thread happens to allocate when it is due.
A widget that was closed and deleted can leave Python-owned Qt objects (a model without a parent,
an icon, a pixmap) in a reference cycle; collected on a pool thread, they would be destroyed
there while the GUI thread uses Qt, and the process crashes (docs/architecture.md, "Threads and
the garbage collector"). So while any job is unsettled the automatic collector is switched off and
a timer on the GUI thread collects instead, generation by generation as the counts come due; once
every job has settled, the automatic collector is switched back on.

Changes to the store go through ``operations.Operations``, which runs its slow ones here on a
pool of one thread (writes never race each other); reads that only decode (the large photo
view, a report build) use the global pool.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from homeassess.domain.refusals import Refused

log = logging.getLogger(__name__)

COLLECT_EVERY_MS = 100  # while jobs run, the GUI thread looks this often whether a collection is due
# A job's progress reaches the GUI thread at most this often (the last step always does): each update wakes
# the GUI thread, which takes the GIL from the job to run the slot and lay the changed text out. A report
# build reports about 180 steps a second; all of them delayed it by about a tenth.
PROGRESS_EVERY_S = 0.05

Job = Callable[[threading.Event], Generator[tuple[float, str], None, Any]]


class JobSignals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: JobSignals, report: Callable[[float, str], None], cancel: threading.Event,
                 log_failures: bool, released: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job: Job | None = job
        self._signals: JobSignals | None = signals
        self._report: Callable[[float, str], None] | None = report
        self._cancel, self._released = cancel, released
        self._log_failures = log_failures

    def run(self) -> None:
        try:
            self._work(self._job, self._signals, self._report)  # type: ignore[arg-type]
        finally:
            self._job = self._signals = self._report = None
            self._released.set()

    def _work(self, job: Job, signals: JobSignals, report: Callable[[float, str], None]) -> None:
        try:
            generator = job(self._cancel)
            while True:
                try:
                    fraction, message = next(generator)
                except StopIteration as done:
                    result = done.value
                    break
                report(fraction, message)
                if self._cancel.is_set():
                    generator.close()
                    signals.cancelled.emit()
                    return
            signals.finished.emit(result)
        except Exception as exc:  # handed to the GUI thread: a refusal is shown, a bug reported
            if self._log_failures and not isinstance(exc, Refused):
                log.error("background job failed", exc_info=True)
            signals.failed.emit(exc)


class BackgroundJob:
    """A handle the GUI keeps: its signals, and a way to cancel."""

    def __init__(self, job: Job, pool: QThreadPool | None = None, *, log_failures: bool = True) -> None:
        _prune()
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._released = threading.Event()
        self._pool = pool or QThreadPool.globalInstance()
        self._job = job
        self._log_failures = log_failures
        self._next_progress = 0.0
        self.running = False
        self.signals.finished.connect(self._done)
        self.signals.failed.connect(self._done)
        self.signals.cancelled.connect(self._done)

    def start(self) -> BackgroundJob:
        self.running = True
        _UNSETTLED.add(self)
        _GUI_THREAD_COLLECTION.hold()
        self._pool.start(_Runnable(self._job, self.signals, self.report, self._cancel, self._log_failures, self._released))
        return self

    def report(self, fraction: float, message: str) -> None:
        """Progress from the job's thread (a job's yields come here too): passed on to ``signals.progress`` at
        most every ``PROGRESS_EVERY_S``, and always once done (``fraction`` 1.0)."""
        now = time.monotonic()
        if fraction < 1.0 and now < self._next_progress:
            return
        self._next_progress = now + PROGRESS_EVERY_S
        self.signals.progress.emit(float(fraction), str(message))

    @property
    def settled(self) -> bool:
        """Over, and the worker thread holds nothing of it any more: the handle may be dropped."""
        return not self.running and self._released.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def _done(self, *_: object) -> None:
        self.running = False


_UNSETTLED: set[BackgroundJob] = set()


def _prune() -> None:
    """Drop the handles the worker threads have let go of (on the GUI thread, where they were made)."""
    _UNSETTLED.difference_update([job for job in _UNSETTLED if job.settled])


class _GuiThreadCollection:
    """The cyclic garbage collector, run only on the GUI thread while any job is unsettled."""

    def __init__(self) -> None:
        self._timer: QTimer | None = None
        self._holding = False  # the automatic collector was on, and is off because of us

    def hold(self) -> None:
        """A job starts (GUI thread): from now on only this thread collects, until every job has settled."""
        if self._timer is None:
            self._timer = QTimer(interval=COLLECT_EVERY_MS, timeout=self._tick)  # made, and ticking, on this thread
        if not self._holding and gc.isenabled():
            gc.disable()
            self._holding = True
            self._timer.start()

    def _tick(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        # The younger generations only, the older of the two that is due. A full collection is left to the
        # automatic collector once the jobs have settled: asked for by count alone (without the automatic
        # collector's check of how much is new since the last one), it could run every few ticks during a
        # report build, walking the whole report each time and holding the build's thread up.
        for generation in (1, 0):
            if thresholds[0] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                break
        _prune()
        if not _UNSETTLED and self._holding:
            self._timer.stop()
            self._holding = False
            gc.enable()


_GUI_THREAD_COLLECTION = _GuiThreadCollection()


def wait_for_all(pool: QThreadPool | None = None, msecs: int = 30000) -> bool:
    return (pool or QThreadPool.globalInstance()).waitForDone(msecs)
