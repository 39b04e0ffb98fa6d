"""The Report dialog: build on the worker, preview, save (recorded), print (audited)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from homeassess.services.reports import ReportService
from homeassess.ui.dialogs import report_dialog
from homeassess.ui.dialogs.report_dialog import ReportDialog
from homeassess.ui.kit import prompts

pytestmark = pytest.mark.slow  # whole reports built, previewed and printed

# What the printing test checks (every page sent, the print audited) does not depend on the resolution; at
# QPrinter.HighResolution (1,200 dpi) each letter page was a 10,200 x 13,200 image and the test took 14.5 s.
DRAFT_DPI = 96


@pytest.fixture
def dialog(qtbot, ops, demo_workspace):
    ws, assessment_id = demo_workspace, demo_workspace.demo_id
    dlg = ReportDialog(ReportService(ws), ops, assessment_id, ws.assessments.room_views(assessment_id), "letter")
    qtbot.addWidget(dlg)
    return dlg


def _build(qtbot, dlg, audience="clinical"):
    dlg.audience.setCurrentIndex(dlg.audience.findData(audience))
    dlg.build()
    qtbot.waitUntil(lambda: dlg.pdf != b"" and not dlg.job.running, timeout=60_000)


def test_build_previews_and_save_records_the_report(qtbot, dialog, demo_workspace, tmp_path, monkeypatch):
    _build(qtbot, dialog, "landlord")
    assert dialog.document.pageCount() == len(PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "pages" in dialog.status.text()
    target = tmp_path / "letter"
    monkeypatch.setattr(prompts, "pick_save_path", lambda *a: target)
    saved = dialog.save()
    assert saved == tmp_path / "letter.pdf" and saved.read_bytes() == dialog.pdf
    history = dialog.reports.history(demo_workspace.demo_id)
    assert [(r.audience, r.file_name) for r in history] == [("landlord", "letter.pdf")]
    assert any(e.action == "report" for e in demo_workspace.audit.for_assessment(demo_workspace.demo_id))


def test_unticking_every_room_refuses_to_build(qtbot, dialog):
    for i in range(dialog.rooms.count()):
        dialog.rooms.item(i).setCheckState(report_dialog.Qt.Unchecked)
    dialog.build()
    assert dialog.job is None and "at least one room" in dialog.status.text()


def test_printing_renders_every_page_and_is_audited(qtbot, dialog, demo_workspace, tmp_path, monkeypatch):
    _build(qtbot, dialog, "landlord")
    out = tmp_path / "printed.pdf"

    def accept(self):  # the clinician picks a printer: here a PDF file at a draft resolution
        printer = self.printer()
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(DRAFT_DPI)
        return QPrintDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog.print_report()
    assert len(PdfReader(out).pages) == dialog.document.pageCount()
    assert any(e.action == "print" for e in demo_workspace.audit.for_assessment(demo_workspace.demo_id))


def test_open_folder_falls_back_to_showing_the_path(qtbot, dialog, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(report_dialog, "open_folder", lambda path: False)
    monkeypatch.setattr(prompts, "show_info", lambda parent, title, text: shown.append(text))
    dialog.saved_path = tmp_path / "x.pdf"
    dialog.open_saved_folder()
    assert str(tmp_path / "x.pdf") in shown[0]
