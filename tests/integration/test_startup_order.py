"""Paint first, then load: the unlock dialog is on screen before the database layer, the services, the main
window and the catalogue are imported; they load while the clinician types, and the unlock then opens home."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import PASSPHRASE, ROOT

LATER = ("sqlalchemy", "sqlmodel", "alembic", "sqlcipher3", "pydantic", "reportlab", "PIL", "homeassess.store.store",
         "homeassess.store.engine", "homeassess.services.workspace", "homeassess.ui.shell.main_window",
         "homeassess.domain.judge", "homeassess.domain.catalogue",
         # nor what the dialog needs only once the clinician has typed (or something has failed):
         "logging.handlers", "homeassess.domain.limits", "homeassess.services.unlock_throttle",
         "homeassess.ui.kit.prompts", "platformdirs")
PROGRAM = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow
from homeassess.cli import main
from homeassess.ui.shell import startup

seen = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QDialog) and "dialog" not in seen:
            seen["dialog"] = sorted(sys.modules)
            seen["title"] = obj.windowTitle()
            QTimer.singleShot(0, lambda: unlock(obj))
        elif event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow) and "home" not in seen:
            seen["home"] = obj.windowTitle()
            print(json.dumps(seen), flush=True)
            sys.exit(0)
        return False

def unlock(dialog):
    dialog.passphrase.setText(sys.argv[2])
    dialog.repeat.setText(sys.argv[2])
    dialog.try_unlock()

watch = Watch()
real = startup.qt_application
def watched():
    app = real()
    app.installEventFilter(watch)
    return app
startup.qt_application = watched
main(["--data-dir", sys.argv[1]])
"""


def test_the_unlock_dialog_is_painted_before_the_store_and_services_load_then_home_opens(tmp_path, cli_demo_store):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOMEASSESS_CACHE_DIR=os.environ["HOMEASSESS_CACHE_DIR"])
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(cli_demo_store), PASSPHRASE], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["title"] == "Unlock HomeAssess"
    loaded_early = [m for m in seen["dialog"] if m.startswith(LATER)]
    assert loaded_early == []
    assert "HomeAssess" in seen["home"]
