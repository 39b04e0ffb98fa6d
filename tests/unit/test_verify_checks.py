"""Every as-installed check of the library: its figures are its specification's, and it judges its own range.

Each check is judged at its low and its high figure and just outside them, in inches and in
millimetres (or the reading's own units), with the assessment's default standard and no client:
at the figures the work meets; just outside, it deviates and says what was specified. A new
library entry whose check disagrees with its specification text, or with the standard that also
judges it, fails here.
"""

from __future__ import annotations

import re

import pytest

from homeassess.domain.as_installed import judge_installed, range_text
from homeassess.domain.catalogue import Catalogue
from homeassess.domain.data_files import resources_dir
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.person_fit import PersonFitRules
from homeassess.domain.readings import READINGS
from homeassess.domain.recommendations import RecommendationLibrary
from homeassess.domain.standards import StandardsLibrary
from homeassess.domain.units import (
    MM_PER_INCH,
    LengthUnit,
    UnitSystem,
    format_length,
    metric_high_limit,
    metric_low_limit,
)
from homeassess.domain.validation import validate_resources
from homeassess.domain.verdicts import Verdict
from tests.unit.client_cases import client

# Validated here, without the snapshot cache: the checks are needed to collect the tests, before the session's cache folder.
_DATA = validate_resources(resources_dir())
JUDGE = Judge(Catalogue.from_data(_DATA["catalogue"]), StandardsLibrary.from_data(_DATA["standards"]),
              PersonFitRules.from_data(_DATA["person_fit"]), RecommendationLibrary.from_data(_DATA["library"]))
CHECKS = [(entry, check) for entry in JUDGE.library.entries for check in entry.verify]
RANGED = [(e, c) for e, c in CHECKS if c.low is not None or c.high is not None]
CONTEXTS = {"inches": JudgeContext(unit=LengthUnit.INCH), "mm": JudgeContext(unit=LengthUnit.MILLIMETRE)}
# Work a follow-up can measure: an entry that proposes such work lists at least one check.
MEASURABLE = {
    "grab_bars_toilet", "reset_grab_bar_height", "grab_bars_bathing", "swing_up_grab_bar", "modular_ramp",
    "rebuild_ramp_gentler", "ramp_landings", "rebuild_ramp_wider", "ramp_handrails", "widen_doorway", "offset_hinges",
    "remove_door_stop", "replace_threshold", "raised_toilet_seat", "comfort_height_toilet", "fold_down_shower_seat",
    "shower_chair", "lower_lavatory", "lowered_counter_section", "relocate_switches_outlets", "handrails_both_sides",
    "reset_handrail_height", "vertical_platform_lift", "stair_lift", "limit_hot_water",
}


def _id(pair) -> str:
    entry, check = pair
    return f"{entry.id}.{check.id}"


def _typed(value: float, reading: str, system: UnitSystem) -> str:
    """The value as a clinician types it in this system, exactly enough to sit on the figure."""
    if reading == "length":
        return format_length(value, system) if system is UnitSystem.IMPERIAL else f"{value:.0f} mm"
    if reading == "slope":
        return f"{value * 100:.4f}%"
    reading_kind = READINGS[reading]
    unit = reading_kind.imperial_unit if system is UnitSystem.IMPERIAL else reading_kind.metric_unit
    scale, offset = reading_kind.units[unit]
    return f"{value / scale + offset:.4f} {unit}"


def _outside(value: float, reading: str, system: UnitSystem, side: str) -> str:
    """Just outside the figure: 1/4 in or 2 mm past its metric reading, 5% of a slope, one unit of a reading."""
    sign = -1 if side == "low" else 1
    if reading == "length" and system is UnitSystem.METRIC:
        edge = metric_low_limit(value) if side == "low" else metric_high_limit(value)
        return f"{edge + sign * 2:.0f} mm"
    if reading == "length":
        return f"{value / MM_PER_INCH + sign * 0.25:g} in"
    if reading == "slope":
        return f"{value * (1 + sign * 0.05) * 100:.4f}%"
    reading_kind = READINGS[reading]
    unit = reading_kind.imperial_unit if system is UnitSystem.IMPERIAL else reading_kind.metric_unit
    scale, offset = reading_kind.units[unit]
    return f"{value / scale + offset + sign:.4f} {unit}"


def test_the_library_lists_checks_for_the_work_a_follow_up_measures():
    with_checks = {entry.id for entry in JUDGE.library.entries if entry.verify}
    assert with_checks >= MEASURABLE, sorted(MEASURABLE - with_checks)
    assert len(CHECKS) >= 120


MAXIMUM_WORDS = ("no higher than", "at most", "no more than", "up to", "under", "no steeper than", "no hotter than",
                 "exceeds", "maximum")
MINIMUM_WORDS = ("at least", "minimum")


def _bound_words(spec: str, figure: str) -> list[str]:
    """For each place the specification writes ``figure``: "max", "min" or "" by the words just before it."""
    found = []
    for match in re.finditer(rf"(?<![\d/.:]){re.escape(figure)}(?![\d/])", spec):
        before = spec[:match.start()].rstrip().lower()
        found.append("max" if before.endswith(MAXIMUM_WORDS) else "min" if before.endswith(MINIMUM_WORDS) else "")
    return found


@pytest.mark.parametrize("pair", RANGED, ids=_id)
def test_a_checks_figures_are_written_in_its_specification(pair):
    """"33–36 in" in the check is "33–36 in" (or "33 to 36 in", "between 33 and 36 in") in the specification; a
    maximum is a figure the specification does not write as a minimum ("at least 27 in"), and the other way round."""
    entry, check = pair
    figure = range_text(check.reading, check.low, check.high, UnitSystem.IMPERIAL)
    figure = re.sub(r"^(at least|at most|no steeper than) ", "", figure)
    figure = re.sub(r" \([\d.]+%\)", "", figure)  # a slope as the specification writes it: 1:12
    spec = " ".join(entry.specification.split())
    if check.low is not None and check.high is not None:
        low, high = figure.split("–")
        forms = {figure, f"{low} to {high}", f"between {low} and {high}", f"{low}–{high}".replace(" in", "")}
        assert any(form in spec for form in forms), f"{sorted(forms)} not in the specification: {spec}"
        return
    places = _bound_words(spec, figure)
    assert places, f"{figure!r} is not in the specification: {spec}"
    wrong = "min" if check.high is not None else "max"
    assert any(place != wrong for place in places), f"the specification writes {figure!r} the other way: {spec}"


@pytest.mark.parametrize("system", ["inches", "mm"])
@pytest.mark.parametrize("pair", RANGED, ids=_id)
def test_a_check_meets_at_its_figures_and_deviates_just_outside(pair, system):
    _, check = pair
    ctx = CONTEXTS[system]
    for side, value in (("low", check.low), ("high", check.high)):
        if value is None:
            continue
        at = judge_installed(check, _typed(value, check.reading, ctx.system), ctx, JUDGE)
        assert at.verdict is Verdict.MEETS, at.message
        assert at.correction == ""
        past = judge_installed(check, _outside(value, check.reading, ctx.system, side), ctx, JUDGE)
        assert past.verdict is Verdict.FAILS, past.message
        specified = range_text(check.reading, check.low, check.high, ctx.system)
        assert f"specified {specified}" in past.message
        assert specified in past.correction
        if check.reading == "length":
            assert (" mm" in specified) == (system == "mm") and (" in" in specified) == (system == "inches")


@pytest.mark.parametrize("pair", [p for p in CHECKS if p not in RANGED], ids=_id)
def test_a_check_without_figures_of_its_own_is_judged_by_its_item(pair):
    """Its item's standard and the client's fit judge it; the message names the standard's figure."""
    _, check = pair
    assert check.item_id is not None
    item = JUDGE.catalogue.item(check.item_id)
    low, high = item.plausible_bounds()
    typed = _typed((low + high) / 2, check.reading, UnitSystem.IMPERIAL)
    result = judge_installed(check, typed, CONTEXTS["inches"], JUDGE)
    assert result.value is not None and low <= result.value <= high
    assert "specified" not in result.message
    if result.verdict is Verdict.NOT_APPLICABLE:  # no standard figure: the client's fit judges it
        assert result.message.endswith("sets no figure")
        for_a_client = judge_installed(check, typed, JudgeContext(client=client("manual_wheelchair")), JUDGE)
        assert for_a_client.verdict in (Verdict.MEETS, Verdict.FAILS, Verdict.ADVISORY), for_a_client.message
