"""Every script a client's name or address may carry is drawn with a real glyph, never a box."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import uharfbuzz
from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.platypus import SimpleDocTemplate

from homeassess.domain.data_files import resources_dir
from homeassess.report.build import render_report
from homeassess.report.fonts import FILES, PLACEHOLDER, font_runs, normalise, register_fonts
from homeassess.report.markup import para
from homeassess.report.report_data import (
    Audience,
    ClientBlock,
    Letterhead,
    Recommendation,
    ReportData,
    ReportMeta,
    Room,
    VisitBlock,
    cost_totals,
)
from homeassess.report.styles import make_styles

SAMPLES = {
    "Latin": "Zoë O'Brien-Łukasz, 12 Rue de l'Église, Kraków",
    "Vietnamese": "Nguyễn Thị Hương, 45 Đường Lê Lợi, Quận 1",
    "Greek": "Γιώργος Παπαδόπουλος, Οδός Ερμού 5, Αθήνα",
    "Cyrillic": "Иван Петров, улица Ленина 7, Москва",
    "Arabic": "محمد علي، شارع الملك فهد ١٢، الرياض",
    "Hebrew": "דוד כהן, רחוב הרצל 3, תל אביב",
    "Chinese": "王小明，北京市朝阳区建国路 88 号",
    "Japanese": "山田太郎、東京都渋谷区 ひらがな カタカナ",
    "Korean": "김민준, 서울특별시 강남구 테헤란로 152",
    "Thai": "สมชาย ใจดี, ถนนสุขุมวิท กรุงเทพมหานคร",
    "Devanagari": "राजेश कुमार, नई दिल्ली, क्षत्रिय मार्ग",
    "Bengali": "রবীন্দ্রনাথ ঠাকুর, কলকাতা",
    "Ethiopic": "አበበ ቢቂላ፣ አዲስ አበባ",
}
# Scripts whose text a PDF reader gets back as typed (shaped Arabic, Hebrew, Indic and Thai come
# back as glyphs in drawing order, as from any PDF).
EXTRACTABLE = ("Latin", "Vietnamese", "Greek", "Cyrillic", "Chinese", "Japanese", "Korean", "Ethiopic")


def _cmap(font_name: str) -> set[int]:
    return set(register_fonts().coverage[font_name])


@pytest.mark.parametrize("script", list(SAMPLES))
def test_every_character_goes_to_a_font_whose_cmap_has_it(script):
    text = normalise(SAMPLES[script])
    runs = list(font_runs(text))
    assert "".join(run for _, run in runs) == text  # nothing dropped, nothing replaced
    for font, run in runs:
        missing = [ch for ch in run if ord(ch) not in _cmap(font)]
        assert missing == [], (script, font, missing)


def _hb_font(font_name: str) -> uharfbuzz.Font:
    blob = uharfbuzz.Blob(Path(resources_dir() / "fonts" / FILES[font_name]).read_bytes())
    return uharfbuzz.Font(uharfbuzz.Face(blob))


@pytest.mark.parametrize("script", list(SAMPLES))
def test_shaping_each_run_in_its_font_gives_no_notdef_glyph(script):
    """HarfBuzz, as the report calls it, draws every run of the sample with real glyphs (glyph 0 is .notdef)."""
    for font, run in font_runs(normalise(SAMPLES[script])):
        buffer = uharfbuzz.Buffer()
        buffer.add_str(run)
        buffer.guess_segment_properties()
        uharfbuzz.shape(_hb_font(font), buffer, {"kern": True, "liga": False})
        assert buffer.glyph_infos and all(info.codepoint != 0 for info in buffer.glyph_infos), (script, font, run)


def _report(audience: Audience, name: str, address: str) -> ReportData:
    rec = Recommendation(room=address, title=name, plain=name, specification=address, priority="high", installer="family")
    return ReportData(
        meta=ReportMeta(report_id="HA-1-scripts", generated=date(2026, 1, 1), audience=audience),
        letterhead=Letterhead(agency_name=name),
        client=ClientBlock(name=name, address=address),
        visit=VisitBlock(address=address, landlord_name=name, clinician=name, phone="555 0100", visit_date="2026-01-01"),
        rooms=(Room(name=address, recommendations=(rec,)),),
        totals=cost_totals([rec]),
    )


@pytest.mark.parametrize("audience", list(Audience))
def test_names_and_addresses_in_every_script_print_in_every_report(audience):
    name = " / ".join(SAMPLES[s].split(",")[0].split("،")[0].split("，")[0].split("、")[0] for s in SAMPLES)
    address = " · ".join(SAMPLES[s] for s in SAMPLES)
    pdf = render_report(_report(audience, name, address)).pdf
    text = "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert PLACEHOLDER not in text
    for script in EXTRACTABLE:
        assert "".join(SAMPLES[script].split()) in text, script


def _drawn_left_edges(flowable, width: float = 400) -> list[float]:
    """Where each drawn piece of text starts, in points from the frame's left edge."""
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=letter, leftMargin=72, rightMargin=letter[0] - 72 - width).build([flowable])
    edges: list[float] = []
    PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: edges.append(tm[4] + cm[4] - 72) if text.strip() else None)
    return edges


def test_a_one_line_arabic_value_sits_beside_its_label_and_a_paragraph_reads_from_the_right():
    """A name in a field table was pushed to the far right of its cell, away from its label (a try-out)."""
    styles = make_styles()
    name = para("فاطمة الزهراء بن علي", styles.cell)
    assert min(_drawn_left_edges(name)) < 20  # at the start of the cell, as a Latin name is
    long_text = " ".join(["فاطمة الزهراء بن علي تسكن في الطابق الأول"] * 12)
    assert max(_drawn_left_edges(para(long_text, styles.cell))) > 150  # a wrapped paragraph keeps its right edge
