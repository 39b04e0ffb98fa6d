"""Starting the program: unlock (or create) the store, build the services, show the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from homeassess.domain.data_files import resources_dir
from homeassess.domain.judge import Judge
from homeassess.logs import configure_logging
from homeassess.services.audit_log import AuditAction
from homeassess.services.demo import install_demo
from homeassess.services.workspace import Workspace
from homeassess.store.location import default_data_dir, log_dir
from homeassess.store.store import Store
from homeassess.ui.error_path import ErrorPath
from homeassess.ui.main_window import MainWindow
from homeassess.ui.unlock_dialog import UnlockDialog

log = logging.getLogger(__name__)


def unlock(data_dir: Path) -> tuple[Workspace, int] | None:
    """Ask for the passphrase until the store opens; None if the user cancels."""
    creating = not Store.exists(data_dir)
    failures = [0]
    dialog = UnlockDialog(
        lambda phrase: Store.open(data_dir, phrase, create=creating), creating,
        on_failure=lambda: failures.__setitem__(0, failures[0] + 1),
    )
    if dialog.exec() != UnlockDialog.Accepted:
        return None
    workspace = Workspace.build(dialog.result_value, Judge.load())
    return workspace, failures[0]


def start_session(workspace: Workspace, failed_attempts: int, created: bool) -> None:
    for _ in range(failed_attempts):
        workspace.audit.record(AuditAction.UNLOCK_FAILED)
    workspace.audit.record(AuditAction.UNLOCK)
    if created:
        install_demo(workspace)


def run(data_dir: Path | None = None) -> int:
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HomeAssess")
    app.setOrganizationName("HomeAssess")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "homeassess.png")))
    errors = ErrorPath(configure_logging(log_dir(data_dir)))
    errors.install()
    created = not Store.exists(data_dir)
    unlocked = unlock(data_dir)
    if unlocked is None:
        return 0
    workspace, failures = unlocked
    start_session(workspace, failures, created)
    try:
        workspace.backups.daily_if_due()
    except Exception:  # noqa: BLE001 - a failed backup must not stop the visit; it is logged
        log.error("daily backup failed", exc_info=True)
    window = MainWindow(workspace, errors, QSettings())
    app.installEventFilter(window.idle)
    window.show()
    try:
        return app.exec()
    finally:
        try:
            workspace.backups.on_exit()
        except Exception:  # noqa: BLE001
            log.error("backup on exit failed", exc_info=True)
        workspace.close()
