"""Point 1 of issue 11: recommendation text reads correctly for every client.

Every proposal the library can make is rendered for clients of every device kind (and none, and no
client), with each usable side, in imperial and metric assessments; no text may carry another
client's device, a side the client does not have, a pronoun or a diagnosis.
"""

from __future__ import annotations

import pytest

from homeassess.domain.catalogue import ItemKind
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.resource_snapshot import validated_resources
from homeassess.domain.units import LengthUnit
from homeassess.domain.verdicts import ProposedRecommendation
from tests.unit.client_cases import DEVICE_CLIENTS, client
from tests.unit.neutral_wording import terms_in


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


def own_wording(kind: str) -> str:
    """The words the client's own device table lends the text (a wheelchair user's text may say wheelchair)."""
    return " ".join(str(v) for v in validated_resources()["person_fit"]["devices"][kind].values())


def every_proposal(judge: Judge, ctx: JudgeContext) -> list[ProposedRecommendation]:
    """The proposals of every failing ADA measurement (either side of each limit) and every concern answer."""
    ada = judge.standards.profile("ada2010")
    found: list[ProposedRecommendation] = []
    for item_id in ada.item_ids:
        limits = ada.limits_for(item_id)
        item = judge.catalogue.item(item_id)
        for bound, step in ((limits.low, -0.9), (limits.high, 0.9)):
            if bound is None:
                continue
            value = bound + step * (0.05 if item.quantity == "slope" else 40)
            low, high = item.plausible_bounds()
            found += judge.judge_value(item, min(max(value, low), high), ctx).recommendations
    for item in judge.catalogue.items.values():
        concerns = [item.concern] if item.kind is ItemKind.YES_NO else [c.id for c in item.choices if c.concern]
        for answer in concerns:
            found += judge.judge_answer(item.id, answer, ctx).recommendations
    assert len({p.library_id for p in found}) > 80
    return found


def texts(rec: ProposedRecommendation) -> str:
    return " ".join((rec.title, rec.plain, rec.specification, rec.rationale))


CASES = [(kind, side, unit) for n, kind in enumerate(DEVICE_CLIENTS)
         for side, unit in [(("", "left", "right", "both")[n % 4], (LengthUnit.INCH, LengthUnit.MILLIMETRE)[n % 2])]]


@pytest.mark.parametrize(("kind", "side", "unit"), CASES)
def test_every_proposal_reads_right_for_this_client(judge, kind, side, unit):
    ctx = JudgeContext(unit=unit, client=client(kind, usable_side=side, caregiver="son"), room_name="bathroom")
    own = own_wording(kind)
    sides = {"left": "left", "right": "right"}.get(side, "")
    for rec in every_proposal(judge, ctx):
        text = texts(rec)
        assert "{" not in text and "}" not in text, (rec.library_id, text)
        wrong = terms_in(text, ("diagnoses", "pronouns", "devices", "demo_phrases"), except_words=own)
        wrong += terms_in(text, ("sides",), except_words=sides)
        assert wrong == [], (kind, rec.library_id, wrong, text)


def test_without_a_client_the_text_is_neutral(judge):
    for rec in every_proposal(judge, JudgeContext()):
        assert terms_in(texts(rec)) == [], (rec.library_id, texts(rec))


@pytest.mark.parametrize(("kind", "phrase"), [
    ("none", "get in and out of the home."),
    ("cane", "get in and out of the home with the cane."),
    ("walker", "get in and out of the home with the walker."),
    ("scooter", "get in and out of the home on the scooter."),
    ("power_wheelchair", "get in and out of the home in the power wheelchair."),
])
def test_the_ramp_is_proposed_in_the_clients_own_words(judge, kind, phrase):
    finding = judge.judge_answer("step_free_entry", "no", JudgeContext(client=client(kind)))
    ramp = next(r for r in finding.recommendations if r.library_id == "modular_ramp")
    assert ramp.plain.endswith(phrase)


@pytest.mark.parametrize(("side", "hand", "placement"), [
    ("left", "the left hand", "the client's left side"),
    ("right", "the right hand", "the client's right side"),
    ("", "the stronger hand", "the side of the stronger hand"),
])
def test_the_usable_side_places_rails_and_handles(judge, side, hand, placement):
    ctx = JudgeContext(client=client("cane", usable_side=side))
    finding = judge.judge_value(judge.catalogue.item("toilet_seat_height"), 400.0, ctx)
    rails = judge.propose(judge.library.entry("handrails_both_sides"), finding, ctx)
    pole = judge.propose(judge.library.entry("transfer_pole"), finding, ctx)
    assert hand in rails.rationale and placement in pole.specification
    other = {"left": "right", "right": "left"}.get(side)
    if other:
        assert other not in (rails.rationale + pole.specification).lower()


@pytest.mark.parametrize(("caregiver", "words"), [("daughter, lives nearby", "the caregiver"), ("", "anyone who helps")])
def test_the_helper_is_named_only_when_the_profile_has_one(judge, caregiver, words):
    ctx = JudgeContext(client=client("walker", caregiver=caregiver))
    finding = judge.judge_answer("toilet_transfer_independent", "no", ctx)
    training = next(r for r in finding.recommendations if r.library_id == "transfer_training")
    assert f"the client and {words} in the transfer method" in training.specification
    assert "daughter" not in training.specification  # free text of the profile is never pasted into the library text


@pytest.mark.parametrize(("kind", "handling", "not_said"), [
    ("walker", "where to place the walker", "brakes"),
    ("rollator", "locking the rollator brakes", "footrests"),
    ("manual_wheelchair", "setting the wheelchair brakes", "walker"),
    ("none", "safe hand placement on fixed supports", "wheelchair"),
])
def test_transfer_training_names_the_clients_own_device(judge, kind, handling, not_said):
    ctx = JudgeContext(client=client(kind))
    finding = judge.judge_answer("toilet_transfer_independent", "no", ctx)
    training = next(r for r in finding.recommendations if r.library_id == "transfer_training")
    assert handling in training.specification and not_said not in training.specification


def test_a_client_without_a_device_is_never_given_one(judge):
    """"The least invasive way to let the client's mobility device through" read wrong for a client who walks
    unaided (a new-user try-out); the texts say "the client" and add the device only where there is one."""
    walks = JudgeContext(client=client("none"), room_name="bathroom")
    said = [(rec.library_id, phrase) for rec in every_proposal(judge, walks) for phrase in
            ("the client's mobility device", "the mobility device", "their mobility device") if phrase in texts(rec)]
    assert said == []
    rides = JudgeContext(client=client("scooter"), room_name="bathroom")
    hinges = next(rec for rec in every_proposal(judge, rides) if rec.library_id == "offset_hinges")
    assert "let the client through on the scooter" in hinges.rationale
