"""Never crash, never lose text: any field, at any length, in every audience.

Generated report data (hypothesis) builds without a LayoutError; every character of the user
text an audience prints reaches the PDF's text; no word is drawn outside the page's margins
or into its footer. The cost of a long text grows with its length, not with its square.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from datetime import date
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import paragraph as rl_paragraph

from homeassess.report.build import render_report
from homeassess.report.page_template import MARGIN_BOTTOM, MARGIN_X, page_size
from homeassess.report.report_data import (
    Audience,
    ClientBlock,
    Device,
    FindingRow,
    Letterhead,
    Measurement,
    Photo,
    Recommendation,
    ReportData,
    ReportMeta,
    Room,
    Signature,
    VisitBlock,
    cost_totals,
)
from tests.unit.test_report_builds import landscape_jpeg, page_texts

pytestmark = pytest.mark.slow  # whole reports built, read back and measured for every generated example

# Letters no template sentence uses, so a lost character cannot hide behind one of ours; plus the
# characters that are markup to ReportLab, digits and spaces and line breaks.
LETTERS = "ÀÉÎÕÜßçđłŋœžΑΒΓΔλμπωЖЗИЙяшщ王小明北京김민준서울ሀለሐመ"
ALPHABET = LETTERS + "0123456789<>&'\";:/()-     \n"
JPEG = landscape_jpeg(600, 400)

# Which fields each audience prints (the others it must leave out, or prints only as a cross-reference).
PRINTED = {
    Audience.CLINICAL: (
        "name", "address", "phone", "caregiver", "diagnosis", "condition", "limitation", "goal", "device",
        "visit_address", "clinician", "credentials", "licence", "email", "referral", "agency", "agency_address",
        "room", "observation", "item", "measured", "required", "citation", "note", "fit", "caption", "title",
        "specification", "rationale", "cost_source",
    ),
    Audience.CONTRACTOR: (
        "name", "visit_address", "landlord", "landlord_contact", "access", "clinician", "credentials", "email",
        "agency", "agency_address", "room", "caption", "title", "specification", "location", "mounting",
        "length", "clearances", "structure", "measurement",
    ),
    Audience.LANDLORD: ("name", "visit_address", "landlord", "landlord_contact", "clinician", "credentials", "licence", "email", "agency", "room", "plain"),
    Audience.CLIENT: ("name", "clinician", "email", "landlord", "landlord_contact", "agency", "room", "plain"),
    # a follow-up's reports (their own fields: test_report_follow_up_any_length): here the header only
    Audience.COMPLETION: ("name", "visit_address", "landlord", "landlord_contact", "clinician", "credentials", "licence", "email", "agency", "agency_address"),
    Audience.FOLLOWUP: ("name", "visit_address", "landlord", "landlord_contact", "clinician", "credentials", "licence", "email", "agency", "agency_address",
                        "diagnosis", "condition", "goal", "device"),
}  # fmt: skip
FIELDS = sorted({f for fields in PRINTED.values() for f in fields} | {"access"})


def report(audience: Audience, t: dict[str, str], paper: str = "letter") -> ReportData:
    """Report data with the generated text ``t[field]`` in every field."""
    finding = FindingRow(
        item=t["item"], measured=t["measured"], required=t["required"], verdict="Fails", citation=t["citation"],
        shortfall="short by 1 in", person_fit=(t["fit"],), note=t["note"], standard_note="advisory", item_id="door",
    )  # fmt: skip
    rec = Recommendation(
        room=t["room"], title=t["title"], item=t["item"], specification=t["specification"], rationale=t["rationale"],
        plain=t["plain"], priority="high", installer="family", cost_low=10, cost_high=90, cost_source=t["cost_source"],
        location=t["location"], mounting_height=t["mounting"], length=t["length"], clearances=t["clearances"],
        structure=t["structure"], measurements=(Measurement(t["measurement"], "30 in", "32 in"),), item_id="door",
    )  # fmt: skip
    photo = Photo(JPEG, t["caption"], item_id="door")
    room = Room(name=t["room"], findings=(finding,), photos=(photo,), recommendations=(rec,), observations=(t["observation"],))
    client = ClientBlock(
        name=t["name"], address=t["address"], phone=t["phone"], caregiver=t["caregiver"], diagnosis=t["diagnosis"],
        conditions=(t["condition"],), functional_limitations=(t["limitation"],), goals=(t["goal"],),
        devices=(Device("wheelchair", t["device"], "width 27 in"),),
    )  # fmt: skip
    visit = VisitBlock(
        address=t["visit_address"], landlord_name=t["landlord"], landlord_contact=t["landlord_contact"],
        access_contact=t["access"], visit_date="2026-01-05", clinician=t["clinician"], credentials=t["credentials"],
        licence=t["licence"], phone="555 0100", email=t["email"], referral=t["referral"],
    )  # fmt: skip
    return ReportData(
        meta=ReportMeta("HA-7-test-20260105", date(2026, 1, 5), audience, paper_size=paper),
        letterhead=Letterhead(t["agency"], t["agency_address"], "555 0199"),
        client=client,
        visit=visit,
        rooms=(room,),
        totals=cost_totals([rec]),
        signature=Signature(t["clinician"], t["credentials"], t["licence"]),
    )


def pdf_text(pdf: bytes) -> str:
    return "".join("".join(page.split()) for page in page_texts(pdf))


def assert_every_character_printed(pdf: bytes, texts: list[str]) -> None:
    printed = Counter(pdf_text(pdf))
    wanted = Counter("".join("".join(t.split()) for t in texts))
    missing = {ch: n - printed[ch] for ch, n in wanted.items() if printed[ch] < n}
    assert missing == {}


def words_outside_the_frame(pdf: bytes, paper: str) -> list[str]:
    """Words (from poppler's pdftotext -bbox) beyond the side margins, off the page, or in the footer
    band that are not the footer's own words."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    width, height = page_size(paper)
    footer_top = height - MARGIN_BOTTOM + 8  # y from the top of the page; 8 pt for descenders under the frame
    footer_words = {"Page", "of", "Confidential", "—", "contains", "health", "information", "for", "the", "named", "recipient",
                    "only", "Your", "own", "copy", "keep", "it", "private"}  # fmt: skip
    bad = []
    for page in ElementTree.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", out)).iter("{http://www.w3.org/1999/xhtml}word"):
        x0, y0, x1, y1 = (float(page.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
        word = page.text or ""
        if x0 < MARGIN_X - 3 or x1 > width - MARGIN_X + 3 or y0 < 0 or y1 > height:  # 3 pt: a glyph's own overhang
            bad.append(f"{word[:20]!r} at x {x0:.0f}-{x1:.0f}, y {y0:.0f}-{y1:.0f}")
        elif y1 > footer_top and word not in footer_words and not word.isdigit():
            bad.append(f"{word[:20]!r} in the footer band at y {y0:.0f}-{y1:.0f}")
    return bad


short_words = st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=12), st.text(alphabet=ALPHABET, min_size=1, max_size=30))
unbroken = st.builds(lambda ch, n: ch * n, st.sampled_from(LETTERS), st.integers(40, 400))  # wider than any column
field_text = st.one_of(
    st.lists(short_words, min_size=1, max_size=4).map(" ".join),
    st.lists(short_words, min_size=1, max_size=4).map(" ".join),
    st.lists(st.one_of(short_words, unbroken), min_size=1, max_size=3).map(" ".join),
    st.lists(short_words, min_size=20, max_size=80).map(" ".join),  # a paragraph
)
field_texts = st.fixed_dictionaries({name: field_text for name in FIELDS})


@pytest.mark.parametrize("audience", list(Audience))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=field_texts, paper=st.sampled_from(["letter", "a4"]))
def test_any_text_in_any_field_prints_whole_and_inside_the_page(audience, texts, paper):
    pdf = render_report(report(audience, texts, paper)).pdf  # a LayoutError would fail here
    assert_every_character_printed(pdf, [texts[f] for f in PRINTED[audience]])
    if shutil.which("pdftotext"):
        assert words_outside_the_frame(pdf, paper) == []


SHAPED_LETTERS = "محمدعليشارعדודכהןרחובराजेशकुमारक्षরবীন্দ্রনাথสมชายใจดี"
shaped_text = st.lists(
    st.one_of(
        st.text(alphabet=SHAPED_LETTERS + ".,()!؟،", min_size=1, max_size=15),
        st.builds(lambda ch, n: ch * n, st.sampled_from(SHAPED_LETTERS), st.integers(40, 300)),
        st.text(alphabet=LETTERS, min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=30,
).map(" ".join)


@pytest.mark.parametrize("audience", list(Audience))
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.fixed_dictionaries({name: shaped_text for name in FIELDS}))
def test_right_to_left_and_indic_text_of_any_length_stays_inside_the_page(audience, texts):
    """Shaped scripts come back from a PDF glyph by glyph in drawing order, so only the build and the
    page frame are checked here (the characters are checked for every script in test_report_scripts)."""
    pdf = render_report(report(audience, texts)).pdf
    assert PdfReader(io.BytesIO(pdf)).pages
    if shutil.which("pdftotext"):
        assert words_outside_the_frame(pdf, "letter") == []


LONG_CAPTION = "Threshold and ramp " + "x" * 2_400 + " end of caption"
LONG_LIMITATION = "Cannot stand for more than two minutes without support; " * 60
LONG_CUSTOM = "Rebuild the entrance " + "Qz" * 3_000 + " and finish both faces."


@pytest.mark.parametrize("audience", list(Audience))
def test_the_long_fields_of_issue_12_print_whole(audience):
    texts = {name: f"{name} value" for name in FIELDS}
    texts.update(caption=LONG_CAPTION, limitation=LONG_LIMITATION, specification=LONG_CUSTOM, plain=LONG_CUSTOM, title=LONG_CUSTOM[:400])
    pdf = render_report(report(audience, texts)).pdf
    assert_every_character_printed(pdf, [texts[f] for f in PRINTED[audience]])
    if shutil.which("pdftotext"):
        assert words_outside_the_frame(pdf, "letter") == []


def _characters_laid_out(audience: Audience, text: str) -> int:
    """How many characters ReportLab's paragraph layout goes through to build a report with ``text``."""
    seen = 0
    original = rl_paragraph.Paragraph.breakLines

    def counting(self, width):
        nonlocal seen
        seen += sum(len(getattr(frag, "text", "") or "") for frag in self.frags)
        return original(self, width)

    rl_paragraph.Paragraph.breakLines = counting
    try:
        texts = {name: "x" for name in FIELDS}
        texts.update(specification=text, room=text[: len(text) // 4])
        render_report(report(audience, texts))
    finally:
        rl_paragraph.Paragraph.breakLines = original
    return seen


@pytest.mark.parametrize("audience", [Audience.CLINICAL, Audience.CONTRACTOR])
@pytest.mark.parametrize("kind", ["words", "one word"])
def test_layout_work_grows_with_the_length_of_a_text_not_its_square(audience, kind):
    """A 900 KB room name or a 2 MB one-word specification once took over five minutes: the whole
    remaining text was laid out again on every page. Four times the text must cost about four
    times the work (the square would be sixteen)."""
    unit = "lorem ipsum dolor sit amet " if kind == "words" else "Qz"
    small, large = unit * (20_000 // len(unit)), unit * (80_000 // len(unit))
    ratio = _characters_laid_out(audience, large) / _characters_laid_out(audience, small)
    assert ratio < 6
