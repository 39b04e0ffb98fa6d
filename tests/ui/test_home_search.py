"""Searching the home list: as you type (after a pause), or at once with Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment


def test_enter_in_the_search_box_lists_the_matches_at_once(qtbot, window, workspace):
    for name, address in (("Bertram Oyelaran", "77 Quay St"), ("חנה לוי", "3 Herzl St")):
        window.ops.run(lambda name=name, address=address: workspace.assessments.create(NewAssessment(
            client=ClientProfile(name=name), details=AssessmentDetails(address=address), rooms=[])))
    assert window.home.model.rowCount() == 2
    qtbot.keyClicks(window.home.search, "quay")
    qtbot.keyClick(window.home.search, Qt.Key_Return)
    assert [r.client_name for r in window.home.model.rows] == ["Bertram Oyelaran"]  # no wait for the pause
