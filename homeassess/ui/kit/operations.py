"""The one path for every change, in the style of Anki's ``CollectionOp`` (docs/architecture.md).

A widget never calls a service's changing method itself. It hands the call to ``Operations``::

    ops.run(lambda: checklist.record(room_id, item_id, text), on_refused=show_beside_field)

and the helper does the rest, the same way for every edit:

- it runs the action: on the GUI thread (quick edits), or with ``slow=True`` on the one
  operation worker, a pool of a single thread so two writes never race;
- a ``Refused`` is expected: its sentence is shown (or handed to ``on_refused``) and nothing
  is pushed;
- anything else is a bug: it is not caught here but reaches ``sys.excepthook``, the one error
  path (``ErrorPath``: logged without its message, one friendly dialog);
- on success it pushes one ``ChangeCommand`` when the ``Change`` can be undone, then announces
  the ``Change`` on ``bus.changed``: each view refreshes only when the change names its scope
  and its assessment.

Undo and redo go through the same helper (``apply``): a refused undo shows its sentence and
drops the command from the stack instead of raising.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from homeassess.domain.refusals import Refused
from homeassess.services.changes import Change
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.worker import BackgroundJob

T = TypeVar("T")
Action = Callable[[], Change]
ChangeJob = Callable[[threading.Event], Generator[tuple[float, str], None, Change]]


class ChangeBus(QObject):
    """Announces every change that was made (by an edit, an undo or a redo) to the views.

    The second argument is the initiator a caller passed to ``run`` (None for an undo or a redo),
    so a view can tell its own edit, already on screen, from one it must show.
    """

    changed = Signal(object, object)  # a Change, its initiator


class ChangeCommand(QUndoCommand):
    """One undo step driven by the chain of inverses a ``Change`` carries.

    Pushed after the change was made, so the first ``redo`` (Qt calls it on push) does nothing.
    Each later undo or redo runs the inverse it holds and keeps the inverse of that in turn.
    """

    def __init__(self, change: Change, operations: Operations) -> None:
        super().__init__(change.label)
        self._operations = operations
        self._inverse = change.undo
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        done = self._operations.apply(self._inverse) if self._inverse is not None else None
        if done is None or done.undo is None:
            self._inverse = None
            self.setObsolete(True)  # refused or one-way: the stack drops this step
        else:
            self._inverse = done.undo


class Operations:
    """Runs service actions for the window: one undo stack, one bus, one error path."""

    def __init__(self, errors: ErrorPath, undo_stack: QUndoStack | None = None, parent: QObject | None = None) -> None:
        self.errors = errors
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(parent)
        self.bus = ChangeBus(parent)
        self.pool = QThreadPool(parent)
        self.pool.setMaxThreadCount(1)
        self._running: list[BackgroundJob] = []

    # --- running -----------------------------------------------------------------------

    def run(
        self,
        action: Action,
        *,
        on_done: Callable[[Change], None] | None = None,
        on_refused: Callable[[Refused], None] | None = None,
        on_settled: Callable[[], None] | None = None,
        slow: bool = False,
        undoable: bool = True,
        title: str | None = None,
        initiator: object = None,
    ) -> BackgroundJob | None:
        """Run ``action``; see the module's docstring. With ``slow`` it returns the worker's handle."""
        if slow:
            def job(cancel: threading.Event) -> Generator[tuple[float, str], None, Change]:
                yield 0.0, ""
                return action()

            return self.run_job(job, on_done=on_done, on_refused=on_refused, on_settled=on_settled,
                                undoable=undoable, title=title, initiator=initiator)
        try:
            done = action()
        except Refused as refusal:
            self._refused(refusal, on_refused, title)
        else:
            self._succeeded(done, on_done, undoable, initiator)
        finally:  # anything else is a bug: it propagates to sys.excepthook, the one error path
            if on_settled is not None:
                on_settled()
        return None

    def run_job(
        self,
        job: ChangeJob,
        *,
        on_done: Callable[[Change], None] | None = None,
        on_refused: Callable[[Refused], None] | None = None,
        on_settled: Callable[[], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        undoable: bool = True,
        title: str | None = None,
        initiator: object = None,
    ) -> BackgroundJob:
        """Run a generator job (progress, cancel) on the operation worker; its return value is the Change."""
        handle = BackgroundJob(job, self.pool, log_failures=False)

        # One handler per outcome: a signal from the worker reaches each connected slot as its own queued
        # event, so separate slots for "pushed" and "settled" could be split across two event loops.
        def settle() -> None:
            if on_settled is not None:
                on_settled()

        def finished(done: Change) -> None:
            try:
                self._succeeded(done, on_done, undoable, initiator)
            finally:
                settle()

        def failed(exc: BaseException) -> None:
            try:
                self._failed(exc, on_refused, title)
            finally:
                settle()

        def cancelled() -> None:
            try:
                if on_cancelled is not None:
                    on_cancelled()
            finally:
                settle()

        if on_progress is not None:
            handle.signals.progress.connect(on_progress)
        handle.signals.finished.connect(finished)
        handle.signals.failed.connect(failed)
        handle.signals.cancelled.connect(cancelled)
        self._running = [h for h in self._running if not h.settled]
        self._running.append(handle)
        return handle.start()

    def query(
        self,
        read: Callable[[], T],
        on_done: Callable[[T], None],
        *,
        on_refused: Callable[[Refused], None] | None = None,
        title: str | None = None,
    ) -> BackgroundJob:
        """A read that is slow (decoding a large photo) on the global pool, beside any change being made.

        No undo, no announcement; a refusal (the photo was removed meanwhile) is shown as usual.
        """
        def job(cancel: threading.Event) -> Generator[tuple[float, str], None, T]:
            yield 0.0, ""
            return read()

        handle = BackgroundJob(job, log_failures=False)
        handle.signals.finished.connect(on_done)
        handle.signals.failed.connect(lambda exc: self._failed(exc, on_refused, title))
        self._running = [h for h in self._running if not h.settled]
        self._running.append(handle)
        return handle.start()

    def announce(self, done: Change, initiator: object = None) -> None:
        """Tell the views about a change made outside ``run`` (the part of a cancelled import that was stored)."""
        self.bus.changed.emit(done, initiator)

    def apply(self, action: Action) -> Change | None:
        """Undo or redo: run the inverse now and announce it; a refusal is shown and gives None."""
        try:
            done = action()
        except Refused as refusal:
            self.errors.show_refusal(refusal)
            return None
        self.bus.changed.emit(done, None)
        return done

    @contextmanager
    def macro(self, label: str) -> Iterator[None]:
        """Several actions of one user request (the client and the visit saved together) as one undo step."""
        self.undo_stack.beginMacro(label)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def show_refusal(self, refusal: Refused, title: str | None = None) -> None:
        self.errors.show_refusal(refusal, title)

    # --- state -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return any(handle.running for handle in self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Process events until every job started here has finished and its handlers have run (True),
        or ``msecs`` pass (False). The window calls it before the store closes."""
        if self.busy:
            deadline = QDeadlineTimer(msecs)
            loop = QEventLoop()
            poll = QTimer(interval=20)
            poll.timeout.connect(lambda: loop.quit() if not self.busy or deadline.hasExpired() else None)
            poll.start()
            loop.exec()
            poll.stop()
        return not self.busy and self.pool.waitForDone(max(0, msecs))

    # --- outcomes ----------------------------------------------------------------------

    def _succeeded(self, done: Change, on_done: Callable[[Change], None] | None, undoable: bool, initiator: object) -> None:
        if undoable and done.undo is not None:
            self.undo_stack.push(ChangeCommand(done, self))
        self.bus.changed.emit(done, initiator)
        if on_done is not None:
            on_done(done)

    def _refused(self, refusal: Refused, on_refused: Callable[[Refused], None] | None, title: str | None) -> None:
        if on_refused is not None:
            on_refused(refusal)
        else:
            self.errors.show_refusal(refusal, title)

    def _failed(self, exc: BaseException, on_refused: Callable[[Refused], None] | None, title: str | None) -> None:
        if isinstance(exc, Refused):
            self._refused(exc, on_refused, title)
        else:  # a bug on the worker: the same path as one on the GUI thread
            sys.excepthook(type(exc), exc, exc.__traceback__)
