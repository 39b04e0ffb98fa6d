"""The scope of works read as a contractor pricing it from the page, without phoning: every
measurement of what changes (not only the failing ones), the existing walls, the ramp's worked-out
figures, quantities, exact places and what comes out first."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homeassess.domain.units import MM_PER_INCH, UnitSystem
from homeassess.report.privacy import vocabulary
from homeassess.services.report_site import existing_conditions, ramp_figures, work_items
from tests.unit.test_report_builds import TODAY, shared_demo, shared_service, text_of  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def scope_text(shared_service, shared_demo):  # noqa: F811
    return " ".join(text_of(shared_service.build(shared_demo.demo_id, "contractor", today=TODAY)).split())


def test_a_stair_work_item_carries_the_stair_width_and_number_of_risers(scope_text):
    # The stair is 36 in wide and has 13 risers: both meet, so neither is a finding, but the rails are priced on them.
    rails = scope_text[scope_text.index("Stairs Contrasting"):]
    assert "Stair clear width: 36 in" in rails
    assert "Number of risers in the flight: 13" in rails
    assert "Handrail height: 33 in (required top of gripping surface 34–38 in" in rails


def test_the_ramp_work_item_gives_its_rise_run_landings_and_handrail_lengths(scope_text):
    ramp = scope_text[scope_text.index("Ramp figures"):]
    assert "Total rise: 14 in (measured: ramp rise of one run" in ramp  # meets (no finding), still carried
    assert "Sloped run at 1:12 (ADA 2010): 14 ft horizontal in all, in 1 run" in ramp
    assert "Level landings: 2 (top and bottom), each at least 60 in long" in ramp
    assert "Length Sloped run at 1:12 (ADA 2010): 14 ft horizontal" in ramp  # not the library's rule of thumb
    assert "Run in ft = total rise" not in scope_text
    assert "Handrails: both sides, each 14 ft along the runs plus 12 in level at the top and bottom of each run:" \
           " about 16 ft a side, 32 ft in all" in ramp


def test_a_tall_rise_is_split_into_runs_with_landings_between(judge):
    profile = judge.standards.profile("ada2010")
    lines = ramp_figures(45 * MM_PER_INCH, "measured", profile, UnitSystem.IMPERIAL)
    assert lines[1] == "Sloped run at 1:12 (ADA 2010): 45 ft horizontal in all, in 2 runs of about 22 ft 6 in each"
    assert lines[2].startswith("Level landings: 3 (top and bottom and 1 between runs)")
    assert lines[3].endswith("about 49 ft a side, 98 ft in all")  # 45 ft + 4 × 12 in a side
    low = ramp_figures(5 * MM_PER_INCH, "measured", profile, UnitSystem.IMPERIAL)
    assert low[-1] == "Handrails: not required for a rise of 6 in or less"


def _printed_mm(text: str) -> float:
    """"4810 mm", "16 ft 3 1/8 in", "16 ft" as millimetres."""
    if text.endswith(" mm"):
        return float(text[:-3])
    feet = re.match(r"(\d+) ft(?: (\d+(?: \d+/\d+)?|\d+/\d+) in)?$", text)
    assert feet, text
    inches = sum(Fraction(part) for part in (feet[2] or "0").split())
    return float((int(feet[1]) * 12 + inches) * Fraction(254, 10))


@settings(max_examples=80, deadline=None)
@given(rise=st.floats(7, 60), system=st.sampled_from([UnitSystem.IMPERIAL, UnitSystem.METRIC]))
def test_the_handrails_in_all_are_twice_a_side_as_printed(judge, rise, system):
    """A try-out's scope said "about 4810 mm a side, 9619 mm in all": a contractor adds the printed figures."""
    line = ramp_figures(rise * MM_PER_INCH, "measured", judge.standards.profile("ada2010"), system)[-1]
    side, total = re.search(r"about (.+) a side, (.+) in all$", line).groups()
    assert _printed_mm(total) == pytest.approx(2 * _printed_mm(side), abs=1e-6), line


def test_existing_walls_come_from_the_notes_and_no_sentence_about_a_person(scope_text):
    assert "Existing conditions: Tile over drywall. Studs located at 16 in centers." in scope_text
    # The entrance notes also say who pushes the chair up the old ramp: that sentence stays out.
    assert "Existing conditions: Two concrete steps to a small porch. Heaved slab halfway up the walk. " in scope_text
    assert "pushes the chair" not in scope_text


def test_a_sentence_with_health_or_a_person_is_never_taken_as_a_building_condition():
    notes = ["Plaster on lath; she uses the wall to steady herself. Stroke patient, concrete floor.",
             "Brick wall, studs at 24 in o.c. Dementia: keep the drywall repair quiet."]
    assert existing_conditions(notes, ["Parkinson disease"]) == ("Plaster on lath.", "Brick wall, studs at 24 in o.c.")


def test_work_items_give_quantity_exact_place_and_removal(scope_text):
    widen = scope_text[scope_text.index("Widen the doorway"):]
    # the room once: its heading above, and the place, which names it (not again in front: "Upstairs bathroom — ...")
    assert "Where Door clear width — The door of the upstairs bathroom (the one measured)" in widen
    assert "Quantity 1 doorway" in widen
    assert "Remove first Remove and dispose of the existing door, jamb, casing" in widen
    assert "Quantity 2 bars: side wall and rear wall" in scope_text  # grab bars at the toilet
    assert "Where Door handle type — The door of the front entrance (the one checked)" \
           " Quantity 1 lever set for the door named" in scope_text
    assert "this room" not in scope_text.lower() and "this entrance" not in scope_text.lower()  # every place is named


def test_the_threshold_ramp_is_installed_work_not_equipment_to_buy(scope_text):
    equipment = scope_text[scope_text.index("Equipment to buy (not part of the installed work)"):]
    bid = scope_text[scope_text.index("Bid sheet"):]
    assert "Threshold ramp" not in equipment[: equipment.index("General notes")]
    assert "Threshold ramp" in bid


def test_no_quantity_or_removal_text_reads_as_clinical_wording():
    items = work_items()
    texts = [*items.quantity.values(), *items.removal.values()]
    assert texts and not [t for t in texts if vocabulary().matches(t)]
