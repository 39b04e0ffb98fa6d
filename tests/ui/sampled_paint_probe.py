"""Run by test_photo_import_threads.py in its own process (a crash must not take the test run with it):

    QT_QPA_PLATFORM=offscreen python -m tests.ui.sampled_paint_probe DIR [REPAINTS]

The empty photo strip (its list paints the placeholder text itself) and its progress bar repaint over and over
while another thread samples the GUI thread's Python stack, as the gui_stall benchmark's stall sampler does.
Before painters were ended inside ``paintEvent`` this segfaulted within a few hundred repaints, every run.
Prints "survived N" and exits 0.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks import store_fixture
from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.operations import Operations
from homeassess.ui.photos.photo_strip import PhotoStrip


def main(folder: Path, repaints: int) -> int:
    app = QApplication.instance() or QApplication([])
    gui = threading.get_ident()
    workspace = store_fixture.open_workspace(folder / "store", create=True)
    try:
        assessment_id = workspace.assessments.create(NewAssessment(
            client=ClientProfile(name="Probe"), details=AssessmentDetails(), rooms=[RoomSpec(type="bathroom")],
        )).value
        strip = PhotoStrip(workspace.photo_import, workspace.judge.catalogue, Operations(ErrorPath(None)),
                           ActionRegistry())
        strip.resize(1200, 260)
        strip.show()
        strip.set_room(assessment_id, workspace.assessments.room_views(assessment_id)[0].id, read_only=False)
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.0005):
                frame = sys._current_frames().get(gui)  # the documented way to sample a thread
                if frame is not None:
                    traceback.extract_stack(frame, limit=60)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        count = [0]
        loop = QEventLoop()

        def repaint() -> None:
            strip.view.viewport().repaint()
            strip.progress.setValue(count[0] % 1000)
            strip.progress.repaint()
            count[0] += 1
            if count[0] >= repaints:
                loop.quit()

        timer = QTimer(interval=0, timeout=repaint)
        timer.start()
        loop.exec()
        timer.stop()
        stop.set()
        sampler.join()
        strip.close()
        app.processEvents()
    finally:
        workspace.close()
    print(f"survived {count[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3000))
