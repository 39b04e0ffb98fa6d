"""Every screen and dialog of the window, shown in turn, for checks that must hold on all of them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget, QWidget

from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.dialogs.audit_dialog import AuditDialog
from homeassess.ui.dialogs.backups_dialog import BackupsDialog
from homeassess.ui.dialogs.report_dialog import ReportDialog
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from homeassess.ui.recommendations.editor import RecommendationEditor
from homeassess.ui.shell.unlock_dialog import UnlockDialog
from homeassess.ui.visit.assessment_screen import FOLLOW_UP_TAB, OUTCOMES_TAB
from tests.conftest import PASSPHRASE
from tests.ui.conftest import create_assessment, final_with_grab_bars


def walk_screens(qtbot, window, workspace) -> Iterator[tuple[str, QWidget]]:
    """(name, top-level widget) for each screen as the clinician sees it, tabs of dialogs included."""
    window.show_home()
    yield "home, first run", window
    assessment_id = create_assessment(workspace, rooms=("entrance", "bathroom"))
    entrance = workspace.assessments.open(assessment_id, audit=False).rooms[0].id
    workspace.checklist.record(entrance, "door_clear_width", "28")  # a finding: the review has rows
    window.show_home()
    yield "home, list", window
    window.open_assessment(assessment_id)
    yield "visit, rooms", window
    window.assessment.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.assessment.recommendations.model.rowCount() > 0)
    yield "visit, recommendations", window
    window.assessment.tabs.setCurrentIndex(OUTCOMES_TAB)
    yield "visit, outcomes", window
    follow_up = int(workspace.follow_ups.start(final_with_grab_bars(workspace)).value)
    window.open_assessment(follow_up)
    window.assessment.show_tab(FOLLOW_UP_TAB)
    yield "follow-up, installed items", window
    window.assessment.show_tab(OUTCOMES_TAB)
    yield "follow-up, outcomes", window
    window.open_assessment(assessment_id)
    window.assessment.tabs.setCurrentIndex(0)
    window.lock()
    yield "lock screen", window
    window.unlock(PASSPHRASE)

    judge, settings = workspace.judge, workspace.settings.load()
    view = workspace.assessments.open(assessment_id, audit=False)
    dialogs: list[tuple[str, QWidget]] = [
        ("new assessment", AssessmentDialog(judge.standards, judge.catalogue, settings, window)),
        ("client and visit", AssessmentDialog(judge.standards, judge.catalogue, settings, window,
                                              client=view.client, details=view.details)),
        ("settings", SettingsDialog(settings, judge.standards, window)),
        ("reports", ReportDialog(window.services.reports(), window.ops, assessment_id, view.rooms,
                                 settings.paper_size, window)),
        ("recommendation", RecommendationEditor({}, [(r.id, r.name) for r in view.rooms], "Add recommendation", window)),
        ("backups", BackupsDialog(workspace.backups, window.ops, window)),
        ("audit trail", AuditDialog(workspace.audit, assessment_id, window)),
        ("unlock", UnlockDialog(lambda p: None, creating=False)),
        ("first run", UnlockDialog(lambda p: None, creating=True)),
    ]
    for name, dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        tabs = dialog.findChild(QTabWidget)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
            yield (f"{name}, {tabs.tabText(index).replace('&', '')}" if tabs is not None else name), dialog
        dialog.close()


def alt_key_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that two visible controls (or a control and a menu) of ``root`` both claim."""
    claims: dict[str, list[str]] = {}

    def claim(text: str) -> None:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            claims.setdefault(key, []).append(text)

    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root:
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QGroupBox) and widget.isCheckable()):
            claim(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                claim(widget.tabText(index))
    menu_bar = getattr(root, "menuBar", None)
    if menu_bar is not None and root.menuBar().isVisible():
        for action in root.menuBar().actions():
            claim(action.text())
    return {key: texts for key, texts in claims.items() if len(texts) > 1}
