"""The main window: home screen and assessment screen, with every action declared once."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from homeassess.services.audit_log import AuditAction
from homeassess.services.demo import install_demo
from homeassess.services.workspace import Workspace
from homeassess.store.engine import StoreError
from homeassess.ui import prompts
from homeassess.ui.assessment_dialog import AssessmentDialog
from homeassess.ui.assessment_screen import AssessmentScreen
from homeassess.ui.audit_dialog import AuditDialog
from homeassess.ui.backups_dialog import BackupsDialog
from homeassess.ui.bundle_actions import BundleActions
from homeassess.ui.error_path import ErrorPath
from homeassess.ui.help_dialogs import show_about, show_how_to_measure, show_shortcuts
from homeassess.ui.home_screen import HomeScreen
from homeassess.ui.idle_lock import IdleWatcher, LockScreen
from homeassess.ui.settings_dialog import SettingsDialog
from homeassess.ui.worker import wait_for_all


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, workspace: Workspace, errors: ErrorPath, geometry_store: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.errors = errors
        errors.parent = self
        self.geometry_store = geometry_store
        self.setWindowTitle("HomeAssess")
        self.undo_stack = QUndoStack(self)
        self.home = HomeScreen(workspace)
        self.assessment = AssessmentScreen(workspace, self.undo_stack, errors)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.assessment)
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.frame = QStackedWidget()
        self.frame.addWidget(self.stack)
        self.frame.addWidget(self.lock_screen)
        self.setCentralWidget(self.frame)
        self.bundles = BundleActions(workspace, self)
        self.idle = IdleWatcher(workspace.settings.load().idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self._declare_actions()
        self._connect()
        self.statusBar().showMessage("Every change is saved as you make it.")
        self.resize(1280, 820)
        if geometry_store is not None:
            saved = geometry_store.value("window/geometry")
            if isinstance(saved, QByteArray):
                self.restoreGeometry(saved)
        self.home.refresh()

    # --- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _declare_actions(self) -> None:
        self.new_action = self._action("&New assessment…", self.new_assessment, QKeySequence.New)
        self.home_action = self._action("&All assessments", self.show_home, "Ctrl+Shift+H")
        self.demo_action = self._action("Add the &demo assessment", self.add_demo)
        self.settings_action = self._action("&Settings…", self.edit_settings, QKeySequence.Preferences)
        self.quit_action = self._action("&Quit", self.close, QKeySequence.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.lock_action = self._action("&Lock now", self.lock, "Ctrl+L")
        self.backups_action = self._action("&Backups and restore…", self.manage_backups)
        self.export_action = self._action("&Export assessment…", self.export_assessment, "Ctrl+Shift+E")
        self.import_action = self._action("&Import assessment…", lambda: self.bundles.import_file(self.open_assessment), "Ctrl+Shift+I")
        self.audit_action = self._action("Audit &trail…", self.show_audit)
        self.finalise_action = self._action("&Finalise assessment…", self.finalise)
        self.reopen_action = self._action("Return to &draft", self.reopen_draft)
        self.measure_help_action = self._action("How to &measure", lambda: show_how_to_measure(self, self.ws.judge.catalogue))
        self.shortcuts_action = self._action("&Keyboard shortcuts", lambda: show_shortcuts(self))
        self.about_action = self._action("&About HomeAssess", lambda: show_about(self, self.ws))

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for a in (self.new_action, self.home_action, self.demo_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        self.assessment_menu = menu.addMenu("A&ssessment")
        self.assessment_menu.addAction(self.finalise_action)
        self.assessment_menu.addAction(self.reopen_action)
        self.assessment_menu.addSeparator()
        self.assessment_menu.addAction(self.audit_action)
        help_menu = menu.addMenu("&Help")
        for a in (self.measure_help_action, self.shortcuts_action, self.about_action):
            help_menu.addAction(a)
        self._update_actions()

    def _connect(self) -> None:
        self.home.open_requested.connect(self.open_assessment)
        self.home.new_requested.connect(self.new_assessment)
        self.home.demo_requested.connect(self.add_demo)
        self.home.archive_requested.connect(self.archive)
        self.home.settings_requested.connect(self.edit_settings)
        self.assessment.back_requested.connect(self.show_home)
        self.assessment.details_requested.connect(self.edit_details)
        self.assessment.report_requested.connect(self.open_reports)

    def _update_actions(self) -> None:
        on_assessment = self.stack.currentWidget() is self.assessment and self.assessment.view is not None
        status = self.assessment.view.status if on_assessment else ""
        self.finalise_action.setEnabled(on_assessment and status == "draft")
        self.reopen_action.setEnabled(on_assessment and status == "final")
        self.audit_action.setEnabled(on_assessment)

    # --- navigation ------------------------------------------------------------------------

    def show_home(self) -> None:
        self.undo_stack.clear()
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.home.table.setFocus()
        self._update_actions()

    def open_assessment(self, assessment_id: int) -> None:
        self.assessment.open(assessment_id)
        self.stack.setCurrentWidget(self.assessment)
        self._update_actions()

    def new_assessment(self) -> None:
        dialog = AssessmentDialog(self.ws, self)
        if dialog.exec() != AssessmentDialog.Accepted or dialog.result_new is None:
            return
        try:
            assessment_id = self.ws.assessments.create(dialog.result_new)
        except StoreError as exc:
            self.errors.refused("Not saved", str(exc).capitalize() + ".")
            return
        self.open_assessment(assessment_id)

    def edit_details(self, assessment_id: int) -> None:
        view = self.ws.assessments.open(assessment_id, audit=False)
        dialog = AssessmentDialog(self.ws, self, client=view.client, details=view.details)
        if view.read_only:
            dialog.tabs.setEnabled(False)
            dialog.message.setText("This assessment is final and read-only.")
        if dialog.exec() != AssessmentDialog.Accepted or view.read_only:
            return
        try:
            self.ws.assessments.update_client(assessment_id, dialog.result_client)
            self.ws.assessments.update_details(assessment_id, dialog.result_details)
            self.ws.checklist.rejudge_assessment(assessment_id)
        except StoreError as exc:
            self.errors.refused("Not saved", str(exc).capitalize() + ".")
            return
        self.undo_stack.clear()
        self.assessment.reload()

    def add_demo(self) -> None:
        assessment_id, _ = install_demo(self.ws)
        self.open_assessment(assessment_id)

    def archive(self, assessment_id: int) -> None:
        if prompts.confirm(self, "Archive assessment", "Archive this assessment? It stays in the store under the Archived filter."):
            self.ws.assessments.set_status(assessment_id, "archived")
            self.home.refresh()

    def finalise(self) -> None:
        view = self.assessment.view
        if view and prompts.confirm(self, "Finalise assessment", "Finalise this assessment? It becomes read-only."):
            self.ws.assessments.set_status(view.id, "final")
            self.open_assessment(view.id)

    def reopen_draft(self) -> None:
        view = self.assessment.view
        if view and prompts.confirm(self, "Return to draft", "Make this final assessment editable again? This is recorded in the audit trail."):
            self.ws.assessments.set_status(view.id, "draft")
            self.open_assessment(view.id)

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.ws, self)
        if dialog.exec() != SettingsDialog.Accepted:
            return
        self.idle.set_minutes(self.ws.settings.load().idle_lock_minutes)
        if self.assessment.view is not None:
            self.ws.checklist.rejudge_assessment(self.assessment.view.id)
            self.assessment.reload()

    def current_assessment_id(self) -> int | None:
        if self.stack.currentWidget() is self.assessment and self.assessment.view is not None:
            return self.assessment.view.id
        return self.home.model.assessment_id(self.home.table.currentIndex().row())

    def export_assessment(self) -> None:
        assessment_id = self.current_assessment_id()
        if assessment_id is not None:
            self.bundles.export(assessment_id)

    def show_audit(self) -> None:
        if self.assessment.view is not None:
            AuditDialog(self.ws, self.assessment.view.id, self).exec()

    def manage_backups(self) -> None:
        dialog = BackupsDialog(self.ws, self)
        dialog.exec()
        if dialog.restored:
            self.show_home()

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
        self.ws.audit.record(AuditAction.LOCK)
        self.ws.store.release_connections()

    def unlock(self, passphrase: str) -> None:
        if not self.ws.store.passphrase_matches(passphrase):
            self.ws.audit.record(AuditAction.UNLOCK_FAILED)
            self.lock_screen.message.setText("Wrong passphrase. Try again.")
            self.lock_screen.passphrase.selectAll()
            return
        self.ws.audit.record(AuditAction.UNLOCK)
        self.frame.setCurrentWidget(self.stack)
        self.menuBar().setEnabled(True)
        self.idle.set_minutes(self.ws.settings.load().idle_lock_minutes)

    def open_reports(self, assessment_id: int) -> None:
        # Imported here, not at the top: ReportLab and QtPdf cost about 0.15 s that a cold start need not pay.
        from homeassess.ui.report_dialog import ReportDialog

        ReportDialog(self.ws, assessment_id, self).exec()

    # --- closing ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.assessment.photos.busy

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        question = "Photos are still being imported. Wait for them to finish, then close?"
        if self.busy() and not prompts.confirm(self, "Work in progress", question):
            event.ignore()
            return
        self.assessment.photos.wait_for_import(60_000)  # runs its last handlers before the store closes
        wait_for_all()
        if self.geometry_store is not None:
            self.geometry_store.setValue("window/geometry", self.saveGeometry())
        self.closing.emit()
        event.accept()
