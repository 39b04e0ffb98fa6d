"""Run by test_window_sizes.py in its own process: the visit at a given scale on a given screen, measured.

    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.ui.scaled_window_probe DIR [PNG]

The demo visit is installed in a new store in DIR; or, when a test copies its own demo store there, it names the
store with PROBE_PASSPHRASE, PROBE_KDF_ITER (the test process's cheap key derivation) and PROBE_DEMO_ID, and the
probe opens it as it is (installing the demo, 22 photos through the photo pipeline, was most of the probe's time).

Prints one JSON line: the screen's available area, the window's frame, the visible checklist
items, the photo strip's state and the device pixel ratio. With PNG, also saves a screenshot.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication


def visible_items(window) -> int:
    checklist = window.assessment.checklist
    viewport = checklist.scroll.viewport()
    shown = 0
    for row in checklist.rows.values():
        top_left = row.field.mapTo(viewport, row.field.rect().topLeft())
        shown += viewport.rect().contains(QRect(top_left, row.field.size()))
    return shown


def main(folder: str, screenshot: str | None = None) -> int:
    app = QApplication(sys.argv[:1])
    from homeassess.domain.judge import Judge
    from homeassess.services.demo import install_demo
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store
    from homeassess.ui.kit.error_path import ErrorPath
    from homeassess.ui.shell.main_window import MainWindow
    from homeassess.ui.shell.window_services import WindowServices

    if "PROBE_DEMO_ID" in os.environ:  # a copy of a test's demo store
        import sqlcipher3.dbapi2 as sqlcipher

        sqlcipher.connect(":memory:").execute(f"PRAGMA cipher_default_kdf_iter = {int(os.environ['PROBE_KDF_ITER'])}")
        workspace = Workspace.build(Store.open(Path(folder), os.environ["PROBE_PASSPHRASE"]), Judge.load())
        assessment_id = int(os.environ["PROBE_DEMO_ID"])
    else:
        workspace = Workspace.build(Store.open(Path(folder), "probe passphrase", create=True), Judge.load())
        assessment_id, _ = install_demo(workspace)
    window = MainWindow(WindowServices.from_workspace(workspace), ErrorPath(None))
    window.show()
    window.open_assessment(assessment_id)
    app.processEvents()
    entrance = next(r for r in window.assessment.rooms.model.rooms if r.name == "Front entrance")
    window.assessment.rooms.select_room(entrance.id)
    window.assessment.walk.take_up_room()
    app.processEvents()
    if screenshot:
        window.grab().save(screenshot)
    before = window.frameGeometry()
    shown = visible_items(window)
    collapsed = window.assessment.photo_strip_collapsed()
    for row in window.assessment.checklist.rows.values():  # every Photos button: the window must not grow
        if row.photos is not None:
            row.photos.click()
    app.processEvents()
    frame = window.frameGeometry()
    area = window.screen().availableGeometry()
    print(json.dumps({
        "area": [area.x(), area.y(), area.width(), area.height()],
        "frame_before": [before.x(), before.y(), before.width(), before.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "visible_items": shown,
        "strip_collapsed": collapsed,
        "strip_opened_by_photos": not window.assessment.photo_strip_collapsed(),
        "dpr": window.devicePixelRatio(),
    }))
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
