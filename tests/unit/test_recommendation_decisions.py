"""The review: proposals derived, decisions stored with only what the clinician changed, every change undoable."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.refusals import InvalidInput, NotFound
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.recommendations import RecommendationService


@pytest.fixture
def door(workspace):
    """An entrance whose 30 in door proposes offset hinges and widening."""
    aid = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Ngozi Okafor"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    room = workspace.assessments.room_views(aid)[0].id
    workspace.checklist.record(room, "door_clear_width", "30")
    refs = {v.library_id: v.ref for v in workspace.recommendations.list(aid)}
    return workspace, aid, room, refs


def _status(ws, aid, ref):
    return ws.recommendations.get(aid, ref).status.value


def test_accept_and_dismiss_several_at_once_and_undo_together(door):
    ws, aid, _, refs = door
    both = [refs["offset_hinges"], refs["widen_doorway"]]
    change = ws.recommendations.set_status(aid, both, "accepted")
    assert change.label == "accept 2 recommendations"
    assert [_status(ws, aid, r) for r in both] == ["accepted", "accepted"]
    redo = change.undo()
    assert [_status(ws, aid, r) for r in both] == ["proposed", "proposed"]
    assert ws.recommendations.repository.decisions(aid) == []  # back to derived: nothing stored
    redo.undo()
    assert [_status(ws, aid, r) for r in both] == ["accepted", "accepted"]


def test_an_edit_stores_only_the_fields_changed(door):
    ws, aid, _, refs = door
    ref = refs["offset_hinges"]
    before = ws.recommendations.get(aid, ref)
    ws.recommendations.edit(aid, ref, title="Offset hinges, both doors", cost_high=90)
    (decision,) = ws.recommendations.repository.decisions(aid)
    assert dict(decision.overrides) == {"title": "Offset hinges, both doors", "cost_high": 90}
    after = ws.recommendations.get(aid, ref)
    assert after.specification == before.specification and after.status.value == "proposed"
    assert after.edited == {"title", "cost_high"}


def test_an_edited_specification_survives_remeasuring_and_an_unedited_one_follows_it(door):
    ws, aid, room, refs = door
    ws.recommendations.edit(aid, refs["widen_doorway"], specification="Widen to 36 in clear, as agreed with the owner")
    hinges_before = ws.recommendations.get(aid, refs["offset_hinges"]).specification
    ws.checklist.record(room, "door_clear_width", "30 1/4")
    assert ws.recommendations.get(aid, refs["widen_doorway"]).specification.startswith("Widen to 36 in clear")
    assert ws.recommendations.get(aid, refs["offset_hinges"]).specification != hinges_before


def test_editing_a_field_back_to_the_library_text_stores_nothing(door):
    ws, aid, _, refs = door
    ref = refs["offset_hinges"]
    title = ws.recommendations.get(aid, ref).title
    ws.recommendations.edit(aid, ref, title="Something else")
    ws.recommendations.edit(aid, ref, title=title)
    assert ws.recommendations.repository.decisions(aid) == []


def test_custom_recommendations_are_added_removed_and_restored_with_the_same_ref(door):
    ws, aid, room, _ = door
    added = ws.recommendations.add_custom(aid, room, "Move the hall table", responsible="family", cost_low=0, cost_high=0)
    ref = added.value
    view = ws.recommendations.get(aid, ref)
    assert view.custom and view.status.value == "accepted" and view.responsible.value == "family"
    removed = ws.recommendations.remove(aid, [ref])
    with pytest.raises(NotFound):
        ws.recommendations.get(aid, ref)
    removed.undo()
    assert ws.recommendations.get(aid, ref).title == "Move the hall table"
    added.undo()
    assert not any(v.custom for v in ws.recommendations.list(aid))


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": "   "}, "needs a title"),
    ({"priority": "urgent"}, "choose one of"),
    ({"cost_low": -5}, "not below zero"),
    ({"cost_low": 90, "cost_high": 10}, "must not be below"),
    ({"colour": "red"}, "no such field"),
])
def test_bad_edits_are_refused_with_a_sentence_and_change_nothing(door, fields, message):
    ws, aid, _, refs = door
    with pytest.raises(InvalidInput, match=message) as refused:
        ws.recommendations.edit(aid, refs["offset_hinges"], **fields)
    assert refused.value.sentence[0].isupper() and refused.value.sentence.endswith(".")
    assert ws.recommendations.repository.decisions(aid) == []


def test_only_custom_recommendations_can_be_removed(door):
    ws, aid, _, refs = door
    with pytest.raises(InvalidInput, match="dismiss a proposed one instead"):
        ws.recommendations.remove(aid, [refs["offset_hinges"]])


def test_a_ref_that_is_gone_is_refused_as_not_found(door):
    ws, aid, room, refs = door
    ws.checklist.record(room, "door_clear_width", "40")  # no longer proposed
    with pytest.raises(NotFound):
        ws.recommendations.set_status(aid, [refs["offset_hinges"]], "accepted")


def test_totals_count_accepted_costs_by_priority(door):
    ws, aid, _, refs = door
    ws.recommendations.set_status(aid, [refs["offset_hinges"]], "accepted")
    view = ws.recommendations.get(aid, refs["offset_hinges"])
    totals = ws.recommendations.totals(aid)
    assert totals.count == 1 and (totals.low, totals.high) == (view.cost_low, view.cost_high)
    assert totals.by_priority[view.priority] == (view.cost_low, view.cost_high)


def test_removing_a_room_and_undoing_it_brings_back_its_decisions(door):
    ws, aid, room, refs = door
    ws.recommendations.set_status(aid, [refs["offset_hinges"]], "accepted")
    removed = ws.assessments.remove_room(room)
    assert ws.recommendations.list(aid) == []
    removed.undo()
    assert _status(ws, aid, refs["offset_hinges"]) == "accepted"


ACTIONS = st.lists(st.tuples(st.sampled_from(["accept", "dismiss", "reopen", "edit", "add", "remove", "undo", "measure"]),
                             st.integers(0, 50)), min_size=1, max_size=12)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_the_list_after_any_sequence_of_changes_equals_one_built_afresh(door, actions):
    """The review patches its list after each decision; it must always equal the list derived from scratch."""
    ws, aid, room, _ = door
    done = []
    for action, n in actions:
        views = ws.recommendations.list(aid)
        view = views[n % len(views)] if views else None
        try:
            if action in ("accept", "dismiss", "reopen") and view is not None:
                status = {"accept": "accepted", "dismiss": "dismissed", "reopen": "proposed"}[action]
                done.append(ws.recommendations.set_status(aid, [view.ref], status))
            elif action == "edit" and view is not None:
                done.append(ws.recommendations.edit(aid, view.ref, title=f"Edited {n}", cost_low=n, cost_high=n + 5))
            elif action == "add":
                done.append(ws.recommendations.add_custom(aid, room if n % 2 else None, f"Own idea {n}"))
            elif action == "remove" and view is not None and view.custom:
                done.append(ws.recommendations.remove(aid, [view.ref]))
            elif action == "undo" and done:
                done.pop().undo()
            elif action == "measure":
                done.append(ws.checklist.record(room, "door_clear_width", f"{28 + n % 6} in"))
        except NotFound:
            pass  # an undo of something a later change made moot
        fresh = RecommendationService(ws.assessments, ws.recommendations.repository, ws.recommendations.deriver)
        assert ws.recommendations.list(aid) == fresh.list(aid)
