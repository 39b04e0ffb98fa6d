"""Point 5 of issue 11: the client profile is validated like a measurement.

The same parser reads it; each value has a plausible range (resources/standards/person_fit.toml);
a unit slip is refused with one sentence that says which reading would fit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from homeassess.domain.client_profile import ClientProfile, plausible_ranges
from homeassess.domain.mobility_devices import DeviceKind
from homeassess.domain.units import MM_PER_INCH

REPO = Path(__file__).resolve().parents[2]
DEVICE_FIELDS = ("overall_width", "overall_length", "seat_height", "turning_diameter")
BODY_FIELDS = ("popliteal_height", "seated_reach_high", "standing_reach_high", "height")


def refusal(data: dict, unit: str | None = None) -> str:
    with pytest.raises(ValidationError) as caught:
        ClientProfile.model_validate(data, context={"unit": unit} if unit else None)
    return caught.value.errors()[0]["msg"]


@pytest.mark.parametrize("kind", [k.value for k in DeviceKind])
def test_a_wheelchair_width_read_as_millimetres_is_refused_with_the_reading_that_fits(kind):
    assert refusal({"devices": [{"kind": kind, "overall_width": 26}]}) == (
        f"26 mm is not a plausible {kind.replace('_', ' ')} width; check the units: did you mean 26 in?")
    assert "did you mean 26 in?" in refusal({"devices": [{"kind": kind, "overall_width": "26"}]})


def test_a_bare_number_follows_the_assessment_unit_like_a_measurement():
    profile = ClientProfile.model_validate({"devices": [{"kind": "scooter", "overall_width": "26"}]}, context={"unit": "in"})
    assert profile.devices[0].overall_width == pytest.approx(26 * MM_PER_INCH)
    assert "did you mean 660 mm?" in refusal({"devices": [{"kind": "scooter", "overall_width": "660"}]}, unit="in")


@pytest.mark.parametrize(("text", "mm"), [("26 1/2 in", 673.1), ("2' 2\"", 660.4), ("66 cm", 660), ("0.66 m", 660),
                                          ("26½", 673.1), ("673 mm", 673)])
def test_the_profile_accepts_what_the_measurement_parser_accepts(text, mm):
    profile = ClientProfile.model_validate({"devices": [{"kind": "walker", "overall_width": text}]}, context={"unit": "in"})
    assert profile.devices[0].overall_width == pytest.approx(mm)


@pytest.mark.parametrize("text", ["-3 in", "wide", "3 ft 14 in", "26 in 3 mm"])
def test_the_profile_refuses_what_the_measurement_parser_refuses(text):
    assert refusal({"devices": [{"kind": "walker", "overall_width": text}]})


@settings(max_examples=80, deadline=None)
@given(field=st.sampled_from(DEVICE_FIELDS + BODY_FIELDS), share=st.floats(0, 1), unit=st.sampled_from(["in", "mm", "cm"]))
def test_every_plausible_value_is_kept_exactly_in_any_unit(field, share, unit):
    bounds = plausible_ranges()[field]
    mm = bounds["low"] + share * (bounds["high"] - bounds["low"])
    number = {"in": mm / MM_PER_INCH, "mm": mm, "cm": mm / 10}[unit]
    text = f"{number:.6f} {unit}"
    data = {"devices": [{"kind": "power_wheelchair", field: text}]} if field in DEVICE_FIELDS else {"body": {field: text}}
    profile = ClientProfile.model_validate(data)
    kept = getattr(profile.devices[0], field) if field in DEVICE_FIELDS else getattr(profile.body, field)
    assert kept == pytest.approx(mm, abs=1e-3)


@settings(max_examples=80, deadline=None)
@given(field=st.sampled_from(DEVICE_FIELDS + BODY_FIELDS), factor=st.sampled_from([0.02, 0.2, 3.0, 30.0]))
def test_every_implausible_value_is_refused_with_a_plain_sentence(field, factor):
    bounds = plausible_ranges()[field]
    mm = (bounds["low"] if factor < 1 else bounds["high"]) * factor
    if mm == 0:
        return
    data = {"devices": [{"kind": "manual_wheelchair", field: mm}]} if field in DEVICE_FIELDS else {"body": {field: mm}}
    message = refusal(data)
    assert f"is not a plausible {'manual wheelchair ' if field in DEVICE_FIELDS else ''}{bounds['noun']}" in message
    assert "check the units" in message and "\n" not in message


def test_weight_in_pounds_is_converted_and_a_pound_figure_as_kilograms_is_refused():
    assert ClientProfile.model_validate({"body": {"weight_kg": "150 lb"}}).body.weight_kg == pytest.approx(68.04, abs=0.01)
    assert refusal({"body": {"weight_kg": 500}}) == "500 kg is not a plausible weight; check the units: did you mean 500 lb?"


def test_a_lowest_reach_above_the_highest_is_refused():
    assert "lowest seated reach is above the highest" in refusal({"body": {"seated_reach_low": "40 in", "seated_reach_high": "30 in"}})


def test_one_primary_device_and_it_must_be_listed():
    assert "more than one device is marked primary" in refusal({"devices": [{"kind": "cane", "primary": True},
                                                                             {"kind": "walker", "primary": True}]})
    assert "primary device scooter is not among the devices listed" in refusal({"devices": [{"kind": "cane"}],
                                                                                 "primary_device": "scooter"})


def test_other_aids_and_the_usable_side_are_kept():
    data = {"devices": [{"kind": "rollator"}], "other_aids": ["long-handled reacher", "bath board"], "usable_side": "left"}
    again = ClientProfile.model_validate(ClientProfile.model_validate(data).model_dump(mode="json"))
    assert again.other_aids == ["long-handled reacher", "bath board"] and again.usable_side == "left"


def test_check_refuses_a_client_file_with_a_unit_slip_and_says_why(tmp_path):
    file = tmp_path / "client.json"
    file.write_text(json.dumps({"devices": [{"kind": "manual_wheelchair", "overall_width": 26}]}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "homeassess", "check", "door_clear_width", "32", "--client", str(file)],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.returncode == 1 and "did you mean 26 in?" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_profile_kept_before_the_ranges_still_opens_from_the_store():
    kept = json.dumps({"devices": [{"kind": "manual_wheelchair", "overall_width": 26}], "body": {"weight_kg": 500}})
    profile = ClientProfile.from_stored(kept)
    assert profile.devices[0].overall_width == 26 and profile.body.weight_kg == 500
    with pytest.raises(ValidationError):
        ClientProfile.model_validate_json(kept)  # typed, imported or read by check: refused
