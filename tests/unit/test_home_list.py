"""The home list: a search finds what was typed, as typed; the Findings and Accepted counts are kept per
assessment version between refreshes, and whatever the clinician changes, the list shows what counting the
store afresh shows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.refusals import Refused
from homeassess.domain.units import LengthUnit
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.settings import AppSettings


def _listed(ws) -> dict[int, tuple[int, int]]:
    return {s.id: (s.findings, s.accepted) for s in ws.assessments.list()}


def _counted_afresh(ws) -> dict[int, tuple[int, int]]:
    """What the store holds now, counted without anything kept (the repository with no counts to reuse)."""
    return {s.id: (s.findings, s.accepted) for s in ws.assessments.assessments.summaries()}


def _visit(ws, name: str) -> tuple[int, list[int]]:
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name=name), details=AssessmentDetails(),
        rooms=[RoomSpec(type="entrance"), RoomSpec(type="bathroom")],
    )).value
    return assessment_id, [r.id for r in ws.assessments.room_views(assessment_id)]


def test_counts_follow_a_finding_a_decision_and_a_removed_room(workspace):
    first, (entrance, bathroom) = _visit(workspace, "Ahmed Al-Farsi")
    other, _ = _visit(workspace, "김민준")
    assert _listed(workspace) == {first: (0, 0), other: (0, 0)}

    workspace.checklist.record(entrance, "door_clear_width", "28")  # fails ADA's 32 in
    assert _listed(workspace)[first] == (1, 0)

    proposed = workspace.recommendations.list(first, (RecommendationStatus.PROPOSED,))
    workspace.recommendations.set_status(first, [proposed[0].ref], RecommendationStatus.ACCEPTED)
    assert _listed(workspace)[first] == (1, 1)

    workspace.checklist.record(bathroom, "toilet_seat_height", "12")  # far below 17–19 in
    assert _listed(workspace)[first][0] == 2
    workspace.assessments.remove_room(bathroom)
    assert _listed(workspace) == _counted_afresh(workspace)
    assert _listed(workspace)[other] == (0, 0)


def test_a_margin_change_that_rejudges_the_open_visit_shows_in_its_count(workspace):
    chair = ClientProfile.model_validate({"name": "Priya Sharma", "devices": [
        {"kind": "manual_wheelchair", "primary": True, "overall_width": 660.0}]})
    assessment_id = workspace.assessments.create(NewAssessment(
        client=chair, details=AssessmentDetails(unit=LengthUnit.MILLIMETRE), rooms=[RoomSpec(type="entrance")],
    )).value
    entrance = workspace.assessments.room_views(assessment_id)[0].id
    workspace.checklist.record(entrance, "door_clear_width", "870 mm")  # meets ADA; 210 mm spare beside the chair
    before = _listed(workspace)[assessment_id]

    change = workspace.checklist.save_settings(AppSettings(width_margin_mm=250))  # the chair now needs 910 mm
    after = _listed(workspace)[assessment_id]  # every draft judged again, though none is on screen
    assert after == _counted_afresh(workspace)[assessment_id]
    assert after[0] == before[0] + 1
    change.undo()  # the margin back, and the verdict with it
    assert _listed(workspace)[assessment_id] == before == _counted_afresh(workspace)[assessment_id]



def test_settings_that_move_no_margin_leave_every_visit_as_it_was(workspace):
    assessment_id = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Ngozi Adeyemi"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    workspace.checklist.record(workspace.assessments.room_views(assessment_id)[0].id, "door_clear_width", "31")
    version = workspace.assessments.assessments.version(assessment_id)
    workspace.checklist.save_settings(AppSettings(clinician_name="Jo Park"))  # a name: nothing to judge again
    assert workspace.assessments.assessments.version(assessment_id) == version
    assert workspace.settings.load().clinician_name == "Jo Park"


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["record", "clear", "accept", "dismiss", "undo"]),
        st.integers(0, 1),  # which visit
        st.sampled_from(["door_clear_width", "threshold_height", "toilet_seat_height", "grab_bar_height"]),
        st.sampled_from(["20", "32", "36", "1/2", "3", "17", "34", "60"]),
    ),
    min_size=1, max_size=12,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_whatever_is_changed_the_list_matches_a_fresh_count(workspace, actions):
    visits = [_visit(workspace, name) for name in ("שרה לוי", "สมชาย ใจดี")]
    undo = []
    for action, which, item, typed in actions:
        assessment_id, rooms = visits[which]
        room = rooms[0] if item in ("door_clear_width", "threshold_height") else rooms[1]
        if action in ("record", "clear"):
            try:
                done = workspace.checklist.record(room, item, typed if action == "record" else "")
            except Refused:  # a value this item cannot take is refused, and nothing changes
                continue
            undo.append(done.undo)
        elif action in ("accept", "dismiss"):
            proposed = workspace.recommendations.list(assessment_id, (RecommendationStatus.PROPOSED,))
            if proposed:
                status = RecommendationStatus.ACCEPTED if action == "accept" else RecommendationStatus.DISMISSED
                undo.append(workspace.recommendations.set_status(assessment_id, [proposed[0].ref], status).undo)
        elif undo:
            undo.pop()()
        assert _listed(workspace) == _counted_afresh(workspace)


def _named(ws, name: str, address: str) -> int:
    return ws.assessments.create(NewAssessment(
        client=ClientProfile(name=name), details=AssessmentDetails(address=address), rooms=[RoomSpec(type="entrance")],
    )).value


def test_a_search_finds_part_of_a_name_or_address_in_any_case_and_any_script(workspace):
    maria = _named(workspace, "Maria Hernandez", "12 Oak Street")
    arabic = _named(workspace, "أحمد الفارسي", "5 Elm Road")
    korean = _named(workspace, "김민준", "100% Care Home, Unit_4")
    hindi = _named(workspace, "प्रिया शर्मा", "7 Pine Avenue")

    def found(text: str) -> set[int]:
        return {s.id for s in workspace.assessments.list(text)}

    assert found("hern") == found("HERNANDEZ") == {maria}
    assert found("oak st") == {maria}
    assert found("الفارسي") == {arabic}
    assert found("민준") == {korean}
    assert found("शर्मा") == {hindi}
    assert found("  elm  ") == {arabic}
    assert found("100%") == {korean}  # % and _ are matched as typed, not as wildcards
    assert found("%") == {korean}
    assert found("Oak_Street") == set() and found("Unit_4") == {korean}
    assert found("") == {maria, arabic, korean, hindi}
