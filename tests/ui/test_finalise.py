"""Finalise names what is still open and asks; a final assessment reads clearly and counts nothing as open."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.kit import prompts
from tests.ui.conftest import create_assessment


def test_finalise_lists_unanswered_items_and_undecided_recommendations_and_asks(qtbot, window, workspace, monkeypatch):
    assessment_id = create_assessment(workspace, rooms=("hallway", "laundry"))
    hallway, laundry = (r.id for r in workspace.assessments.open(assessment_id, audit=False).rooms)
    workspace.checklist.record(hallway, "hallway_width", "30")  # too narrow: recommendations proposed
    undecided = [v.title for v in workspace.recommendations.list(assessment_id) if v.status.value == "proposed"]
    assert undecided
    window.open_assessment(assessment_id)
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or next(answers))

    window.actions["finalise"].trigger()
    question = asked[0]
    answerable = {room: [i for i in workspace.judge.catalogue.items_of(room) if i.kind.value != "note"]
                  for room in ("hallway", "laundry")}
    assert f"Hallway and circulation ({len(answerable['hallway']) - 1})" in question  # one answered
    assert f"Laundry ({len(answerable['laundry'])})" in question
    assert answerable["laundry"][0].prompt in question and "notes" not in question.lower()
    total = len(answerable["hallway"]) - 1 + len(answerable["laundry"])
    assert f"{total} items are unanswered" in question
    assert f"{len(undecided)} recommendation" in question and undecided[0] in question
    assert "becomes read-only" in question
    assert workspace.assessments.open(assessment_id, audit=False).status == "draft"  # "No": nothing happens

    window.actions["finalise"].trigger()
    assert workspace.assessments.open(assessment_id, audit=False).status == "final"


def test_a_final_assessment_reads_in_normal_text_and_counts_nothing_as_open(qtbot, window, workspace, monkeypatch):
    assessment_id = create_assessment(workspace, rooms=("hallway",))
    hallway = workspace.assessments.open(assessment_id, audit=False).rooms[0].id
    workspace.checklist.record(hallway, "hallway_width", "30")
    workspace.assessments.set_status(assessment_id, "final")
    window.open_assessment(assessment_id)

    window.assessment.tabs.setCurrentIndex(1)
    review = window.assessment.recommendations
    qtbot.waitUntil(lambda: review.model.rowCount() > 0)
    texts = [review.filter.itemText(i) for i in range(review.filter.count())]
    assert not any(t.startswith("Open (") and not t.endswith("(none: final)") for t in texts)
    assert review.filter.currentText().startswith("All")  # everything, as decided
    assert review.proxy.rowCount() == review.model.rowCount()

    shown: list[AssessmentDialog] = []

    def look(dialog: AssessmentDialog) -> int:
        shown.append(dialog)
        return AssessmentDialog.Rejected

    monkeypatch.setattr(AssessmentDialog, "exec", look)
    window.assessment.details_button.click()
    dialog = shown[0]
    name = dialog.client.name
    normal = QApplication.palette().color(QPalette.Active, QPalette.Text)
    assert name.isEnabled() and name.isReadOnly() and name.text() == "Test client"
    assert name.palette().color(QPalette.Active, QPalette.Text) == normal
    assert all(c.isEnabled() for c in dialog.findChildren(QComboBox) + dialog.findChildren(QLineEdit))
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isVisibleTo(dialog)  # nothing to save
    assert "final and read-only" in dialog.message.text()
