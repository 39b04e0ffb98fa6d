"""Starting a follow-up and recording what was installed, through the services a clinician's actions use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from homeassess.domain.refusals import Refused
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason, RecommendationStatus
from homeassess.services.assessments import AssessmentDetails, NewAssessment
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


def _grab_bar(ws: Workspace, fid: int):
    return next(i for i in ws.follow_ups.items(fid) if i.library_id == "grab_bars_toilet")


def test_a_grab_bar_installed_too_high_is_a_deviation_with_its_correction(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    bar = _grab_bar(ws, fid)
    assert [c.check.id for c in bar.checks][:2] == ["height", "side_length"] and not any(c.measured for c in bar.checks)
    result = ws.follow_ups.record_check(fid, bar.installation_id, "height", "38").value
    assert result.verdict.value == "fails"
    assert result.message.startswith("Grab bar installed at 38 in") and "33–36 in" in result.message
    assert result.correction
    found = _grab_bar(ws, fid)
    assert found.deviations and found.deviations[0].value_text == "38" and found.is_open
    assert AuditAction.AS_INSTALLED_CHECK.value in [e.action for e in ws.audit.for_assessment(fid)]


def test_a_grab_bar_within_the_specification_meets_and_undo_restores_the_previous_value(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    bar = _grab_bar(ws, fid)
    ws.follow_ups.record_check(fid, bar.installation_id, "height", "38")
    corrected = ws.follow_ups.record_check(fid, bar.installation_id, "height", "34 1/2")
    assert corrected.value.verdict.value == "meets"
    assert not _grab_bar(ws, fid).deviations
    corrected.undo()
    assert _grab_bar(ws, fid).checks[0].value_text == "38"
    cleared = ws.follow_ups.record_check(fid, bar.installation_id, "height", "")
    assert not _grab_bar(ws, fid).checks[0].measured
    cleared.undo()
    assert _grab_bar(ws, fid).checks[0].value_text == "38"


def test_unreadable_text_and_an_unknown_check_are_refused_and_nothing_is_stored(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    bar = _grab_bar(ws, fid)
    with pytest.raises(Refused):
        ws.follow_ups.record_check(fid, bar.installation_id, "height", "tall")
    with pytest.raises(Refused, match="no such as-installed measurement"):
        ws.follow_ups.record_check(fid, bar.installation_id, "colour", "34")
    assert not any(c.measured for c in _grab_bar(ws, fid).checks)


def test_outcomes_baseline_then_follow_up_compare_with_directions(demo_workspace):
    ws = demo_workspace
    goals = ws.assessments.open(ws.demo_id).client.goals
    ws.outcomes.set_goal(ws.demo_id, 0, 3, 2, "much")
    ws.outcomes.set_measures(ws.demo_id, recorded_on=date(2026, 9, 1), falls_3m=3, fall_concern=8,
                             instrument="An instrument", instrument_score="41")
    baseline = ws.outcomes.outcomes(ws.demo_id)
    assert baseline.goals[0].goal == goals[0] and baseline.goals[0].performance == 3
    assert baseline.falls_3m == 3 and baseline.fall_concern == 8
    failing = [r for room in ws.assessments.rooms.responses_by_room(ws.demo_id).values() for r in room.values()
               if r.verdict == "fails"]
    assert baseline.open_findings == len(failing) > 0
    fid = _follow_up(ws)
    ws.outcomes.set_goal(fid, 0, 7, 8, "some")
    ws.outcomes.set_measures(fid, recorded_on=date.today(), falls_3m=0, fall_concern=3, instrument="", instrument_score="")
    rows = {c.label: c for c in ws.outcomes.compare(fid)}
    falls = next(c for label, c in rows.items() if "Falls" in label)
    assert (falls.baseline, falls.follow_up, falls.direction.value) == ("3", "0", "better")
    concern = next(c for label, c in rows.items() if "oncern" in label)
    assert concern.direction.value == "better"
    performance = next(c for label, c in rows.items() if "erformance" in label)
    assert (performance.baseline, performance.follow_up, performance.direction.value) == ("3", "7", "better")
    record = ws.follow_ups.record(fid)
    assert record.original_id == ws.demo_id and record.baseline.falls_3m == 3 and record.follow_up.falls_3m == 0
    assert len(record.items) == len(ws.follow_ups.items(fid))


def test_an_out_of_range_score_is_refused_with_a_sentence_and_nothing_changes(demo_workspace):
    ws = demo_workspace
    ws.outcomes.set_goal(ws.demo_id, 0, 3, 2, None)
    with pytest.raises(Refused, match="Performance is scored 1 to 10; 11 is out of range"):
        ws.outcomes.set_goal(ws.demo_id, 0, 11, 2, None)
    with pytest.raises(Refused):
        ws.outcomes.set_measures(ws.demo_id, recorded_on=None, falls_3m=None, fall_concern=11)
    outcomes = ws.outcomes.outcomes(ws.demo_id)
    assert outcomes.goals[0].performance == 3 and outcomes.fall_concern is None


def test_goal_scores_are_undone_and_audited(demo_workspace):
    ws = demo_workspace
    scored = ws.outcomes.set_goal(ws.demo_id, 1, 4, 5, "some")
    scored.undo()
    assert ws.outcomes.outcomes(ws.demo_id).goals[1].performance is None
    assert [e.action for e in ws.audit.for_assessment(ws.demo_id)].count(AuditAction.OUTCOMES.value) == 2


def test_open_findings_at_a_follow_up_start_from_the_first_visits_and_close_as_work_is_installed(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    items = ws.follow_ups.items(fid)
    baseline = ws.outcomes.outcomes(ws.demo_id).open_findings
    assert baseline > 0 and ws.outcomes.outcomes(fid).open_findings == baseline  # nothing checked yet
    ws.follow_ups.set_status(fid, items[0].installation_id, "as_specified")
    assert ws.outcomes.outcomes(fid).open_findings == baseline - 1
    ws.follow_ups.set_status(fid, items[0].installation_id, "deviations")
    assert ws.outcomes.outcomes(fid).open_findings == baseline  # the deviation is counted in its place


def test_removing_a_follow_up_room_and_undoing_it_puts_its_items_back_in_it(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    bar = _grab_bar(ws, fid)
    room = next(r for r in ws.assessments.room_views(fid) if r.name == bar.room_name)
    removed = ws.assessments.remove_room(room.id)
    removed.undo()
    assert _grab_bar(ws, fid).room_name == bar.room_name


def _picture() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 120, 150)).save(out, "JPEG", quality=85)
    return out.getvalue()


def test_an_after_photo_attaches_to_its_item_and_the_same_picture_may_show_another_item(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    items = [i for i in ws.follow_ups.items(fid) if i.room_name == "Upstairs bathroom"]
    room = next(r.id for r in ws.assessments.room_views(fid) if r.name == "Upstairs bathroom")
    first, second = items[0], items[1]
    added = ws.photo_import.import_bytes(fid, room, None, _picture(), recommendation_id=first.recommendation_id)
    again = ws.photo_import.import_bytes(fid, room, None, _picture(), recommendation_id=second.recommendation_id)
    assert added.imported_count == 1 and again.imported_count == 1
    assert ws.follow_ups.item(fid, first.installation_id).after_photos == tuple(added.imported)
    assert ws.follow_ups.item(fid, second.installation_id).after_photos == tuple(again.imported)
    draft = ws.assessments.create(NewAssessment(client={"name": "Another Client"}, details=AssessmentDetails())).value
    with pytest.raises(Refused, match="An after photo belongs to a follow-up visit"):
        ws.photo_import.import_bytes(draft, None, None, _picture(), recommendation_id=first.recommendation_id)
    assert ws.photos_repo.list(draft) == []


def test_an_original_with_a_follow_up_cannot_return_to_draft_so_its_follow_up_loses_nothing(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    original = ws.follow_ups.link(fid).original_id
    assert original is not None
    items_before = len(ws.follow_ups.items(fid))
    with pytest.raises(Refused, match="has a follow-up"):
        ws.assessments.set_status(original, "draft")
    assert ws.assessments.open(original, audit=False).status == "final"
    assert len(ws.follow_ups.items(fid)) == items_before


def test_a_deviation_found_on_work_recorded_as_specified_makes_it_installed_with_deviations(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    bar = _grab_bar(ws, fid)
    ws.follow_ups.set_status(fid, bar.installation_id, "as_specified")
    recorded = ws.follow_ups.record_check(fid, bar.installation_id, "height", "40")
    assert _grab_bar(ws, fid).status is InstallStatus.DEVIATIONS  # never "as specified" beside a failing measurement
    recorded.undo()
    undone = _grab_bar(ws, fid)
    assert undone.status is InstallStatus.AS_SPECIFIED and not any(c.measured for c in undone.checks)


def test_installed_as_specified_is_refused_while_a_measurement_is_off_the_specification(demo_workspace):
    ws = demo_workspace
    fid = _follow_up(ws)
    bar = _grab_bar(ws, fid)
    ws.follow_ups.record_check(fid, bar.installation_id, "height", "38")
    with pytest.raises(Refused, match="Grab bar height is off the specification"):
        ws.follow_ups.set_status(fid, bar.installation_id, "as_specified")
    assert _grab_bar(ws, fid).status is InstallStatus.NOT_CHECKED
    ws.follow_ups.record_check(fid, bar.installation_id, "height", "34")  # a mistyped value corrected
    ws.follow_ups.set_status(fid, bar.installation_id, "as_specified")
    assert _grab_bar(ws, fid).status is InstallStatus.AS_SPECIFIED

