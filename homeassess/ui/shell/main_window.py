"""The main window: the home screen and the assessment screen, the menus, the idle lock.

The home screen is built with the window; the assessment screen (room walk, photo strip, review) is
built when first needed, or just after the home screen's first paint, whichever comes first, so the
home screen appears without waiting for it.

It is given the services once (``WindowServices``) and hands each screen only those it names.
One ``Operations`` (kit/operations.py) runs every change the window makes, with one undo stack
(the open visit's: cleared when another assessment opens) and one bus the screens listen to.
One ``ActionRegistry`` declares every action and shortcut; Help → Keyboard shortcuts reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.changes import Change, Scope
from homeassess.services.settings import AppSettings
from homeassess.services.unlock_throttle import UnlockThrottle
from homeassess.ui.dialogs.audit_dialog import AuditDialog
from homeassess.ui.dialogs.backups_dialog import BackupsDialog
from homeassess.ui.dialogs.help_dialogs import show_about, show_how_to_measure, show_shortcuts
from homeassess.ui.home.home_screen import HomeScreen
from homeassess.ui.kit import prompts
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.worker import wait_for_all
from homeassess.ui.shell.assessment_commands import AssessmentCommands
from homeassess.ui.shell.bundle_actions import BundleActions
from homeassess.ui.shell.clinician_details import in_words, missing_details
from homeassess.ui.shell.first_paint import after_first_paint
from homeassess.ui.shell.idle_backup import IdleBackup
from homeassess.ui.shell.idle_lock import IdleWatcher, LockScreen
from homeassess.ui.shell.screen_fit import fit_to_screen
from homeassess.ui.shell.window_actions import build_menus
from homeassess.ui.shell.window_services import WindowServices
from homeassess.ui.visit.assessment_screen import FOLLOW_UP_TAB, AssessmentScreen


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, services: WindowServices, errors: ErrorPath, geometry_store: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.errors = errors
        errors.parent = self
        self.geometry_store = geometry_store
        self.setWindowTitle("HomeAssess")
        self.ops = Operations(errors, parent=self)
        self.undo_stack = self.ops.undo_stack
        self.registry = ActionRegistry()

        self.home = HomeScreen(services.assessments, self.ops)
        self._assessment: AssessmentScreen | None = None  # built on first use (the ``assessment`` property)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.lock_screen = LockScreen()
        self.unlock_throttle = UnlockThrottle()  # repeated wrong passphrases wait longer each time
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.frame = QStackedWidget()
        self.frame.addWidget(self.stack)
        self.frame.addWidget(self.lock_screen)
        self.setCentralWidget(self.frame)

        self.commands = AssessmentCommands(services, self.ops, self, self.open_assessment, self.current_assessment_id)
        self.bundles = BundleActions(services.bundles, self.ops, self)
        self.idle = IdleWatcher(services.settings.load().idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.idle_backup = IdleBackup(services.backups, parent=self)  # so that quitting seldom has one to write
        self.idle.activity.connect(self.idle_backup.note_activity)
        self.actions = build_menus(self, self.registry, self.undo_stack, {
            "new": self.commands.new_assessment, "home": self.show_home, "demo": self.commands.add_demo,
            "export": self.export_assessment, "import": lambda: self.bundles.import_file(self.open_assessment),
            "backups": self.manage_backups, "lock": self.lock, "quit": self.close,
            "settings": self.commands.edit_settings, "finalise": self.commands.finalise,
            "reopen": self.commands.reopen_draft, "audit": self.show_audit,
            "follow_up": lambda: self.commands.start_follow_up(self.open_follow_up),
            "next_room": lambda: self.step_room(1), "previous_room": lambda: self.step_room(-1),
            "reports": self.reports_of_current,
            "measure_help": lambda: show_how_to_measure(self, services.judge.catalogue),
            "shortcuts": self.show_shortcuts,
            "about": lambda: show_about(self, services.session.path, services.judge.catalogue.version),
        })
        self._connect()
        self.statusBar().showMessage("Every change is saved as you make it.")
        self._fitted = False
        self._restore_layout()
        self._update_actions()
        self._offer_details(services.settings.load())
        self.home.refresh()
        after_first_paint(self, self._assessment_screen, later=True)  # ready before the first assessment opens

    @property
    def assessment(self) -> AssessmentScreen:
        """The assessment screen (rooms, checklist, photo strip, review), built the first time it is needed."""
        return self._assessment_screen()

    def _assessment_screen(self) -> AssessmentScreen:
        if self._assessment is not None:
            return self._assessment
        s = self.services
        screen = self._assessment = AssessmentScreen(s.assessments, s.checklist, s.recommendations, s.photos, s.judge,
                                                     self.ops, self.registry, s.follow_ups, s.outcomes)
        self.stack.addWidget(screen)
        screen.back_requested.connect(self.show_home)
        screen.details_requested.connect(self.commands.edit_details)
        screen.report_requested.connect(self.open_reports)
        # The window follows a change after the screens have (its actions read the screen's refreshed view).
        self.ops.bus.changed.disconnect(self._on_change)
        self.ops.bus.changed.connect(self._on_change)
        store = self.geometry_store
        strip = store.value("window/photo_splitter") if store is not None else None
        if not (isinstance(strip, QByteArray) and screen.restore_layout(strip)):
            screen.fit_photo_strip(self.height())
        return screen

    def _open_screen(self) -> AssessmentScreen | None:
        """The assessment screen if it is the one showing."""
        screen = self._assessment
        return screen if screen is not None and self.stack.currentWidget() is screen else None

    def _restore_layout(self) -> None:
        """The size left last time, else 1280 × 820; never larger than the screen (the photo strip: when built)."""
        store = self.geometry_store
        saved = store.value("window/geometry") if store is not None else None
        if not (isinstance(saved, QByteArray) and self.restoreGeometry(saved)):
            self.resize(1280, 820)
        fit_to_screen(self)

    def _save_layout(self) -> None:
        if self.geometry_store is not None:
            self.geometry_store.setValue("window/geometry", self.saveGeometry())
            if self._assessment is not None:  # never built this time: what was saved stays
                self.geometry_store.setValue("window/photo_splitter", self._assessment.layout_state())

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        if not self._fitted:  # the frame (title bar, borders) is known once shown: fit again with it
            self._fitted = True
            fit_to_screen(self)

    def _connect(self) -> None:
        self.home.open_requested.connect(self.open_assessment)
        self.home.new_requested.connect(self.commands.new_assessment)
        self.home.demo_requested.connect(self.commands.add_demo)
        self.home.archive_requested.connect(self.commands.archive)
        self.home.settings_requested.connect(self.commands.edit_settings)
        self.ops.bus.changed.connect(self._on_change)

    def _on_change(self, change: Change, _initiator: object) -> None:
        if change.touches(Scope.SETTINGS) and isinstance(change.value, AppSettings):
            self.idle.set_minutes(change.value.idle_lock_minutes)
            self._offer_details(change.value)
        if change.touches(Scope.ASSESSMENT, Scope.ASSESSMENTS):
            self._update_actions()

    def _offer_details(self, settings: AppSettings) -> None:
        missing = missing_details(settings)
        self.home.show_missing_details(in_words(missing) if missing else "")

    def _update_actions(self) -> None:
        screen = self._open_screen()
        view = screen.view if screen is not None else None
        status = view.status if view is not None else ""
        self.actions["finalise"].setEnabled(status == AssessmentStatus.DRAFT)
        self.actions["reopen"].setEnabled(status == AssessmentStatus.FINAL)
        for name in ("audit", "next_room", "previous_room", "reports"):
            self.actions[name].setEnabled(view is not None)

    # --- navigation ------------------------------------------------------------------------

    def show_home(self) -> None:
        left = self.current_assessment_id()  # the visit just left is the line selected at home
        self.undo_stack.clear()
        self.home.refresh(select=left)
        self.stack.setCurrentWidget(self.home)
        self.home.table.setFocus()
        self._update_actions()

    def open_assessment(self, assessment_id: int) -> None:
        screen = self._assessment_screen()
        screen.open(assessment_id)
        self.stack.setCurrentWidget(screen)
        screen.walk.take_up_room()
        self._update_actions()

    def open_follow_up(self, follow_up_id: int) -> None:
        """A follow-up just started: opened on its Follow-up tab, at the first item's status."""
        self.open_assessment(follow_up_id)
        self.assessment.show_tab(FOLLOW_UP_TAB)

    def step_room(self, step: int) -> None:
        screen = self._open_screen()
        if screen is not None:
            screen.tabs.setCurrentIndex(0)
            screen.walk.step_room(step)

    def reports_of_current(self) -> None:
        screen = self._open_screen()
        if screen is not None and screen.view is not None:
            self.open_reports(screen.view.id)

    def current_assessment_id(self) -> int | None:
        screen = self._open_screen()
        if screen is not None and screen.view is not None:
            return screen.view.id
        return self.home.current_assessment_id()

    def export_assessment(self) -> None:
        assessment_id = self.current_assessment_id()
        if assessment_id is not None:
            self.bundles.export(assessment_id)

    def show_audit(self) -> None:
        screen = self._assessment
        if screen is not None and screen.view is not None:
            AuditDialog(self.services.audit, screen.view.id, self).exec()

    def show_shortcuts(self) -> None:
        self._assessment_screen()  # its checklist, photo strip and review declare their shortcuts when built
        show_shortcuts(self, self.registry.help_rows())

    def manage_backups(self) -> None:
        dialog = BackupsDialog(self.services.backups, self.ops, self)
        dialog.exec()
        if dialog.restored:
            self.show_home()

    def open_reports(self, assessment_id: int) -> None:
        # Imported here, not at the top: ReportLab and QtPdf cost about 0.15 s that a cold start need not pay.
        from homeassess.ui.dialogs.report_dialog import ReportDialog

        services = self.services
        settings = services.settings.load()
        missing = missing_details(settings, services.assessments.open(assessment_id, audit=False).details)
        ReportDialog(services.reports(), self.ops, assessment_id, services.assessments.room_views(assessment_id),
                     settings.paper_size, self, missing=in_words(missing) if missing else "").exec()

    # --- idle lock -------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.frame.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if self.locked:
            return
        self.menuBar().setEnabled(False)
        self.frame.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()
        self.idle_backup.stop()  # its connection closes with the others
        self.services.session.lock()

    def unlock(self, passphrase: str) -> None:
        if not self.unlock_throttle.may_try():  # refused without checking the passphrase
            self.lock_screen.message.setText(self.unlock_throttle.too_soon())
            return
        if not self.services.session.unlock(passphrase):
            self.unlock_throttle.failed()
            self.lock_screen.message.setText(self.unlock_throttle.refusal())
            self.lock_screen.passphrase.selectAll()
            return
        self.unlock_throttle.succeeded()
        self.frame.setCurrentWidget(self.stack)
        self.menuBar().setEnabled(True)
        self.idle.set_minutes(self.services.settings.load().idle_lock_minutes)
        self.idle_backup.resume()

    # --- closing ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._assessment is not None and self._assessment.photos.busy

    def closeEvent(self, event: QCloseEvent) -> None:
        question = "Photos are still being imported. Wait for them to finish, then close?"
        if self.busy() and not prompts.confirm(self, "Work in progress", question):
            event.ignore()
            return
        self.ops.wait(60_000)  # every change finishes, and its handlers run, before the store closes
        wait_for_all()
        self._save_layout()
        self.idle.stop()
        self.idle_backup.stop()  # a backup under way finishes before the store closes
        self.closing.emit()
        event.accept()
