"""The client's action plan, read as the client and family would: plain words (reading grade 6 or
below), large type, the most important changes first, who does each, who to call, boxes to tick."""

from __future__ import annotations

import dataclasses
import io

import pytest
import textstat
from pypdf import PdfReader

from homeassess.report.build import render_report
from homeassess.report.client_plan import WHO, WHO_ELSE
from homeassess.report.styles import PLAN_SIZE
from homeassess.report.voice import in_voice
from homeassess.services.reports import ReportService
from tests.integration.test_report_cli import run
from tests.unit import test_report_builds
from tests.unit.test_report_builds import TODAY

shared_demo = test_report_builds.shared_demo  # the module-wide demo store


@pytest.fixture(scope="module")
def plan(shared_demo):
    service = ReportService(shared_demo)
    data = service.gather(shared_demo.demo_id, "client", today=TODAY)
    return data, render_report(data).pdf


def plan_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def font_sizes(pdf: bytes) -> set[float]:
    """The size of every piece of text drawn, as a reader sees it (font size times the text matrix)."""
    sizes: set[float] = set()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.add(round(size * abs(tm[3]) * abs(cm[3]), 1))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_the_plan_reads_at_grade_six_or_below(plan):
    _, pdf = plan
    grade = textstat.flesch_kincaid_grade(plan_text(pdf))
    assert grade <= 6, grade


def test_no_text_is_smaller_than_14_points(plan):
    _, pdf = plan
    sizes = font_sizes(pdf)
    assert sizes and min(sizes) >= PLAN_SIZE, sorted(sizes)


def test_changes_come_by_priority_with_who_does_them_and_a_box_each(plan):
    data, pdf = plan
    text = " ".join(plan_text(pdf).split())
    first, nxt = text.index("Do these first"), text.index("Do these next")
    assert first < nxt
    high = [r for r in data.recommendations if r.priority == "high"]
    medium = [r for r in data.recommendations if r.priority == "medium"]
    for rec in high[:3]:
        at = text.index(" ".join(in_voice(rec.plain or rec.title, "client").split()))
        assert first < at < nxt
    for rec in medium[:3]:
        assert text.index(" ".join(in_voice(rec.plain or rec.title, "client").split())) > nxt
    family = sum(1 for r in data.recommendations if r.installer in ("client", "family"))
    assert f"You and your family can do {family} of them yourselves." in text
    # the room is named once for each change: in its wording ("... in the hallway") or, where that does not, on a "Room:" line
    unnamed = [r for r in data.recommendations
               if r.room.lower() not in " ".join(in_voice(r.plain or r.title, "client").split()).lower()]
    assert 0 < text.count("Room: ") == len(unnamed) < len(data.recommendations)
    said = sum(text.count(sentence) for sentence in set(WHO.values()))
    assert said >= len(data.recommendations) - text.count("Ask us who should do this.")
    # one box to tick per change: each is a square stroked in the page content
    boxes = sum(page.get_contents().get_data().count(b" re S") for page in PdfReader(io.BytesIO(pdf)).pages)
    assert boxes >= len(data.recommendations)


def test_who_to_call_comes_first_and_no_clinical_word_is_printed(plan, shared_demo):
    data, pdf = plan
    text = " ".join(plan_text(pdf).split())
    assert text.index("Who to call") < text.index("Do these first")
    assert f"Call {data.visit.clinician} at {data.visit.phone}." in text  # the phone in Settings
    no_phone = dataclasses.replace(data, visit=dataclasses.replace(data.visit, phone=""),
                                   letterhead=dataclasses.replace(data.letterhead, phone=""))
    blank = " ".join(plan_text(render_report(no_phone).pdf).split())
    assert "Phone: ____" in blank  # no phone in Settings: a line to write one on
    client = shared_demo.assessments.open(shared_demo.demo_id).client
    for term in [client.diagnosis, *client.conditions]:
        assert term.lower() not in text.lower()
    assert "[omitted]" not in text  # the client's own plan is not redacted; it carries no clinical field


@pytest.mark.slow
def test_the_command_line_builds_the_plan(tmp_path, in_process_demo_store):
    """The command runs in this process (tests/cli_in_process.py); the report command as a real process is
    tests/integration/test_report_cli.py::test_report_writes_a_pdf_with_progress_on_stderr."""
    store = in_process_demo_store  # the demo, as the `demo` command writes it (tests/integration/test_cli.py tests that command)
    out = tmp_path / "plan.pdf"
    result = run("report", "1", "--audience", "client", "-o", str(out), data_dir=store)
    assert result.returncode == 0, result.stderr
    assert "Your Home Safety Plan" in plan_text(out.read_bytes())
    assert "building client report: 100%" in result.stderr


def test_each_change_stays_on_one_page_with_its_box(plan):
    """A change is never cut by a page break: each page has as many boxes to tick as changes."""
    _, pdf = plan
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        boxes = page.get_contents().get_data().count(b" re S")
        text = " ".join((page.extract_text() or "").split())
        changes = sum(text.count(who) for who in {*WHO.values(), WHO_ELSE})  # each change says who does it, once
        assert boxes == changes, f"page {number}: {boxes} boxes, {changes} changes"


def test_a_landlord_whose_name_ends_in_a_full_stop_gets_one(plan):
    data, _ = plan
    visit = dataclasses.replace(data.visit, landlord_name="Baan Suan Property Management Co., Ltd.")
    text = " ".join(plan_text(render_report(dataclasses.replace(data, visit=visit)).pdf).split())
    assert "Your landlord is Baan Suan Property Management Co., Ltd." in text and "Ltd.." not in text


def test_within_a_priority_what_is_at_stake_comes_first(plan):
    """A try-out's plan put a tub bench and decluttering before a 60 °C scald risk in "Do these first": within a
    priority, life safety comes before falls and function, then what the family can do themselves."""
    data, _ = plan
    high = [r for r in data.recommendations if r.priority == "high"]
    assert {r.severity for r in high} >= {"life_safety", "falls"}  # the demo's high-priority work has both
    bench = dataclasses.replace(high[0], title="Tub transfer bench", plain="Use a bench to get into the tub.",
                                installer="family", severity="function", room="Bathroom")
    scald = dataclasses.replace(high[0], title="Limit hot water", plain="Turn the hot water down.",
                                installer="landlord", severity="life_safety", room="Bathroom")
    room = dataclasses.replace(data.rooms[0], name="Bathroom", recommendations=(bench, scald))
    text = " ".join(plan_text(render_report(dataclasses.replace(data, rooms=(room,), whole_home=())).pdf).split())
    assert text.index("Turn the hot water down") < text.index("Use a bench to get into the tub")
