"""The three reports built from the demo assessment: sections, page numbers, privacy, photos, bytes."""

from __future__ import annotations

import functools
import hashlib
import io
import re
from datetime import date

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from homeassess.report.build import render_report
from homeassess.services.reports import ReportService
from tests.conftest import open_copy

pytestmark = pytest.mark.slow  # whole reports, most with the demo's photos

TODAY = date(2026, 11, 20)

HEADINGS = {
    "clinical": [
        "Home Modification Assessment",
        "Client",
        "Home and visit",
        "Client profile",
        "Goals and priority activities",
        "Summary",
        "Main risks",
        "Recommendations by priority",
        "Room-by-room findings",
        "Clinician's attestation",
        "Date signed",
    ],
    "contractor": ["Scope of Works", "Site", "Work items", "General notes", "Mounting height AFF"],
    "landlord": [
        "Request for Reasonable Modification",
        "Requested modifications",
        "Terms of the request",
        "Tenant's request and authorisation",
        "Landlord's response",
        "Please answer by",
    ],
    "client": ["Your Home Safety Plan", "Who to call", "Do these first", "Tick each box when it is done"],
}


def landscape_jpeg(width: int = 1200, height: int = 800, seed: int = 0) -> bytes:
    """A landscape test photo: grey wall, a door shape, a red marker in the top-left corner."""
    image = Image.new("RGB", (width, height), (180 + seed % 40, 180, 170))
    draw = ImageDraw.Draw(image)
    draw.rectangle((width * 0.35, height * 0.15, width * 0.65, height * 0.95), fill=(120, 90, 60))
    draw.rectangle((0, 0, width // 8, height // 8), fill=(220, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def add_photo(ws, assessment_id: int, room_id: int, caption: str = "", seed: int = 0) -> bytes:
    jpeg = landscape_jpeg(seed=seed)
    ws.photos_repo.add(
        assessment_id,
        room_id,
        None,
        working=jpeg,
        print_copy=jpeg,
        thumbnail=jpeg,
        width=1200,
        height=800,
        sha256=hashlib.sha256(jpeg).hexdigest(),
        caption=caption,
    )
    return jpeg


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page as PDFium reads it (the engine of the program's own preview, QtPdf): about fifteen
    times less CPU than pypdf's extraction, which took half the time of the report tests."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        assert document.status() == QPdfDocument.Status.Ready, document.error()
        return [document.getAllText(n).text().replace("\r\n", "\n") for n in range(document.pageCount())]
    finally:
        document.close()


def text_of(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def drawn_text_of(pdf: bytes) -> str:
    """The text as the report draws it (pypdf, in content order, glyphs as shaped): for the tests of scripts, since
    PDFium, like a viewer, reorders a line mixing directions and gives shaped Arabic back as plain letters."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def squashed(text: str) -> str:
    return "".join(text.split())


def image_streams(pdf: bytes) -> list[bytes]:
    """The raw bytes of every distinct image XObject in the PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    seen: dict[tuple[int, int], bytes] = {}
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                seen[(ref.idnum, ref.generation)] = obj._data
    return list(seen.values())


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory, judge, demo_store_template):
    """One copy of the demo store for the tests that only read it."""
    ws = open_copy(demo_store_template, tmp_path_factory.mktemp("store"), judge)
    yield ws
    ws.close()


@pytest.fixture
def demo_service(demo_workspace):
    return ReportService(demo_workspace)


@pytest.fixture(scope="module")
def shared_service(shared_demo):
    return ReportService(shared_demo)


@pytest.fixture(scope="module")
def demo_report(shared_service, shared_demo):
    """The demo's report for an audience (default options, printed on TODAY), built once per module: the tests
    below only read it."""
    return functools.cache(lambda audience: shared_service.build(shared_demo.demo_id, audience, today=TODAY))


@pytest.mark.parametrize("audience", ["clinical", "contractor", "landlord", "client"])
def test_each_audience_opens_with_its_sections_and_page_x_of_y(demo_report, shared_demo, audience):
    pdf = demo_report(audience)
    pages = page_texts(pdf)
    n = len(pages)
    text = text_of(pdf)
    for heading in HEADINGS[audience]:
        assert heading in text, heading
    assert f"Page 1 of {n}" in pages[0]
    assert f"Page {n} of {n}" in pages[-1]
    assert f"HA-{shared_demo.demo_id}-{audience}-20261120" in text
    marker = {"clinical": "contains health information", "client": "Your own copy"}.get(audience, "for the named recipient only")
    assert all(marker in page for page in pages)


def test_only_the_clinical_report_names_the_diagnosis_and_conditions(demo_report, shared_demo):
    client = shared_demo.assessments.open(shared_demo.demo_id).client
    assert client.diagnosis and client.conditions
    private = [client.diagnosis, *client.conditions]
    clinical = squashed(text_of(demo_report("clinical")))
    assert all(squashed(term) in clinical for term in private)
    for audience in ("contractor", "landlord"):
        text = squashed(text_of(demo_report(audience))).lower()
        leaked = [term for term in private if squashed(term).lower() in text]
        assert leaked == [], audience
        assert squashed(client.name).lower() in text  # the tenant / occupant is named


def test_contractor_and_landlord_data_carry_no_clinical_field(shared_service, shared_demo):
    for audience in ("contractor", "landlord"):
        data = shared_service.gather(shared_demo.demo_id, audience, today=TODAY)
        c = data.client
        assert (c.diagnosis, c.conditions, c.functional_limitations, c.devices, c.goals) == ("", (), (), (), ())
        assert data.visit.referral == ""
        assert all(r.rationale == "" for r in data.recommendations)
        assert all(f.note == "" for room in data.rooms for f in room.findings)
        assert all(room.observations == () for room in data.rooms)


def test_landlord_and_contractor_list_accepted_work_only(shared_service, shared_demo):
    accepted = {v.title for v in shared_demo.recommendations.list(shared_demo.demo_id, ("accepted",))}
    dismissed = {v.title for v in shared_demo.recommendations.list(shared_demo.demo_id, ("dismissed",))}
    for audience in ("contractor", "landlord"):
        titles = {r.title for r in shared_service.gather(shared_demo.demo_id, audience).recommendations}
        assert titles and titles <= accepted
        assert not (titles & (dismissed - accepted))
    clinical = shared_service.gather(shared_demo.demo_id, "clinical")
    assert clinical.dismissed_count == len(shared_demo.recommendations.list(shared_demo.demo_id, ("dismissed",)))


def test_two_builds_of_the_same_data_are_byte_identical(demo_service, demo_workspace):
    room = demo_workspace.assessments.open(demo_workspace.demo_id).rooms[0]
    add_photo(demo_workspace, demo_workspace.demo_id, room.id, "Front steps")
    for audience in ("clinical", "contractor", "landlord", "client"):
        data = demo_service.gather(demo_workspace.demo_id, audience, today=TODAY)
        first, second = render_report(data).pdf, render_report(data).pdf
        assert first == second, audience
        assert demo_service.build(demo_workspace.demo_id, audience, today=TODAY) == first


def test_photos_are_embedded_as_the_stored_jpeg_bytes_and_nothing_else(demo_service, demo_workspace):
    rooms = demo_workspace.assessments.open(demo_workspace.demo_id).rooms
    added = {add_photo(demo_workspace, demo_workspace.demo_id, rooms[i].id, f"Photo {i}", seed=i) for i in range(3)}
    stored = {demo_workspace.photos_repo.renditions(p.id).print_copy for p in demo_workspace.photos_repo.list(demo_workspace.demo_id)}
    assert added <= stored and len(stored) > len(added)  # the demo's own photos are there too
    clinical = demo_service.build(demo_workspace.demo_id, "clinical", today=TODAY)
    assert set(image_streams(clinical)) == stored  # every photo, embedded as stored, and nothing else
    contractor = demo_service.build(demo_workspace.demo_id, "contractor", today=TODAY)
    assert set(image_streams(contractor)) and set(image_streams(contractor)) <= stored
    for pdf in (clinical, contractor):
        assert b"/DCTDecode" in pdf and b"/ASCII85Decode" not in pdf
    assert image_streams(demo_service.build(demo_workspace.demo_id, "landlord", today=TODAY)) == []
    no_photos = demo_service.build(demo_workspace.demo_id, "clinical", include_photos=False, today=TODAY)
    assert image_streams(no_photos) == []


def test_a_photo_left_out_of_the_report_is_not_printed(demo_service, demo_workspace):
    room = demo_workspace.assessments.open(demo_workspace.demo_id).rooms[0]
    add_photo(demo_workspace, demo_workspace.demo_id, room.id, "kept", seed=1)
    add_photo(demo_workspace, demo_workspace.demo_id, room.id, "left out", seed=2)
    hidden = demo_workspace.photos_repo.list(demo_workspace.demo_id, room.id)[-1]
    demo_workspace.photos_repo.update(hidden.id, include_in_report=False)
    data = demo_service.gather(demo_workspace.demo_id, "clinical")
    captions = [p.caption for p in data.rooms[0].photos]
    assert "kept" in captions and "left out" not in captions


def test_pdf_metadata_names_the_report_not_the_client(demo_report, shared_demo):
    pdf = demo_report("clinical")
    reader = PdfReader(io.BytesIO(pdf))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    name = shared_demo.assessments.open(shared_demo.demo_id).client.name
    assert "Home Modification Assessment" in meta
    assert name.split()[0] not in meta and name.split()[-1] not in meta
    assert "D:20261120" in str(reader.metadata.get("/CreationDate"))
    assert reader.trailer["/Root"].get("/Lang") == "en-US"


def test_paper_size_and_millimetres(shared_service, shared_demo, demo_report):
    a4_pdf = shared_service.build(shared_demo.demo_id, "contractor", paper_size="a4", millimetres=True, today=TODAY)
    a4 = PdfReader(io.BytesIO(a4_pdf))
    assert round(float(a4.pages[0].mediabox.width)) == 595
    text = "\n".join(page_texts(a4_pdf))
    assert "All measurements are in millimetres" in text
    assert re.search(r"\d+ mm", text)
    assert not re.search(r"\b\d+(?: \d+/\d+)? in\b(?! any)", squashed_lines(text))
    letter = PdfReader(io.BytesIO(demo_report("contractor")))  # letter paper and inches by default
    assert round(float(letter.pages[0].mediabox.width)) == 612


def squashed_lines(text: str) -> str:
    return " ".join(text.split())
