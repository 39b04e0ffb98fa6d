"""The composition root: builds the store, the services and the window, then runs Qt.

Nothing else in the program builds services for the window. Qt itself is only touched through
``homeassess.ui.shell.startup``; widgets get the named services they use from ``MainWindow``.

Paint first, then load: the unlock dialog (or the first-run passphrase dialog) is painted before
the store, SQLAlchemy, Alembic, the services, the main window and the catalogue are imported, and
before the log file is opened. They load on a background thread (:class:`Preload`) while the clinician types, so once the
passphrase is accepted the home screen waits only for the key derivation. What the home screen does not
need comes after its first paint (:class:`AfterFirstPaint`): the unlock audited, the spare store
connections and the day's backup (on background threads), and the assessment screen (``MainWindow``).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from homeassess.store.location import STORE_FILE_NAME, default_data_dir, log_dir

if TYPE_CHECKING:
    from homeassess.domain.judge import Judge
    from homeassess.services.workspace import Workspace

log = logging.getLogger(__name__)


def start_session(workspace: Workspace, failed_attempts: int, created: bool) -> None:
    """Audit the unlock (and the attempts that failed); a new store starts with the demo assessment and
    the demo's follow-up (its finalised copy and a follow-up visit), so a new user sees the whole journey."""
    from homeassess.services.audit_log import AuditAction
    from homeassess.services.demo_follow_up import install_demos

    for _ in range(failed_attempts):
        workspace.audit.record(AuditAction.UNLOCK_FAILED)
    workspace.audit.record(AuditAction.UNLOCK)
    if created:
        install_demos(workspace)


class Preload:
    """Opens the log, imports what the program needs after the unlock and loads the catalogue, on a background
    thread. (Before the log is opened nothing health-related exists in the process: no store is open.)"""

    MODULES = ("homeassess.store.store", "homeassess.services.workspace", "homeassess.services.audit_log",
               "homeassess.ui.shell.main_window", "homeassess.ui.shell.window_services")

    def __init__(self, log_folder: Path) -> None:
        self._log_folder = log_folder
        self._done = threading.Event()
        self._started = threading.Lock()
        self._thread: threading.Thread | None = None
        self._judge: Judge | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        with self._started:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="homeassess-preload", daemon=True)
                self._thread.start()

    def ready(self) -> bool:
        """Whether everything is loaded (or failed to)."""
        return self._done.is_set()

    def judge(self) -> Judge:
        """The loaded catalogue, standards and library, once everything is imported (waits if need be)."""
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._judge is not None
        return self._judge

    def _load(self) -> None:
        import importlib

        try:
            from homeassess.logs import configure_logging

            configure_logging(self._log_folder)
            for name in self.MODULES:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()  # the ORM's one-time set-up, otherwise paid by the first query after the unlock
            from homeassess.domain.judge import Judge

            self._judge = Judge.load()
        except BaseException as exc:  # raised again on the GUI thread by judge()
            self._error = exc
        finally:
            self._done.set()


class AfterFirstPaint:
    """What follows the home screen's first paint: the unlock audited (a new store did it with the demo), the spare
    store connections keyed, and the day's backup (written and verified on a background thread)."""

    def __init__(self, workspace: Workspace, failed_attempts: int, *, audit_unlock: bool) -> None:
        self._workspace = workspace
        self._failed_attempts = failed_attempts
        self._audit_unlock = audit_unlock
        self._backup: threading.Thread | None = None

    def run(self) -> None:
        if self._audit_unlock:
            start_session(self._workspace, self._failed_attempts, created=False)
        self._workspace.store.open_spares()
        self._backup = threading.Thread(target=self._daily_backup, name="homeassess-daily-backup")
        self._backup.start()

    def wait(self) -> None:
        """Let the day's backup finish (before the exit backup and the store's close)."""
        if self._backup is not None:
            self._backup.join()

    def _daily_backup(self) -> None:
        try:
            self._workspace.backups.daily_if_due()
        except Exception:  # a failed backup must not stop the visit; it is logged (type and frames only)
            log.error("daily backup failed", exc_info=True)


def run_app(data_dir: Path | None = None) -> int:
    from homeassess.logs import log_file
    from homeassess.ui.kit.error_path import ErrorPath
    from homeassess.ui.shell.startup import (
        ask_to_unlock,
        qt_application,
        run_window,
        run_with_progress,
        window_geometry_store,
    )

    data_dir = Path(data_dir) if data_dir else default_data_dir()
    app = qt_application()
    errors = ErrorPath(log_file(log_dir(data_dir)))
    errors.install()
    created = not (data_dir / STORE_FILE_NAME).exists()
    preload = Preload(log_dir(data_dir))

    def open_store(phrase: str):  # a Store
        preload.judge()  # the store layer is imported by now
        from homeassess.store.store import Store

        # No spare connections yet: keying them on the other core would slow the home screen's first paint.
        return Store.open(data_dir, phrase, create=created, spares=0)

    unlocked = ask_to_unlock(open_store, created, painted=preload.start)
    if unlocked is None:
        return 0
    from homeassess.services.workspace import Workspace
    from homeassess.ui.shell.main_window import MainWindow
    from homeassess.ui.shell.window_services import WindowServices

    store, failures = unlocked
    workspace = Workspace.build(store, preload.judge())
    if created:  # the demo visit is written now: a progress indicator, not a blank screen
        run_with_progress("Setting up your store and the demo visit…", lambda: start_session(workspace, failures, created))
    window = MainWindow(WindowServices.from_workspace(workspace), errors, window_geometry_store())
    after_paint = AfterFirstPaint(workspace, failures, audit_unlock=not created)
    try:
        return run_window(app, window, painted=after_paint.run)
    finally:
        after_paint.wait()
        try:
            workspace.backups.on_exit()
        except Exception:
            log.error("backup on exit failed", exc_info=True)
        workspace.close()
