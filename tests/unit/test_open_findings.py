"""Open findings at a follow-up compare with the first visit's: what the clinician reads as "142 → 131"."""

from __future__ import annotations

from homeassess.domain.follow_up import CheckResult, InstalledItem, VerifyCheck
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.services.open_findings import count_open_at_follow_up

FIRST_VISIT = {
    ("Bathroom", "toilet_grab_bar"): "fails",
    ("Bathroom", "toilet_height"): "fails",
    ("Entry", "door_clear_width"): "fails",
    ("Entry", "threshold_height"): "meets",
}
CHECK = VerifyCheck("height", "Grab bar height", "length", 838.2, 914.4, "33–36 in to the top of the gripping surface")


def item(status: InstallStatus, *, deviating: bool = False, reason: NotDoneReason | None = None) -> InstalledItem:
    verdict = Verdict.FAILS if deviating else Verdict.MEETS
    checks = (CheckResult(CHECK, "38", 965.2, verdict, "Grab bar installed at 38 in: specified 33–36 in"),)
    return InstalledItem(1, 1, "1:grab_bars_toilet", "Bathroom", "Grab bars", "", "grab_bars_toilet", status, reason, "",
                         None, "", "", checks, (), ())


def test_nothing_done_leaves_every_first_visit_finding_open() -> None:
    installed = [(item(InstallStatus.NOT_DONE, reason=NotDoneReason.LANDLORD_DECLINED), ("Bathroom", "toilet_grab_bar"))]
    assert count_open_at_follow_up(FIRST_VISIT, installed, {}) == 3


def test_work_installed_as_specified_closes_its_finding() -> None:
    installed = [(item(InstallStatus.AS_SPECIFIED), ("Bathroom", "toilet_grab_bar"))]
    assert count_open_at_follow_up(FIRST_VISIT, installed, {}) == 2


def test_a_deviation_replaces_the_finding_it_answered() -> None:
    installed = [(item(InstallStatus.DEVIATIONS, deviating=True), ("Bathroom", "toilet_grab_bar"))]
    assert count_open_at_follow_up(FIRST_VISIT, installed, {}) == 3  # two untouched, one deviation


def test_installed_as_specified_but_measured_out_of_range_still_counts_as_a_deviation() -> None:
    installed = [(item(InstallStatus.AS_SPECIFIED, deviating=True), ("Bathroom", "toilet_grab_bar"))]
    assert count_open_at_follow_up(FIRST_VISIT, installed, {}) == 3


def test_the_follow_ups_own_measurements_replace_the_first_visits() -> None:
    follow_up = {("Entry", "door_clear_width"): "meets", ("Entry", "threshold_height"): "fails"}
    assert count_open_at_follow_up(FIRST_VISIT, [], follow_up) == 3  # one closed, one new


def test_a_custom_recommendation_without_an_item_closes_nothing_and_adds_nothing() -> None:
    assert count_open_at_follow_up(FIRST_VISIT, [(item(InstallStatus.AS_SPECIFIED), None)], {}) == 3
