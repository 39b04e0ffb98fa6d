"""Outcome scores: the range check's sentence, and the direction of every change between two visits."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homeassess.domain.follow_up import CONCERN_RANGE, FALLS_RANGE, GOAL_SCORE_RANGE, Direction, GoalScore, Outcomes
from homeassess.domain.outcomes import NOT_RECORDED, compare, validate_score
from homeassess.domain.refusals import InvalidInput
from homeassess.domain.vocabulary import Difficulty

MEASURES = [("Performance", GOAL_SCORE_RANGE), ("Satisfaction", GOAL_SCORE_RANGE),
            ("Concern about falling", CONCERN_RANGE), ("Falls in the last 3 months", FALLS_RANGE)]
scores = st.one_of(st.none(), st.integers(1, 10))
difficulties = st.one_of(st.none(), st.sampled_from(list(Difficulty)))


def outcomes(goals=(), falls=None, concern=None, open_findings=0) -> Outcomes:
    return Outcomes(recorded_on=date(2026, 1, 5), goals=tuple(goals), falls_3m=falls, fall_concern=concern,
                    instrument="", instrument_score="", open_findings=open_findings)


def rows_by_label(changes):
    return {c.label: c for c in changes}


def test_an_out_of_range_score_is_refused_naming_the_measure_and_the_range():
    with pytest.raises(InvalidInput) as caught:
        validate_score("Performance", 11, 1, 10)
    assert caught.value.sentence == "Performance is scored 1 to 10; 11 is out of range."


@given(st.sampled_from(MEASURES), st.integers(-1000, 1000))
def test_every_score_is_kept_in_range_and_refused_outside_it(measure, value):
    name, (low, high) = measure
    if low <= value <= high:
        assert validate_score(name, value, low, high) == value
    else:
        with pytest.raises(InvalidInput) as caught:
            validate_score(name, value, low, high)
        assert caught.value.sentence == f"{name} is scored {low} to {high}; {value} is out of range."


@pytest.mark.parametrize("name", [m[0] for m in MEASURES])
def test_a_score_not_recorded_is_none_never_a_crash(name):
    assert validate_score(name, None, 0, 10) is None


@pytest.mark.parametrize("value", [True, 2.5, "7"])
def test_a_score_that_is_not_a_whole_number_is_refused(value):
    with pytest.raises(InvalidInput, match="Performance is scored 1 to 10"):
        validate_score("Performance", value, 1, 10)  # type: ignore[arg-type]


@given(scores, scores, scores, scores, difficulties, difficulties)
def test_goal_directions_follow_the_scores_for_every_pair(p0, p1, s0, s1, d0, d1):
    changes = rows_by_label(compare(outcomes([GoalScore("Shower without help", p0, s0, d0)]),
                                    outcomes([GoalScore("Shower without help", p1, s1, d1)])))
    for label, before, after in (("performance", p0, p1), ("satisfaction", s0, s1)):
        row = changes[f"Shower without help: {label}"]
        if before is None or after is None:
            assert row.direction is Direction.UNKNOWN
        else:
            assert row.direction is (Direction.BETTER if after > before else Direction.WORSE if after < before
                                     else Direction.SAME)
        assert row.baseline == (NOT_RECORDED if before is None else str(before))
    order = list(Difficulty)  # none, some, much, unable: less difficulty is better
    row = changes["Shower without help: difficulty"]
    if d0 is None or d1 is None:
        assert row.direction is Direction.UNKNOWN
    else:
        i, j = order.index(d0), order.index(d1)
        assert row.direction is (Direction.BETTER if j < i else Direction.WORSE if j > i else Direction.SAME)


@given(st.one_of(st.none(), st.integers(0, 100)), st.one_of(st.none(), st.integers(0, 100)),
       st.one_of(st.none(), st.integers(0, 10)), st.one_of(st.none(), st.integers(0, 10)),
       st.integers(0, 50), st.integers(0, 50))
def test_fewer_falls_lower_concern_and_fewer_open_findings_are_better(f0, f1, c0, c1, o0, o1):
    changes = rows_by_label(compare(outcomes(falls=f0, concern=c0, open_findings=o0),
                                    outcomes(falls=f1, concern=c1, open_findings=o1)))
    for label, before, after in (("Falls in the last 3 months", f0, f1), ("Concern about falling (0–10)", c0, c1),
                                 ("Open findings", o0, o1)):
        row = changes[label]
        if before is None or after is None:
            assert row.direction is Direction.UNKNOWN
            assert NOT_RECORDED in (row.baseline, row.follow_up)
        else:
            assert row.direction is (Direction.BETTER if after < before else Direction.WORSE if after > before
                                     else Direction.SAME)


def test_the_demo_improvement_reads_as_a_clinician_expects():
    baseline = outcomes([GoalScore("Get in and out of the bath", 3, 2, Difficulty.MUCH)], falls=3, concern=8,
                        open_findings=9)
    follow_up = outcomes([GoalScore("Get in and out of the bath", 8, 9, Difficulty.SOME)], falls=0, concern=3,
                         open_findings=1)
    table = [(c.label, c.baseline, c.follow_up, c.direction.label) for c in compare(baseline, follow_up)]
    assert table == [
        ("Get in and out of the bath: performance", "3", "8", "Better"),
        ("Get in and out of the bath: satisfaction", "2", "9", "Better"),
        ("Get in and out of the bath: difficulty", "Great difficulty", "Some difficulty", "Better"),
        ("Falls in the last 3 months", "3", "0", "Better"),
        ("Concern about falling (0–10)", "8", "3", "Better"),
        ("Open findings", "9", "1", "Better"),
    ]


def test_a_goal_on_one_side_only_is_listed_but_not_comparable():
    baseline = outcomes([GoalScore("Cook a meal", 4, 4, Difficulty.MUCH), GoalScore("Garden", 2, 2, None)])
    follow_up = outcomes([GoalScore("cook a  meal", 6, 7, Difficulty.SOME), GoalScore("Walk to the shop", 5, 5, None)])
    changes = compare(baseline, follow_up)
    labels = [c.label for c in changes]
    assert labels[:9] == [f"{goal}: {m}" for goal in ("Cook a meal", "Garden", "Walk to the shop")
                          for m in ("performance", "satisfaction", "difficulty")]
    directions = rows_by_label(changes)
    assert directions["Cook a meal: performance"].direction is Direction.BETTER
    for goal in ("Garden", "Walk to the shop"):
        assert all(directions[f"{goal}: {m}"].direction is Direction.UNKNOWN for m in ("performance", "satisfaction"))
    assert directions["Garden: performance"].follow_up == NOT_RECORDED
    assert directions["Walk to the shop: performance"].baseline == NOT_RECORDED


@given(st.lists(st.builds(GoalScore, st.text(max_size=20), scores, scores, difficulties), max_size=4),
       st.lists(st.builds(GoalScore, st.text(max_size=20), scores, scores, difficulties), max_size=4))
def test_any_goals_compare_without_a_crash(before, after):
    changes = compare(outcomes(before), outcomes(after))
    assert len(changes) >= 3 * max(len(before), len(after)) + 3  # every goal of either visit is listed
    assert [c.label for c in changes][-3:] == ["Falls in the last 3 months", "Concern about falling (0–10)", "Open findings"]
    assert all(c.direction in Direction for c in changes)
