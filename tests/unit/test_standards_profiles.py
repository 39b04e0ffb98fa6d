"""The standards profiles (issue 11, point 9): ICC A117.1-2017 Type A and Type B, the Fair Housing
guidelines, and the IRC, each selectable per assessment; an element a profile does not govern is
judged against ADA 2010 and the finding says so; the report names the profile."""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader

from homeassess.domain.data_files import CatalogueError, resources_dir
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.standards import load_standards
from homeassess.domain.units import LengthUnit
from homeassess.domain.verdicts import Verdict
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.reports import ReportService

PROFILES = {
    "a117_type_a": ("ICC A117.1-2017, Type A dwelling unit", "A117.1 Type A", "ICC A117.1-2017 §"),
    "a117_type_b": ("ICC A117.1-2017, Type B dwelling unit", "A117.1 Type B", "ICC A117.1-2017 §"),
    "fhag": ("Fair Housing Accessibility Guidelines (HUD, 1991)", "FHAG", "FHAG Requirement"),
    "irc": ("International Residential Code (2018)", "IRC", "IRC R"),
}


def _judge(judge: Judge, standard: str, item_id: str, text: str, unit: LengthUnit = LengthUnit.INCH):
    return judge.judge_measurement(item_id, text, JudgeContext(standard=standard, unit=unit, room_name="Test room"))


@pytest.mark.parametrize(("profile_id", "expected"), PROFILES.items())
def test_each_profile_is_named_and_falls_back_to_ada(judge: Judge, profile_id, expected):
    name, short, citation = expected
    profile = judge.standards.profile(profile_id)
    assert (profile.name, profile.short, profile.inherits) == (name, short, "ada2010")
    own = [limits for item_id in profile.item_ids for limits in profile.bands_for(item_id) if not limits.fallback]
    assert own and all(limits.rule.citation.startswith(citation) for limits in own)
    assert all(limits.profile_short == short for limits in own)
    # everything the ADA profile judges is judged under this profile too, by its own figure or the ADA's
    assert set(judge.standards.profile("ada2010").item_ids) <= set(profile.item_ids)


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_an_element_the_profile_does_not_govern_says_ada_applies(judge: Judge, profile_id):
    finding = _judge(judge, profile_id, "grab_bar_height", "30")  # no profile here sets a grab bar height
    assert finding.verdict is Verdict.FAILS
    assert finding.citation == "ADA 2010 §609.4"
    assert finding.standard == PROFILES[profile_id][1]
    assert f"{PROFILES[profile_id][1]} sets no figure for this element; the ADA 2010 figure applies." in finding.note


def test_the_ada_profile_says_nothing_about_fallback(judge: Judge):
    assert "figure applies" not in _judge(judge, "ada2010", "grab_bar_height", "30").note


@pytest.mark.parametrize(("profile_id", "item_id", "text", "verdict", "citation"), [
    # Type A: 67 in turning circle and 30 × 52 in clear floor space in new buildings
    ("a117_type_a", "turning_space_diameter", "62", Verdict.FAILS, "ICC A117.1-2017 §304.3.1.1"),
    ("a117_type_a", "turning_space_diameter", "1702 mm", Verdict.MEETS, "ICC A117.1-2017 §304.3.1.1"),
    ("a117_type_a", "clear_floor_space_length", "50", Verdict.FAILS, "ICC A117.1-2017 §305.3.1"),
    ("a117_type_a", "toilet_seat_height", "15 1/2", Verdict.MEETS, "ICC A117.1-2017 §1103.11.2.4"),
    # Type B: 31 3/4 in interior doors, 32 in entry, Option A toilet, 36 × 36 shower, Option B tub
    ("a117_type_b", "door_clear_width", "31 3/4", Verdict.MEETS, "ICC A117.1-2017 §1104.5.2.1"),
    ("a117_type_b", "door_clear_width", "31 1/2", Verdict.FAILS, "ICC A117.1-2017 §1104.5.2.1"),
    ("a117_type_b", "egress_door_clear_width", "31 3/4", Verdict.FAILS, "ICC A117.1-2017 §1104.5.1"),
    ("a117_type_b", "toilet_clearance_width", "50", Verdict.MEETS, "ICC A117.1-2017 §1104.11.3.1.2"),
    ("a117_type_b", "shower_inside_depth", "32", Verdict.FAILS, "ICC A117.1-2017 §1104.11.3.1.3.3"),
    ("a117_type_b", "tub_clearance_length", "48", Verdict.MEETS, "ICC A117.1-2017 §1104.11.3.2.3.1"),
    # FHAG: 36 in counters allowed, controls 15–48 in, nominal 32 in doors
    ("fhag", "counter_height", "36", Verdict.MEETS, "FHAG Requirement 7"),
    ("fhag", "counter_height", "37", Verdict.FAILS, "FHAG Requirement 7"),
    ("fhag", "outlet_height", "12", Verdict.FAILS, "FHAG Requirement 5"),
    ("fhag", "toilet_centerline_from_wall", "20", Verdict.MEETS, "FHAG Requirement 7"),
    ("fhag", "door_clear_width", "31 3/4", Verdict.MEETS, "FHAG Requirement 3"),
    ("fhag", "door_clear_width", "31 1/4", Verdict.ADVISORY, "FHAG Requirement 3"),
    ("fhag", "door_clear_width", "29", Verdict.FAILS, "FHAG Requirement 3"),
])
def test_profile_figures(judge: Judge, profile_id, item_id, text, verdict, citation):
    finding = _judge(judge, profile_id, item_id, text)
    assert finding.verdict is verdict, finding.message
    assert finding.citation == citation
    assert "figure applies" not in finding.note
    if verdict is Verdict.FAILS:
        assert finding.recommendations


def test_the_same_home_reads_differently_under_each_profile(judge: Judge):
    verdicts = {p: _judge(judge, p, "door_clear_width", "31 3/4").verdict for p in ("ada2010", "a117_type_b", "fhag")}
    assert verdicts == {"ada2010": Verdict.FAILS, "a117_type_b": Verdict.MEETS, "fhag": Verdict.MEETS}
    counters = {p: _judge(judge, p, "counter_height", "36").verdict for p in ("ada2010", "a117_type_a", "fhag")}
    assert counters == {"ada2010": Verdict.FAILS, "a117_type_a": Verdict.FAILS, "fhag": Verdict.MEETS}


def test_fhag_door_shortfall_is_from_the_nominal_32_in(judge: Judge):
    finding = _judge(judge, "fhag", "door_clear_width", "29")
    assert finding.shortfall == "3 in"
    assert "widen_doorway" in [r.library_id for r in finding.recommendations]


def test_a_profile_with_two_main_rules_for_an_item_is_refused(judge: Judge, tmp_path):
    folder = tmp_path / "standards"
    shutil.copytree(resources_dir() / "standards", folder)
    path = folder / "fhag.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('applies_below = "31 in"\n', ""), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"fhag\.toml.*door_clear_width.*applies_below"):
        load_standards(judge.catalogue, folder)


def test_the_report_names_the_profile_chosen_for_the_assessment(workspace):
    assessment_id = workspace.assessments.create(NewAssessment(
        client={"name": "Profile Test"}, details=AssessmentDetails(standard="a117_type_b"), rooms=[RoomSpec(type="entrance")],
    )).value
    room = workspace.assessments.room_views(assessment_id)[0].id
    workspace.checklist.record(room, "door_clear_width", "31 1/2 in")
    pdf = ReportService(workspace).build(assessment_id, "clinical")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "ICC A117.1-2017, Type B dwelling unit" in text
    assert "1104.5.2.1" in text


@pytest.mark.parametrize("typed", ["a117_type_b", "A117_Type_B", "a117-type-b", "A117 type B"])
def test_a_profile_is_found_however_its_id_is_typed(judge: Judge, typed):
    assert judge.standards.profile(typed).id == "a117_type_b"
    with pytest.raises(KeyError, match="choose one of a117_type_a, a117_type_b, ada2010, fhag, irc"):
        judge.standards.profile("ansi")
