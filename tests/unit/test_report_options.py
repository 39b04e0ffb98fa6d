"""Alternatives for one finding, read as each reader checks them: the review's total and the clinical
report's total are the same figure, counting the chosen one; the landlord is asked once per change,
with the other way listed under it; the client's plan counts the change once."""

from __future__ import annotations

import re

import pytest

from homeassess.services.reports import ReportService
from tests.unit.test_report_builds import TODAY, text_of

pytestmark = pytest.mark.slow  # whole reports built from the demo


@pytest.fixture
def with_an_option(demo_workspace):
    """The demo with its dismissed "remove the door" accepted too: an alternative to widening that doorway."""
    ws, aid = demo_workspace, demo_workspace.demo_id
    service = ReportService(ws)
    before = {
        "review": ws.recommendations.totals(aid),
        "landlord": " ".join(text_of(service.build(aid, "landlord", today=TODAY)).split()),
        "client": " ".join(text_of(service.build(aid, "client", today=TODAY)).split()),
    }
    door = next(v for v in ws.recommendations.list(aid, ("dismissed",))
                if v.library_id == "remove_door" and v.room_name == "Upstairs bathroom")
    ws.recommendations.set_status(aid, [door.ref], "accepted")
    return ws, aid, service, before, door


def test_the_review_counts_the_chosen_one_and_agrees_with_the_clinical_report(with_an_option):
    ws, aid, service, before, door = with_an_option
    totals = ws.recommendations.totals(aid)
    assert (totals.low, totals.high, totals.by_priority) == (before["review"].low, before["review"].high,
                                                              before["review"].by_priority)
    assert totals.count == before["review"].count + 1 and totals.options == 1  # accepted, listed, not summed
    report = service.gather(aid, "clinical", today=TODAY).totals
    assert (sum(t.low for t in report), sum(t.high for t in report)) == (totals.low, totals.high)
    assert {t.priority: (t.low, t.high) for t in report} == {p.value: v for p, v in totals.by_priority.items()}


def test_the_landlord_is_asked_once_with_the_other_way_under_it(with_an_option):
    ws, aid, service, before, door = with_an_option
    text = " ".join(text_of(service.build(aid, "landlord", today=TODAY)).split())
    assert text.count("Approve") == before["landlord"].count("Approve")  # no extra request, no extra boxes
    widen = text.index("Make the doorway in the upstairs bathroom wider")
    option = text.index("Or, instead: Take the door in the upstairs bathroom off its hinges")
    assert widen < option
    assert "paid by To be agreed)" in text[option:]


def test_the_clients_plan_counts_the_change_once(with_an_option):
    ws, aid, service, before, door = with_an_option
    text = " ".join(text_of(service.build(aid, "client", today=TODAY)).split())
    listed = re.search(r"This plan lists (\d+) things", text)
    assert listed and listed[1] == re.search(r"This plan lists (\d+) things", before["client"])[1]
    assert "Or we may do this instead: Take the door in the upstairs bathroom off its hinges" in text
