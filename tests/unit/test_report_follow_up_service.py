"""A follow-up's two reports built from the store, through the services the window and the CLI use."""

from __future__ import annotations

import pytest

from homeassess.domain.refusals import Refused
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.report.privacy import ClinicalWording
from homeassess.report.report_data import Audience
from homeassess.services.reports import ReportService
from tests.conftest import StoreTemplate, open_copy
from tests.unit.test_report_builds import squashed, text_of

pytestmark = pytest.mark.slow  # a follow-up started on the demo store and whole reports built from it


def _item(ws, fid: int, library_id: str):
    return next(i for i in ws.follow_ups.items(fid) if i.library_id == library_id)


def record_the_follow_up(ws) -> int:
    """The demo finalised and followed up: grab bars fitted too high, the doorway declined by the
    landlord, the smoke alarms as specified. Its assessment id."""
    ws.assessments.set_status(ws.demo_id, "final")
    fid = ws.follow_ups.start(ws.demo_id).value
    bars = _item(ws, fid, "grab_bars_toilet").installation_id
    ws.follow_ups.set_status(fid, bars, InstallStatus.DEVIATIONS)
    ws.follow_ups.set_installed(fid, bars, None, "Ace Home Builders")
    ws.follow_ups.record_check(fid, bars, "height", "38")
    door = _item(ws, fid, "widen_doorway").installation_id
    ws.follow_ups.set_status(fid, door, InstallStatus.NOT_DONE, NotDoneReason.LANDLORD_DECLINED)
    alarms = _item(ws, fid, "smoke_co_alarms").installation_id
    ws.follow_ups.set_status(fid, alarms, InstallStatus.AS_SPECIFIED)
    return fid


@pytest.fixture(scope="module")
def follow_up_template(tmp_path_factory, judge, demo_store_template):
    """The follow-up recorded once per module in a store to copy (closed), and its id."""
    data_dir = tmp_path_factory.mktemp("follow-up-template")
    ws = open_copy(demo_store_template, data_dir, judge)
    try:
        fid = record_the_follow_up(ws)
    finally:
        ws.close()
    return StoreTemplate(data_dir, demo_store_template.demo_id), fid


@pytest.fixture
def follow_up(follow_up_template, data_dir, judge):
    """This test's own store holding the recorded follow-up (a copy of the module's), and its id."""
    template, fid = follow_up_template
    ws = open_copy(template, data_dir, judge)
    yield ws, fid
    ws.close()


@pytest.fixture(scope="module")
def completion_text(follow_up_template, tmp_path_factory, judge):
    """The follow-up's completion record (default options), built once per module for the tests that only read it."""
    template, fid = follow_up_template
    ws = open_copy(template, tmp_path_factory.mktemp("completion"), judge)
    try:
        return squashed(text_of(ReportService(ws).build(fid, "completion")))
    finally:
        ws.close()


def test_the_completion_record_prints_statuses_the_deviation_and_its_correction(completion_text):
    text = completion_text
    assert squashed("Grab bars at the toilet Upstairs bathroom") in text
    assert squashed("Installed with deviations") in text and "ByAceHomeBuilders" in text
    assert squashed("Widen the doorway Upstairs bathroom") in text and squashed("Not done Reason: Landlord declined") in text
    assert squashed("Working smoke and carbon monoxide alarms") in text and squashed("Installed as specified") in text
    assert squashed("Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface") in text
    assert squashed("Re-fit the grab bar so its top is 33–36 in above the floor") in text
    assert squashed("Installer or landlord Name Organisation Signature Date") in text


def test_the_completion_record_carries_no_diagnosis_or_condition(follow_up, completion_text):
    ws, fid = follow_up
    data = ReportService(ws).gather(fid, "completion")
    assert data.client.diagnosis == "" and data.client.conditions == () and data.follow_up.outcomes == ()
    text = completion_text.casefold()
    for word in ("stroke", "ischemic", "hemiparesis", "hypertension", "diabetes", "aphasia", "osteoarthritis"):
        assert word not in text, word  # the demo client's diagnosis and conditions


def test_a_clinical_note_on_an_installed_item_is_refused_until_confirmed(follow_up):
    ws, fid = follow_up
    bars = _item(ws, fid, "grab_bars_toilet").installation_id
    ws.follow_ups.set_note(fid, bars, "Fitted high: her hemiparesis makes the lower bar hard to reach")
    service = ReportService(ws)
    with pytest.raises(ClinicalWording) as found:
        service.build(fid, "completion")
    assert [str(h) for h in found.value.hits] == [
        "Follow up, item 25 “Grab bars at the toilet”: note: matches the client's diagnosis or conditions"
    ]
    assert "hemiparesis" in text_of(service.build(fid, "completion", confirm_text=True))
    assert service.build(fid, "followup")  # the clinical report is for the record: not checked


def test_the_follow_up_report_lists_outcomes_and_the_recommendations_still_open(follow_up):
    ws, fid = follow_up
    text = squashed(text_of(ReportService(ws).build(fid, "followup", include_photos=False)))
    assert "Outcomes" in text and "Change" in text
    still_open = text[text.index("Recommendationsstillopen") :]
    assert squashed("Widen the doorway Upstairs bathroom Not done Reason: Landlord declined") in still_open
    assert squashed("Complete the work (landlord declined).") in still_open
    assert squashed("Working smoke and carbon monoxide alarms") not in still_open[: still_open.index("Clinician'sattestation")]
    assert "Clinician'sattestation" in text


def test_millimetres_and_a4(follow_up):
    ws, fid = follow_up
    text = squashed(text_of(ReportService(ws).build(fid, "completion", millimetres=True, paper_size="a4")))
    assert squashed("Grab bar installed at 965 mm: specified 838–914 mm to the top of the gripping surface") in text


def test_a_first_visit_has_no_follow_up_reports_and_they_are_refused_in_one_sentence(follow_up):
    ws, fid = follow_up
    service = ReportService(ws)
    assert Audience.COMPLETION not in service.audiences(ws.demo_id)
    assert service.audiences(fid)[:2] == (Audience.COMPLETION, Audience.FOLLOWUP)  # offered first
    for audience in ("completion", "followup"):
        with pytest.raises(Refused) as refused:
            service.build(ws.demo_id, audience)
        assert refused.value.sentence.count(".") == 1 and "not one" in refused.value.sentence
        assert f"build it from its follow-up, assessment {fid}" in refused.value.sentence  # the first visit has one


def test_the_demo_follow_up_reads_as_the_funder_and_the_clinician_expect(workspace):
    from homeassess.services.demo_follow_up import install_demo_follow_up

    _, fid, _ = install_demo_follow_up(workspace)
    service = ReportService(workspace)
    completion = squashed(text_of(service.build(fid, "completion", include_photos=False)))
    assert squashed("Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface") in completion
    door = completion.index(squashed("Widen the doorway"))
    assert squashed("Not done Reason: Landlord declined") in completion[door : door + 1500]
    follow_up = squashed(text_of(service.build(fid, "followup", include_photos=False)))
    outcomes = follow_up[follow_up.index("Outcomes") : follow_up.index("Itemsandtheirstatus")]
    assert squashed("Falls in the last 3 months 2 0 Better") in outcomes
    for change in workspace.outcomes.compare(fid):  # every row of the comparison, with its direction in words
        assert squashed(f"{change.baseline} {change.follow_up} {change.direction.label}") in outcomes, change


def test_a_saved_completion_record_is_recorded_and_audited_without_the_client_in_its_name(follow_up, tmp_path):
    ws, fid = follow_up
    service = ReportService(ws)
    name = service.suggested_file_name(fid, "completion")
    assert name.startswith(f"homeassess-{fid}-completion-") and ws.assessments.open(fid).client.name.split()[0] not in name
    row = service.save(fid, "completion", service.build(fid, "completion", include_photos=False), tmp_path / name).value
    assert [(r.audience, r.file_name, r.page_count) for r in service.history(fid)] == [("completion", name, row.page_count)]
    assert any(e.action == "report" and e.detail.startswith("completion ") for e in ws.audit.for_assessment(fid))
