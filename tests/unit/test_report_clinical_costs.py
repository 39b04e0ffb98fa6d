"""The clinical report's costs and client measures read as a funder or reviewer checks them:
alternatives for one finding counted once, cost sources only from the vetted list with their year,
and the body measures the client-fit verdicts used."""

from __future__ import annotations

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import JudgeContext
from homeassess.domain.units import LengthUnit
from homeassess.services.report_site import NO_VETTED_SOURCE, Judged, body_measures, rejected_sources, vetted_source
from homeassess.services.reports import ReportService
from tests.unit.test_report_builds import TODAY, shared_demo, shared_service, text_of  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def clinical_text(shared_service, shared_demo):  # noqa: F811
    return " ".join(text_of(shared_service.build(shared_demo.demo_id, "clinical", today=TODAY)).split())


def test_an_alternative_for_the_same_door_is_listed_as_an_option_and_not_counted(demo_workspace):
    ws, aid = demo_workspace, demo_workspace.demo_id
    service = ReportService(ws)
    before = {t.priority: t for t in service.gather(aid, "clinical", today=TODAY).totals}
    curtain = next(v for v in ws.recommendations.list(aid, ("dismissed",))  # the demo dismissed the others
                   if v.library_id == "remove_door" and v.room_name == "Upstairs bathroom")
    ws.recommendations.set_status(aid, [curtain.ref], "accepted")
    data = service.gather(aid, "clinical", today=TODAY)
    option = next(r for r in data.recommendations if r.title == curtain.title)
    assert option.alternative_to == "Widen the doorway"  # high priority: the chosen one
    assert {t.priority: t for t in data.totals} == before  # the option adds nothing to any total
    text = " ".join(text_of(service.build(aid, "clinical", today=TODAY)).split())
    assert "Option instead of “Widen the doorway”; not counted in the totals." in text
    assert "1 option listed beside the chosen work is not counted." in text
    assert "the totals count the chosen one; the others are options" in text


def test_work_that_adds_to_other_work_is_not_an_option(shared_service, shared_demo):  # noqa: F811
    # Nosing strips and a stair lift answer the same riser, but a stair lift does not replace the strips.
    data = shared_service.gather(shared_demo.demo_id, "clinical", today=TODAY)
    assert not [r.title for r in data.recommendations if r.alternative_to]


def test_cost_sources_are_vetted_and_dated(clinical_text, judge):
    assert "Source: House Digest, c. 2024–2026" in clinical_text  # the doorway's cost
    assert "Source: HomeAdvisor cost guides, c. 2024–2025" in clinical_text  # the grab bars'
    assert NO_VETTED_SOURCE in clinical_text
    for rejected in ("visualfoodie", "eatsip365", "AI-assisted", "wis.it.com", "depohomes", "dominionfx"):
        assert rejected.casefold() not in clinical_text.casefold(), rejected
    for entry in judge.library.entries:  # whatever the library cites, a report prints only the vetted list
        printed = vetted_source(entry.cost.source, True).casefold()
        assert printed.startswith(("source: ", NO_VETTED_SOURCE.casefold())), entry.id
        assert not any(r in printed for r in rejected_sources()), entry.id


def test_the_body_measures_used_in_the_verdicts_are_listed(clinical_text):
    listed = clinical_text[clinical_text.index("Body measures used in the verdicts"):]
    listed = listed[: listed.index("Goals and priority activities")]
    assert "Seated reach 20 in to 44 in Door handle height; Light switch height" in listed
    assert "Manual wheelchair seat height 19 1/2 in Usual chair seat height; Toilet seat height" in listed
    assert "Manual wheelchair width 26 in" in listed


@pytest.mark.parametrize("unit, shown", [(LengthUnit.MILLIMETRE, "82 kg + 140 kg = 222 kg"),
                                         (LengthUnit.INCH, "180.8 lb + 308.6 lb = 489.4 lb")])
def test_a_load_summed_from_the_client_and_the_device_is_listed_as_the_sum(judge, unit, shown):
    """The clinical report listed "Weight plus the power wheelchair's weight: 82 kg", the client's weight alone,
    where the ramp was judged against 222 kg (a try-out)."""
    profile = ClientProfile.model_validate({
        "devices": [{"kind": "power_wheelchair", "weight_kg": "140 kg"}], "body": {"weight_kg": 82}})
    ctx = JudgeContext("ada2010", unit, profile)
    judged = [Judged(judge.catalogue.item(i), t, "", judge.judge_measurement(i, t, ctx))
              for i, t in (("ramp_rated_load", "150 kg"), ("grab_bar_height", "34 in"))]
    measures = {m.name: m for m in body_measures(profile, judged, unit.system)}
    assert measures["Weight plus the power wheelchair's weight"].value == shown
    assert measures["Weight plus the power wheelchair's weight"].items == ("Portable or modular ramp rated load",)
