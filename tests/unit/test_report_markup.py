"""The report layer on its own: escaping, fonts, right-to-left order, millimetres, the clinical-wording check."""

from __future__ import annotations

import ast
import io
from datetime import date
from pathlib import Path

from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from homeassess.report.bidi import BidiParagraph, visual_line
from homeassess.report.build import render_report
from homeassess.report.fonts import CJK, PLACEHOLDER, SANS, font_runs, undrawable
from homeassess.report.markup import SafeMarkup, compose, markup, para
from homeassess.report.millimetres import to_millimetres
from homeassess.report.privacy import CLIENT, Hit, clinical_wording
from homeassess.report.report_data import (
    Audience,
    ClientBlock,
    Letterhead,
    Recommendation,
    ReportData,
    ReportMeta,
    Room,
    Signature,
    VisitBlock,
    cost_totals,
)
from tests.unit.test_report_builds import image_streams, squashed, text_of

REPORT_PACKAGE = Path(__file__).resolve().parents[2] / "homeassess" / "report"


def test_markup_escapes_tags_ampersands_and_keeps_line_breaks():
    assert markup("O'Brien <b>& Sons</b>") == "O'Brien &lt;b&gt;&amp; Sons&lt;/b&gt;"
    assert markup("a\nb") == "a<br/>b"
    assert markup("&amp;") == "&amp;amp;"
    assert markup(None) == ""
    assert compose("<b>Name:</b> {n}", n="<i>x</i>") == "<b>Name:</b> &lt;i&gt;x&lt;/i&gt;"


def test_characters_go_to_the_font_that_has_them_and_the_rest_to_a_placeholder():
    runs = list(font_runs("Łukasz 王小明 😀"))
    assert runs == [(SANS, "Łukasz "), (CJK, "王小明"), (SANS, f" {PLACEHOLDER}")]
    assert f'<font name="{CJK}">王小明</font>' in markup("王小明")
    assert undrawable("a😀b\u200d") == ["😀"]  # the joiner is dropped silently, the emoji is reported
    assert markup("e\u0301") == "é"  # NFC


def test_paragraphs_of_user_text_never_parse_markup():
    style = ParagraphStyle("t", fontName=SANS)
    p = para('<img src="/etc/hostname"/> Smith <b> Jr 0.1 <A <0.9', style)
    assert isinstance(p, Paragraph)
    p.wrap(300, 100)  # would raise on unbalanced tags if the text were parsed
    assert isinstance(para("محمد علي", style).parts[0], BidiParagraph)  # checked by a TextBlock when split
    assert isinstance(para(SafeMarkup("<b>bold</b>"), style), Paragraph)


# What may be handed to Paragraph() directly: constants, f-strings over counts and module
# constants, str(count), and the parameters through which constant markup is passed around.
_SAFE_NAMES = {
    "text",
    "label",
    "h",
    "title",
    "markup",
    "box",
    "note",
    "term",
    "count",
    "data",
    "findings",
    "fails",
    "total",
    "own",
    "number",
}
_SAFE_CALLS = {"str", "len", "units_statement", "payer", "markup", "compose"}


def _is_safe(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(_is_safe(v.value) if isinstance(v, ast.FormattedValue) else True for v in node.values)
    if isinstance(node, ast.Name):
        return node.id in _SAFE_NAMES
    if isinstance(node, ast.Attribute):  # data.dismissed_count, total.count
        return node.attr in ("dismissed_count", "count")
    if isinstance(node, ast.Call):
        return getattr(node.func, "id", getattr(node.func, "attr", "")) in _SAFE_CALLS
    if isinstance(node, ast.BinOp | ast.IfExp | ast.Compare):
        return all(_is_safe(child) for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))
    return False


def test_no_paragraph_is_built_from_user_text_directly():
    """User text reaches a Paragraph only through markup(), compose() or para() (docs/pitfalls.md §2.1)."""
    offenders = []
    for path in sorted(REPORT_PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_paragraph = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Paragraph" and node.args
            if is_paragraph and not _is_safe(node.args[0]):
                offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node.args[0])}")
    assert offenders == []


def test_right_to_left_words_are_put_in_visual_order():
    assert visual_line("محمد علي") == "علي محمد"
    assert visual_line("Client: محمد علي (tenant)") == "Client: علي محمد (tenant)"
    assert visual_line("شارع 12 الملك") == "الملك 12 شارع"
    assert visual_line("Flat 3, 12 Main Street") == "Flat 3, 12 Main Street"
    # Mostly Latin, although it begins with an Arabic name: read left to right, as an English report is.
    assert visual_line("محمد Smith Jones علي") == "محمد Smith Jones علي"
    assert visual_line("ليلى حداد (Layla Haddad), +61 3 9555 7788") == "حداد ليلى (Layla Haddad), +61 3 9555 7788"
    assert visual_line("محمد علي سمير Jo") == "Jo سمير علي محمد"  # mostly Arabic: right to left


def test_punctuation_stays_outside_hebrew_and_arabic_names():
    # In an English sentence the full stop after a right-to-left name is drawn on its right...
    assert visual_line("Client: محمد علي.") == "Client: علي محمد."
    assert visual_line("Tenant (דוד כהן), flat 3.") == "Tenant (כהן דוד), flat 3."
    # ...and in a right-to-left sentence on its left, where that sentence ends.
    assert visual_line("محمد علي.") == ".علي محمد"
    assert visual_line("שלום, דוד!") == "!דוד ,שלום"
    # Brackets around right-to-left words are mirrored, so they still enclose the name.
    assert visual_line("(علي)", "RTL") == "(علي)"
    assert visual_line("علي (abc) د") == "د (abc) علي"


def test_inch_figures_become_millimetres_by_one_rounding_rule():
    assert to_millimetres("34–38 in AFF") == "864–965 mm AFF"
    assert to_millimetres("at least 32 in (815 mm) clear") == "at least 813 mm clear"  # not 815: one rule
    assert to_millimetres("30 1/2 in, short by 1 1/2 in") == "775 mm, short by 38 mm"
    assert to_millimetres("no steeper than 1:12 (8.33 %)") == "no steeper than 1:12 (8.33 %)"
    assert to_millimetres("a 60 × 60 in square; 6 ft long") == "a 1524 × 1524 mm square; 1829 mm long"


def test_a_slope_in_run_per_rise_reads_as_a_metric_ratio():
    """A try-out's metric scope read "1:12 (305 mm of run per 25.4 mm of rise)"."""
    assert to_millimetres("no steeper than 1:12 (1 ft of run per inch of rise)") == (
        "no steeper than 1:12 (12 mm of run per mm of rise)")


def test_the_millimetre_faults_reported_in_issue_12_are_gone():
    assert to_millimetres("Half-bath door: 28 in (2 ft 4 in) clear") == "Half-bath door: 711 mm clear"
    assert to_millimetres("Front hall (2 ft 11 in wide)") == "Front hall (889 mm wide)"
    assert to_millimetres("to gain about 1 1/2 to 2 in of clear width") == "to gain about 38 to 51 mm of clear width"
    assert to_millimetres("a 36 in door leaf (about 33 to 34 in clear)") == "a 914 mm door leaf (about 838 to 864 mm clear)"
    assert to_millimetres('a 36" door, a 3/4-inch sheet, a 1½ in rail') == "a 914 mm door, a 19 mm sheet, a 38 mm rail"
    assert to_millimetres("between 15 and 48 in above the floor") == "between 381 and 1219 mm above the floor"
    assert to_millimetres("36 in (24 in where space is limited)") == "914 mm (610 mm where space is limited)"
    assert to_millimetres("12 sq ft; 1:8 over 24 in; in 2024 in the hall; Photos 1-6") == (
        "12 sq ft; 1:8 over 610 mm; in 2024 in the hall; Photos 1-6"
    )


def test_pounds_force_become_newtons_as_ada_prints_them():
    assert to_millimetres("Into studs or blocking; withstand 250 lbf") == "Into studs or blocking; withstand 1112 N"
    assert to_millimetres("Bars must withstand 250 lbf (1112 N) (§609.8)") == "Bars must withstand 1112 N (§609.8)"
    assert to_millimetres("no more than 5 lbf (22.2 N) to push") == "no more than 22.2 N to push"
    assert to_millimetres("a 250 lb client, 1 1/2 in from the wall") == "a 250 lb client, 38 mm from the wall"


def test_a_metric_text_reads_celsius_and_lux_only():
    assert to_millimetres("no hotter than 120 °F (49 °C) (ADA 2010 §607.6)") == "no hotter than 49 °C (ADA 2010 §607.6)"
    assert to_millimetres("set the heater to 120 °F, then check") == "set the heater to 49 °C, then check"
    assert to_millimetres("at least 250 lx (about 23 fc) on counter tops") == "at least 250 lx on counter tops"
    assert to_millimetres("measured 60 °C; 1:12") == "measured 60 °C; 1:12"


def test_the_clinical_wording_check_reaches_a_room_name_and_names_it_by_number():
    data = _data(Audience.CONTRACTOR, room_name="Bathroom (Parkinson disease)")
    hits = clinical_wording(data, ["parkinson disease", "OA"])
    assert Hit("Room 1: name", CLIENT) in hits  # the room's own name is not quoted: it is the hit
    assert clinical_wording(_data(Audience.CONTRACTOR), ["parkinson disease"]) == []


def _png(colour: str, size: tuple[int, int] = (300, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _data(
    audience: Audience, room_name: str = "Bathroom", logo: bytes | None = None, signature: bytes | None = None
) -> ReportData:
    rec = Recommendation(
        room=room_name,
        title="Grab bar",
        plain="Fit a grab bar by the toilet.",
        priority="high",
        installer="client",
        cost_low=100,
        cost_high=300,
        mounting_height="33–36 in AFF",
    )
    return ReportData(
        meta=ReportMeta(report_id="HA-9-test-20260101", generated=date(2026, 1, 1), audience=audience),
        letterhead=Letterhead("Agency & <Co>", "1 Main St", "555-0100", logo),
        client=ClientBlock(name="Test Client"),
        visit=VisitBlock(address="1 Home Rd", visit_date="2026-01-01"),
        rooms=(Room(name=room_name, recommendations=(rec,)),),
        totals=cost_totals([rec]),
        signature=Signature(name="A. Therapist", image_png=signature),
    )


def test_logo_and_signature_are_the_only_images_besides_photos():
    pdf = render_report(_data(Audience.CLINICAL, logo=_png("navy"), signature=_png("black", (400, 120)))).pdf
    assert len(image_streams(pdf)) == 2
    assert "Agency&<Co>" in squashed(text_of(pdf))
    broken = render_report(_data(Audience.CLINICAL, logo=b"not a png", signature=b"\x89PNG broken")).pdf
    assert image_streams(broken) == []


def test_an_empty_assessment_still_builds_for_every_audience():
    for audience in Audience:
        data = _data(audience)
        # the clinician's contact only: the landlord letter is refused without it (test_report_landlord_letter)
        empty = ReportData(meta=data.meta, letterhead=Letterhead(), client=ClientBlock(name=""),
                           visit=VisitBlock(clinician="A. Therapist", phone="555 0100"))
        assert render_report(empty).page_count >= 1
