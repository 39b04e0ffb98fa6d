"""What the catalogue covers (issue 11, point 8) and how serious each finding is (point 10).

The new items each have help, a plausible range, a rule with a citation and a recommendation
when they fail; the ramp rise is worked out into run, landings and handrails; temperatures,
forces and light levels are typed like lengths.
"""

from __future__ import annotations

import math
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeassess.domain.catalogue import ItemKind, Severity, load_catalogue
from homeassess.domain.data_files import CatalogueError, resources_dir
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.readings import READINGS
from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem
from homeassess.domain.verdicts import Verdict

# item, a failing value, the citation, a recommendation it must propose
COVERAGE = [
    ("toilet_side_bar_rear_offset", "15", "ADA 2010 §604.5.1", "reposition_toilet_grab_bars"),
    ("toilet_side_bar_reach", "48", "ADA 2010 §604.5.1", "reposition_toilet_grab_bars"),
    ("toilet_rear_bar_wall_side", "10", "ADA 2010 §604.5.2", "reposition_toilet_grab_bars"),
    ("toilet_rear_bar_open_side", "18", "ADA 2010 §604.5.2", "reposition_toilet_grab_bars"),
    ("toilet_paper_dispenser_front", "0", "ADA 2010 §604.7", "relocate_toilet_paper"),
    ("toilet_paper_outlet_height", "12", "ADA 2010 §604.7", "relocate_toilet_paper"),
    ("knee_clearance_depth", "6", "ADA 2010 §306.3.3", "open_knee_toe_space"),
    ("knee_clearance_width", "24", "ADA 2010 §306.3.5", "open_knee_toe_space"),
    ("toe_clearance_depth", "4", "ADA 2010 §306.2.3", "open_knee_toe_space"),
    ("clear_floor_space_width", "26", "ADA 2010 §305.3", "clear_floor_space_fixture"),
    ("clear_floor_space_length", "40", "ADA 2010 §305.3", "clear_floor_space_fixture"),
    ("door_pull_side_depth", "42", "ADA 2010 §404.2.4.1", "door_maneuvering_space"),
    ("door_push_side_depth", "40", "ADA 2010 §404.2.4.1", "door_maneuvering_space"),
    ("door_push_side_latch_clearance", "6", "ADA 2010 §404.2.4.1", "door_maneuvering_space"),
    ("door_opening_force", "9 lbf", "ADA 2010 §404.2.9", "adjust_door_closer"),
    ("ramp_handrail_extension", "4", "ADA 2010 §505.10.1", "handrail_extensions"),
    ("handrail_extension_top", "6", "ADA 2010 §505.10.2", "handrail_extensions"),
    ("handrail_extension_bottom", "3", "ADA 2010 §505.10.3", "handrail_extensions"),
    ("reach_over_counter_depth", "28", "ADA 2010 §308.2.2", "relocate_switches_outlets"),
    ("reach_over_counter_height", "46", "ADA 2010 §308.2.2", "relocate_switches_outlets"),
    ("side_reach_over_obstruction_height", "47", "ADA 2010 §308.3.2", "relocate_switches_outlets"),
    ("tub_clearance_width", "24", "ADA 2010 §607.2", "clear_floor_space_fixture"),
    ("tub_back_bar_length", "18", "ADA 2010 §607.4.2.1", "grab_bars_bathing"),
    ("tub_control_end_bar_length", "0", "ADA 2010 §607.4.2.2", "grab_bars_bathing"),
    ("tub_head_end_bar_length", "0", "ADA 2010 §607.4.2.3", "grab_bars_bathing"),
    ("shower_inside_width", "32", "ADA 2010 §608.2", "enlarge_shower"),
    ("shower_inside_depth", "28", "ADA 2010 §608.2", "enlarge_shower"),
    ("work_surface_width", "24", "ADA 2010 §804.3", "lowered_counter_section"),
    ("hallway_turn_width", "40", "ADA 2010 §403.5.2", "widen_route_at_turn"),
    ("hallway_turn_approach_width", "36", "ADA 2010 §403.5.2", "widen_route_at_turn"),
    ("hot_water_temperature", "135 °F", "ADA 2010 §607.6, §608.6", "limit_hot_water"),
]
LIFE_SAFETY = ["step_free_entry", "ramp_slope", "ramp_cross_slope", "ramp_handrails", "ramp_edge_protection",
               "water_temperature_safe", "hot_water_temperature", "smoke_alarm_present", "co_alarm_present",
               "second_exit_usable", "egress_door_clear_width"]
FALLS = ["stair_riser_height", "handrail_height", "loose_rugs_present", "toilet_grab_bars", "grab_bar_height",
         "light_level_route", "threshold_height", "tub_step_over_safe"]
FUNCTION = ["door_clear_width", "counter_height", "control_height", "washer_opening_height", "work_surface_width"]


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


def _ctx(standard: str = "ada2010", unit: LengthUnit = LengthUnit.INCH) -> JudgeContext:
    return JudgeContext(standard=standard, unit=unit, room_name="Test room")


# --- coverage -------------------------------------------------------------------------------


@pytest.mark.parametrize(("item_id", "text", "citation", "proposal"), COVERAGE)
def test_new_items_fail_with_their_citation_and_a_proposal(judge: Judge, item_id, text, citation, proposal):
    item = judge.catalogue.item(item_id)
    assert item.kind is ItemKind.MEASUREMENT and len(item.help) >= 40 and item.plausible is not None
    assert any(item_id in rt.item_ids for rt in judge.catalogue.room_types), f"{item_id} is on no checklist"
    finding = judge.judge_measurement(item_id, text, _ctx())
    assert finding.verdict is Verdict.FAILS, finding.message
    assert finding.citation == citation
    assert proposal in [r.library_id for r in finding.recommendations]
    assert "{" not in " ".join(r.specification + r.rationale + r.plain for r in finding.recommendations)


@pytest.mark.parametrize(("item_id", "text"), [("toilet_side_bar_rear_offset", "12"), ("toilet_side_bar_reach", "54"),
                                               ("toilet_paper_dispenser_front", "9"), ("door_opening_force", "22 N"),
                                               ("hot_water_temperature", "49 °C"), ("hot_water_temperature", "120"),
                                               ("reach_over_counter_height", "44"), ("shower_inside_width", "60")])
def test_new_items_meet_at_their_limits(judge: Judge, item_id, text):
    assert judge.judge_measurement(item_id, text, _ctx()).verdict is Verdict.MEETS


def test_flush_control_on_the_wall_side_is_a_finding(judge: Judge):
    finding = judge.judge_answer("toilet_flush_control_side", "wall_side", _ctx())
    assert finding.verdict is Verdict.FAILS and finding.citation == "ADA 2010 §604.6"
    assert [r.library_id for r in finding.recommendations] == ["move_flush_control"]
    assert judge.judge_answer("toilet_flush_control_side", "open_side", _ctx()).verdict is Verdict.MEETS


def test_light_levels_are_advisory_because_the_ada_sets_none(judge: Judge):
    finding = judge.judge_measurement("light_level_route", "60 lx", _ctx())
    assert finding.verdict is Verdict.ADVISORY
    assert "ADA 2010 sets no light level" in finding.citation
    assert "lighting_upgrade" in [r.library_id for r in finding.recommendations]
    assert judge.judge_measurement("light_level_task", "30 fc", _ctx()).verdict is Verdict.MEETS


# What a lighting proposal may name in each kind of room: an entrance's is lit outside, a kitchen's counter
# has a task light, and no proposal sends the electrician to a counter at the front door (a try-out found one).
OUTSIDE, COUNTER = ("outside", "weatherproof", "path"), ("counter", "sink", "cooktop")


@pytest.mark.parametrize("room_type", ["entrance", "hallway", "living_room", "kitchen", "bathroom", "bedroom", "stairs",
                                       "laundry"])
def test_lighting_proposals_name_only_what_is_in_that_room(judge: Judge, room_type):
    ctx = JudgeContext(standard="ada2010", room_name="Room", room_type=room_type)
    items = judge.catalogue.room_type(room_type).item_ids
    findings = [judge.judge_answer(i, "no", ctx) for i in items if i.endswith("lighting_adequate") or i == "task_lighting_counter"]
    findings += [judge.judge_measurement(i, "20 lx", ctx) for i in items if i.startswith("light_level_")]
    texts = [" ".join((r.title, r.plain, r.specification)).lower() for f in findings for r in f.recommendations]
    assert findings and texts
    for text in texts:
        if room_type != "entrance":
            assert not any(word in text for word in OUTSIDE), (room_type, text)
        if room_type not in ("kitchen", "bathroom"):
            assert not any(word in text for word in COUNTER), (room_type, text)


def test_new_items_sit_in_the_rooms_that_need_them(judge: Judge):
    rooms = {rt.id: set(rt.item_ids) for rt in judge.catalogue.room_types}
    assert {"toilet_flush_control_side", "toilet_paper_dispenser_front", "knee_clearance_depth", "tub_control_location",
            "tub_head_end_bar_length", "shower_inside_width", "hot_water_temperature", "clear_floor_space_width"} <= rooms["bathroom"]
    assert {"door_pull_side_depth", "door_push_side_depth", "door_opening_force", "ramp_total_rise"} <= rooms["entrance"]
    assert {"work_surface_width", "knee_clearance_depth", "toe_clearance_depth", "light_level_task"} <= rooms["kitchen"]
    assert {"handrail_extension_top", "handrail_extension_bottom", "light_level_route"} <= rooms["stairs"]
    assert {"hallway_turn_width", "hallway_turn_approach_width"} <= rooms["hallway"]


# --- the ramp worked out from the total rise -------------------------------------------------


def test_total_rise_is_worked_out_into_run_landings_and_handrails(judge: Judge):
    note = judge.judge_measurement("ramp_total_rise", "20", _ctx()).note
    assert "240 in (20 ft) of sloped run in 1 run" in note
    assert "2 level landings at least 60 in long" in note
    assert "Handrails on both sides" in note and "12 in level beyond" in note
    long = judge.judge_measurement("ramp_total_rise", "45", _ctx()).note
    assert "540 in (45 ft)" in long and "2 runs" in long and "3 level landings" in long
    assert "Handrails" not in judge.judge_measurement("ramp_total_rise", "5", _ctx()).note
    assert judge.judge_measurement("ramp_total_rise", "0", _ctx()).note == "No rise: no ramp is needed."


def test_worked_out_ramp_follows_the_profile_and_the_units(judge: Judge):
    assert "at least 36 in long" in judge.judge_measurement("ramp_total_rise", "24", _ctx("irc")).note
    metric = judge.judge_measurement("ramp_total_rise", "500", _ctx(unit=LengthUnit.MILLIMETRE)).note
    assert "6000 mm of sloped run" in metric and not re.search(r"\d in\b", metric)


@settings(max_examples=40, deadline=None)
@given(rise=st.integers(min_value=1, max_value=200))
def test_every_total_rise_needs_one_run_per_30_inches(judge: Judge, rise):
    note = judge.judge_measurement("ramp_total_rise", str(rise), _ctx()).note
    runs = math.ceil(rise / 30)
    assert (f"in {runs} runs" if runs > 1 else "in 1 run") in note
    assert f"{runs + 1} level landings" in note
    assert f"{rise * 12} in" in note


def test_the_run_of_one_ramp_segment_is_worked_out(judge: Judge):
    finding = judge.judge_measurement("ramp_rise", "10", _ctx())
    assert "At 1:12 this rise needs a run of at least 120 in (10 ft)." in finding.note


# --- severity ---------------------------------------------------------------------------------


def test_every_item_has_a_severity(judge: Judge):
    for item in judge.catalogue.items.values():
        assert isinstance(item.severity, Severity), item.id
    severities = {item.severity for item in judge.catalogue.items.values()}
    assert severities == set(Severity)
    for ids, severity in ((LIFE_SAFETY, Severity.LIFE_SAFETY), (FALLS, Severity.FALLS), (FUNCTION, Severity.FUNCTION)):
        for item_id in ids:
            assert judge.catalogue.item(item_id).severity is severity, item_id


def test_findings_and_proposals_carry_the_severity_to_rank_by(judge: Judge):
    findings = [
        judge.judge_measurement("door_clear_width", "28", _ctx()),
        judge.judge_answer("smoke_alarm_present", "no", _ctx()),
        judge.judge_measurement("stair_riser_height", "8 1/2", _ctx()),
        judge.judge_measurement("ramp_slope", "1:8", _ctx()),
    ]
    ranked = sorted(findings, key=lambda f: -Severity(f.severity).rank)
    assert [f.item_id for f in ranked] == ["smoke_alarm_present", "ramp_slope", "stair_riser_height", "door_clear_width"]
    for finding in findings:
        assert finding.to_json()["severity"] == finding.severity
        assert finding.recommendations and all(r.severity == finding.severity for r in finding.recommendations)
    assert Severity.LIFE_SAFETY.label == "Life safety"


def test_an_item_without_a_severity_is_refused(tmp_path):
    folder = tmp_path / "checklists"
    shutil.copytree(resources_dir() / "checklists", folder)
    path = folder / "rooms" / "kitchen.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "counter_height"')
    line = text.index('severity = "function"\n', start)
    path.write_text(text[:line] + text[line + len('severity = "function"\n'):], encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"kitchen\.toml.*counter_height.*severity"):
        load_catalogue(folder)


# --- temperature, force, light level ----------------------------------------------------------


@pytest.mark.parametrize(("kind", "text", "unit", "canonical"), [
    ("temperature", "120 °F", LengthUnit.INCH, 48.889), ("temperature", "120F", LengthUnit.INCH, 48.889),
    ("temperature", "49 °C", LengthUnit.INCH, 49.0), ("temperature", "120", LengthUnit.INCH, 48.889),
    ("temperature", "49", LengthUnit.MILLIMETRE, 49.0), ("force", "5 lbf", LengthUnit.INCH, 22.241),
    ("force", "22.2 N", LengthUnit.INCH, 22.2), ("force", "5", LengthUnit.INCH, 22.241), ("force", "22", LengthUnit.MILLIMETRE, 22.0),
    ("illuminance", "150 lux", LengthUnit.INCH, 150.0), ("illuminance", "14 fc", LengthUnit.INCH, 150.69),
    ("illuminance", "150", LengthUnit.INCH, 150.0),
])
def test_readings_are_typed_with_or_without_a_unit(kind, text, unit, canonical):
    assert READINGS[kind].parse(text, unit) == pytest.approx(canonical, abs=0.01)


@pytest.mark.parametrize(("kind", "text", "reason"), [("temperature", "", "no value"), ("temperature", "-4 °F", "negative"),
                                                      ("temperature", "hot", "not a temperature"), ("force", "5 kg", "not a force unit"),
                                                      ("illuminance", "150 in", "not a light level unit")])
def test_readings_refuse_what_they_cannot_read(kind, text, reason):
    with pytest.raises(MeasurementError, match=reason):
        READINGS[kind].parse(text, LengthUnit.INCH)


@given(value=st.integers(min_value=0, max_value=2000), kind=st.sampled_from(sorted(READINGS)),
       system=st.sampled_from(list(UnitSystem)))
def test_a_printed_reading_reads_back_as_the_same_value(value, kind, system):
    reading = READINGS[kind]
    printed = reading.format(float(value), system)
    assert reading.parse(printed, system.default_unit) == pytest.approx(value, abs=0.6)


def test_each_measurement_says_what_to_type(judge: Judge):
    assert judge.catalogue.item("hot_water_temperature").input_example() == "e.g. 120 °F or 49 °C"
    assert judge.catalogue.item("door_opening_force").input_example() == "e.g. 5 lbf or 22 N"
    assert judge.catalogue.item("ramp_slope").input_example().startswith("e.g. 1:12")
    assert judge.catalogue.item("door_clear_width").input_example() == "e.g. 31 3/4, 2' 8\" or 815 mm"
    assert judge.catalogue.item("door_clear_width").input_example(metric=True) == "e.g. 815 mm, 81.5 cm or 32 in"


def test_a_temperature_unit_slip_is_implausible(judge: Judge):
    assert judge.judge_measurement("hot_water_temperature", "400 °F", _ctx()).verdict is Verdict.IMPLAUSIBLE
    assert judge.judge_measurement("hot_water_temperature", "52 °C", _ctx(unit=LengthUnit.MILLIMETRE)).measured == "52 °C"
