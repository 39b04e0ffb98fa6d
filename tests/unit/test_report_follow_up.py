"""The completion record and the follow-up clinical report, read as their readers read them.

Built from a ``FollowUpRecord`` (the domain's plain values, as the follow-up service returns them)
through ``report.from_follow_up``: the funder checks each item's status, the measured deviations
and the corrections, and signs; the clinician reads the outcome changes and what is still open.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from homeassess.domain.follow_up import CheckResult
from homeassess.domain.verdicts import Verdict
from homeassess.report.build import render_report
from homeassess.report.privacy import ClinicalWording, clinical_wording
from homeassess.report.report_data import Audience, ClientBlock
from tests.unit.follow_up_cases import RE_FIT, SEAT_HEIGHT, TOO_HIGH, record, report_data
from tests.unit.test_report_builds import image_streams, squashed, text_of

COMPLETION, FOLLOWUP = Audience.COMPLETION, Audience.FOLLOWUP


@pytest.fixture(scope="module")
def completion_text() -> str:
    return squashed(text_of(render_report(report_data(COMPLETION)).pdf))


@pytest.fixture(scope="module")
def follow_up_text() -> str:
    return squashed(text_of(render_report(report_data(FOLLOWUP)).pdf))


def s(text: str) -> str:
    return squashed(text)


def test_completion_record_lists_each_item_with_its_status_and_who_installed_it(completion_text):
    rows = [
        ("1", "Grab bar beside the toilet", "Installed with deviations", "On 2026-02-10", "By Ace Home Builders"),
        ("2", "Raised toilet seat", "Installed as specified", "On 2026-02-03", "By Family"),
        ("3", "Ramp to the front door", "Not done", "Reason: Landlord declined", "The landlord wants a quote"),
        ("4", "Shower chair", "Installed as specified", "By Client", ""),
        ("5", "Step to the bath", "Not yet checked", "", ""),
    ]
    for row in rows:
        assert s("".join(row[:2])) in completion_text, row
        start = completion_text.index(s("".join(row[:2])))
        for part in row[2:]:
            assert s(part) in completion_text[start : start + 400], (row, part)
    assert s("5 items: 2 installed as specified, 1 installed with deviations, 1 not done, 1 not yet checked.") in completion_text


def test_completion_record_prints_the_as_installed_measurements_with_verdicts_and_corrections(completion_text):
    assert s(f"38 in 33–36 in to the top of the gripping surface Deviates {TOO_HIGH}") in completion_text
    assert s("24 in at least 24 in Meets") in completion_text
    assert s("18 in 17–19 in to the top of the seat Meets") in completion_text
    corrections = completion_text[completion_text.index("Correctionsneeded") :]
    assert corrections.startswith(s(f"Corrections needed Ref Item Correction needed 1 Grab bar beside the toilet Bathroom {RE_FIT}"))


def test_completion_record_pairs_before_and_after_photos_numbered(completion_text):
    photos = completion_text[completion_text.index("Beforeandafterphotos") :]
    assert s("1 Grab bar beside the toilet — Bathroom Before (first visit, 2026-01-05) After (follow-up, 2026-03-02)") in photos
    # row by row, before (the first visit's photo id 1) beside after (ids 2, 3); numbered in print order
    order = [photos.index(s(part)) for part in ("Photo 1. Photo id 1", "Photo 2. Photo id 2", "No photo. Photo 3. Photo id 3")]
    assert order == sorted(order)
    assert "Ramptothefrontdoor" not in photos and "Photoid4" not in photos  # before photos only: not shown again
    assert len(image_streams(render_report(report_data(COMPLETION)).pdf)) == 3


def test_completion_record_has_signature_lines_for_the_three_parties(completion_text):
    signatures = completion_text[completion_text.index("Signatures") :]
    assert signatures.index("Clinician") < signatures.index("Client") < signatures.index("Installerorlandlord")
    assert s("Clinician Name Alex Kim, OTR/L Signature Date") in signatures
    assert s("Client Name Rosa Delgado Signature Date") in signatures
    assert s("Installer or landlord Name Organisation Signature Date") in signatures


def test_completion_record_header_names_client_home_both_visits_and_contact(completion_text):
    assert s("Client Rosa Delgado Home address 14 Elm Street, Springfield First visit 2026-01-05 (assessment 12)"
             " Follow-up visit 2026-03-02 Clinician Alex Kim, OTR/L") in completion_text
    assert s("Contact 555 0100 · alex@example.org") in completion_text


def test_completion_record_prints_no_diagnosis_and_no_outcomes_even_when_handed_them():
    data = report_data(COMPLETION)
    clinical = report_data(FOLLOWUP)
    leaky = dataclasses.replace(
        data, client=ClientBlock(name="Rosa Delgado", diagnosis="Parkinson disease", conditions=("Osteoarthritis",)),
        follow_up=clinical.follow_up,  # with the outcome rows the service never gives a completion record
    )
    text = squashed(text_of(render_report(leaky).pdf))
    for word in ("Parkinson", "Osteoarthritis", "Outcomes", "Fallsinthelast3months", "Standardisedinstrument", "satisfaction"):
        assert word not in text, word
    assert "Confidential—forthenamedrecipientonly" in text


def test_follow_up_report_shows_each_outcome_change_with_its_direction_in_words(follow_up_text):
    outcomes = follow_up_text[follow_up_text.index("Outcomes") :]
    assert s("Measure Baseline 2026-01-05 Follow-up 2026-03-02 Change") in outcomes
    for row in (
        "Shower on my own: performance 3 7 Better",
        "Shower on my own: satisfaction 2 8 Better",
        "Shower on my own: difficulty Great difficulty Some difficulty Better",
        "Get to the mailbox: performance 2 2 No change",
        "Falls in the last 3 months 3 0 Better",
        "Concern about falling (0–10) 8 3 Better",
        "Open findings 7 3 Better",
        "Get to the mailbox: difficulty Not recorded Not recorded Not comparable",
    ):
        assert s(row) in outcomes, row
    assert s("Standardised instrument: Falls efficacy scale; baseline score 41, follow-up score 27.") in outcomes


def test_follow_up_report_lists_the_recommendations_still_open_and_what_remains(follow_up_text):
    still_open = follow_up_text[follow_up_text.index("Recommendationsstillopen") : follow_up_text.index("Beforeandafterphotos")]
    assert s(f"1 Grab bar beside the toilet Bathroom Installed with deviations • {RE_FIT}") in still_open
    assert s("3 Ramp to the front door Entrance Not done Reason: Landlord declined • Complete the work (landlord declined).") in still_open
    assert s("5 Step to the bath Bathroom Not yet checked • Check the work at the next visit.") in still_open
    assert "Raisedtoiletseat" not in still_open and "Showerchair" not in still_open


def test_follow_up_report_carries_statuses_measurements_corrections_and_an_attestation(follow_up_text):
    assert s("Installed with deviations") in follow_up_text and s("Reason: Landlord declined") in follow_up_text
    assert s(TOO_HIGH) in follow_up_text and s(RE_FIT) in follow_up_text
    attestation = follow_up_text[follow_up_text.index("Clinician'sattestation") :]
    assert s("I attest that I carried out this assessment in person at the client's home on 2026-03-02") in attestation
    assert s("Name Alex Kim Credentials OTR/L Licence OT-12345") in attestation
    assert "Datesigned" in attestation
    assert "Confidential—containshealthinformation" in follow_up_text


@pytest.mark.parametrize("audience", [COMPLETION, FOLLOWUP])
def test_millimetre_mode_prints_every_length_in_millimetres(audience):
    text = text_of(render_report(report_data(audience, mm=True)).pdf)
    assert s("965 mm 838–914 mm to the top of the gripping surface Deviates") in squashed(text)
    assert s("Grab bar installed at 965 mm: specified 838–914 mm") in squashed(text)
    assert s("Re-fit the grab bar so its top is 838–914 mm above the floor") in squashed(text)
    assert re.findall(r"\d\s*(?:in|inches)\b", text) == []


@pytest.mark.parametrize("audience", [COMPLETION, FOLLOWUP])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_both_paper_sizes_build_with_every_item(audience, paper):
    text = squashed(text_of(render_report(report_data(audience, paper=paper)).pdf))
    for part in ("1Grabbarbesidethetoilet", "5Steptothebath", s(TOO_HIGH), "Page1of"):
        assert part in text


@pytest.mark.parametrize("audience", [COMPLETION, FOLLOWUP])
def test_a_follow_up_with_nothing_carried_into_it_still_builds_and_says_so(audience):
    text = squashed(text_of(render_report(report_data(audience, record(items=()))).pdf))
    assert s("No accepted recommendations were carried into this follow-up.") in text
    assert s("No corrections are needed") in text


def test_clinical_wording_in_a_completion_record_is_found_by_field_before_it_prints():
    rec = record()
    items = list(rec.items)
    items[0] = dataclasses.replace(items[0], note="Fitted high because of her stroke")
    items[2] = dataclasses.replace(items[2], reason_note="The landlord asked about the Parkinson diagnosis")
    hits = clinical_wording(report_data(COMPLETION, dataclasses.replace(rec, items=tuple(items))), ["Parkinson disease"])
    assert [str(h) for h in hits] == [
        "Follow up, item 1 “Grab bar beside the toilet”: note: matches a clinical word",
        "Follow up, item 3 “Ramp to the front door”: reason note: matches the client's diagnosis or conditions",
    ]
    assert str(ClinicalWording(COMPLETION, hits)).startswith("the completion record has clinical wording in 2 texts")
    assert clinical_wording(report_data(COMPLETION), ["Parkinson disease"]) == []


def test_each_verdict_of_a_measurement_prints_as_its_word():
    check = dataclasses.replace(SEAT_HEIGHT, low=None, high=None, target="as the standard and the client's fit require")
    results = (
        CheckResult(check, "31", 787.4, Verdict.NOT_APPLICABLE, "Door clear width 31 in as installed: no standard sets a figure"),
        CheckResult(SEAT_HEIGHT, "180", None, Verdict.IMPLAUSIBLE, "180 is not a plausible seat height; check the units"),
        CheckResult(SEAT_HEIGHT, "", None, Verdict.NOT_APPLICABLE, "Seat height: not measured yet"),
    )
    item = dataclasses.replace(record().items[1], checks=results)
    text = squashed(text_of(render_report(report_data(COMPLETION, record(items=(item,)))).pdf))
    assert s("31 in as the standard and the client's fit require No standard Door clear width 31 in as installed") in text
    assert s("180 17–19 in to the top of the seat Check value 180 is not a plausible seat height") in text
    assert s("Not measured at this visit: • 1 Raised toilet seat: Seat height.") in text  # listed, not a row of blanks
    assert "notmeasuredyet" not in text


def test_work_not_done_never_prints_who_installed_it():
    not_done = dataclasses.replace(record().items[2], installed_on=date(2026, 2, 1), installed_by="Acme Builders")
    text = squashed(text_of(render_report(report_data(COMPLETION, record((not_done,)))).pdf))
    assert s("Not done") in text and "AcmeBuilders" not in text and "2026-02-01" not in text
