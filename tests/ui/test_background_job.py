"""BackgroundJob: results arrive on the GUI thread, and a handle dropped as soon as its result
arrives never leaves its signals object to be destroyed on a pool thread (pitfalls 1.3)."""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import Qt, QThreadPool

from homeassess.ui.kit.worker import PROGRESS_EVERY_S, BackgroundJob, wait_for_all


def quick_job(value: int):
    def job(cancel: threading.Event):
        yield 0.5, "half"
        return value
    return job


def test_results_reach_the_gui_thread_and_signals_die_there(qtbot) -> None:
    gui_thread = threading.get_ident()
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    results: list[int] = []
    delivered_on: set[int] = set()
    destroyed_on: list[int] = []
    for value in range(40):
        handle = BackgroundJob(quick_job(value), pool)
        # Direct: runs on whichever thread destroys the object.
        handle.signals.destroyed.connect(lambda *_: destroyed_on.append(threading.get_ident()), Qt.DirectConnection)

        def arrived(result: int) -> None:
            results.append(result)
            delivered_on.add(threading.get_ident())

        handle.signals.finished.connect(arrived)
        handle.start()
        del handle  # the caller keeps nothing, as a view that only wants the result
    qtbot.waitUntil(lambda: len(results) == 40, timeout=15_000)
    assert sorted(results) == list(range(40))
    assert delivered_on == {gui_thread}
    assert wait_for_all(pool)
    BackgroundJob(quick_job(0), pool)  # a new job lets go of the settled ones, on this thread
    gc.collect()
    assert len(destroyed_on) == 40
    assert set(destroyed_on) == {gui_thread}


def test_a_failure_and_a_cancel_are_reported_once(qtbot) -> None:
    def failing(cancel: threading.Event):
        yield 0.0, ""
        raise ValueError("bug")

    handle = BackgroundJob(failing, log_failures=False)
    with qtbot.waitSignal(handle.signals.failed, timeout=10_000) as failed:
        handle.start()
    assert isinstance(failed.args[0], ValueError) and not handle.running

    gate = threading.Event()

    def slow(cancel: threading.Event):
        yield 0.0, "waiting"
        gate.wait(10)
        yield 0.5, "still going"
        return 1

    handle = BackgroundJob(slow)
    handle.cancel()
    with qtbot.waitSignal(handle.signals.cancelled, timeout=10_000):
        handle.start()
    gate.set()
    assert not handle.running


def test_a_chatty_job_wakes_the_window_a_few_times_and_always_reports_the_end(qtbot) -> None:
    """A report build reports ~180 steps a second; each update the GUI thread handles takes the GIL from the
    build. The window hears at most one every PROGRESS_EVERY_S, the first at once and the last (1.0) always."""
    steps = 20_000

    def chatty(cancel: threading.Event):
        for n in range(steps):
            yield n / steps, f"step {n}"
        yield 1.0, "done"
        return steps

    heard: list[tuple[float, str]] = []
    handle = BackgroundJob(chatty)
    handle.signals.progress.connect(lambda fraction, message: heard.append((fraction, message)))
    started = time.monotonic()
    with qtbot.waitSignal(handle.signals.finished, timeout=30_000):
        handle.start()
    elapsed = time.monotonic() - started
    assert heard[0] == (0.0, "step 0")
    assert heard[-1] == (1.0, "done")
    assert len(heard) <= elapsed / PROGRESS_EVERY_S + 2 < steps / 10


def test_a_job_reporting_through_a_callback_is_held_to_the_same_pace(qtbot) -> None:
    """The report dialog hands ``BackgroundJob.report`` to the build as its progress callback."""
    holder: list[BackgroundJob] = []

    def build(cancel: threading.Event):
        for n in range(20_000):
            holder[0].report(n / 20_000, "laying out")
        yield 1.0, "done"
        return "pdf"

    heard: list[float] = []
    handle = BackgroundJob(build)
    holder.append(handle)
    handle.signals.progress.connect(lambda fraction, _message: heard.append(fraction))
    with qtbot.waitSignal(handle.signals.finished, timeout=30_000) as finished:
        handle.start()
    assert finished.args == ["pdf"]
    assert heard[-1] == 1.0 and len(heard) < 2_000
