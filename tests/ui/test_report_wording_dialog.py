"""The report window lists where a landlord letter would print clinical wording (by field, never the
words), and the clinician either goes back to reword it or prints it as typed on purpose."""

from __future__ import annotations

import pytest

from homeassess.services.reports import ReportService
from homeassess.ui.dialogs.report_dialog import ReportDialog
from homeassess.ui.kit import prompts
from tests.unit.test_report_builds import squashed, text_of

pytestmark = pytest.mark.slow  # reports built on the worker

LANDLORD_TEXT = "Widen the hall door: her stroke and right-sided weakness (hemiparesis) make the turn hard."


@pytest.fixture
def dialog(qtbot, ops, demo_workspace):
    ws, aid = demo_workspace, demo_workspace.demo_id
    room = next(r for r in ws.assessments.room_views(aid) if r.name == "Kitchen")
    ws.recommendations.add_custom(aid, room.id, "Widen the hall door", plain=LANDLORD_TEXT,
                                  category="major_modification", installer="contractor")
    window = ReportDialog(ReportService(ws), ops, aid, ws.assessments.room_views(aid), "letter")
    qtbot.addWidget(window)
    window.audience.setCurrentIndex(window.audience.findData("landlord"))
    return window


def test_going_back_builds_nothing_and_says_what_to_do(qtbot, dialog, monkeypatch) -> None:
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append((title, text)) or False)
    dialog.build()
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
    title, question = asked[0]
    assert title == "Clinical wording found"
    assert "recommendation 4 “Widen the hall door”: plain: matches the client" in question
    for word in ("stroke", "hemiparesis", "weakness"):
        assert word not in question.lower()
    assert dialog.pdf == b"" and "clinical wording" in dialog.status.text()
    assert dialog.build_button.isEnabled()


def test_printing_as_typed_builds_the_letter_with_the_text(qtbot, dialog, monkeypatch) -> None:
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: True)
    dialog.build()
    qtbot.waitUntil(lambda: bool(dialog.pdf), timeout=120_000)
    assert squashed(LANDLORD_TEXT) in squashed(text_of(dialog.pdf))
    assert "[omitted]" not in text_of(dialog.pdf)
