"""Page breaks as a reader checks them, over many lengths of report: a heading or a column header is
never the last thing on a page (a header keeps at least its first row: a row shorter than 2.5 in is
never cut after a line or two); a table's header is printed once on a page; the signature block
is never alone on the last page; and the room's name is printed once on each item.

The page texts are read with PDFium (``page_texts``), as the program's own preview reads them.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from reportlab.lib.units import inch

from homeassess.domain.follow_up import CheckResult
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import InstallStatus
from homeassess.report.build import render_report
from homeassess.report.report_data import (
    Audience,
    ClientBlock,
    FindingRow,
    Letterhead,
    Recommendation,
    ReportData,
    ReportMeta,
    Room,
    Signature,
    VisitBlock,
    cost_totals,
)
from homeassess.report.sections import field_table
from homeassess.report.styles import make_styles
from tests.unit.follow_up_cases import BAR_HEIGHT, BAR_LENGTH, RE_FIT, TOO_HIGH, _item, record, report_data
from tests.unit.test_report_builds import TODAY, page_texts

PAPERS = ("letter", "a4")
NOT_BODY = re.compile(r"^(Page \d+ of \d+|Confidential.*|Your own copy.*|HA-\d+-.*)$")
HEADINGS = {
    "Client, home and visits", "Items and their status", "As-installed measurements", "Corrections needed",
    "Recommendations still open", "Before and after photos", "Outcomes", "Not measured at this visit:", "Signatures",
    "Clinician's attestation", "Requested modifications", "Terms of the request", "Recommendations", "Work items",
    "General notes", "Client profile", "Client profile at the follow-up",
}  # fmt: skip
ONE_TABLE = (  # headers of a report's one table of their kind
    "Ref Item Status Installed", "Item and measurement Installed Specified Verdict", "Ref Item Correction needed",
    "Ref Recommendation Status Still to do", "# Where Modification Installed by Paid by Your answer",
)  # fmt: skip
HEADERS = (*ONE_TABLE, "Item Measured Required Verdict Citation", "Recommendation Priority Installed by / paid by Estimated cost")


def flat(text: str) -> str:
    return " ".join(text.split())


def body_lines(page: str, data: ReportData) -> list[str]:
    """A page's own lines: without the running header, the footer and the page number."""
    head = {data.letterhead.agency_name, data.meta.audience.title, f"{data.letterhead.agency_name} {data.meta.audience.title}"}
    return [s for s in (line.strip() for line in page.splitlines()) if s and s not in head and not NOT_BODY.match(s)]


def pages_of(data: ReportData) -> list[str]:
    return page_texts(render_report(data).pdf)


def assert_no_orphans(pages: list[str], data: ReportData) -> None:
    for n, page in enumerate(pages[:-1], start=1):
        body = body_lines(page, data)
        assert body, n
        assert body[-1] not in HEADINGS, (n, body[-3:])
        text = flat(" ".join(body))
        for header in HEADERS:
            assert not text.endswith(header), (n, header)
        for header in ONE_TABLE:  # repeated lower on its own page: a row cut in two, its rest under a new header
            assert text.count(header) <= 1, (n, header)


def page_holding(pages: list[str], text: str) -> int:
    found = [n for n, page in enumerate(pages) if text in flat(page)]
    assert len(found) == 1, (text, found)
    return found[0]


# -- the follow-up's two reports --------------------------------------------------------------------------


def spec(k: int) -> str:
    return f"Spec {k} begins. " + "Fit the bar firmly to the wall. " * (2 + k % 5) + f"Spec {k} ends."


def follow_up(audience: Audience, n: int, paper: str, photos_every: int = 5) -> ReportData:
    statuses = list(InstallStatus)
    fails = (CheckResult(BAR_HEIGHT, "38", 965.2, Verdict.FAILS, TOO_HIGH, RE_FIT),
             CheckResult(BAR_LENGTH, "24 in", 609.6, Verdict.MEETS, "Grab bar length 24 in: specified at least 24 in"))
    items = tuple(
        _item(k, f"Rail-{k:02d}", f"Room {k % 3}", statuses[k % len(statuses)], fails if k % 2 else (), specification=spec(k),
              before_photos=(1,) if k % photos_every == 0 else (), after_photos=(2,) if k % photos_every == 0 else ())
        for k in range(1, n + 1)
    )  # fmt: skip
    return report_data(audience, record(items), paper=paper)


FOLLOW_UPS = [(a, n, p) for a in (Audience.COMPLETION, Audience.FOLLOWUP) for n in range(1, 15) for p in PAPERS]


@pytest.mark.parametrize(("audience", "n", "paper"), FOLLOW_UPS)
def test_a_follow_up_report_of_any_length_keeps_headers_and_headings_with_their_rows(audience, n, paper):
    data = follow_up(audience, n, paper)
    pages = pages_of(data)
    assert_no_orphans(pages, data)
    for k in range(1, n + 1):  # each item's row (shorter than 2.5 in) is whole on one page: title, room and specification
        assert page_holding(pages, f"Rail-{k:02d} Room {k % 3} Spec {k} begins.") == page_holding(pages, f"Spec {k} ends."), k


@pytest.mark.parametrize(("audience", "n", "paper"), FOLLOW_UPS)
def test_the_signatures_never_stand_alone_on_the_last_page(audience, n, paper):
    data = follow_up(audience, n, paper, photos_every=4)
    last = body_lines(pages_of(data)[-1], data)
    block = "Clinician's attestation" if audience is Audience.FOLLOWUP else "Signatures"
    assert block in last and last.index(block) > 0, last[:4]  # some of the content it signs for is on its page


# -- the assessment's reports --------------------------------------------------------------------------------


def assessment(audience: Audience, rooms: int, findings: int, paper: str) -> ReportData:
    def room(r: int) -> Room:
        rows = tuple(
            FindingRow(item=f"Find-{r}.{i} grab bar height", measured="30 in", required="33–36 in", verdict="Fails",
                       citation="ADA 2010 §604.5", note=f"Note {r}.{i} begins. " + "Loose on its fixings. " * (i % 4) + f"Note {r}.{i} ends.")
            for i in range(findings)
        )  # fmt: skip
        recs = tuple(
            Recommendation(room=f"Room {r}", title=f"Work {r}.{i}", specification=f"Room {r}: work {r}.{i} begins. " + "Fit it. " * 12
                           + f"Work {r}.{i} ends.", plain=f"Fix the rail in the room {r}.", priority="high", installer="contractor",
                           cost_low=100, cost_high=300, location=f"Room {r} — Wall by the door")
            for i in range(2)
        )  # fmt: skip
        return Room(name=f"Room {r}", findings=rows, recommendations=recs)

    rooms_ = tuple(room(r) for r in range(1, rooms + 1))
    recs = [rec for r in rooms_ for rec in r.recommendations]
    return ReportData(
        meta=ReportMeta("HA-3-test-20261120", TODAY, audience, paper_size=paper),
        letterhead=Letterhead("Riverbend OT", "1 Main St", "555 0100"),
        client=ClientBlock(name="Ada Client", diagnosis="Stroke"),
        visit=VisitBlock(address="2 Home Rd", visit_date="2026-11-18", clinician="Jordan Patel", credentials="OTR/L",
                         licence="OH OT-123", phone="555 0101", email="jp@example.org"),  # fmt: skip
        rooms=rooms_,
        totals=cost_totals(recs),
        signature=Signature("Jordan Patel", "OTR/L", "OH OT-123", TODAY.isoformat()),
    )


ASSESSMENTS = [(a, rooms, findings, p) for a in (Audience.CLINICAL, Audience.CONTRACTOR, Audience.LANDLORD)
               for rooms in range(1, 7) for findings in (2, 6) for p in PAPERS]  # fmt: skip


@pytest.mark.parametrize(("audience", "rooms", "findings", "paper"), ASSESSMENTS)
def test_every_audience_keeps_headers_and_headings_with_their_rows(audience, rooms, findings, paper):
    data = assessment(audience, rooms, findings, paper)
    pages = pages_of(data)
    assert_no_orphans(pages, data)
    if audience is Audience.CLINICAL:
        for r in range(1, rooms + 1):
            for i in range(findings):
                start = page_holding(pages, f"Find-{r}.{i} grab bar height Note: Note {r}.{i} begins.")
                assert start == page_holding(pages, f"Note {r}.{i} ends."), (r, i)
    if audience is Audience.CONTRACTOR:  # a work item's title (its header) is on the page with its whole "What"
        for r in range(1, rooms + 1):
            for i in range(2):
                number = (r - 1) * 2 + i + 1
                assert page_holding(pages, f"{number}. Work {r}.{i} What") == page_holding(pages, f"Work {r}.{i} ends."), (r, i)


# -- the room's name, once on each item ------------------------------------------------------------------------

BATH = "Upstairs bathroom"
SPEC = f"{BATH}: reframe the opening and install a 36 in door leaf."


def test_a_specification_does_not_repeat_the_room_printed_above_it():
    data = assessment(Audience.CLINICAL, 1, 1, "letter")
    rec = Recommendation(room=BATH, title="Widen the doorway", specification=SPEC, plain=f"Make the doorway in the {BATH.lower()} wider.",
                         priority="high", installer="contractor", cost_low=700, cost_high=3000,
                         location=f"{BATH} — Door clear width — The door of the {BATH.lower()} (the one measured)")  # fmt: skip
    data = dataclasses.replace(data, rooms=(Room(name=BATH, recommendations=(rec,)),), totals=cost_totals([rec]))
    for audience in (Audience.CLINICAL, Audience.CONTRACTOR):
        text = flat(" ".join(pages_of(dataclasses.replace(data, meta=dataclasses.replace(data.meta, audience=audience)))))
        assert "Reframe the opening and install a 36 in door leaf." in text, audience
        assert f"{BATH}: reframe" not in text, audience
    scope = flat(" ".join(pages_of(dataclasses.replace(data, meta=dataclasses.replace(data.meta, audience=Audience.CONTRACTOR)))))
    assert "Where Door clear width — The door of the upstairs bathroom (the one measured)" in scope
    plan = flat(" ".join(pages_of(dataclasses.replace(data, meta=dataclasses.replace(data.meta, audience=Audience.CLIENT)))))
    assert "wider." in plan and f"Room: {BATH}." not in plan  # the wording names the room already


def test_the_client_plan_names_the_room_when_its_wording_does_not():
    data = assessment(Audience.CLIENT, 1, 1, "letter")
    rec = Recommendation(room="Hallway", title="Night lights", plain="Plug in small lights that come on by themselves at night.",
                         priority="high", installer="family", cost_low=15, cost_high=80)  # fmt: skip
    data = dataclasses.replace(data, rooms=(Room(name="Hallway", recommendations=(rec,)),), totals=cost_totals([rec]))
    assert "Room: Hallway." in flat(" ".join(pages_of(data)))


def test_a_follow_up_item_prints_its_room_once():
    items = (_item(1, "Widen the doorway", BATH, InstallStatus.NOT_DONE, specification=SPEC),)
    text = flat(" ".join(pages_of(report_data(Audience.COMPLETION, record(items)))))
    assert f"Widen the doorway {BATH} Reframe the opening and install a 36 in door leaf." in text
    assert f"{BATH}: reframe" not in text


def test_a_short_field_table_moves_to_the_next_page_whole_and_a_long_one_splits():
    """A try-out's clinical report split "Client's goals" from "Priority activities": three bullets alone on page 2."""
    styles, width = make_styles(), 6.5 * inch
    goals = field_table([("Client's goals", "• get in and out of the flat\n• use the toilet without help"),
                         ("Priority activities", "• toileting\n• meal preparation\n• community access")], styles, width)
    _, height = goals.wrap(width, 10 * inch)
    assert goals.split(width, height - 6) == []  # no room for all of it: the whole table goes over
    long = field_table([(f"Field {n}", f"value {n}") for n in range(40)], styles, width)
    _, tall = long.wrap(width, 20 * inch)
    assert len(long.split(width, tall / 2)) == 2
