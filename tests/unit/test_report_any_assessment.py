"""Every audience builds for any assessment (issue 12, done when): one with a single empty room, and one
of 60 rooms and 500 photos; the demo and generated hostile data are built in test_report_builds.py,
test_report_hostile.py and test_report_any_length.py. Each is read for what its reader checks."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.vocabulary import RecommendationStatus, format_cost
from homeassess.services.assessment_models import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.demo import load_demo_document
from homeassess.services.reports import ReportService
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.built_once import built_once
from tests.conftest import PASSPHRASE, StoreTemplate, give_demo_contact
from tests.unit.test_report_builds import TODAY, text_of

AUDIENCES = ("clinical", "contractor", "landlord", "client")
ROOMS, PHOTOS = 60, 500


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def flat(pdf: bytes) -> str:
    return " ".join(text_of(pdf).split())


@pytest.fixture
def one_empty_room(workspace):
    give_demo_contact(workspace)
    aid = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Ana Lima"), details=AssessmentDetails(visit_date=date(2026, 11, 18), tenure="renter"),
        rooms=[RoomSpec(type="bathroom", name="Guest bathroom")])).value
    return workspace, aid


@pytest.mark.parametrize("audience", AUDIENCES)
def test_an_assessment_with_one_empty_room_builds_and_says_there_is_nothing_to_do(one_empty_room, audience):
    ws, aid = one_empty_room
    pdf = ReportService(ws).build(aid, audience, today=TODAY)
    text = flat(pdf)
    assert f"Page {pages(pdf)} of {pages(pdf)}" in text
    expected = {
        "clinical": ["Guest bathroom", "Draft: this assessment is not finalised.", "1 room not assessed at all",
                     "No room has been assessed yet", "Not assessed: none of this room's", "Clinician's attestation"],
        "contractor": ["No modifications have been accepted for this home.", "Returning your bid"],
        "landlord": ["No modifications are requested at this time.", "Landlord's response"],
        "client": ["We did not find anything that needs to change.", "Who to call"],
    }[audience]
    for words in expected:
        assert words in text, (audience, words)
    assert "most pressing" not in text  # no heading with nothing under it


def test_a_draft_says_what_it_does_not_cover_and_a_final_one_does_not_say_draft(workspace):
    """A draft's clinical report once read "No findings in this room" for rooms nobody had assessed (a try-out)."""
    give_demo_contact(workspace)
    aid = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="สมชาย ใจดี"), details=AssessmentDetails(visit_date=date(2026, 11, 18), tenure="renter"),
        rooms=[RoomSpec(type=t) for t in ("entrance", "bathroom", "kitchen")])).value
    entrance, bathroom, kitchen = workspace.assessments.room_views(aid)
    workspace.checklist.record(entrance.id, "door_clear_width", "28")  # a finding, with proposals left undecided
    workspace.checklist.record(bathroom.id, "door_clear_width", "36")  # answered, no finding
    proposed = len(workspace.recommendations.list(aid, (RecommendationStatus.PROPOSED,)))
    text = flat(ReportService(workspace).build(aid, "clinical", today=TODAY))
    assert "Draft: this assessment is not finalised." in text
    undecided = "1 proposed recommendation is" if proposed == 1 else f"{proposed} proposed recommendations are"
    assert proposed and f"{undecided} neither accepted nor dismissed, and not listed" in text
    assert "1 room not assessed at all" in text and "1 finding in 1 of the 2 rooms assessed" in text
    assert f"{entrance.total - 1} of this room's {entrance.total} items not answered." in text
    assert f"No findings in the 1 item answered; {bathroom.total - 1} items not answered." in text
    assert f"Not assessed: none of this room's {kitchen.total} items was answered." in text
    assert "No findings in this room" not in text

    workspace.assessments.set_status(aid, "final")
    assert "Draft" not in flat(ReportService(workspace).build(aid, "clinical", today=TODAY))


def tiny_jpeg(n: int) -> bytes:
    """A small, distinct photo (the report embeds the stored print copy as it is)."""
    image = Image.new("RGB", (96, 64), (n % 256, (n * 7) % 256, (n * 13) % 256))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def large_visit(tmp_path_factory, judge):
    """60 rooms answered as the demo's rooms are (cycled), its accepted work accepted in each, and 500 photos: built
    once per test session (tests/built_once.py), each worker that runs these tests opening a copy of its own."""
    template, facts = built_once(tmp_path_factory, "template-large-visit", lambda folder: build_large_visit(folder, judge))
    data_dir = tmp_path_factory.mktemp("large-visit")
    StoreTemplate(template).copy_to(data_dir)
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE), judge)
    yield ws, facts["aid"], facts["names"]
    ws.close()


def build_large_visit(data_dir, judge) -> dict:
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True), judge)
    try:
        return fill_large_visit(ws)
    finally:
        ws.close()


def fill_large_visit(ws: Workspace) -> dict:
    give_demo_contact(ws)
    doc = load_demo_document()
    templates = [doc["rooms"][n % len(doc["rooms"])] for n in range(ROOMS)]
    rooms = [RoomSpec(type=t["type"], name=f"{t.get('name') or t['type']} {n + 1}") for n, t in enumerate(templates)]
    aid = ws.assessments.create(NewAssessment(client=ClientProfile(name="Kwame Mensah"), rooms=rooms, details=AssessmentDetails(
        visit_date=date(2026, 11, 18), tenure="renter", landlord_name="Harbour Lets", address="12 Quay Street"))).value
    views = ws.assessments.room_views(aid)
    for view, template in zip(views, templates, strict=True):
        answers = {item: (v.get("value", ""), v.get("note", "")) if isinstance(v, dict) else (str(v), "")
                   for item, v in template.get("responses", {}).items()}
        ws.checklist.record_room(view.id, answers)
    accept = {(d["room"], d["recommendation"]) for d in doc["accept"]}
    template_of = {view.name: template.get("name", "") for view, template in zip(views, templates, strict=True)}
    proposed = ws.recommendations.list(aid, (RecommendationStatus.PROPOSED,))
    ws.recommendations.set_status(aid, [v.ref for v in proposed if (template_of.get(v.room_name), v.library_id) in accept],
                                  RecommendationStatus.ACCEPTED)
    for n in range(PHOTOS):
        jpeg = tiny_jpeg(n)
        ws.photos_repo.add(aid, views[n % ROOMS].id, None, working=jpeg, print_copy=jpeg, thumbnail=jpeg, width=96,
                           height=64, sha256=hashlib.sha256(jpeg).hexdigest(), caption=f"View {n + 1}")
    return {"aid": aid, "names": [v.name for v in views]}


@pytest.mark.slow
@pytest.mark.parametrize("audience", AUDIENCES)
def test_sixty_rooms_and_500_photos_build_whole(large_visit, audience):
    ws, aid, names = large_visit
    pdf = ReportService(ws).build(aid, audience, today=TODAY)
    text = flat(pdf)
    n = pages(pdf)
    assert f"Page {n} of {n}" in text
    accepted = len(ws.recommendations.list(aid, (RecommendationStatus.ACCEPTED,)))
    if audience in ("clinical", "contractor"):  # every room and every photo, numbered through the report
        assert all(name in text for name in names)
        assert all(f"Photo {k}" in text for k in range(1, PHOTOS + 1))
        assert "View 500" in text and f"Photo {PHOTOS + 1}" not in text
    if audience == "clinical":  # the summary's total is the review's
        totals = ws.recommendations.totals(aid)
        assert format_cost(totals.low, totals.high) in text
    if audience == "landlord":  # one numbered request per change to the property, each with its boxes
        assert text.count("Approve") == len(ReportService(ws).gather(aid, "landlord", today=TODAY).recommendations)
    if audience == "client":
        listed = re.search(r"This plan lists (\d+) things", text)
        assert listed and int(listed[1]) == accepted
