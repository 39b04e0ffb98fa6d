"""Qt objects die on the GUI thread, and painters end where they began, while photos import (the gui_stall
segfault, docs/architecture.md "Threads and the garbage collector").

The segfault's C stacks: a QPainter ended by ``frame_dealloc`` on the benchmark's stack-sampling thread,
and the GUI thread crashing in ``QProgressBar::paintEvent``. A frame of ``paintEvent`` kept alive (by
``sys._current_frames()``, a traceback) keeps its locals; a painter not ended inside the method then stays
active on the viewport and is ended later, by whichever thread lets go of the frame.

A strip that was closed and deleted leaves its Python side in reference cycles. Python's cyclic collector
used to run on whichever thread allocated when it came due: during an import that is the worker, decoding
photos, and the Qt objects in those cycles (the strip's list model and its icons) were destroyed there
while the GUI thread was inside its event loop; now and then the process crashed. Each test here lets a
job allocate as a decode does and checks on which thread the Qt objects were destroyed.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QPainter

from homeassess.ui.kit.worker import BackgroundJob
from homeassess.ui.photos.photo_strip import PhotoStrip
from tests.ui.conftest import create_assessment
from tests.ui.test_photo_strip import WAIT, jpeg


def allocating_job(until: threading.Event | None = None):
    """Python allocations on the worker as a batch of decodes makes them: enough for many collections.
    With ``until``, the worker keeps them (the collections stay due) until the test has seen what it waits for."""
    def job(cancel: threading.Event):
        yield 0.0, "decoding"
        kept = [[n] for n in range(300_000)]
        yield 1.0, "decoded"
        if until is not None:
            until.wait(WAIT / 1000)
        return len(kept)
    return job


def destroyed_on(obj: QObject, threads: list[int]) -> None:
    # Direct: the slot runs on whichever thread destroys the object.
    obj.destroyed.connect(lambda *_: threads.append(threading.get_ident()), Qt.DirectConnection)


def run_allocating_job(qtbot) -> None:
    handle = BackgroundJob(allocating_job())
    with qtbot.waitSignal(handle.signals.finished, timeout=WAIT) as done:
        handle.start()
    assert done.args == [300_000]


def test_a_deleted_strips_model_dies_on_the_gui_thread_while_a_later_import_runs(
        qtbot, workspace, ops, registry, judge, tmp_path: Path) -> None:
    gui = threading.get_ident()
    assessment_id = create_assessment(workspace, rooms=("bathroom",))
    room_id = workspace.assessments.room_views(assessment_id)[0].id
    for n in range(3):
        (tmp_path / f"photo_{n}.jpg").write_bytes(jpeg((300 + n, 200)))

    strip = PhotoStrip(workspace.photo_import, judge.catalogue, ops, registry)
    strip.set_room(assessment_id, room_id, read_only=False)
    strip.show()
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.import_paths(sorted(tmp_path.glob("*.jpg")))
    qtbot.waitUntil(lambda shown=strip: not shown.busy, timeout=WAIT)
    assert strip.model.rowCount() == 3
    strip.grab()  # the thumbnails drawn: the model holds their icons
    threads: list[int] = []
    destroyed_on(strip.model, threads)

    gc.collect()
    strip.close()  # the visit closes, as in the window
    strip.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    del strip
    run_allocating_job(qtbot)  # the next import's decoding
    gc.collect()
    assert threads == [gui]


def test_a_qt_object_left_in_a_cycle_is_collected_on_the_gui_thread_not_the_worker(qtbot) -> None:
    gui = threading.get_ident()
    threads: list[int] = []
    gc.collect()
    holder: dict[str, object] = {"icon owner": QObject()}
    holder["self"] = holder  # a cycle: only the collector frees it
    destroyed_on(holder["icon owner"], threads)  # type: ignore[arg-type]
    del holder
    collected = threading.Event()
    handle = BackgroundJob(allocating_job(until=collected))
    with qtbot.waitSignal(handle.signals.finished, timeout=WAIT):
        handle.start()
        qtbot.waitUntil(lambda: bool(threads), timeout=WAIT)  # a collection came due, on some thread
        collected.set()
    assert threads == [gui]
    qtbot.waitUntil(gc.isenabled, timeout=WAIT)  # every job settled: the automatic collector is back


def test_the_empty_strip_ends_its_painter_even_when_the_paint_frame_is_kept(
        qtbot, workspace, ops, registry, judge) -> None:
    assessment_id = create_assessment(workspace, rooms=("bathroom",))
    strip = PhotoStrip(workspace.photo_import, judge.catalogue, ops, registry)
    qtbot.addWidget(strip)
    strip.set_room(assessment_id, workspace.assessments.room_views(assessment_id)[0].id, read_only=False)
    kept = []  # what a stack sampler or a stored traceback does: the frames outlive the call

    def keep_paint_frames(frame, event, _arg) -> None:  # sys.setprofile's hook
        if event == "return" and frame.f_code.co_name == "paintEvent":
            kept.append(frame)

    sys.setprofile(keep_paint_frames)
    try:
        strip.grab()  # no photos: the list paints its placeholder text itself
    finally:
        sys.setprofile(None)
    painters = [value for frame in kept for value in frame.f_locals.values() if isinstance(value, QPainter)]
    assert painters, "the placeholder was painted"
    assert not any(painter.isActive() for painter in painters)


@pytest.mark.slow
def test_the_strip_survives_repainting_while_a_thread_samples_the_gui_stack(tmp_path: Path) -> None:
    """The benchmark's crash, made quick: before the fix the probe segfaulted every run (3 of 3, a few
    seconds each); after it, 3 of 3 survived 3,000 repaints. In its own process: a crash fails only this test."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "tests.ui.sampled_paint_probe", str(tmp_path), "3000"],
                         cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.returncode
    assert "survived 3000" in run.stdout
