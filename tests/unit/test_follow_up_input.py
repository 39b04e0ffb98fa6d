"""Open-ended input at the follow-up: whatever is typed is stored as judged or refused with a sentence, and a refusal
changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homeassess.domain.refusals import Refused

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=st.text(max_size=30))
def test_any_typed_measurement_is_judged_or_refused_and_a_refusal_keeps_the_previous_value(follow_up, text):
    ws, fid, bar = follow_up
    before = ws.follow_ups.item(fid, bar).checks[0]
    try:
        result = ws.follow_ups.record_check(fid, bar, "height", text).value
    except Refused as refused:
        assert refused.sentence.endswith(".") and "\n" not in refused.sentence
        assert ws.follow_ups.item(fid, bar).checks[0] == before
        return
    stored = ws.follow_ups.item(fid, bar).checks[0]
    assert (stored.value_text, stored.verdict) == (result.value_text, result.verdict)


@SETTINGS
@given(performance=st.integers(-5, 15), satisfaction=st.one_of(st.none(), st.integers(-5, 15)))
def test_goal_scores_in_range_are_kept_and_any_other_is_refused_with_nothing_changed(follow_up, performance, satisfaction):
    ws, fid, _ = follow_up
    before = ws.outcomes.outcomes(fid).goals[0]
    in_range = 1 <= performance <= 10 and (satisfaction is None or 1 <= satisfaction <= 10)
    try:
        ws.outcomes.set_goal(fid, 0, performance, satisfaction, None)
    except Refused as refused:
        assert not in_range and "out of range" in refused.sentence
        assert ws.outcomes.outcomes(fid).goals[0] == before
        return
    assert in_range
    after = ws.outcomes.outcomes(fid).goals[0]
    assert (after.performance, after.satisfaction) == (performance, satisfaction)


@pytest.fixture
def follow_up(demo_workspace):
    ws = demo_workspace
    ws.assessments.set_status(ws.demo_id, "final")
    fid = ws.follow_ups.start(ws.demo_id).value
    bar = next(i for i in ws.follow_ups.items(fid) if i.library_id == "grab_bars_toilet").installation_id
    return ws, fid, bar
