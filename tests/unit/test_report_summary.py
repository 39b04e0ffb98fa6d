"""The clinical summary's "Main risks" as a clinician reads it: what can kill or injure comes before
what limits function, whatever the priority of the work behind each (issue 12: a chair height was
ranked above an unrailed 1:8 ramp, 131 °F water and a floor with no smoke alarm)."""

from __future__ import annotations

import dataclasses
import io
import re

from pypdf import PdfReader

from homeassess.report.build import render_report
from homeassess.report.report_data import FindingRow, Recommendation, Room, cost_totals
from tests.unit.test_report_layout import clinical


def summary_text(data) -> str:
    first_pages = PdfReader(io.BytesIO(render_report(data).pdf)).pages[:3]
    text = " ".join(" ".join((page.extract_text() or "") for page in first_pages).split())
    return text[text.index("Main risks"):text.index("Recommendations by priority")]


def home() -> Room:
    findings = (
        FindingRow(item="Chair seat height", measured="15 in", required="17–19 in", verdict="Fails", severity="function"),
        FindingRow(item="Ramp running slope", measured="1:8", required="1:12 or less", verdict="Fails",
                   severity="life_safety"),
        FindingRow(item="Hot water temperature", measured="131 °F", required="120 °F or less", verdict="Advisory",
                   severity="life_safety"),
        FindingRow(item="Stair handrails", measured="None", verdict="Fails", severity="falls"),
        FindingRow(item="Smoke alarm on this floor", measured="No", verdict="Fails", severity="life_safety"),
    )
    recs = (Recommendation(room="Home", title="Raise the chair", item="Chair seat height", priority="high",
                           installer="family", cost_low=20, cost_high=60),)
    return Room(name="Home", findings=findings, recommendations=recs)


def test_life_safety_then_falls_then_function_whatever_the_priority() -> None:
    room = home()
    data = dataclasses.replace(clinical(rooms=0), rooms=(room,), totals=cost_totals(list(room.recommendations)))
    text = summary_text(data)
    order = [text.index(item) for item in ("Ramp running slope", "Smoke alarm", "Hot water", "Stair handrails",
                                           "Chair seat height")]
    assert order == sorted(order), text
    assert "Life safety: Home — Ramp running slope" in text
    assert "Function: Home — Chair seat height" in text
    assert re.search(r"By what is at stake: 3 for life safety, 1 for falls, 1 for function\.", text)


def test_findings_without_a_severity_still_print() -> None:
    room = dataclasses.replace(home(), findings=(FindingRow(item="Grab bar height", measured="30 in", verdict="Fails"),))
    text = summary_text(dataclasses.replace(clinical(rooms=0), rooms=(room,)))
    assert "Home — Grab bar height: 30 in" in text and "By what is at stake" not in text


def test_every_life_safety_finding_comes_before_falls_and_function_from_other_rooms() -> None:
    """A try-out's summary counted 8 findings for life safety but listed 3, and named a poorly lit kitchen counter
    and a closet rod instead: at most two per room had pushed the front entrance's out."""
    entrance = Room(name="Front entrance", findings=tuple(
        FindingRow(item=f"Entrance hazard {n}", measured="No", verdict="Fails", severity="life_safety") for n in range(5)))
    kitchen = Room(name="Kitchen", findings=(
        FindingRow(item="Counter and stove are well lit", measured="No", verdict="Fails", severity="falls"),))
    bedroom = Room(name="Bedroom", findings=(
        FindingRow(item="Closet rod height", measured="1700 mm", verdict="Fails", severity="function"),))
    text = summary_text(dataclasses.replace(clinical(rooms=0), rooms=(kitchen, bedroom, entrance)))
    order = [text.index(item) for item in (*(f"Entrance hazard {n}" for n in range(5)), "Counter and stove",
                                           "Closet rod height")]
    assert order == sorted(order), text
