"""Weight against the rated load of lifts and ramps (issue 11 point 4): the client, plus the device that rides along."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.readings import LB_PER_KG
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.verdicts import Verdict


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


def profile(weight: object, device: dict | None = None) -> ClientProfile:
    return ClientProfile.model_validate({"devices": [device] if device else [], "body": {"weight_kg": weight}})


def judged(judge: Judge, item: str, text: str, client: ClientProfile | None, unit=LengthUnit.INCH):
    return judge.judge_measurement(item, text, JudgeContext(unit=unit, client=client))


POWER_CHAIR = {"kind": "power_wheelchair", "overall_width": "27 in", "weight_kg": "250 lb"}


@pytest.mark.parametrize(("rated", "verdict"), [("549 lb", Verdict.FAILS), ("550 lb", Verdict.MEETS), ("551", Verdict.MEETS)])
def test_a_platform_lift_carries_the_client_and_the_chair(judge, rated, verdict):
    finding = judged(judge, "platform_lift_rated_load", rated, profile("300 lb", POWER_CHAIR))
    assert finding.verdict is verdict
    check = finding.person_fit[0]
    assert check.rule_id == "device_rated_load"
    assert check.required == "at least 550 lb (client and power wheelchair)"
    if verdict is Verdict.FAILS:
        assert check.shortfall == "1 lb"
        assert [r.library_id for r in finding.recommendations] == ["platform_lift_rated_for_load"]
        assert "rated load of at least 550 lb" in finding.recommendations[0].specification
        assert "short by 1 lb" in finding.recommendations[0].specification
    else:
        assert finding.recommendations == ()


def test_a_ramp_without_the_device_weight_says_so(judge):
    client = profile(120, {"kind": "manual_wheelchair", "overall_width": "26 in"})
    finding = judged(judge, "ramp_rated_load", "250 lb", client)
    assert finding.verdict is Verdict.FAILS
    assert "manual wheelchair's weight is not recorded" in finding.person_fit[0].basis
    assert [r.library_id for r in finding.recommendations] == ["ramp_rated_for_load"]
    assert "in the manual wheelchair" in finding.recommendations[0].plain


def test_a_stair_lift_carries_the_client_only(judge):
    finding = judged(judge, "stair_lift_rated_load", "300 lb", profile("280 lb", POWER_CHAIR))
    assert finding.verdict is Verdict.MEETS
    assert finding.person_fit[0].rule_id == "seat_rated_load"
    heavy = judged(judge, "stair_lift_rated_load", "136 kg", profile("310 lb"), LengthUnit.MILLIMETRE)
    assert heavy.verdict is Verdict.FAILS
    assert heavy.person_fit[0].shortfall == "4.6 kg"
    assert [r.library_id for r in heavy.recommendations] == ["stair_lift_heavy_duty"]


def test_without_a_client_or_weight_no_verdict_is_invented(judge):
    assert judged(judge, "ramp_rated_load", "600", None).verdict is Verdict.NOT_APPLICABLE
    assert judged(judge, "ramp_rated_load", "600", ClientProfile()).verdict is Verdict.NOT_APPLICABLE


def test_an_implausible_rating_is_a_unit_slip(judge):
    assert judged(judge, "platform_lift_rated_load", "45", profile(80)).verdict is Verdict.IMPLAUSIBLE
    with pytest.raises(MeasurementError, match="not a weight unit"):
        judged(judge, "platform_lift_rated_load", "5 in", profile(80))


def test_the_device_weight_is_range_checked():
    with pytest.raises(ValidationError, match="power wheelchair weight; check the units: did you mean 300 lb"):
        profile(80, {"kind": "power_wheelchair", "weight_kg": "300 kg"})
    assert profile(80, {"kind": "walker", "weight_kg": "12 lb"}).devices[0].weight_kg == pytest.approx(12 / LB_PER_KG)


@given(client_lb=st.integers(60, 700), device_lb=st.integers(5, 500), rated_lb=st.integers(250, 3000))
def test_the_verdict_follows_the_sum_in_either_unit(judge, client_lb, device_lb, rated_lb):
    client = profile(f"{client_lb} lb", {"kind": "scooter", "weight_kg": f"{device_lb} lb"})
    for unit, text in ((LengthUnit.INCH, f"{rated_lb} lb"), (LengthUnit.MILLIMETRE, f"{rated_lb} lb")):
        finding = judged(judge, "ramp_rated_load", text, client, unit)
        expected = Verdict.FAILS if rated_lb < client_lb + device_lb else Verdict.MEETS
        assert finding.verdict is expected
        if expected is Verdict.FAILS:
            assert finding.recommendations and finding.person_fit[0].shortfall
            assert not finding.person_fit[0].shortfall.startswith("0 ")


def test_the_heaviest_device_that_rides_along_counts():
    client = ClientProfile.model_validate({"devices": [
        {"kind": "walker", "primary": True, "weight_kg": "15 lb"},
        {"kind": "power_wheelchair", "weight_kg": "250 lb"}, {"kind": "cane"}], "body": {"weight_kg": "200 lb"}})
    judge = Judge.load()
    check = judged(judge, "ramp_rated_load", "400 lb", client).person_fit[0]
    assert check.verdict is Verdict.FAILS
    assert check.required == "at least 450 lb (client and power wheelchair)"
    assert judged(judge, "stair_lift_rated_load", "200 lb", client).verdict is Verdict.MEETS  # carries the client only
