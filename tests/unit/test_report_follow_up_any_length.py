"""Never crash, never lose text, in a follow-up's two reports: any field, at any length.

The generated text (the helpers of test_report_any_length: letters no template uses, markup
characters, unbroken words wider than a column, paragraphs) goes into every free text a
follow-up carries; both reports build, every character of what each prints reaches the PDF's
text, and no word is drawn outside the page's frame.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homeassess.domain.follow_up import CheckResult, Direction, OutcomeChange
from homeassess.domain.units import UnitSystem
from homeassess.domain.verdicts import Verdict
from homeassess.domain.verify_check import VerifyCheck
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.report.build import render_report
from homeassess.report.fonts import PLACEHOLDER
from homeassess.report.from_follow_up import follow_up_block
from homeassess.report.report_data import Audience, Photo
from tests.unit.follow_up_cases import JPEGS, _item, record, report_data
from tests.unit.test_report_any_length import assert_every_character_printed, field_text, words_outside_the_frame
from tests.unit.test_report_builds import drawn_text_of, squashed
from tests.unit.test_report_scripts import EXTRACTABLE, SAMPLES

WORK = ("title", "room", "specification", "reason_note", "installed_by", "note", "label", "target", "message",
        "correction", "caption", "name", "address")  # fmt: skip
OUTCOMES = ("outcome", "baseline", "follow_up", "instrument")
PRINTED = {Audience.COMPLETION: WORK, Audience.FOLLOWUP: WORK + OUTCOMES}


def follow_up_data(audience: Audience, t: dict[str, str], paper: str = "letter"):
    check = VerifyCheck("check", t["label"], "length", 800.0, 900.0, t["target"])
    items = (
        _item(1, t["title"], t["room"], InstallStatus.PARTLY, (CheckResult(check, "38", 965.2, Verdict.FAILS, t["message"], t["correction"]),),
              specification=t["specification"], reason=NotDoneReason.OTHER, reason_note=t["reason_note"],
              installed_on=date(2026, 2, 1), installed_by=t["installed_by"], note=t["note"], before_photos=(1,), after_photos=(2,)),
    )  # fmt: skip
    rec = dataclasses.replace(record(items), changes=(OutcomeChange(t["outcome"], t["baseline"], t["follow_up"], Direction.BETTER),))
    rec = dataclasses.replace(rec, follow_up=dataclasses.replace(rec.follow_up, instrument=t["instrument"]))
    clinical = audience is Audience.FOLLOWUP
    block = follow_up_block(rec, UnitSystem.IMPERIAL, lambda x: x, lambda i: Photo(JPEGS[i], t["caption"]), clinical)
    data = report_data(audience, rec, paper=paper)
    return dataclasses.replace(
        data, follow_up=block, client=dataclasses.replace(data.client, name=t["name"]),
        visit=dataclasses.replace(data.visit, address=t["address"]),
    )


@pytest.mark.parametrize("audience", [Audience.COMPLETION, Audience.FOLLOWUP])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.fixed_dictionaries({name: field_text for name in WORK + OUTCOMES}), paper=st.sampled_from(["letter", "a4"]))
def test_any_text_in_any_follow_up_field_prints_whole_and_inside_the_page(audience, texts, paper):
    pdf = render_report(follow_up_data(audience, texts, paper)).pdf  # a LayoutError would fail here
    assert_every_character_printed(pdf, [texts[f] for f in PRINTED[audience]])
    if shutil.which("pdftotext"):
        assert words_outside_the_frame(pdf, paper) == []


LONG = "Re-fit the rail " + "Qz" * 2_500 + " and make good the tiles."


@pytest.mark.parametrize("audience", [Audience.COMPLETION, Audience.FOLLOWUP])
def test_a_long_note_caption_and_correction_print_whole(audience):
    texts = {name: f"{name} value" for name in WORK + OUTCOMES}
    texts.update(note=LONG, caption="Rail " + "x" * 2_400 + " end", correction=LONG, title=LONG[:300])
    pdf = render_report(follow_up_data(audience, texts)).pdf
    assert_every_character_printed(pdf, [texts[f] for f in PRINTED[audience]])
    if shutil.which("pdftotext"):
        assert words_outside_the_frame(pdf, "letter") == []



@pytest.mark.parametrize("audience", [Audience.COMPLETION, Audience.FOLLOWUP])
def test_every_script_in_a_follow_ups_own_fields_prints(audience):
    """An installer, a title, a note or a caption in any script is drawn (no .notdef box); the scripts a
    PDF gives back as typed come back whole, the shaped ones are checked glyph by glyph in test_report_scripts."""
    every = " · ".join(SAMPLES.values())
    fields = ["title", "installed_by", "note", "caption", "name"] + (["outcome"] if audience is Audience.FOLLOWUP else [])
    texts = {name: f"{name} value" for name in WORK + OUTCOMES}
    texts.update({field: f"{field.upper()} {every}" for field in fields})
    pdf = render_report(follow_up_data(audience, texts)).pdf
    text = squashed(drawn_text_of(pdf))
    assert PLACEHOLDER not in text
    leading = " · ".join(SAMPLES[s] for s in ("Latin", "Vietnamese", "Greek", "Cyrillic"))  # up to the first shaped script
    for field in fields:
        assert squashed(f"{field.upper()} {leading}") in text, field
    for script in EXTRACTABLE:
        assert text.count(squashed(SAMPLES[script])) >= len(fields), script
    if shutil.which("pdftotext"):
        assert words_outside_the_frame(pdf, "letter") == []
