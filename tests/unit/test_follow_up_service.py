"""Starting a follow-up and recording what was installed, through the services a clinician's actions use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from homeassess.domain.refusals import Refused
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason, RecommendationStatus
from homeassess.services.audit_log import AuditAction
from homeassess.services.workspace import Workspace


def _finalised(ws: Workspace) -> int:
    ws.assessments.set_status(ws.demo_id, "final")
    return ws.demo_id


def _follow_up(ws: Workspace) -> int:
    return ws.follow_ups.start(_finalised(ws)).value


def test_finalising_sets_the_follow_up_due_date_from_the_settings_weeks_and_undo_clears_it(demo_workspace):
    ws = demo_workspace
    ws.settings.save(ws.settings.load().model_copy(update={"followup_weeks": 6}))
    done = ws.assessments.set_status(ws.demo_id, "final")
    listed = {s.id: s for s in ws.assessments.list()}[ws.demo_id]
    assert listed.followup_due == date.today() + timedelta(weeks=6)
    assert not listed.follow_up_due  # due in 6 weeks, not yet
    done.undo()
    assert {s.id: s for s in ws.assessments.list()}[ws.demo_id].followup_due is None


def test_a_draft_cannot_be_followed_up_and_nothing_is_added(demo_workspace):
    ws = demo_workspace
    before = [s.id for s in ws.assessments.list()]
    with pytest.raises(Refused, match="Finalise this assessment before starting its follow-up"):
        ws.follow_ups.start(ws.demo_id)
    assert [s.id for s in ws.assessments.list()] == before


def test_start_copies_the_client_rooms_and_every_accepted_recommendation(demo_workspace):
    ws = demo_workspace
    original = ws.assessments.open(_finalised(ws))
    started = ws.follow_ups.start(ws.demo_id)
    fid = started.value
    follow_up = ws.assessments.open(fid)
    assert follow_up.status == "draft" and follow_up.details.visit_date == date.today()
    assert follow_up.client == original.client
    assert follow_up.details.address == original.details.address and follow_up.details.standard == original.details.standard
    assert [(r.room_type, r.name) for r in follow_up.rooms] == [(r.room_type, r.name) for r in original.rooms]
    accepted = ws.recommendations.list(ws.demo_id, (RecommendationStatus.ACCEPTED,))
    items = ws.follow_ups.items(fid)
    assert sorted(i.ref for i in items) == sorted(v.ref for v in accepted)
    assert all(i.status is InstallStatus.NOT_CHECKED for i in items)
    assert [i.room_name for i in items] == sorted((i.room_name for i in items), key=[r.name for r in original.rooms].index)
    link = ws.follow_ups.link(ws.demo_id)
    assert link.follow_up_ids == (fid,) and ws.follow_ups.link(fid).original_id == ws.demo_id
    summary = {s.id: s for s in ws.assessments.list()}
    assert summary[fid].parent_id == ws.demo_id and summary[ws.demo_id].follow_ups == 1
    assert summary[fid].followup_due is None
    assert [e.action for e in ws.audit.for_assessment(fid)][0] == AuditAction.FOLLOW_UP_STARTED.value


def test_the_follow_ups_client_profile_is_its_own(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    changed = ws.assessments.open(fid).client.model_copy(update={"name": "Renamed at the follow-up"})
    ws.assessments.update_client(fid, changed)
    assert ws.assessments.open(ws.demo_id).client.name != "Renamed at the follow-up"


def test_undo_of_start_removes_the_follow_up_and_redo_starts_one_again(demo_workspace):
    ws = demo_workspace
    started = ws.follow_ups.start(_finalised(ws))
    redo = started.undo()
    assert started.value not in [s.id for s in ws.assessments.list()]
    assert ws.follow_ups.link(ws.demo_id).follow_up_ids == ()
    again = redo.undo().value
    assert ws.follow_ups.link(ws.demo_id).follow_up_ids == (again,)


def test_refusals_a_follow_up_of_a_follow_up_and_a_second_open_one(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    with pytest.raises(Refused, match=f"Follow-up {fid} of this assessment is still a draft"):
        ws.follow_ups.start(ws.demo_id)
    ws.assessments.set_status(fid, "final")
    with pytest.raises(Refused, match="Start the follow-up from the original assessment"):
        ws.follow_ups.start(fid)


def test_status_reason_installer_and_note_are_stored_audited_and_undone(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    item = ws.follow_ups.items(fid)[0]
    declined = ws.follow_ups.set_status(fid, item.installation_id, "not_done", NotDoneReason.LANDLORD_DECLINED, "Lease")
    ws.follow_ups.set_installed(fid, item.installation_id, date(2026, 11, 1), "Acme Builders")
    ws.follow_ups.set_note(fid, item.installation_id, "Asked again in writing")
    found = ws.follow_ups.item(fid, item.installation_id)
    assert (found.status, found.reason, found.reason_note) == (InstallStatus.NOT_DONE, NotDoneReason.LANDLORD_DECLINED, "Lease")
    assert (found.installed_on, found.installed_by, found.note) == (date(2026, 11, 1), "Acme Builders", "Asked again in writing")
    assert found.is_open
    actions = [e.action for e in ws.audit.for_assessment(fid)]
    assert actions.count(AuditAction.INSTALLED_ITEM.value) == 3
    assert all("Lease" not in e.detail and "Acme" not in e.detail for e in ws.audit.for_assessment(fid))
    declined.undo()
    assert ws.follow_ups.item(fid, item.installation_id).status is InstallStatus.NOT_CHECKED
    assert ws.follow_ups.item(fid, item.installation_id).installed_by == "Acme Builders"


def test_a_reason_with_installed_as_specified_is_refused_and_nothing_changes(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    item = ws.follow_ups.items(fid)[0]
    with pytest.raises(Refused, match="A reason is recorded only for work not done or partly done"):
        ws.follow_ups.set_status(fid, item.installation_id, "as_specified", "cost")
    assert ws.follow_ups.item(fid, item.installation_id).status is InstallStatus.NOT_CHECKED


def test_a_final_follow_up_is_read_only(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    item = ws.follow_ups.items(fid)[0]
    ws.assessments.set_status(fid, "final")
    with pytest.raises(Refused, match="read-only"):
        ws.follow_ups.set_status(fid, item.installation_id, "as_specified")
    assert ws.follow_ups.item(fid, item.installation_id).status is InstallStatus.NOT_CHECKED


def test_a_custom_recommendation_has_no_measurements_to_record(demo_workspace):
    ws = demo_workspace
    ws.recommendations.add_custom(ws.demo_id, None, "Move the hall table")
    fid = _follow_up(ws)
    item = next(i for i in ws.follow_ups.items(fid) if i.title == "Move the hall table")
    assert item.checks == ()
    with pytest.raises(Refused, match="This recommendation has no as-installed measurements"):
        ws.follow_ups.record_check(fid, item.installation_id, "height", "34")
