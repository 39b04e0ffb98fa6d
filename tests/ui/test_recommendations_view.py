"""The recommendation review: accept, dismiss, edit, add, remove, undo, totals, sorting, read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from homeassess.domain.vocabulary import format_cost
from homeassess.services.assessments import RoomSpec
from homeassess.services.demo import demo_path
from homeassess.ui.recommendations import editor as recommendation_editor
from homeassess.ui.recommendations.review import RecommendationsView
from homeassess.ui.recommendations.review_view import EMPTY_TEXT
from homeassess.ui.recommendations.table_model import COST, PRIORITY, STATUS, TITLE, cost_key
from tests.ui.conftest import create_assessment


def make_assessment(workspace, failing: bool = True) -> int:
    rooms = (RoomSpec(type="entrance", name="Front entrance"), RoomSpec(type="bathroom", name="Upstairs bathroom"))
    assessment_id = create_assessment(workspace, rooms=rooms)
    if failing:
        for room in workspace.assessments.room_views(assessment_id):
            workspace.checklist.record(room.id, "door_clear_width", "30 1/2")
    return assessment_id


@pytest.fixture(autouse=True)
def no_real_editor(monkeypatch):
    """A real modal dialog would block a headless test forever; tests that edit replace this."""
    monkeypatch.setattr(recommendation_editor, "edit_recommendation", lambda *a, **k: pytest.fail("editor opened"))


def review(qtbot, workspace, ops, registry, assessment_id, read_only=False) -> RecommendationsView:
    view = RecommendationsView(workspace.recommendations, workspace.assessments, ops, registry)
    qtbot.addWidget(view)
    view.show()
    view.set_assessment(assessment_id, read_only=read_only)
    return view


@pytest.fixture
def setup(qtbot, workspace, ops, registry, messages):
    assessment_id = make_assessment(workspace)
    view = review(qtbot, workspace, ops, registry, assessment_id)
    return workspace, view, ops.undo_stack, messages, assessment_id


def stored(workspace, assessment_id, ref):
    """The recommendation as the service now lists it, or None."""
    return next((v for v in workspace.recommendations.list(assessment_id) if v.ref == ref), None)


def first_proposal(workspace, assessment_id, title_start: str = ""):
    views = workspace.recommendations.list(assessment_id, ("proposed",))
    return next(v for v in views if v.title.startswith(title_start))


def cell(view, ref, column) -> str:
    row = view.shown_row(ref)
    assert row >= 0, "recommendation not shown"
    return view.proxy.index(row, column).data()


def column_values(view, column, role=Qt.DisplayRole) -> list:
    return [view.proxy.index(r, column).data(role) for r in range(view.proxy.rowCount())]


def test_shows_the_proposals_with_room_item_cost_and_status(setup):
    workspace, view, _, _, assessment_id = setup
    rows = workspace.recommendations.list(assessment_id)
    assert view.proxy.rowCount() == len(rows) > 0
    assert view.stack.currentWidget() is view.table
    rec = rows[0]
    assert cell(view, rec.ref, STATUS) == "Proposed"
    assert cell(view, rec.ref, COST) == format_cost(rec.cost_low, rec.cost_high)
    assert set(column_values(view, 0)) == {"Front entrance", "Upstairs bathroom"}
    assert view.filter.itemText(1) == f"Proposed ({len(rows)})"
    spoken = view.proxy.index(0, COST).data(Qt.AccessibleTextRole)
    assert spoken.startswith("Cost: ")
    assert "Accepted: none yet" in view.totals.text()


def test_accept_changes_the_row_and_the_store_and_undo_restores(qtbot, setup):
    workspace, view, stack, _, assessment_id = setup
    rec = first_proposal(workspace, assessment_id, "Swing-clear")
    assert view.select_recommendation(rec.ref)
    assert view.accept_button.isEnabled()
    qtbot.mouseClick(view.accept_button, Qt.LeftButton)
    assert stored(workspace, assessment_id, rec.ref).status == "accepted"
    assert cell(view, rec.ref, STATUS) == "Accepted"
    assert stack.undoText() == "accept swing-clear (offset) hinges"
    assert not view.accept_button.isEnabled()  # already accepted

    stack.undo()
    assert stored(workspace, assessment_id, rec.ref).status == "proposed"
    assert cell(view, rec.ref, STATUS) == "Proposed"
    assert view.current_view().ref == rec.ref  # the undone one is selected
    stack.redo()
    assert stored(workspace, assessment_id, rec.ref).status == "accepted"
    assert cell(view, rec.ref, STATUS) == "Accepted"


def test_dismiss_under_the_proposed_filter_moves_on_to_the_next(qtbot, setup):
    workspace, view, stack, _, assessment_id = setup
    view.set_filter("proposed")
    before = view.proxy.rowCount()
    view.select_rows([0])
    ref = view.current_view().ref
    qtbot.mouseClick(view.dismiss_button, Qt.LeftButton)
    assert stored(workspace, assessment_id, ref).status == "dismissed"
    assert view.proxy.rowCount() == before - 1
    assert view.shown_row(ref) == -1
    assert view.current_view() is not None and view.current_view().status == "proposed"
    assert stack.undoText().startswith("dismiss ")
    stack.undo()
    assert stored(workspace, assessment_id, ref).status == "proposed"
    assert view.shown_row(ref) >= 0


def test_several_rows_accepted_as_one_undo_step(qtbot, setup):
    workspace, view, stack, _, assessment_id = setup
    view.table.selectAll()
    view.accept_selected()
    total = len(workspace.recommendations.list(assessment_id))
    assert len(workspace.recommendations.list(assessment_id, ("accepted",))) == total
    assert stack.count() == 1
    assert stack.undoText() == f"accept {total} recommendations"
    stack.undo()
    assert len(workspace.recommendations.list(assessment_id, ("proposed",))) == total


def test_ctrl_return_accepts_from_the_keyboard(qtbot, setup):
    workspace, view, _, _, assessment_id = setup
    with qtbot.waitActive(view):
        view.activateWindow()
    view.table.setFocus()
    ref = view.current_view().ref
    qtbot.keyClick(view.table, Qt.Key_Return, Qt.ControlModifier)
    assert stored(workspace, assessment_id, ref).status == "accepted"
    qtbot.keyClick(view.table, Qt.Key_D, Qt.ControlModifier)
    assert stored(workspace, assessment_id, ref).status == "dismissed"
    assert view.shown_row(ref) < 0  # under "Open" a dismissed one leaves the list
    view.set_filter(None)
    view.select_recommendation(ref)
    qtbot.keyClick(view.table, Qt.Key_Return, Qt.ControlModifier)
    qtbot.keyClick(view.table, Qt.Key_Return, Qt.ControlModifier)  # already accepted: nothing, no editor
    assert stored(workspace, assessment_id, ref).status == "accepted"


def test_enter_on_a_row_opens_the_editor(qtbot, setup, monkeypatch):
    _, view, stack, _, _ = setup
    opened = []
    monkeypatch.setattr(recommendation_editor, "edit_recommendation", lambda *a, **k: opened.append(a) or None)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key_Return)
    assert len(opened) == 1 and stack.count() == 0


def test_edit_through_the_dialog_changes_title_and_priority(qtbot, setup, monkeypatch):
    workspace, view, stack, _, assessment_id = setup
    rec = first_proposal(workspace, assessment_id, "Swing-clear")
    seen = {}

    def fake_editor(parent, initial, rooms=None, heading=""):
        seen.update(initial=initial, rooms=rooms, heading=heading)
        return {**initial, "title": "Fit offset hinges to the bathroom door", "priority": "low"}

    monkeypatch.setattr(recommendation_editor, "edit_recommendation", fake_editor)
    view.select_recommendation(rec.ref)
    qtbot.mouseClick(view.edit_button, Qt.LeftButton)
    assert seen["initial"]["title"] == rec.title and seen["rooms"] is None
    edited = stored(workspace, assessment_id, rec.ref)
    assert (edited.title, edited.priority) == ("Fit offset hinges to the bathroom door", "low")
    assert cell(view, rec.ref, TITLE) == "Fit offset hinges to the bathroom door"
    assert cell(view, rec.ref, PRIORITY) == "Low"
    assert stack.undoText() == "edit swing-clear (offset) hinges"
    assert "Fit offset hinges to the bathroom door" in view.detail.toPlainText()
    stack.undo()
    back = stored(workspace, assessment_id, rec.ref)
    assert (back.title, back.priority) == (rec.title, rec.priority)
    assert cell(view, rec.ref, TITLE) == rec.title


def test_a_refused_edit_says_why_and_reopens_the_dialog(qtbot, setup, monkeypatch):
    workspace, view, stack, messages, assessment_id = setup
    rec = first_proposal(workspace, assessment_id)
    answers = iter([{"cost_low": 500, "cost_high": 100}, None])
    calls = []

    def fake_editor(parent, initial, rooms=None, heading=""):
        calls.append(initial)
        answer = next(answers)
        return None if answer is None else {**initial, **answer}

    monkeypatch.setattr(recommendation_editor, "edit_recommendation", fake_editor)
    view.select_recommendation(rec.ref)
    view.edit_current()
    assert len(calls) == 2
    assert calls[1]["cost_low"] == 500  # what was typed is kept for the second try
    assert messages == [("Recommendation not saved", "The high cost must not be below the low cost.")]
    assert stored(workspace, assessment_id, rec.ref).cost_low == rec.cost_low
    assert stack.count() == 0


def test_add_a_custom_recommendation_then_undo_redo_and_remove(qtbot, setup, monkeypatch):
    workspace, view, stack, _, assessment_id = setup
    bathroom = next(r for r in workspace.assessments.room_views(assessment_id) if r.name == "Upstairs bathroom")
    offered = {}

    def fake_editor(parent, initial, rooms=None, heading=""):
        offered["rooms"] = rooms
        return {
            **initial, "room_id": bathroom.id, "title": "Grab bar beside the toilet", "priority": "high",
            "specification": "33-36 in above finished floor,\n42 in long, into blocking.", "cost_low": 150, "cost_high": 400,
        }

    monkeypatch.setattr(recommendation_editor, "edit_recommendation", fake_editor)
    view.set_filter("proposed")
    qtbot.mouseClick(view.add_button, Qt.LeftButton)
    assert (bathroom.id, "Upstairs bathroom") in offered["rooms"]
    assert offered["rooms"][-1][0] is None  # a whole-home choice
    added = next(v for v in workspace.recommendations.list(assessment_id) if v.custom)
    assert (added.title, added.room_id, added.status) == ("Grab bar beside the toilet", bathroom.id, "accepted")
    assert view.filter.currentData() is None  # switched to All so the new one is seen
    assert view.current_view().ref == added.ref
    assert cell(view, added.ref, 1) == "Added by clinician"
    assert "Total $150–$400" in view.totals.text()
    assert "42 in long" in view.detail.toPlainText()
    assert stack.undoText() == "add grab bar beside the toilet"

    stack.undo()
    assert stored(workspace, assessment_id, added.ref) is None and view.shown_row(added.ref) == -1
    stack.redo()
    assert stored(workspace, assessment_id, added.ref).title == "Grab bar beside the toilet"

    view.select_recommendation(added.ref)
    assert view.remove_button.isEnabled()
    qtbot.mouseClick(view.remove_button, Qt.LeftButton)
    assert stored(workspace, assessment_id, added.ref) is None
    assert stack.undoText() == "remove grab bar beside the toilet"
    stack.undo()
    assert stored(workspace, assessment_id, added.ref) is not None
    assert view.shown_row(added.ref) >= 0


def test_proposals_from_the_library_cannot_be_removed(setup):
    workspace, view, _, _, assessment_id = setup
    view.select_recommendation(first_proposal(workspace, assessment_id).ref)
    assert not view.remove_button.isEnabled()
    assert "dismiss" in view.remove_button.toolTip()


def test_totals_show_the_accepted_sums_per_priority(qtbot, setup):
    workspace, view, _, _, assessment_id = setup
    proposals = workspace.recommendations.list(assessment_id)
    one_per_door = [next(r for r in proposals if r.room_name == room and r.library_id == "offset_hinges")
                    for room in ("Front entrance", "Upstairs bathroom")]
    for rec in one_per_door:
        view.select_recommendation(rec.ref)
        view.accept_selected()
    totals = workspace.recommendations.totals(assessment_id)
    assert totals.count == 2 and totals.options == 0
    text = view.totals.text()
    assert "Accepted: 2" in text
    assert f"Total {format_cost(totals.low, totals.high)}" in text
    for priority, (low, high) in totals.by_priority.items():
        if high:
            assert f"{priority.label} {format_cost(low, high)}" in text
    assert (totals.low, totals.high) == (sum(r.cost_low or 0 for r in one_per_door), sum(r.cost_high or 0 for r in one_per_door))
    assert "option" not in text


def test_the_total_counts_one_way_of_making_a_door_wider_and_lists_the_others_as_options(qtbot, setup):
    workspace, view, _, _, assessment_id = setup
    door = [r for r in workspace.recommendations.list(assessment_id) if r.room_name == "Upstairs bathroom"
            and r.library_id in ("offset_hinges", "remove_door", "widen_doorway")]  # three ways for one inside door
    for rec in door:
        view.select_recommendation(rec.ref)
        view.accept_selected()
    hinges = next(r for r in door if r.library_id == "offset_hinges")  # the first of the highest priority
    totals = workspace.recommendations.totals(assessment_id)
    assert (totals.count, totals.options) == (3, 2)
    assert (totals.low, totals.high) == (hinges.cost_low, hinges.cost_high)
    text = view.totals.text()
    assert "Accepted: 3" in text and f"Total {format_cost(hinges.cost_low, hinges.cost_high)}" in text
    assert "2 options not counted" in text


def test_sorting_by_cost_puts_cheaper_first_by_number_not_text(qtbot, setup):
    workspace, view, _, _, assessment_id = setup
    for title, low, high in (("Dearer", 1200, 1500), ("Cheaper", 90, 100)):
        view.ops.run(lambda title=title, low=low, high=high: workspace.recommendations.add_custom(
            assessment_id, None, title, cost_low=low, cost_high=high))
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(COST) + header.sectionSize(COST) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == COST
    if header.sortIndicatorOrder() != Qt.AscendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))
    shown = [view.model.view_at(view.proxy.mapToSource(view.proxy.index(r, 0)).row()) for r in range(view.proxy.rowCount())]
    keys = [cost_key(v.cost_low, v.cost_high) for v in shown]
    assert keys == sorted(keys)
    titles = column_values(view, TITLE)
    assert titles.index("Cheaper") < titles.index("Dearer")

    view.table.sortByColumn(PRIORITY, Qt.AscendingOrder)
    ranks = ["High", "Medium", "Low"]
    shown_ranks = [ranks.index(p) for p in column_values(view, PRIORITY)]
    assert shown_ranks == sorted(shown_ranks)


def test_read_only_assessment_is_view_only(qtbot, workspace, ops, registry, monkeypatch):
    assessment_id = make_assessment(workspace)
    workspace.assessments.set_status(assessment_id, "final")
    view = review(qtbot, workspace, ops, registry, assessment_id, read_only=True)
    assert view.proxy.rowCount() > 0 and view.current_view() is not None
    buttons = (view.accept_button, view.dismiss_button, view.edit_button, view.add_button, view.remove_button)
    assert not any(b.isEnabled() for b in buttons)
    assert not view.read_only_note.isHidden()
    view.table.activated.emit(view.table.currentIndex())
    view.accept_selected()
    assert ops.undo_stack.count() == 0
    assert all(v.status == "proposed" for v in workspace.recommendations.list(assessment_id))
    assert view.detail.toPlainText()  # the details can still be read


def test_empty_state_explains_where_recommendations_come_from(qtbot, workspace, ops, registry):
    view = review(qtbot, workspace, ops, registry, make_assessment(workspace, failing=False))
    assert view.stack.currentWidget() is view.empty
    assert view.empty.text() == EMPTY_TEXT
    assert view.add_button.isEnabled()
    assert not view.accept_button.isEnabled()


def test_a_correction_in_the_room_updates_the_review(qtbot, setup):
    """A door measured again and now wide enough: its proposals leave the open list, through the same bus."""
    workspace, view, _, _, assessment_id = setup
    before = view.proxy.rowCount()
    entrance = workspace.assessments.room_views(assessment_id)[0].id
    view.ops.run(lambda: workspace.checklist.record(entrance, "door_clear_width", "36"))
    assert 0 < view.proxy.rowCount() < before
    assert set(column_values(view, 0)) == {"Upstairs bathroom"}


def test_detail_pane_escapes_markup(qtbot, setup):
    workspace, view, _, _, assessment_id = setup
    view.ops.run(lambda: workspace.recommendations.add_custom(
        assessment_id, None, "<b>Rail</b> & post", specification="<img src='x'> 36 in", cost_source="Quote <ACME>"))
    ref = next(v.ref for v in workspace.recommendations.list(assessment_id) if v.custom)
    view.select_recommendation(ref)
    text = view.detail.toPlainText()
    assert "<b>Rail</b> & post" in text and "<img src='x'> 36 in" in text and "Quote <ACME>" in text


def test_editor_dialog_returns_the_fields_and_catches_slips(qtbot):
    initial = {**recommendation_editor.NEW_RECOMMENDATION, "title": "Grab bar", "cost_low": 100, "cost_high": 300}
    dialog = recommendation_editor.RecommendationEditor(initial, rooms=[(1, "Bathroom"), (None, "Whole home")])
    qtbot.addWidget(dialog)
    dialog.specification.setPlainText("33-36 in AFF\ninto blocking")
    dialog.cost_high.setText("$1,250")
    values = dialog.values()
    assert values["room_id"] == 1 and values["cost_high"] == 1250 and values["specification"].endswith("blocking")
    assert values["priority"] == "medium" and values["installer"] == "client"
    assert values["funding"] == "to_be_agreed"  # nobody is named as payer until the clinician chooses
    assert "Section 504" in dialog.findChild(QLabel, "fundingHint").text()
    dialog.funding.setCurrentIndex(dialog.funding.findData("grant"))
    dialog.funding_program.setText("County Home Repair")
    assert (dialog.values()["funding"], dialog.values()["funding_program"]) == ("grant", "County Home Repair")
    dialog.cost_high.setText("50")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and not dialog.problem.isHidden()
    assert "highest cost" in dialog.problem.text()
    dialog.cost_high.setText("ten")
    with pytest.raises(ValueError):
        dialog.values()


@pytest.mark.skipif(not demo_path().exists(), reason="demo file not written yet")
@pytest.mark.slow  # the whole demo visit in the view
def test_the_demo_visit_loads_with_its_totals(qtbot, demo_workspace, ops, registry):
    view = review(qtbot, demo_workspace, ops, registry, demo_workspace.demo_id)
    totals = demo_workspace.recommendations.totals(demo_workspace.demo_id)
    listed = demo_workspace.recommendations.list(demo_workspace.demo_id)
    open_ones = [v for v in listed if v.status.is_open]
    assert len(open_ones) < len(listed)  # the demo dismissed some
    assert view.proxy.rowCount() == len(open_ones)  # the review opens on "Open": no dismissed row shown
    assert view.filter.currentText() == f"Open ({len(open_ones)})"
    view.set_filter(None)
    assert view.proxy.rowCount() == len(listed)
    assert f"Accepted: {totals.count}" in view.totals.text()
    assert f"Total {format_cost(totals.low, totals.high)}" in view.totals.text()


def test_in_a_short_window_an_accept_keeps_the_table_and_the_totals_in_view(qtbot, setup):
    workspace, view, _, _, assessment_id = setup
    view.resize(760, 420)  # the review's share of a 1024 x 700 window, or of 200 % on a 1080p screen
    qtbot.waitExposed(view)
    view.set_filter(None)
    table_height = view.table.height()
    proposal = first_proposal(workspace, assessment_id)
    assert view.select_recommendation(proposal.ref)

    view.accept_selected()

    qtbot.waitUntil(lambda: "Accepted: 1" in view.totals.text())
    assert view.table.height() == table_height  # a total that grows a line does not shrink the table
    totals = view.totals.mapTo(view, view.totals.rect().bottomRight())
    assert view.rect().contains(totals)  # the totals are on screen, not below the page
    assert view.totals.visibleRegion().boundingRect().height() == view.totals.height()
