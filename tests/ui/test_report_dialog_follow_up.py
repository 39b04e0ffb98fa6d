"""The Report dialog for a follow-up: its two reports are listed (for a follow-up only) and build."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from homeassess.domain.vocabulary import InstallStatus
from homeassess.services.reports import ReportService
from homeassess.ui.dialogs.report_dialog import ReportDialog
from tests.unit.test_report_builds import squashed, text_of

pytestmark = pytest.mark.slow  # whole reports built and previewed


def _dialog(qtbot, ops, ws, assessment_id: int) -> ReportDialog:
    dlg = ReportDialog(ReportService(ws), ops, assessment_id, ws.assessments.room_views(assessment_id), "letter")
    qtbot.addWidget(dlg)
    return dlg


def _audiences(dlg: ReportDialog) -> list[str]:
    return [dlg.audience.itemText(i) for i in range(dlg.audience.count())]


def test_only_a_follow_up_lists_the_completion_record_and_the_follow_up_report(qtbot, ops, demo_workspace):
    ws = demo_workspace
    first = ["Clinical report", "Contractor scope of works", "Landlord modification request", "Client's action plan"]
    assert _audiences(_dialog(qtbot, ops, ws, ws.demo_id)) == first
    ws.assessments.set_status(ws.demo_id, "final")
    fid = ws.follow_ups.start(ws.demo_id).value
    assert _audiences(_dialog(qtbot, ops, ws, fid)) == ["Completion record (follow-up)", "Follow-up clinical report", *first]


def test_the_completion_record_builds_and_previews_without_choosing_rooms(qtbot, ops, demo_workspace):
    ws = demo_workspace
    ws.assessments.set_status(ws.demo_id, "final")
    fid = ws.follow_ups.start(ws.demo_id).value
    alarms = next(i for i in ws.follow_ups.items(fid) if i.library_id == "smoke_co_alarms").installation_id
    ws.follow_ups.set_status(fid, alarms, InstallStatus.AS_SPECIFIED)
    dlg = _dialog(qtbot, ops, ws, fid)
    assert dlg.audience.currentData() == "completion"  # a follow-up opens on its own report
    assert not dlg.rooms.isEnabled()
    for i in range(dlg.rooms.count()):
        dlg.rooms.item(i).setCheckState(Qt.Unchecked)
    dlg.photos.setChecked(False)
    dlg.build()
    qtbot.waitUntil(lambda: dlg.pdf != b"" and not dlg.job.running, timeout=120_000)
    assert dlg.status.text().startswith("Completion record (follow-up): ")
    assert dlg.document.pageCount() >= 2
    text = squashed(text_of(dlg.pdf))
    assert squashed("Working smoke and carbon monoxide alarms") in text and "Installedasspecified" in text
