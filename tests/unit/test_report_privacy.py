"""Privacy by construction: clinical wording in the free text of a landlord or contractor document is
found, named by its field, and printed only when the clinician confirms it. Nothing prints "[omitted]"."""

from __future__ import annotations

import dataclasses

import pytest

from homeassess.report.privacy import CLIENT, VOCABULARY, ClinicalWording, Hit, clinical_wording, vocabulary
from homeassess.services.reports import ReportService
from tests.unit.test_report_builds import TODAY, squashed, text_of

LANDLORD_TEXT = "Widen the hall door: her stroke and right-sided weakness (hemiparesis) make the turn hard."
SCOPE_TEXT = "Set the counter lower; the client is diabetic with aphasia and tires standing."


@pytest.fixture
def custom(demo_workspace):
    """The demo with the clinician's own recommendations written the way issue 12 found them."""
    ws, aid = demo_workspace, demo_workspace.demo_id
    room = next(r for r in ws.assessments.room_views(aid) if r.name == "Kitchen")
    ws.recommendations.add_custom(aid, room.id, "Widen the hall door", plain=LANDLORD_TEXT,
                                  category="major_modification", installer="contractor")
    ws.recommendations.add_custom(aid, room.id, "Lower the counter", specification=SCOPE_TEXT,
                                  category="minor_modification")
    return ws, aid, ReportService(ws)


def _refusal(service: ReportService, aid: int, audience: str) -> ClinicalWording:
    with pytest.raises(ClinicalWording) as refused:
        service.build(aid, audience, today=TODAY)
    return refused.value


def test_the_demo_has_no_clinical_wording_in_its_landlord_or_contractor_text(demo_workspace):
    service = ReportService(demo_workspace)
    for audience in ("landlord", "contractor"):
        assert service.clinical_wording(demo_workspace.demo_id, audience) == [], audience
    assert service.clinical_wording(demo_workspace.demo_id, "clinical") == []  # the clinical report is not checked


def test_the_landlord_letter_is_refused_with_each_field_named_and_no_term_quoted(custom):
    ws, aid, service = custom
    refusal = _refusal(service, aid, "landlord")
    assert refusal.sentence == "The landlord letter has clinical wording in 1 text; edit it, or confirm that it may print."
    (hit,) = refusal.hits
    assert hit.field.startswith("Room 4 “Kitchen”, recommendation ") and hit.field.endswith(" “Widen the hall door”: plain")
    assert hit.source in (CLIENT, VOCABULARY)
    for word in ("stroke", "hemiparesis", "weakness"):
        assert word not in str(hit).lower() and word not in refusal.sentence.lower()


def test_the_scope_of_works_finds_the_clients_conditions_and_clinical_words(custom):
    ws, aid, service = custom
    hits = _refusal(service, aid, "contractor").hits
    by_field = {h.field.rsplit(": ", 1)[-1]: h for h in hits}
    assert {"specification", "plain"} <= set(by_field), hits  # the counter's specification, the hall's plain words
    assert by_field["specification"].source == CLIENT  # "aphasia" and "diabet…" are the demo client's own conditions


def test_confirmed_text_prints_as_typed_and_nothing_prints_omitted(custom):
    ws, aid, service = custom
    letter = text_of(service.build(aid, "landlord", today=TODAY, confirm_text=True))
    scope = text_of(service.build(aid, "contractor", today=TODAY, confirm_text=True))
    assert squashed(LANDLORD_TEXT) in squashed(letter)
    assert squashed(SCOPE_TEXT) in squashed(scope)
    assert "[omitted]" not in letter + scope and "omitted" not in (letter + scope).lower()


def test_a_title_that_is_itself_clinical_is_named_by_its_number(custom):
    ws, aid, service = custom
    ws.recommendations.add_custom(aid, None, "Rail for the osteoarthritis", category="minor_modification", plain="A rail.")
    hits = service.clinical_wording(aid, "landlord")
    title_hits = [h for h in hits if h.field.endswith(": title")]
    assert title_hits and all("osteoarthritis" not in h.field.lower() for h in title_hits)
    assert any(h.field == "Whole-home recommendation 1: title" and h.source == CLIENT for h in title_hits), hits


def test_every_library_wording_for_landlords_and_contractors_passes_the_check(demo_workspace):
    """No false alarm on the library's own words (plain wording, specification, contractor details)."""
    words = vocabulary()
    library = demo_workspace.judge.library
    found = []
    for entry in (e for e in library.entries if e.category.value in ("minor_modification", "major_modification", "equipment")):
        texts = [entry.plain, entry.specification, *(str(v) for v in dataclasses.asdict(entry.contractor).values())]
        found += [(entry.id, t) for t in texts if words.matches(t)]
    assert found == []


def test_a_hit_reads_as_a_line_for_the_command_line():
    assert str(Hit("Visit: landlord contact", VOCABULARY)) == "Visit: landlord contact: matches a clinical word"


def test_the_check_reads_names_addresses_and_captions_too(custom):
    ws, aid, service = custom
    data = service.gather(aid, "landlord", today=TODAY, confirm_text=True)
    visit = dataclasses.replace(data.visit, landlord_contact="call after her dialysis on Tuesdays")
    hits = clinical_wording(dataclasses.replace(data, visit=visit), [])
    assert Hit("Visit: landlord contact", VOCABULARY) in hits
