"""Current screenshots of the program for docs/screenshots/, taken offscreen from the demo.

    .venv/bin/python scripts/take_screenshots.py

Uses a temporary store, so your own data is never touched. Besides the screens at 1440 × 900,
the visit is taken on a 1024 × 700 screen, in the dark scheme, and at 200 % scale on a 1080p
screen (in a second process: QT_SCALE_FACTOR must be set before Qt starts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SCREEN = Path(tempfile.gettempdir()) / "homeassess-screenshot-screen.json"  # offscreen's own screen is 800 × 800
SCREEN.write_text(json.dumps({"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1200,
                                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from homeassess.domain.judge import Judge  # noqa: E402
from homeassess.services.demo import install_demo  # noqa: E402
from homeassess.services.workspace import Workspace  # noqa: E402
from homeassess.store.store import Store  # noqa: E402
from homeassess.ui.dialogs.report_dialog import ReportDialog  # noqa: E402
from homeassess.ui.kit.error_path import ErrorPath  # noqa: E402
from homeassess.ui.kit.palette import Scheme, theme  # noqa: E402
from homeassess.ui.kit.script_fonts import register_script_fonts  # noqa: E402
from homeassess.ui.shell import screen_fit  # noqa: E402
from homeassess.ui.shell.main_window import MainWindow  # noqa: E402
from homeassess.ui.shell.unlock_dialog import UnlockDialog  # noqa: E402
from homeassess.ui.shell.window_services import WindowServices  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, msecs: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()
    app.processEvents()


def door_shot(app: QApplication, window: MainWindow, name: str, margin: int) -> None:
    """The window with the door width field focused and scrolled into view (its verdict below it)."""
    settle(app, 400)
    door = window.assessment.checklist.rows.get("door_clear_width")
    if door is not None:
        door.editor.setFocus()
        window.assessment.checklist.scroll.ensureWidgetVisible(door.editor, 0, margin)
    settle(app, 400)
    window.grab().save(str(OUT / name))


def small_visit(app: QApplication, ws: Workspace, assessment_id: int) -> None:
    """The visit as a 1024 × 700 screen shows it: the window fitted, the photo strip folded away."""
    from PySide6.QtCore import QRect

    fitted = screen_fit.available_area
    screen_fit.available_area = lambda window: QRect(0, 0, 1024, 700)
    try:
        window = MainWindow(WindowServices.from_workspace(ws), ErrorPath(None))
        window.show()
        window.open_assessment(assessment_id)
        entrance = next(r for r in window.assessment.rooms.model.rooms if r.name == "Front entrance")
        window.assessment.rooms.select_room(entrance.id)
        window.assessment.walk.take_up_room()
        settle(app, 400)
        window.grab().save(str(OUT / "room-walk-1024x700.png"))
        window.close()
    finally:
        screen_fit.available_area = fitted


def metric_visit(app: QApplication, ws: Workspace) -> None:
    """A client who is not the demo: a scooter user who slides across on a board, measured in millimetres."""
    from homeassess.domain.client_profile import ClientProfile
    from homeassess.domain.units import LengthUnit
    from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec

    client = ClientProfile.model_validate({
        "name": "สมชาย ใจดี", "transfer_method": "Independent sliding-board transfers",
        "devices": [{"kind": "scooter", "primary": True, "overall_width": 660, "overall_length": 1220,
                     "seat_height": 500, "turning_diameter": 1800}],
        "body": {"popliteal_height": 430}})
    details = AssessmentDetails(unit=LengthUnit.MILLIMETRE, tenure="renter", landlord_name="Wanida Chaiyaporn")
    aid = ws.assessments.create(NewAssessment(client=client, details=details, rooms=[RoomSpec(type="bathroom")])).value
    room = ws.assessments.room_views(aid)[0].id
    for item, value in (("door_clear_width", "700"), ("toilet_seat_height", "430"), ("threshold_height", "13")):
        ws.checklist.record(room, item, value)
    window = MainWindow(WindowServices.from_workspace(ws), ErrorPath(None))
    window.resize(1440, 900)
    window.show()
    window.open_assessment(aid)
    door_shot(app, window, "room-walk-metric.png", 300)
    window.close()


def scaled_visit() -> None:
    """The visit at 200 % on a 1920 × 1080 screen (960 × 540 logical), from tests/ui/scaled_window_probe.py."""
    with tempfile.TemporaryDirectory() as temp:
        screen = Path(temp) / "screen.json"
        screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        store = Path(temp) / "store"
        store.mkdir()
        env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
        subprocess.run([sys.executable, "-m", "tests.ui.scaled_window_probe", str(store),
                        str(OUT / "room-walk-200pct.png")], cwd=ROOT, env=env, check=True, capture_output=True)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    register_script_fonts()  # as the program does after unlocking: Thai, Arabic, Devanagari… names read, not boxes
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        unlock = UnlockDialog(lambda p: None, creating=True)
        unlock.resize(520, 300)
        unlock.show()
        settle(app)
        unlock.grab().save(str(OUT / "unlock-first-run.png"))

        ws = Workspace.build(Store.open(Path(temp), "screenshot passphrase", create=True), Judge.load())
        services = WindowServices.from_workspace(ws)
        window = MainWindow(services, ErrorPath(None))
        window.resize(1440, 900)
        window.show()
        settle(app)
        window.grab().save(str(OUT / "welcome.png"))

        assessment_id, _ = install_demo(ws)
        window.show_home()
        settle(app)
        window.grab().save(str(OUT / "home.png"))

        window.open_assessment(assessment_id)
        rooms = window.assessment.rooms.model.rooms
        entrance = next(r for r in rooms if r.name == "Front entrance")
        window.assessment.rooms.select_room(entrance.id)
        door_shot(app, window, "room-walk.png", 380)

        theme().apply(Scheme.DARK)
        settle(app, 400)
        door = window.assessment.checklist.rows.get("door_clear_width")
        if door is not None:
            door.editor.setFocus()
        settle(app, 400)
        window.grab().save(str(OUT / "room-walk-dark.png"))
        theme().apply(Scheme.LIGHT)
        settle(app, 200)

        bathroom = next(r for r in rooms if r.name == "Upstairs bathroom")
        window.assessment.rooms.select_room(bathroom.id)
        settle(app, 1500)
        window.grab().save(str(OUT / "photo-strip.png"))

        window.assessment.tabs.setCurrentIndex(1)
        settle(app, 400)
        window.grab().save(str(OUT / "recommendations-review.png"))

        view = ws.assessments.open(assessment_id, audit=False)
        dialog = ReportDialog(services.reports(), window.ops, assessment_id, view.rooms, ws.settings.load().paper_size, window)
        dialog.resize(1300, 900)
        dialog.show()
        dialog.build()
        while dialog.job is not None and dialog.job.running:
            settle(app, 200)
        settle(app, 800)
        dialog.grab().save(str(OUT / "report-preview.png"))
        dialog.close()
        window.close()

        small_visit(app, ws, assessment_id)
        metric_visit(app, ws)
        ws.close()
    scaled_visit()
    for path in sorted(OUT.glob("*.png")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
