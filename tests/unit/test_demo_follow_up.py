"""The demo's follow-up, as a clinician exploring the program finds it."""

from __future__ import annotations

from datetime import date, timedelta

from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.services.demo import install_demo, load_demo_document
from homeassess.services.demo_follow_up import install_demo_follow_up


def test_the_demo_follow_up_shows_work_as_specified_a_grab_bar_too_high_a_landlord_refusal_and_better_outcomes(workspace):
    ws = workspace
    original, follow_up, added = install_demo_follow_up(ws)
    assert added and install_demo_follow_up(ws) == (original, follow_up, False)
    demo_id, _ = install_demo(ws)
    listed = {s.id: s for s in ws.assessments.list()}
    assert listed[demo_id].status == "draft"  # the demo visit to explore stays editable
    visit = date.fromisoformat(load_demo_document()["visit"]["date"])
    assert listed[original].status == "final" and listed[original].followup_due == visit + timedelta(weeks=8)
    assert listed[follow_up].status == "draft" and listed[follow_up].parent_id == original

    items = {i.library_id: i for i in ws.follow_ups.items(follow_up)}
    assert items["modular_ramp"].status is InstallStatus.AS_SPECIFIED
    assert all(c.verdict.value == "meets" for c in items["modular_ramp"].checks if c.measured)
    assert not items["modular_ramp"].is_open and items["modular_ramp"].before_photos
    bar = items["grab_bars_toilet"]
    assert bar.status is InstallStatus.DEVIATIONS and len(bar.deviations) == 1
    assert bar.deviations[0].message == "Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface"
    assert bar.deviations[0].correction.startswith("Re-fit the grab bar")
    door = items["widen_doorway"]
    assert (door.status, door.reason) == (InstallStatus.NOT_DONE, NotDoneReason.LANDLORD_DECLINED)

    changes = ws.outcomes.compare(follow_up)
    assert changes and all(c.direction.value == "better" for c in changes)
    falls = next(c for c in changes if c.label.startswith("Falls"))
    assert (falls.baseline, falls.follow_up) == ("2", "0")
