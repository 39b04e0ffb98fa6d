"""Judging an as-installed measurement at a follow-up: the verdict, the message and the proposed correction."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeassess.domain.as_installed import judge_installed, unmeasured
from homeassess.domain.data_files import CatalogueError
from homeassess.domain.judge import JudgeContext
from homeassess.domain.refusals import Refused
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.validation.library import validate_library
from homeassess.domain.verdicts import Verdict
from homeassess.domain.verify_check import VerifyCheck
from tests.unit.client_cases import client

INCHES = JudgeContext(unit=LengthUnit.INCH)
MILLIMETRES = JudgeContext(unit=LengthUnit.MILLIMETRE)


def check(judge, entry_id: str, check_id: str):
    found = judge.library.entry(entry_id).check(check_id)
    assert found is not None
    return found


def test_an_entry_finds_its_check_by_id_and_nothing_for_an_unknown_one(judge):
    entry = judge.library.entry("grab_bars_toilet")
    assert [c.id for c in entry.verify][:2] == ["height", "side_length"]
    assert entry.check("height") is entry.verify[0]
    assert entry.check("colour") is None
    assert judge.library.entry("smoke_co_alarms").verify == ()  # nothing to measure


def test_a_grab_bar_at_38_in_deviates_with_the_specified_range_and_a_correction(judge):
    result = judge_installed(check(judge, "grab_bars_toilet", "height"), "38", INCHES, judge)
    assert result.verdict is Verdict.FAILS and result.deviates
    assert result.message == "Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface"
    assert result.correction == "Re-fit the grab bar so its top is 33–36 in above the floor."
    assert result.value_text == "38"


def test_in_millimetre_mode_the_message_and_correction_are_in_millimetres(judge):
    result = judge_installed(check(judge, "reset_grab_bar_height", "height"), "965", MILLIMETRES, judge)
    assert result.verdict is Verdict.FAILS
    assert result.message == "Grab bar installed at 965 mm: specified 838–914 mm to the top of the gripping surface"
    assert result.correction == "Re-fit the grab bar so its top is 838–914 mm above the floor."


def test_a_grab_bar_inside_the_range_meets_and_proposes_nothing(judge):
    result = judge_installed(check(judge, "grab_bars_toilet", "height"), "34 1/2 in", INCHES, judge)
    assert result.verdict is Verdict.MEETS and not result.deviates
    assert result.message == "Grab bar installed at 34 1/2 in: as specified (33–36 in to the top of the gripping surface)"
    assert result.correction == ""


def test_a_client_fit_failure_inside_the_specified_range_deviates_and_names_the_clients_rule(judge):
    seat = check(judge, "fold_down_shower_seat", "seat_height")
    ctx = JudgeContext(client=client("power_wheelchair"))  # transfers from a 21 in seat
    result = judge_installed(seat, "18", ctx, judge)
    assert result.verdict is Verdict.FAILS
    assert "specified" not in result.message
    assert "the client's fit rule \u201cTransfer surface level with the client's seat\u201d" in result.message
    assert "20 in to 22 in" in result.correction
    same_seat_no_client = judge_installed(seat, "18", INCHES, judge)
    assert same_seat_no_client.verdict is Verdict.MEETS


def test_a_control_within_the_range_but_out_of_the_clients_seated_reach_deviates(judge):
    control = check(judge, "relocate_switches_outlets", "control_height")
    result = judge_installed(control, "46 in", JudgeContext(client=client("manual_wheelchair")), judge)
    assert result.deviates
    assert "Within the client's seated reach" in result.message
    assert "at most 44 in" in result.correction


def test_the_standard_is_named_where_a_check_has_no_figure_of_its_own(judge):
    width = check(judge, "offset_hinges", "clear_width")
    result = judge_installed(width, "31", INCHES, judge)
    assert result.verdict is Verdict.FAILS
    assert "ADA 2010 §404.2.3" in result.message
    assert result.correction.startswith("Correct the door clear width to meet ADA 2010 §404.2.3")
    assert judge_installed(width, "33", INCHES, judge).verdict is Verdict.MEETS


def test_a_unit_slip_is_kept_as_implausible_with_a_hint(judge):
    result = judge_installed(check(judge, "grab_bars_toilet", "height"), "380", INCHES, judge)
    assert result.verdict is Verdict.IMPLAUSIBLE
    assert "did you mean 380 mm?" in result.message
    assert result.value is None


@pytest.mark.parametrize("text", ["abc", "-34", "3 ft 14 in", "34 in 2 mm"])
def test_unreadable_text_is_refused_as_at_the_checklist(judge, text):
    with pytest.raises(MeasurementError):
        judge_installed(check(judge, "grab_bars_toilet", "height"), text, INCHES, judge)


def test_empty_text_is_unmeasured(judge):
    height = check(judge, "grab_bars_toilet", "height")
    assert judge_installed(height, "  ", INCHES, judge) == unmeasured(height)
    result = unmeasured(height)
    assert result.verdict is Verdict.NOT_APPLICABLE and result.value_text == "" and not result.measured


def test_a_ramp_slope_is_read_as_a_ratio(judge):
    slope = check(judge, "modular_ramp", "slope")
    assert judge_installed(slope, "1:12", INCHES, judge).verdict is Verdict.MEETS
    steep = judge_installed(slope, "1:10", INCHES, judge)
    assert steep.verdict is Verdict.FAILS
    assert "specified no steeper than 1:12 (8.3%)" in steep.message


# --- the data file: a malformed check names the file, the entry and the field ----------------------

def _broken_library(tmp_path: Path, old: str, new: str) -> Path:
    source = Path("resources/recommendations/library.toml").read_text(encoding="utf-8")
    start = source.index('id = "reset_grab_bar_height"')
    end = source.index("[[recommendations]]", start)
    block = source[start:end]
    assert old in block
    path = tmp_path / "library.toml"
    path.write_text(source[:start] + block.replace(old, new, 1) + source[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "field"), [
    ('low = "33 in"', 'low = "33 furlongs"', "verify.0.low"),
    ('low = "33 in"', 'low = "31 in"', "verify.0.low"),  # not the specification's figure
    ('\nitem = "grab_bar_height"', '\nitem = "grab_bar_hieght"', "verify.0.item"),
    ('high = "36 in"', 'hihg = "36 in"', "hihg"),
    ('correction = "Re-fit', 'correction = "{height} Re-fit', "verify.0.correction"),
])
def test_a_malformed_check_fails_naming_the_file_the_entry_and_the_field(tmp_path, judge, old, new, field):
    path = _broken_library(tmp_path, old, new)
    with pytest.raises(CatalogueError) as caught:
        validate_library(path, judge.catalogue)
    message = str(caught.value)
    assert "library.toml" in message and "reset_grab_bar_height" in message and field in message


def test_a_check_judged_by_its_item_alone_says_when_nothing_sets_a_figure(judge):
    seat = check(judge, "stair_lift", "seat_height")  # the seat's height is the client's transfer height, not a standard's
    nothing = judge_installed(seat, "24", INCHES, judge)
    assert nothing.verdict is Verdict.NOT_APPLICABLE and nothing.measured
    assert nothing.message == "Stair lift seat height at the landing 24 in as installed: ADA 2010 sets no figure"
    too_high = judge_installed(seat, "24", JudgeContext(client=client("manual_wheelchair")), judge)
    assert too_high.deviates
    assert "Transfer surface level with the client's seat" in too_high.message
    level = judge_installed(seat, "19 1/2", JudgeContext(client=client("manual_wheelchair")), judge)
    assert level.verdict is Verdict.MEETS
    assert "meets the client's fit rule" in level.message


def test_a_count_is_a_whole_number_judged_against_its_range(judge):
    bars = VerifyCheck(id="bars", label="Grab bars fitted", reading="count", low=2, high=None, target="at least 2",
                       correction="Fit {target} bars.", plausible=(0, 20))
    assert judge_installed(bars, "2", INCHES, judge).verdict is Verdict.MEETS
    one = judge_installed(bars, "1", INCHES, judge)
    assert one.message == "Grab bars fitted 1 as installed: specified at least 2"
    assert one.correction == "Fit at least 2 bars."
    assert judge_installed(bars, "40", INCHES, judge).verdict is Verdict.IMPLAUSIBLE
    with pytest.raises(MeasurementError):
        judge_installed(bars, "two", INCHES, judge)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30), pick=st.sampled_from([
    ("grab_bars_toilet", "height"), ("modular_ramp", "slope"), ("limit_hot_water", "water_temperature"),
    ("lever_faucets", "operating_force"), ("ramp_rated_for_load", "rated_load"), ("offset_hinges", "clear_width"),
]), unit=st.sampled_from(list(LengthUnit)))
def test_any_typed_text_is_judged_or_refused_with_a_sentence(judge, text, pick, unit):
    try:
        result = judge_installed(check(judge, *pick), text, JudgeContext(unit=unit), judge)
    except Refused as refused:
        assert refused.sentence and "\n" not in refused.sentence
    else:
        assert result.verdict in Verdict
        assert result.message
        assert result.deviates == (result.verdict is Verdict.FAILS)
        assert bool(result.correction) == result.deviates
