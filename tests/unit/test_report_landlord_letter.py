"""Who installs and who pays (separate fields), and the landlord letter read as the landlord reads it:
the tenant's request under the HUD/DOJ Joint Statement (2008), with a payer only where the clinician chose one."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from homeassess.domain.refusals import InvalidInput
from homeassess.domain.vocabulary import Funding, Installer
from homeassess.report.build import render_report
from homeassess.report.landlord_request import NoContactDetails
from homeassess.services.bundle_transfer import BundleService
from homeassess.services.report_audiences import NoLandlord
from homeassess.services.reports import ReportService
from tests.conftest import open_copy
from tests.unit.test_bundle import CHEAP, FILE_PASSPHRASE
from tests.unit.test_report_builds import TODAY, squashed, text_of

DUE = (TODAY + timedelta(days=14)).strftime("%d %B %Y").lstrip("0")


@pytest.fixture
def letter(demo_workspace):
    ws = demo_workspace
    service = ReportService(ws)
    return ws, service, service.gather(ws.demo_id, "landlord", today=TODAY)


def test_no_recommendation_has_a_payer_until_the_clinician_chooses_one(letter):
    ws, service, data = letter
    views = ws.recommendations.list(ws.demo_id, ["accepted"])
    assert views and {v.funding for v in views} == {Funding.TO_BE_AGREED}
    text = squashed(text_of(service.build(ws.demo_id, "landlord", today=TODAY)))
    assert text.count("Tobeagreed") >= len(data.recommendations)  # every "Paid by" cell, and the payment term
    for funding in (Funding.GRANT, Funding.INSURANCE, Funding.VA, Funding.MEDICAID_WAIVER):
        assert squashed(funding.label) not in text
    assert "Tenant(family)" not in text and "Requestedofthelandlord" not in text


def test_installer_and_funding_are_chosen_apart_and_printed_as_chosen(letter):
    ws, service, data = letter
    aid = ws.demo_id
    ramp = next(v for v in ws.recommendations.list(aid, ["accepted"]) if v.category.value != "equipment"
                and v.installer is Installer.CONTRACTOR)
    change = ws.recommendations.edit(aid, ramp.ref, installer="landlord", funding="grant", funding_program="County Home Repair")
    now = ws.recommendations.get(aid, ramp.ref)
    assert (now.installer, now.funding, now.payer) == (Installer.LANDLORD, Funding.GRANT, "Grant program: County Home Repair")
    text = squashed(text_of(service.build(aid, "landlord", today=TODAY)))
    assert "Grantprogram:CountyHomeRepair" in text
    scope = squashed(text_of(service.build(aid, "contractor", today=TODAY)))
    assert "paidby:Grantprogram:CountyHomeRepair" in scope and "installedby:Landlord" in scope
    change.undo()
    assert ws.recommendations.get(aid, ramp.ref).funding is Funding.TO_BE_AGREED
    with pytest.raises(InvalidInput):
        ws.recommendations.edit(aid, ramp.ref, funding="the neighbours")


def test_the_tenant_pays_only_when_the_clinician_says_so(letter):
    ws, service, _ = letter
    aid = ws.demo_id
    view = ws.recommendations.list(aid, ["accepted"])[0]
    assert "PaidbyTenant" not in squashed(text_of(service.build(aid, "client", today=TODAY)))
    ws.recommendations.edit(aid, view.ref, funding="tenant")
    assert ws.recommendations.get(aid, view.ref).payer == "Tenant"
    assert "You pay for this." in text_of(service.build(aid, "client", today=TODAY))


def test_the_letter_is_the_tenants_request_under_the_joint_statement(letter):
    ws, service, data = letter
    text = text_of(service.build(ws.demo_id, "landlord", today=TODAY))
    flat = " ".join(text.split())
    assert "From (tenant) Margaret Ellison" in flat and "I am the tenant at" in flat
    assert "I, Margaret Ellison, make this request. I authorise Jordan Patel" in flat
    assert "Tenant (or authorised representative)" in flat
    assert "disability-related need for each change" in flat and "does not include a diagnosis" in flat
    n = len(data.recommendations)
    assert flat.count("Approve") == flat.count("Decline") == flat.count("Discuss") == n  # boxes for each item
    assert f"Please answer by {DUE}" in flat
    for term in ("restore that part of the home", "No additional security deposit", "licensed and insured",
                 "building permits", "555-0142", "jordan.patel@example.org"):
        assert term in flat, term
    diagnosis = ws.assessments.open(ws.demo_id, audit=False).client.diagnosis
    for word in ("stroke", "hemiparesis", "ischemic"):
        assert word in diagnosis.lower() and word not in flat.lower()


def test_without_the_clinicians_contact_the_letter_is_refused_pointing_to_settings(letter):
    ws, service, _ = letter
    ws.settings.save(ws.settings.load().model_copy(update={"clinician_phone": "", "clinician_email": ""}))
    with pytest.raises(NoContactDetails, match="Settings"):
        service.build(ws.demo_id, "landlord", today=TODAY)
    assert service.build(ws.demo_id, "contractor", today=TODAY)  # the others still build


def test_the_export_file_carries_installer_and_funding(letter, tmp_path, judge, empty_store_template):
    ws, _, _ = letter
    aid = ws.demo_id
    view = ws.recommendations.list(aid, ["accepted"])[0]
    ws.recommendations.edit(aid, view.ref, installer="agency", funding="medicaid_waiver", funding_program="Waiver EAA")
    path = tmp_path / "out.hax"
    BundleService(ws, kdf=CHEAP).export(aid, path, FILE_PASSPHRASE)
    other = open_copy(empty_store_template, tmp_path / "other", judge)
    try:
        imported = BundleService(other, kdf=CHEAP).import_file(path, FILE_PASSPHRASE).assessment_id
        again = next(v for v in other.recommendations.list(imported) if v.title == view.title)
        assert (again.installer, again.funding, again.payer) == (
            Installer.AGENCY, Funding.MEDICAID_WAIVER, "Medicaid waiver: Waiver EAA")
    finally:
        other.close()


def test_an_owner_occupied_home_gets_no_landlord_letter_and_says_why(letter):
    ws, service, _ = letter
    details = ws.assessments.open(ws.demo_id).details
    ws.assessments.update_details(ws.demo_id, details.model_copy(update={"tenure": "owner"}))
    with pytest.raises(NoLandlord) as refused:
        service.build(ws.demo_id, "landlord", today=TODAY)
    assert refused.value.sentence == ("This home is owner-occupied, so there is no landlord to ask; if it is rented, "
                                      "set its tenure in Client & visit first.")
    assert service.build(ws.demo_id, "contractor", today=TODAY)  # the other readers still have theirs
    for tenure in ("renter", "other", ""):  # rented, or not recorded: the letter is written
        ws.assessments.update_details(ws.demo_id, details.model_copy(update={"tenure": tenure}))
        assert "landlord" in squashed(text_of(service.build(ws.demo_id, "landlord", today=TODAY))).lower()


def test_an_owner_occupied_home_sends_nobody_to_a_landlord(letter):
    """An owner-occupier's plan said "Ask your landlord to do this." and the clinical report listed the landlord as
    installer (a try-out): the library's landlord work is then the client's, done by a builder."""
    ws, service, _ = letter
    details = ws.assessments.open(ws.demo_id).details
    ws.assessments.update_details(ws.demo_id, details.model_copy(update={"tenure": "owner", "landlord_name": "",
                                                                         "landlord_contact": ""}))
    views = ws.recommendations.list(ws.demo_id)
    assert views and not [v.title for v in views if "landlord" in (v.responsible.value, v.installer.value)]
    rails = [v for v in views if v.library_id == "handrails_both_sides"]
    assert rails and all(v.installer.value == "contractor" and v.responsible.value == "client" for v in rails)
    for audience in ("client", "clinical", "contractor"):
        text = squashed(text_of(service.build(ws.demo_id, audience, today=TODAY)))
        assert "landlord" not in text.lower(), audience
        if audience == "client":
            assert "Abuildershoulddothis." in text  # squashed: no spaces
    ws.assessments.update_details(ws.demo_id, details.model_copy(update={"tenure": "renter"}))
    assert {v.installer.value for v in ws.recommendations.list(ws.demo_id) if v.library_id == "handrails_both_sides"} == {
        "landlord"}


def test_an_alternative_to_the_tenants_own_equipment_is_asked_only_as_a_fallback(letter):
    """The comfort-height toilet offered instead of a raised seat (equipment the tenant provides, not in the letter)
    read as a plain request to replace the toilet (a try-out)."""
    _, _, data = letter
    room = next(r for r in data.rooms if r.recommendations)
    toilet = dataclasses.replace(room.recommendations[0], alternative_to="Raised toilet seat with arms")
    rooms = tuple(dataclasses.replace(r, recommendations=(toilet,)) if r is room else r for r in data.rooms)
    text = squashed(text_of(render_report(dataclasses.replace(data, rooms=rooms)).pdf))
    assert squashed("Asked only if raised toilet seat with arms does not meet the need.") in text


def test_what_the_client_is_told_to_ask_the_landlord_for_is_in_the_letter(letter):
    """A try-out's client plan said "Ask your landlord to do this" of a fire extinguisher (equipment the library
    has the landlord provide) that the letter never asked for."""
    ws, service, _ = letter
    aid = ws.demo_id
    extinguisher = next(v for v in ws.recommendations.list(aid) if v.library_id == "fire_extinguisher")
    if extinguisher.status.value != "accepted":
        ws.recommendations.set_status(aid, [extinguisher.ref], "accepted")
    accepted = ws.recommendations.list(aid, ["accepted"])
    plan = squashed(text_of(service.build(aid, "client", today=TODAY)))
    letter_text = squashed(text_of(service.build(aid, "landlord", today=TODAY)))
    extinguisher = ws.recommendations.get(aid, extinguisher.ref)
    def asked(view) -> bool:  # the letter words each request plainly, in the tenant's voice after the first clause
        return squashed(view.plain.split(",")[0]) in letter_text

    assert asked(extinguisher) and "Askyourlandlord" in plan
    tenants_own = [v for v in accepted if v.category.value == "equipment" and v.responsible.value != "landlord"]
    assert tenants_own and not any(asked(v) for v in tenants_own)
