"""Screenshots of the demo's follow-up for docs/screenshots/: the Follow-up tab and the Outcomes tab.

    .venv/bin/python scripts/take_follow_up_screenshots.py            # offscreen, 1440 × 900
    xvfb-run -a .venv/bin/python scripts/take_follow_up_screenshots.py --x11 /tmp/shots

Uses a temporary store, so your own data is never touched. With ``--x11`` it runs on the X display
it is given (Xvfb) and writes to the folder named instead of docs/screenshots/, to compare a real
window system with the offscreen rendering.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
X11 = "--x11" in sys.argv
if not X11:  # offscreen's own screen is 800 × 800: a desk screen instead, as scripts/take_screenshots.py does
    SCREEN = Path(tempfile.gettempdir()) / "homeassess-screenshot-screen.json"
    SCREEN.write_text(json.dumps({"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1200,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from homeassess.domain.judge import Judge  # noqa: E402
from homeassess.services.demo_follow_up import install_demo_follow_up  # noqa: E402
from homeassess.services.workspace import Workspace  # noqa: E402
from homeassess.store.store import Store  # noqa: E402
from homeassess.ui.kit.error_path import ErrorPath  # noqa: E402
from homeassess.ui.shell.main_window import MainWindow  # noqa: E402
from homeassess.ui.shell.window_services import WindowServices  # noqa: E402
from homeassess.ui.visit.assessment_screen import FOLLOW_UP_TAB, OUTCOMES_TAB  # noqa: E402


def settle(app: QApplication, msecs: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()
    app.processEvents()


def main() -> int:
    out = Path(sys.argv[sys.argv.index("--x11") + 1]) if X11 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as temp:
        ws = Workspace.build(Store.open(Path(temp), "screenshot passphrase", create=True), Judge.load())
        window = MainWindow(WindowServices.from_workspace(ws), ErrorPath(None))
        window.resize(1440, 900)
        window.show()
        _, follow_up, _ = install_demo_follow_up(ws)
        window.open_assessment(follow_up)
        screen = window.assessment
        screen.show_tab(FOLLOW_UP_TAB)
        view = screen.follow_up
        while len(view.cards) < len(ws.follow_ups.items(follow_up)):  # the later cards are built just after
            settle(app, 100)
        settle(app, 600)
        deviating = next((card for card in view.cards.values()
                          if any(verdict.isVisible() and "✗" in verdict.text() for _, verdict in card.checks.values())), None)
        if deviating is not None:  # the grab bar fitted too high, in view with its verdict
            edit = next(edit for edit, verdict in deviating.checks.values() if "✗" in verdict.text())
            edit.setFocus()
            view.scroll.ensureWidgetVisible(deviating, 0, 0)
        settle(app, 600)
        window.grab().save(str(out / "follow-up.png"))
        screen.show_tab(OUTCOMES_TAB)
        settle(app, 600)
        bar = screen.outcomes.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())  # the comparison whole, falls and open findings included
        settle(app, 300)
        window.grab().save(str(out / "outcomes.png"))
        window.close()
        ws.close()
    for name in ("follow-up.png", "outcomes.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
