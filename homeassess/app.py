"""The composition root: builds the store, the services and the window, then runs Qt.

Nothing else in the program builds services for the window. Qt itself is only touched through
``homeassess.ui.shell.startup``; widgets get the named services they use from ``MainWindow``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from homeassess.domain.judge import Judge
from homeassess.logs import configure_logging
from homeassess.services.audit_log import AuditAction
from homeassess.services.demo import install_demo
from homeassess.services.workspace import Workspace
from homeassess.store.location import default_data_dir, log_dir
from homeassess.store.store import Store

log = logging.getLogger(__name__)


def start_session(workspace: Workspace, failed_attempts: int, created: bool) -> None:
    """Audit the unlock (and the attempts that failed); a new store starts with the demo assessment."""
    for _ in range(failed_attempts):
        workspace.audit.record(AuditAction.UNLOCK_FAILED)
    workspace.audit.record(AuditAction.UNLOCK)
    if created:
        install_demo(workspace)


def run_app(data_dir: Path | None = None) -> int:
    from homeassess.ui.kit.error_path import ErrorPath
    from homeassess.ui.shell.main_window import MainWindow
    from homeassess.ui.shell.startup import ask_to_unlock, qt_application, run_window, window_geometry_store
    from homeassess.ui.shell.window_services import WindowServices

    data_dir = Path(data_dir) if data_dir else default_data_dir()
    app = qt_application()
    errors = ErrorPath(configure_logging(log_dir(data_dir)))
    errors.install()
    created = not Store.exists(data_dir)
    unlocked = ask_to_unlock(lambda phrase: Store.open(data_dir, phrase, create=created), created)
    if unlocked is None:
        return 0
    store, failures = unlocked
    workspace = Workspace.build(store, Judge.load())
    start_session(workspace, failures, created)
    try:
        workspace.backups.daily_if_due()
    except Exception:  # a failed backup must not stop the visit; it is logged (type and frames only)
        log.error("daily backup failed", exc_info=True)
    window = MainWindow(WindowServices.from_workspace(workspace), errors, window_geometry_store())
    try:
        return run_window(app, window)
    finally:
        try:
            workspace.backups.on_exit()
        except Exception:
            log.error("backup on exit failed", exc_info=True)
        workspace.close()
