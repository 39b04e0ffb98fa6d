"""The clinical report as its reader checks it: numbered photos the text can refer to, headings
with their content, whole column headers on A4, and a signature block that attests and dates."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from homeassess.report.build import render_report
from homeassess.report.report_data import (
    Audience,
    ClientBlock,
    FindingRow,
    Letterhead,
    Photo,
    Recommendation,
    ReportData,
    ReportMeta,
    Room,
    Signature,
    VisitBlock,
    cost_totals,
)
from tests.unit.test_report_builds import TODAY, landscape_jpeg

JPEG = landscape_jpeg(600, 400)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def _room(n: int, findings: int = 6, photos: int = 3) -> Room:
    rows = tuple(
        FindingRow(
            item=f"Room {n} item {i} grab bar height",
            measured="30 in",
            required="33–36 in",
            verdict="Fails",
            citation="ADA 2010 §604.5",
            note="Loose; the client pulls on the towel rail instead. " * (i % 3),
            item_id=f"item-{i}",
        )
        for i in range(findings)
    )
    shots = tuple(Photo(JPEG, f"Room {n} view {i}", item_id=f"item-{i}") for i in range(photos))
    recs = tuple(
        Recommendation(room=f"Room {n}", title=f"Work {n}.{i}", specification="Fit it. " * 20, priority="high",
                       installer="contractor", cost_low=100, cost_high=300, cost_source="RSMeans 2025")
        for i in range(2)
    )  # fmt: skip
    return Room(name=f"Room {n}", findings=rows, photos=shots, recommendations=recs)


def clinical(paper: str = "letter", rooms: int = 8, signature: Signature | None = None) -> ReportData:
    rooms_ = tuple(_room(n) for n in range(1, rooms + 1))
    recs = [r for room in rooms_ for r in room.recommendations]
    return ReportData(
        meta=ReportMeta("HA-3-clinical-20261120", TODAY, Audience.CLINICAL, paper_size=paper),
        letterhead=Letterhead("Riverbend OT", "1 Main St", "555 0100"),
        client=ClientBlock(name="Ada Client", diagnosis="Stroke"),
        visit=VisitBlock(address="2 Home Rd", visit_date="2026-11-18", clinician="Jordan Patel", credentials="OTR/L",
                         licence="OH OT-123", phone="555 0101", email="jp@example.org"),  # fmt: skip
        rooms=rooms_,
        totals=cost_totals(recs),
        signature=signature or Signature("Jordan Patel", "OTR/L", "OH OT-123", TODAY.isoformat()),
    )


def test_photos_are_numbered_through_the_report_and_findings_refer_to_them():
    text = flat(" ".join(pages(render_report(clinical()).pdf)))
    numbers = [int(n) for n in re.findall(r"Photo (\d+)\. Room \d+ view", text)]
    assert numbers == list(range(1, 8 * 3 + 1))  # every photo, once, in order
    # The finding on "item-1" of room 2 names the photo of that item: room 2's photos are 4, 5, 6.
    assert re.search(r"Room 2 item 1 grab bar height Photo 5\b", text)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_no_page_ends_with_a_heading(paper):
    headings = {f"Room {n}" for n in range(1, 9)} | {f"Photos: Room {n}" for n in range(1, 9)} | {"Recommendations"}
    for i, text in enumerate(pages(render_report(clinical(paper)).pdf)):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not re.match(r"Page \d+ of \d+|Confidential", line)]
        assert body and body[-1] not in headings, (i + 1, body[-3:])


def test_column_headers_stay_whole_on_a4():
    text = " ".join(pages(render_report(clinical("a4")).pdf))
    for header in ("Item", "Measured", "Required", "Verdict", "Citation", "Recommendation", "Priority", "Installed by"):
        assert re.search(rf"(?<![A-Za-z]){header}(?![a-z])", text), header
    assert not re.search(r"Instal\s*\n\s*led|Recommen\s*\n\s*dation|Measur\s*\n\s*ed", text)


def test_the_signature_block_attests_dates_apart_from_printing_and_names_credentials():
    text = flat(pages(render_report(clinical(rooms=1)).pdf)[-1])
    assert "I attest that I carried out this assessment in person at the client's home on 2026-11-18" in text
    assert "Jordan Patel" in text and "OTR/L" in text and "OH OT-123" in text and "555 0101" in text
    assert "Date signed" in text and "Report printed 2026-11-20." in text
    assert "Date signed 2026-11-20" not in text  # the print date is not offered as the signing date
    signed = clinical(rooms=1, signature=Signature("Jordan Patel", "OTR/L", "OH OT-123", signed_on="2026-11-19"))
    assert "Date signed 2026-11-19" in flat(pages(render_report(signed).pdf)[-1])


def test_the_signature_block_is_never_split_from_its_attestation():
    for rooms in range(1, 5):
        last = flat(pages(render_report(clinical(rooms=rooms)).pdf)[-1])
        assert "Clinician's attestation" in last and "Date signed" in last


def test_a_room_without_findings_and_an_empty_report_still_build():
    data = clinical(rooms=1)
    empty_room = Room(name="Spare room")
    built = render_report(ReportData(**{**data.__dict__, "rooms": (empty_room,)}))
    assert "No findings in this room." in flat(" ".join(pages(built.pdf)))
    nothing = ReportData(meta=data.meta, letterhead=Letterhead(), client=ClientBlock(name=""), visit=VisitBlock())
    assert render_report(nothing).page_count >= 1
